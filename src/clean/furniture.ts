// Marks page furniture (it stays in the tree, out of the text): page-number stamps, upside-down
// stamps, "This page is intentionally left blank", then running heads and feet (running-lines.ts).
// Rules, per page:
// - a line that is only a stamp ("Page 24", "Page 3 of 10", "- 24 -", "-1-", "6 abed") is
//   furniture wherever it is on the page (OCR reads side stamps in the middle of slides);
// - a bare number ("24") is a stamp only at the page edge: in the top or bottom band when the
//   page has geometry, else only as the last body line and not below another number-only line
//   (tables OCR'd one cell per line end in numbers too; agenda numbers head pages);
// - a stamp glued to the end of the last line ("… Assessment Page 24", and for pages without
//   geometry "… the most. 4" after a full stop) has just those words marked;
// - "Agenda Item 9" stamps are never furniture: segmenters need them.
import type {VFile} from 'vfile'
import {normalisePageStamp} from '../normalise/page-stamp.js'
import {lineText} from '../tree/to-text.js'
import type {Line, Page, Root, Word} from '../tree/types.js'
import {mark} from './mark.js'
import {pageEdges} from './page-edges.js'
import {cleanRunningLines} from './running-lines.js'

const BLANK_PAGE_NOTICE = /^(?:this\s+page\s+(?:has\s+been\s+|is\s+)?(?:intentionally\s+)?left\s+(?:intentionally\s+)?blank|(?:this\s+)?page\s+intentionally\s+(?:left\s+)?blank)\.?$/i
const AGENDA_ITEM = /^agenda\s+item\b/i
/** A number-only line ("1,922", "24%", "0.4") — a table cell, not a stamp neighbour. */
const NUMBER_ONLY = /^[\d.,%£$()+-]+$/
/** Largest number taken as a page number glued after a sentence (3 digits: pages, not amounts). */
const GLUED_NUMBER = /^\d{1,3}$/
/** Lines taken as a page edge when there is no geometry (ordinal mode). */
const EDGE_LINES = 2

/**
 * Marks page furniture on every page, then running heads and feet across pages.
 * @param tree the page tree (marks set in place: `data.layer = 'furniture'`, `data.furniture`)
 * @param file the file (passed on; no warnings are given)
 */
export function cleanFurniture(tree: Root, file?: VFile): void {
  for (const page of tree.children) markPage(page)
  cleanRunningLines(tree, file)
}

function markPage(page: Page): void {
  const edges = pageEdges(page, EDGE_LINES)
  const last = edges.lines[edges.lines.length - 1]
  edges.lines.forEach(function each(line, index) {
    const text = lineText(line)
    if (AGENDA_ITEM.test(text)) return
    if (BLANK_PAGE_NOTICE.test(text)) return mark(line.data, 'blank-page-notice')
    const stamp = normalisePageStamp(text)
    if (!stamp) return
    const previous = edges.lines[index - 1]
    const atEdge = edges.geometric
      ? edges.head.includes(line) || edges.foot.includes(line)
      : line === last && !(previous && NUMBER_ONLY.test(lineText(previous)))
    if (!stamp.bare || atEdge) mark(line.data, stamp.kind)
  })
  const tail = edges.geometric ? edges.foot : last ? [last] : []
  for (const line of tail) markGluedStamp(line, !edges.geometric)
}

/** "… Assessment Page 24" → marks "Page", "24"; "… the most. 4" → marks "4" (when `afterStop`). */
function markGluedStamp(line: Line, afterStop: boolean): void {
  if (line.data.layer === 'furniture') return
  const words = line.children.filter((w) => w.data.layer !== 'furniture' && w.value)
  if (words.length < 3) return
  const [before, label, number] = words.slice(-3) as [Word, Word, Word]
  if (/^page$/i.test(label.value) && /^\d{1,4}$/.test(number.value)) {
    mark(label.data, 'page-number')
    mark(number.data, 'page-number')
    return
  }
  if (afterStop && GLUED_NUMBER.test(number.value) && /[.!?]$/.test(label.value) && before.value && Number(number.value) > 0) {
    mark(number.data, 'page-number')
  }
}
