// Formats `agendapack inspect`: per page the method and why, characters, OCR confidence, the
// printed page number and the furniture the cleaners took out — what to look at first.
import {CONTINUE, SKIP, visit} from 'unist-util-visit'
import type {AnyNode, Page, Root} from '../tree/types.js'
import {pageText} from '../tree/to-text.js'

/** What inspect reports about one page. */
export interface PageInspection {
  page: number
  method: string
  reason: string
  chars: number
  confidence: number | null
  printedPage: string | null
  furniture: string[]
}

/** Collects the facts inspect shows for every page of a cleaned tree. */
export function inspectTree(tree: Root): PageInspection[] {
  return tree.children.map(function inspectPage(page: Page): PageInspection {
    return {
      page: page.data.page,
      method: page.data.method,
      reason: page.data.reason,
      chars: pageText(page).length,
      confidence: page.data.ocrConfidence === null ? null : Math.round(page.data.ocrConfidence * 1000) / 1000,
      printedPage: page.data.printedPage,
      furniture: furnitureOf(page)
    }
  })
}

function furnitureOf(page: Page): string[] {
  const out: string[] = []
  visit(page, function collect(node: AnyNode) {
    if ((node.type !== 'line' && node.type !== 'word') || node.data.layer !== 'furniture') return CONTINUE
    const text = node.type === 'word' ? node.value : node.children.map((w) => w.value).join(' ')
    out.push(`${text} (${node.data.furniture ?? 'furniture'})`)
    return SKIP
  })
  return out
}

/** The inspection as an aligned text table. */
export function formatInspection(path: string, pages: readonly PageInspection[]): string {
  const rows = pages.map((p) => [
    String(p.page), p.method, p.printedPage ?? '-', String(p.chars), p.confidence === null ? '-' : p.confidence.toFixed(2), p.reason
  ])
  const head = ['page', 'method', 'printed', 'chars', 'conf', 'reason']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  const lines = [path, fmt(head)]
  pages.forEach((p, i) => {
    lines.push(fmt(rows[i]!))
    if (p.furniture.length) lines.push(' '.repeat(widths[0]! + 2) + 'removed: ' + p.furniture.join('; '))
  })
  return lines.join('\n')
}
