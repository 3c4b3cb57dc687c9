// Running heads and feet: the same text (digits masked, case and spacing ignored) at the top or
// bottom edge of at least half the pages and at least MIN_RUNNING_PAGES pages is furniture. On
// OCR'd pages a line also counts when it is within a few letter errors of it (ocr-running-lines.ts).
import type {VFile} from 'vfile'
import {lineText} from '../tree/to-text.js'
import type {Line, Root} from '../tree/types.js'
import {mark} from './mark.js'
import {markOcrRunningLines, ocrRunningKey} from './ocr-running-lines.js'
import {pageEdges} from './page-edges.js'

/** Fewest pages a running head or foot must repeat on (a pair of pages can share a title by chance). */
const MIN_RUNNING_PAGES = 3
/** Share of the pages (≥) a running head or foot must repeat on. */
const RUNNING_SHARE = 0.5
/** Rounds of peeling: without geometry, each round compares the first (last) remaining body line
 * of every page, so a two-line running head is found line by line and a body line is compared only
 * once the lines above it proved to be furniture. */
const ROUNDS = 2
/** Fewest letters a repeated line needs to count (a lone "#" or "-" is not a running head). */
const MIN_LETTERS = 3

/**
 * Marks running heads and feet across the pages of a tree.
 * @param tree the page tree (marks set in place)
 * @param _file the file (unused)
 */
export function cleanRunningLines(tree: Root, _file?: VFile): void {
  const pages = tree.children
  const needed = Math.max(MIN_RUNNING_PAGES, Math.ceil(pages.length * RUNNING_SHARE))
  if (pages.length < needed) return
  const ocr = pages.map((page) => page.data.method === 'ocr')
  for (let round = 0; round < ROUNDS; round++) {
    const edges = pages.map((page) => pageEdges(page, 1))
    const heads = markRepeated(edges.map((edge) => edge.head), ocr, needed, 'running-head')
    const feet = markRepeated(edges.map((edge) => edge.foot), ocr, needed, 'running-foot')
    if (heads + feet === 0) return
  }
}

/** Marks lines whose key is found on at least `needed` of the pages, then lines on OCR'd pages
 * close to lines found on that many; returns how many it marked. */
function markRepeated(perPage: Line[][], ocr: boolean[], needed: number, kind: 'running-head' | 'running-foot'): number {
  const fuzzyKeys = ocr.includes(true) ? perPage.map((lines) => lines.map((line) => ocrRunningKey(lineText(line)))) : null
  const marked = markExact(perPage, needed, kind)
  return fuzzyKeys ? marked + markOcrRunningLines(perPage, fuzzyKeys, ocr, needed, kind) : marked
}

/** Marks lines whose key is found on at least `needed` of the pages; returns how many it marked. */
function markExact(perPage: Line[][], needed: number, kind: 'running-head' | 'running-foot'): number {
  let marked = 0
  const pagesWith = new Map<string, number>()
  for (const lines of perPage) {
    for (const key of new Set(lines.map(runningKey))) if (key) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1)
  }
  for (const lines of perPage) {
    for (const line of lines) {
      const key = runningKey(line)
      if (!key || (pagesWith.get(key) ?? 0) < needed) continue
      mark(line.data, kind)
      marked++
    }
  }
  return marked
}

/** "Cabinet – 12 March 2024  Page 3" → "cabinet – # march # page #"; "" when it cannot be one. */
function runningKey(line: Line): string {
  const text = lineText(line)
  if (/^agenda\s+item\b/i.test(text)) return ''
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  return letters >= MIN_LETTERS ? text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim() : ''
}
