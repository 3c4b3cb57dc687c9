// Marks page furniture (it stays in the tree, out of the text): page-number stamps, upside-down
// stamps, "This page is intentionally left blank", then running heads and feet (running-lines.ts).
// Rules, per page:
// - a line that is only a stamp ("Page 24", "Page 3 of 10", "- 24 -", "-1-", "6 abed") is
//   furniture wherever it is on the page (OCR reads side stamps in the middle of slides);
// - a bare number ("24") is a stamp only at the page edge: in the top or bottom band when the
//   page has geometry, else only as the last body line; never next to another number-only line
//   (tables printed one cell per line end in numbers too; agenda numbers head pages); and only
//   when it follows the page sequence of the pack's other stamps (page-sequence.ts), so a table
//   figure carried over a page break ("376", "2021") stays in the text;
// - a stamp glued to the end of the last line ("… Assessment Page 24", and for pages without
//   geometry "… the most. 4" after a full stop) has just those words marked;
// - "Agenda Item 9" stamps are never furniture: segmenters need them;
// - on OCR'd pages a stamp line may carry specks ("Page 2 -", "‘Page 5"): see page-stamp.ts.
import type {VFile} from 'vfile'
import {normalisePageStamp} from '../normalise/page-stamp.js'
import {lineText} from '../tree/to-text.js'
import type {Line, Page, Root, Word} from '../tree/types.js'
import {mark} from './mark.js'
import {pageEdges, type PageEdges} from './page-edges.js'
import {sequencedStamps, type StampReading} from './page-sequence.js'
import {cleanRunningLines} from './running-lines.js'

const BLANK_PAGE_NOTICE = /^(?:this\s+page\s+(?:has\s+been\s+|is\s+)?(?:intentionally\s+)?left\s+(?:intentionally\s+)?blank|(?:this\s+)?page\s+intentionally\s+(?:left\s+)?blank)\.?$/i
const AGENDA_ITEM = /^agenda\s+item\b/i
/** A number-only line ("1,922", "24%", "0.4") — a table cell, not a stamp neighbour; section
 * numbers ("11.") are not cells and may sit under a page number. */
const NUMBER_ONLY = /^[\d.,%£$()+-]*\d[\d,%£$()+-]*(?:\.\d[\d,%£$()+-]*)*$/
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
  const readings: StampReading[] = []
  tree.children.forEach((page, index) => readings.push(...markPage(page, index)))
  for (const reading of sequencedStamps(readings)) mark(reading.line.data, 'page-number')
  cleanRunningLines(tree, file)
}

/** Marks the page's sure furniture; returns its page-number readings (bare ones not yet marked). */
function markPage(page: Page, index: number): StampReading[] {
  const readings: StampReading[] = []
  const edges = pageEdges(page, EDGE_LINES)
  const last = edges.lines[edges.lines.length - 1]
  const ocr = page.data.method === 'ocr'
  edges.lines.forEach(function each(line, at) {
    const text = lineText(line)
    if (AGENDA_ITEM.test(text)) return
    if (BLANK_PAGE_NOTICE.test(text)) return mark(line.data, 'blank-page-notice')
    const stamp = normalisePageStamp(text, {ocr})
    if (!stamp) return
    const reading = {page: index, number: Number(stamp.number), line}
    if (!stamp.bare) {
      mark(line.data, stamp.kind)
      if (stamp.number) readings.push({...reading, bare: false})
    } else if (atEdge(edges, line) && !besideNumber(edges, at)) {
      readings.push({...reading, bare: true})
    }
  })
  const tail = edges.geometric ? edges.foot : last ? [last] : []
  for (const line of tail) markGluedStamp(line, !edges.geometric)
  return readings
}

/** In the top or bottom band of a page with geometry; else the page's last body line. */
function atEdge(edges: PageEdges, line: Line): boolean {
  return edges.geometric ? edges.head.includes(line) || edges.foot.includes(line) : line === edges.lines[edges.lines.length - 1]
}

/** The body line before or after, at the same edge, is number-only too: a column of table cells, not a stamp. */
function besideNumber(edges: PageEdges, at: number): boolean {
  const band = edges.head.includes(edges.lines[at]!) ? edges.head : edges.foot
  return [edges.lines[at - 1], edges.lines[at + 1]].some((line) => line !== undefined &&
    (!edges.geometric || band.includes(line)) && NUMBER_ONLY.test(lineText(line)))
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
