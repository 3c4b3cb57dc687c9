// Records the number printed on each page (`page.data.printedPage`) from the stamps the furniture
// cleaner marked; falls back to a numeric PDF page label when the page shows no stamp.
import type {VFile} from 'vfile'
import {normalisePageStamp} from '../normalise/page-stamp.js'
import type {Block, Line, Page, Root} from '../tree/types.js'

/**
 * Sets `printedPage` on every page: the number of the last marked stamp on the page that has
 * one, else the page label when it is a number ("24"), else null.
 * @param tree the page tree (page data set in place)
 * @param _file the file (unused)
 */
export function cleanPrintedPage(tree: Root, _file?: VFile): void {
  for (const page of tree.children) {
    const stamped = stampNumbers(page)
    const label = page.data.label?.trim()
    page.data.printedPage = stamped[stamped.length - 1] ?? (label && /^\d{1,4}$/.test(label) ? label : null)
  }
}

/** Numbers of the page's stamps in reading order: whole stamp lines and stamp words glued to a line. */
function stampNumbers(page: Page): string[] {
  const out: string[] = []
  const ocr = page.data.method === 'ocr'
  for (const line of page.children.flatMap(blockLines)) {
    const text = line.data.layer === 'furniture' && isStampKind(line.data.furniture)
      ? line.children.map((w) => w.value).join(' ')
      : line.children.filter((w) => w.data.layer === 'furniture' && isStampKind(w.data.furniture)).map((w) => w.value).join(' ')
    const number = text ? normalisePageStamp(text, {ocr})?.number ?? null : null
    if (number) out.push(number)
  }
  return out
}

function blockLines(block: Block): Line[] {
  return block.type === 'table' ? [] : block.children
}

function isStampKind(kind: string | undefined): boolean {
  return kind === 'page-number' || kind === 'page-stamp'
}
