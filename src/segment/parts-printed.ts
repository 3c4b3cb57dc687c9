// Maps the agenda's printed page ranges ("(Pages 21 - 48)") onto page indices: by the printed
// numbers the cleaners found, interpolated where missing, snapped to the page where the item's
// papers visibly begin (cover sheet, minutes heading, "Agenda Item" stamp).
import type {AgendaItem} from '../compile/model.js'
import type {Page, Root} from '../tree/types.js'
import type {PageSignals} from './parts-signals.js'

/** Where one agenda item's papers sit in the pack. */
export interface ItemPages {
  number: string
  title: string
  from: number
  /** Last page, or null when only the start is known. */
  to: number | null
}

/** Pages (≤) between where the printed numbers put an item and a visible start of its papers. */
const SNAP_PAGES = 3
/**
 * Printed pages (≤) beyond the agenda's last printed page that still count as the pack's own
 * numbering (a late supplement); larger numbers are an appendix's own pages, a year or a figure.
 */
const MAX_PRINTED_OVERRUN = 10
/** Weight of a worded or dashed page stamp against a bare number's 1 when printed numbers disagree. */
const STAMP_WEIGHT = 2

/**
 * The page range of every agenda item that gives printed pages, in agenda order.
 * @param tree the page tree (printed page numbers on page data)
 * @param items the agenda items
 * @param signals the page signals
 * @param firstPage the first page after the agenda (printed page 1 when no page shows a number)
 */
export function itemPages(tree: Root, items: readonly AgendaItem[], signals: readonly PageSignals[], firstPage: number): ItemPages[] {
  const lastPage = tree.children.length
  const ranged = items.filter((item) => item.printedPages && item.number !== null)
  const maxTo = Math.max(...ranged.map((item) => item.printedPages!.to))
  const printed = printedNumbers(tree, firstPage, maxTo + MAX_PRINTED_OVERRUN)
  const minFrom = Math.min(...ranged.map((item) => item.printedPages!.from))
  const out: ItemPages[] = []
  let previous: {page: number; printed: number} | null = null
  for (const item of ranged) {
    const range = item.printedPages!
    const guess = pageOfPrinted(range.from, printed) ?? (previous ? previous.page + range.from - previous.printed : firstPage + range.from - minFrom)
    const from = snap(Math.max(guess, previous ? previous.page + 1 : firstPage), item.number!, signals, previous ? previous.page + 1 : firstPage)
    if (from > lastPage) break
    out.push({number: item.number!, title: item.title, from, to: null})
    previous = {page: from, printed: range.from}
  }
  closeRanges(out, ranged, printed, lastPage)
  return out
}

/** Each item runs to the page before the next item's start, or to its own printed end. */
function closeRanges(out: ItemPages[], ranged: readonly AgendaItem[], printed: Map<number, number>, lastPage: number): void {
  out.forEach(function close(item, index) {
    const next = out[index + 1]
    if (next) {
      item.to = Math.max(item.from, next.from - 1)
      return
    }
    const range = ranged[index]!.printedPages!
    const end = pageOfPrinted(range.to, printed) ?? item.from + range.to - range.from
    item.to = Math.min(lastPage, Math.max(item.from, end))
  })
}

/**
 * Printed page number of each page that shows one and fits the pack's own numbering: the longest
 * chain in which printed numbers rise with the pages and never fall behind them (an appendix's
 * own "Page 4" or a slide number is left out). Only pages after the agenda count (the pack's
 * numbering starts there: a number at the top of an agenda page is an item number), and only
 * numbers up to `maxPrinted` (a chart's "2021" at a page edge is no page number).
 */
function printedNumbers(tree: Root, firstPage: number, maxPrinted: number): Map<number, number> {
  const known: Array<[number, number]> = []
  const weights: number[] = []
  for (const page of tree.children) {
    const value = page.data.printedPage
    if (!value || !/^\d+$/.test(value) || page.data.page < firstPage || Number(value) > maxPrinted) continue
    known.push([page.data.page, Number(value)])
    weights.push(stampWeight(page))
  }
  return new Map(longestChain(known, weights))
}

/**
 * How far a page's printed number is believed: a worded or dashed stamp ("Page 16", "- 3 -")
 * counts STAMP_WEIGHT, a bare number at the page's edge (a paragraph number OCR'd at the top) one.
 */
function stampWeight(page: Page): number {
  for (const block of page.children) {
    if (block.type === 'table') continue
    for (const line of block.children) {
      const stamp = line.children.filter((word) => word.data.furniture === 'page-number' || line.data.furniture === 'page-number')
      if (stamp.some((word) => /^(?:page|[-–—])$|^[-–—]\d|\d[-–—]$/i.test(word.value))) return STAMP_WEIGHT
    }
  }
  return 1
}

/** The heaviest chain of printed numbers that rise with the pages and never fall behind them. */
function longestChain(known: Array<[number, number]>, weights: readonly number[]): Array<[number, number]> {
  const length = known.map((_, i) => weights[i]!)
  const previous = known.map(() => -1)
  known.forEach(function extend([page, value], i) {
    for (let j = 0; j < i; j++) {
      const [pageJ, valueJ] = known[j]!
      const fits = value > valueJ && value - valueJ >= page - pageJ
      if (fits && length[j]! + weights[i]! > length[i]!) {
        length[i] = length[j]! + weights[i]!
        previous[i] = j
      }
    }
  })
  let best = length.indexOf(Math.max(0, ...length))
  const out: Array<[number, number]> = []
  while (best !== -1) {
    out.unshift(known[best]!)
    best = previous[best]!
  }
  return out
}

/** The page printing `n`, or interpolated from the nearest page printing a number before it. */
export function pageOfPrinted(n: number, printed: Map<number, number>): number | null {
  let before: [number, number] | null = null
  let after: [number, number] | null = null
  for (const [page, value] of printed) {
    if (value === n) return page
    if (value < n && (!before || page > before[0])) before = [page, value]
    if (value > n && (!after || page < after[0])) after = [page, value]
  }
  if (before) {
    const page = before[0] + n - before[1]
    return after && page >= after[0] ? after[0] - 1 : page
  }
  return after ? Math.max(1, after[0] - (after[1] - n)) : null
}

/** The nearest page within SNAP_PAGES of `page` where papers visibly begin, else `page`. */
function snap(page: number, number: string, signals: readonly PageSignals[], floor: number): number {
  for (let distance = 0; distance <= SNAP_PAGES; distance++) {
    for (const candidate of [page + distance, page - distance]) {
      const signal = candidate >= floor ? signals[candidate - 1] : undefined
      if (signal && opensItem(signal, number)) return candidate
    }
  }
  return page
}

/** The page visibly opens item `number`'s papers: its stamp, or a cover sheet or minutes heading not stamped for another item. */
function opensItem(signal: PageSignals, number: string): boolean {
  if (signal.stamp === number) return true
  if (signal.stamp !== null && signal.stamp !== '') return false
  return signal.cover || signal.minutes !== null || signal.stamp === '' && signal.appendix === null
}
