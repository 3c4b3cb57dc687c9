// Finds the gutters of a table set with tight columns (text layer or OCR boxes): the x-ranges no
// word of the table's body touches, where one column ends and the next begins in row after row.
import type {Word} from '../tree/types.js'
import {median} from '../normalise/median.js'

/** An x-range (points) clear of ink in every figure row of a table. */
export interface Gutter {
  x0: number
  x1: number
}

/** A line's words as read, with what the gutter search needs to know of the line. */
export interface PlacedLine {
  page: number
  /** Top and height in points (null where unknown). */
  y0: number | null
  height: number | null
  words: readonly Word[]
}

/** Value tokens a row needs to count as a figure row of a table… */
const MIN_ROW_FIGURES = 2
/** …and this share of its words (a sentence quoting two figures is no table row). */
const MIN_FIGURE_SHARE = 0.25
/** Figure rows a table needs before its gutters are trusted (accidental gaps line up in fewer). */
const MIN_FIGURE_ROWS = 3
/** Lines other than figure rows (wrapped names) allowed between two figure rows of one table. */
const MAX_LINES_BETWEEN = 4
/** Header lines looked at above the first figure row. */
const MAX_HEADER_LINES = 3
/** Lines of one table are this close (line heights, top to top); more is a paragraph gap. */
const MAX_ROW_PITCH = 1.8
/** A gutter this wide (line heights) is a column break whatever lines up at it. */
const WIDE_GUTTER_HEIGHTS = 0.45
/** Narrower, it must have column edges at it in this many lines (a one-off gap inside a cell has one)… */
const MIN_EDGE_ROWS = 2
/** …and in this share of the figure rows (two names' words may end at one x by chance). */
const EDGE_ROW_SHARE = 0.5
/** A word edge this close to a gutter (points) stands at it (OCR boxes are a pixel or two off). */
const EDGE_SLACK = 1.5

/**
 * The gutters each positioned line lies across: for every run of figure rows that looks like
 * a table, the gutters of its body (the rows and the wrapped names between them), given to the body
 * lines and to the header lines set close above.
 * @param lines the document's lines in reading order with their words
 * @param isValue whether a token is a table value (figure, N/A…)
 * @returns gutters by line index (lines of no table are absent)
 */
export function tableGutters(lines: readonly PlacedLine[], isValue: (text: string) => boolean): Map<number, Gutter[]> {
  const out = new Map<number, Gutter[]>()
  const figureRows = lines.map((l) => isFigureRow(l, isValue))
  let at = 0
  while (at < lines.length) {
    if (!figureRows[at]) {
      at++
      continue
    }
    let last = at
    let rows = 1
    for (let next = at + 1; next < lines.length && next - last <= MAX_LINES_BETWEEN + 1 && sameTable(lines[next - 1]!, lines[next]!); next++) {
      if (!figureRows[next]) continue
      last = next
      rows++
    }
    const gutters = rows >= MIN_FIGURE_ROWS ? gaps(lines.slice(at, last + 1).map((l) => l.words), rows) : []
    if (gutters.length) {
      for (let k = headerTop(lines, at); k <= last; k++) out.set(k, gutters)
    }
    at = last + 1
  }
  return out
}

/**
 * A row of a table's figures: at least two figures each followed by another or by nothing (cells
 * apart; "12 mths to", "Dec 23" and "5 years" are words), making up a share of the line's words.
 */
function isFigureRow(line: PlacedLine, isValue: (text: string) => boolean): boolean {
  const {words} = line
  const figures = words.filter((w, k) => isValue(w.value) && (k === words.length - 1 || isValue(words[k + 1]!.value))).length
  return isPlaced(line) && figures >= MIN_ROW_FIGURES && figures >= MIN_FIGURE_SHARE * words.length
}

function isPlaced(line: PlacedLine): boolean {
  return line.words.length > 0 && line.words.every((w) => w.data.bbox)
}

/** Two lines set one under the other in one table: same page, positioned words, no paragraph gap between. */
function sameTable(above: PlacedLine, below: PlacedLine): boolean {
  if (above.page !== below.page || !isPlaced(above) || !isPlaced(below) || above.y0 === null || below.y0 === null) return false
  const height = Math.max(above.height ?? 0, below.height ?? 0)
  return height > 0 && below.y0 - above.y0 <= MAX_ROW_PITCH * height
}

/** The first header line above a table's first figure row: lines set close above it. */
function headerTop(lines: readonly PlacedLine[], first: number): number {
  let top = first
  while (first - top < MAX_HEADER_LINES && top > 0 && sameTable(lines[top - 1]!, lines[top]!)) top--
  return top
}

/** Ranges clear of ink in all rows, between their leftmost and rightmost ink, that part columns. */
function gaps(rows: ReadonlyArray<readonly Word[]>, figureRows: number): Gutter[] {
  const boxes = rows.flatMap((words) => words.map((w) => [w.data.bbox![0], w.data.bbox![2]] as const)).sort((a, b) => a[0] - b[0])
  const height = medianHeight(rows)
  const out: Gutter[] = []
  let reach = boxes[0]![1]
  for (const [x0, x1] of boxes) {
    if (x0 > reach) out.push({x0: reach, x1: x0})
    reach = Math.max(reach, x1)
  }
  const edges = Math.max(MIN_EDGE_ROWS, EDGE_ROW_SHARE * figureRows)
  return out.filter((g) => g.x1 - g.x0 >= WIDE_GUTTER_HEIGHTS * height || edgeRows(rows, g) >= edges)
}

/** Lines with a word ending at the gutter's left side (right-aligned column), or starting at its right side (left-aligned), whichever more. */
function edgeRows(rows: ReadonlyArray<readonly Word[]>, gutter: Gutter): number {
  const at = (side: 0 | 2, x: number) => rows.filter((words) => words.some((w) => Math.abs(w.data.bbox![side] - x) <= EDGE_SLACK)).length
  return Math.max(at(2, gutter.x0), at(0, gutter.x1))
}

function medianHeight(rows: ReadonlyArray<readonly Word[]>): number {
  return median(rows.flatMap((words) => words.map((w) => w.data.bbox![3] - w.data.bbox![1])))
}

/**
 * True when the gap between two neighbouring words spans one of the gutters, or stands at one of
 * its edges: the right word starts a column ("Percentage | CP" over the figures) or the left one
 * ends one. A heading wider than its column ("13/14 (Oct-Dec)", "12 mths to") runs into the gutter and stays whole.
 */
export function crossesGutter(gutters: readonly Gutter[], left: Word, right: Word): boolean {
  const from = left.data.bbox?.[2]
  const to = right.data.bbox?.[0]
  if (from === undefined || to === undefined) return false
  const near = (a: number, b: number) => Math.abs(a - b) <= EDGE_SLACK
  return gutters.some((g) => from < g.x1 && to > g.x0 && ((from <= g.x0 + EDGE_SLACK && to >= g.x1 - EDGE_SLACK) || near(from, g.x0) || near(to, g.x1)))
}
