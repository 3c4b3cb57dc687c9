// Places the figures of a KPI row printed one cell per line by where they sit on the page, where OCR
// lost some lines: cells are printed at a regular pitch, so a lost line leaves a gap of whole steps.
import {median} from '../normalise/median.js'

/** Where an OCR'd line sits: its page and the middle of its words (PDF points down the page). */
export interface Mark {
  page: number
  middle: number
}

/** The lines printed just before a row's first figure (its name or measure word) and just after its last (the next row's name). */
export interface StepAnchors {
  before?: Mark | null
  after?: Mark | null
}

/** One line of a row's figures: where it sits, the figures OCR read on it and the line's OCR confidence. */
export interface FigureLine {
  mark: Mark
  values: string[]
  confidence: number | null
}

/** What placing by line pitch inferred: columns no line was read for, and lines read as pieces of one figure. */
export interface StepPlacement {
  /** Columns (indexes into the figures) left empty: OCR lost their line. */
  empty: number[]
  /** Lines OCR read as several pieces of the one figure their column holds ("1 19" → "119"). */
  joined: Array<{read: string; figure: string; column: number}>
}

/** A row placed by line pitch: raw cells and OCR confidences by column, and what was inferred. */
export interface SteppedRow extends StepPlacement {
  cells: Map<number, string>
  confidences: Map<number, number | null>
}

/** A line sits at most this share of a step off the grid of whole steps (OCR box middles wander by a point or two; a lost line moves the next a whole step). */
const STEP_TOLERANCE = 0.25
/** At least this share of a row's columns must have been read: only then is the usual gap between lines one step. */
const MIN_READ_SHARE = 2 / 3
/** Gaps between lines (anchors included) needed to measure the pitch. */
const MIN_GAPS = 3
/** A piece of a figure OCR spaced apart ("1 19"): digits only. */
const DIGITS = /^\d+$/
/** A lone mark read beside a figure on its line (a speck): "-", "*", dashes. */
const LONE_MARK = /^[-–—*.]$/

/** The lines of one page of a row, with the row's anchors on that page. */
interface Run {
  middles: number[]
  /** Index in `middles` of the first and last figure line (an anchor before or after shifts them). */
  first: number
  last: number
  before: boolean
  after: boolean
}

/**
 * The column of each line of a row's figures printed one cell per line, from where the lines sit:
 * each is placed by its distance from the others in steps of the row's line pitch, the anchors
 * (the line before the first figure: column -1; the first line of the next row: column `width`)
 * fixing where the steps start. Null unless the placement is exact: every line within a quarter
 * step of whole steps, lines on distinct columns inside the table, and every column either read or
 * a gap seen between two lines of one page (a gap at a page break or past the last line is not seen).
 * @param lines where each line of figures sits, in reading order
 * @param width the number of columns the row has
 * @param anchors where the lines before and after the row's figures sit, where known
 */
export function placeBySteps(lines: readonly Mark[], width: number, anchors: StepAnchors = {}): number[] | null {
  if (!lines.length || lines.length > width || lines.length < MIN_READ_SHARE * width) return null
  const runs = pageRuns(lines, anchors)
  const step = runs ? pitchOf(runs) : null
  if (!runs || step === null) return null
  const steps = runs.map((run) => stepsOf(run.middles, step))
  if (steps.some((k) => k === null)) return null
  const offsets = offsetsOf(runs, steps as number[][], width)
  if (!offsets) return null
  const slots = runs.flatMap((run, i) => steps[i]!.slice(run.first, run.last + 1).map((k) => k + offsets[i]!))
  if (slots.some((slot, i) => slot < 0 || slot >= width || (i > 0 && slot <= slots[i - 1]!))) return null
  return covers(runs, steps as number[][], offsets, width) ? slots : null
}

/** The lines split by page, each page's run with the anchors on its page; null when lines go back up a page. */
function pageRuns(lines: readonly Mark[], anchors: StepAnchors): Run[] | null {
  const runs: Run[] = []
  let page = -Infinity
  for (const line of lines) {
    if (line.page < page) return null
    if (line.page !== page) runs.push({middles: [], first: 0, last: 0, before: false, after: false})
    page = line.page
    runs[runs.length - 1]!.middles.push(line.middle)
  }
  const [head, tail] = [runs[0]!, runs[runs.length - 1]!]
  const {before, after} = anchors
  if (before && before.page === lines[0]!.page) {
    head.middles.unshift(before.middle)
    head.before = true
  }
  for (const run of runs) run.last = run.middles.length - 1
  head.first = head.before ? 1 : 0
  if (after && after.page === lines[lines.length - 1]!.page) {
    tail.middles.push(after.middle)
    tail.after = true
  }
  const ordered = runs.every((run) => run.middles.every((m, k) => k === 0 || m > run.middles[k - 1]!))
  return ordered ? runs : null
}

/** The row's line pitch: the usual gap between its lines, refined over all gaps counted in whole steps; null when too few gaps. */
function pitchOf(runs: readonly Run[]): number | null {
  const gaps = runs.flatMap((run) => run.middles.slice(1).map((m, k) => m - run.middles[k]!))
  if (gaps.length < MIN_GAPS) return null
  const usual = median(gaps)
  const counts = gaps.map((gap) => Math.round(gap / usual))
  if (counts.some((n) => n < 1)) return null
  return gaps.reduce((a, b) => a + b, 0) / counts.reduce((a, b) => a + b, 0)
}

/**
 * Whole steps of each point from the run's first, or null when a gap between two points is no
 * whole number of steps or a point is off the grid fitted through them all.
 */
function stepsOf(middles: readonly number[], step: number): number[] | null {
  const steps = [0]
  for (let k = 1; k < middles.length; k++) {
    const gap = (middles[k]! - middles[k - 1]!) / step
    if (gap < 1 - STEP_TOLERANCE || Math.abs(gap - Math.round(gap)) > STEP_TOLERANCE) return null
    steps.push(steps[k - 1]! + Math.round(gap))
  }
  const origin = middles.reduce((sum, m, k) => sum + m - steps[k]! * step, 0) / middles.length
  return middles.every((m, k) => Math.abs(m - origin - steps[k]! * step) <= STEP_TOLERANCE * step) ? steps : null
}

/**
 * The column of each run's first point less its steps: from the anchors (before: -1, after:
 * `width`), else carried on from the run next to it across the page break (no line lost there).
 */
function offsetsOf(runs: readonly Run[], steps: readonly number[][], width: number): number[] | null {
  const offsets: Array<number | null> = runs.map(() => null)
  const lastAt = runs.length - 1
  if (runs[0]!.before) offsets[0] = -1 - steps[0]![0]!
  const tail = runs[lastAt]!
  if (tail.after) {
    const fromEnd = width - steps[lastAt]![tail.middles.length - 1]!
    if (offsets[lastAt] !== null && offsets[lastAt] !== fromEnd) return null
    offsets[lastAt] = fromEnd
  }
  if (!offsets.some((o) => o !== null)) offsets[0] = -steps[0]![runs[0]!.first]!
  for (let i = 1; i <= lastAt; i++) {
    if (offsets[i] === null && offsets[i - 1] !== null) offsets[i] = steps[i - 1]![runs[i - 1]!.last]! + offsets[i - 1]! + 1 - steps[i]![runs[i]!.first]!
  }
  for (let i = lastAt - 1; i >= 0; i--) {
    if (offsets[i] === null && offsets[i + 1] !== null) offsets[i] = steps[i + 1]![runs[i + 1]!.first]! + offsets[i + 1]! - 1 - steps[i]![runs[i]!.last]!
  }
  return offsets as number[]
}

/** True when every column lies between two points of one run (a line read, or a gap seen between lines of one page). */
function covers(runs: readonly Run[], steps: readonly number[][], offsets: readonly number[], width: number): boolean {
  const seen = new Array<boolean>(width).fill(false)
  runs.forEach((run, i) => {
    const [from, to] = [steps[i]![0]! + offsets[i]!, steps[i]![run.middles.length - 1]! + offsets[i]!]
    for (let slot = Math.max(0, from); slot <= Math.min(width - 1, to); slot++) seen[slot] = true
  })
  return seen.every(Boolean)
}

/**
 * A row's cells placed by line pitch (placeBySteps), each line one cell: a line of several digit
 * pieces is one figure OCR spaced apart ("1 19" → "119"), a lone mark beside a figure a speck.
 * Null when the lines cannot be placed exactly, or a line holds what cannot be one figure.
 * @param lines the row's lines of figures, in reading order
 * @param width the number of columns the row has
 * @param anchors where the lines before and after the row's figures sit, where known
 */
export function placeRow(lines: readonly FigureLine[], width: number, anchors: StepAnchors): SteppedRow | null {
  const slots = placeBySteps(lines.map((line) => line.mark), width, anchors)
  if (!slots) return null
  const row: SteppedRow = {cells: new Map(), confidences: new Map(), empty: [], joined: []}
  for (const [k, line] of lines.entries()) {
    const figure = oneFigure(line.values)
    if (figure === null) return null
    row.cells.set(slots[k]!, figure)
    row.confidences.set(slots[k]!, line.confidence)
    if (line.values.length > 1 && figure === line.values.join('')) row.joined.push({read: line.values.join(' '), figure, column: slots[k]!})
  }
  for (let column = 0; column < width; column++) if (!row.cells.has(column)) row.empty.push(column)
  return row
}

/**
 * The one figure a line's words make: the only one, digit pieces joined ("41 1", "3 6%": only the
 * last may carry a "%"), or the one beside lone marks; null otherwise.
 */
export function oneFigure(values: readonly string[]): string | null {
  if (values.length === 1) return values[0]!
  if (values.every((v, k) => DIGITS.test(k === values.length - 1 ? v.replace(/%$/, '') : v))) return values.join('')
  const kept = values.filter((v) => !LONE_MARK.test(v))
  return kept.length === 1 ? kept[0]! : null
}
