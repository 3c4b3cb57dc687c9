// Splits one body line into the cells a KPI table reader needs: table cells where the reader made
// a table, x-aligned word runs where the words carry positions, loose tokens for OCR text.
import type {DocLine} from './lines.js'
import type {Line, Word} from '../tree/types.js'
import {classifyColumn} from './kpi-columns.js'
import {isScanDirt} from './kpi-names.js'
import {mendOcrWords} from './kpi-ocr-words.js'
import {unwrapRows} from './kpi-unwrap.js'
import {crossesGutter, tableGutters, type Gutter} from './kpi-gutters.js'
import {mendYearPairs} from './kpi-year-pairs.js'
import {median} from '../normalise/median.js'
import {figuresOfRow, inRowOrder, sameLine, wordPlace} from './kpi-line-place.js'

/** One cell-like piece of a line; x0/x1 in the line's unit (points or characters), null when unknown. */
export interface Segment {
  text: string
  x0: number | null
  x1: number | null
  /** Mean OCR confidence (0–1) of its words where they were OCR'd, else null. */
  confidence: number | null
}

/** How a line's segments were found: cells of a grid (empties kept), x-aligned runs, or loose tokens. */
export type SegmentMode = 'grid' | 'x' | 'loose'

export interface KpiLine {
  line: DocLine
  mode: SegmentMode
  segments: Segment[]
  /** For a positioned line read as loose text (set like running text): its x-aligned runs, for tables laid out by x. */
  runs?: Segment[]
  /**
   * For an OCR'd line: the median middle of its word boxes, and its page's line pitch (points),
   * to measure gaps between lines by, OCR boxes being uneven in height (ink, not type size).
   */
  middle?: number
  pitch?: number
  /** For a row joined with the part of it wrapped at the right margin or onto the line below: the top of that part (points). */
  lastTop?: number
}

/** Words further apart than this many line heights start a new cell (PDF points; a space is ~0.3). */
const GAP_LINE_HEIGHTS = 0.75
/** …but never closer than this (points), so tight kerning gaps do not split words. */
const MIN_GAP_PT = 5
/** In text exports, this many spaces or more between words part two cells (a sentence has one). */
const MIN_GAP_CHARS = 2

const NA_TOKEN = /^(?:n\/?a|nj\/a|nja|n\/b|\/a|na\.?|n\.a\.?|tbc|tba|tbd|nil|none|-|–|—|\*|\.\.)$/i
const NUMBER_TOKEN = /^[<>≤≥~]?[(\-−+]?[£$€]?[TBSIl/]?\d[\d.,]*\)?(?:%|k|m|bn|pp)?$/i
const MEASURE_WORD = /^(?:PERCENTAGE|PERCENT|NUMBER|NUMEBER|NUM\w*|RATE|CURRENCY|COST|RATIO)$/

/** A cell OCR could not read: up to three characters, no digit, no rule, not a short lower-case word ("IA", "¥", "a"; not "on"). */
const UNREAD_CELL = /^(?![a-z]{2,3}$)[^\s\d|]{1,3}$/

/**
 * True for a token that may be a figure OCR could not read ("IA" for "N/A", "¥", "a"); callers
 * accept one only where the figures around it show a cell is there. A value token is not one.
 */
export function isUnreadCell(text: string): boolean {
  const value = text.trim()
  return UNREAD_CELL.test(value) && !isValueToken(value)
}

/** True for a token a KPI cell holds: a number (OCR damage allowed) or a "no figure" mark. */
export function isValueToken(text: string): boolean {
  const value = text.trim()
  return NA_TOKEN.test(value) || NUMBER_TOKEN.test(value)
}

/** The measure an "Outturn type" cell states (PERCENTAGE, NUMBER, RATE), or null. */
export function measureWord(text: string): 'percentage' | 'number' | 'rate' | 'currency' | null {
  const value = text.trim()
  if (!MEASURE_WORD.test(value)) return null
  if (/^PERC/.test(value)) return 'percentage'
  if (/^NUM/.test(value)) return 'number'
  if (/^RAT[EI]/.test(value)) return value.startsWith('RATI') ? 'number' : 'rate'
  return 'currency'
}

/** True when a token is a measure word printed in capitals (an "Outturn type" cell). */
export function isMeasureToken(text: string): boolean {
  return MEASURE_WORD.test(text.trim())
}

/**
 * The segments of one line.
 * @param line a body line of the document
 * @returns the line with its mode and segments (empty grid cells kept, as '')
 */
export function kpiLine(line: DocLine, words: Word[] = line.node.type === 'line' ? bodyWords(line.node) : [], gutters: readonly Gutter[] = []): KpiLine {
  if (line.cells && line.node.type === 'tableRow') {
    const cells = line.node.children
    const boxed = cells.every((cell) => cell.data.bbox || !cellText(cell.children))
    if (!boxed || !cells.some((cell) => cell.data.bbox)) {
      return {line, mode: 'grid', segments: line.cells.map((text) => ({text: clean(text), x0: null, x1: null, confidence: null}))}
    }
    const segments = cells.flatMap((cell) => cell.children.length ? gapSegments(cell.children.flatMap((row) => row.children), gutters) : [])
    return {line, mode: 'x', segments}
  }
  if (line.node.type !== 'line') return {line, mode: 'loose', segments: []}
  return fromWords(line, words, gutters)
}

/**
 * The segments of every line, with pieces of one printed line that the reader gave as several
 * lines (same page, same height on it, side by side) put back together in x order (OCR'd rows read
 * in column blocks first put back in row order, kpi-line-place.ts), and table rows wrapped at the
 * right margin joined again (kpi-unwrap.ts).
 * @param lines the document's body lines in reading order (page furniture left out)
 */
export function kpiLines(lines: readonly DocLine[]): KpiLine[] {
  const ordered = inRowOrder(lines, isValueToken)
  const groups: DocLine[][] = []
  for (let at = 0; at < ordered.length; at++) {
    const group = [ordered[at]!]
    while (ordered[at + 1] && (sameLine(group[0]!, ordered[at + 1]!) || figuresOfRow(group[0]!, ordered[at + 1]!, isValueToken))) group.push(ordered[++at]!)
    groups.push(group)
  }
  const words = groups.map(groupWords)
  const gutters = tableGutters(groups.map((group, k) => ({...group[0]!, words: words[k]!})), isValueToken)
  const out = groups.map(function segment(group, k) {
    return group.length === 1 ? kpiLine(group[0]!, words[k], gutters.get(k)) : joined(group, words[k]!, gutters.get(k))
  })
  const unwrapped = unwrapRows(out)
  mendYearPairs(unwrapped)
  return withPitch(unwrapped)
}

/** The body words of a line (of a table row's cells), or of the pieces of one printed line in x order. */
function groupWords(group: readonly DocLine[]): Word[] {
  const lines = group.flatMap((piece) => piece.node.type === 'line' ? [piece.node] : piece.node.type === 'tableRow' ? piece.node.children.flatMap((cell) => cell.children) : [])
  const words = lines.flatMap(bodyWords)
  return group.length === 1 ? words : words.sort((a, b) => (a.data.bbox?.[0] ?? 0) - (b.data.bbox?.[0] ?? 0))
}

/** Share of lines (lowest gaps first) whose gap to the line above gives an OCR page's line pitch: the single-spaced ones. */
const PITCH_QUANTILE = 0.1
/** The pitch is at most this many median OCR box heights (a page of cells a blank line apart has no single-spaced gap). */
const MAX_PITCH_HEIGHTS = 1.6
/** Gaps under this many median box heights are pieces of one line, not line spacing. */
const MIN_PITCH_HEIGHTS = 0.5

/** OCR'd lines given their middle and their page's line pitch (see KpiLine). */
function withPitch(lines: KpiLine[]): KpiLine[] {
  const byPage = new Map<number, Array<{line: KpiLine; place: {middle: number; height: number}}>>()
  for (const line of lines) {
    const place = line.line.confidence !== null && line.line.node.type === 'line' ? wordPlace(line.line.node) : null
    if (!place) continue
    const page = byPage.get(line.line.page) ?? []
    page.push({line, place})
    byPage.set(line.line.page, page)
  }
  for (const placed of byPage.values()) {
    const height = median(placed.map(({place}) => place.height))
    const gaps = placed.slice(1).map(({place}, k) => place.middle - placed[k]!.place.middle).filter((gap) => gap >= MIN_PITCH_HEIGHTS * height).sort((a, b) => a - b)
    const single = gaps[Math.floor(gaps.length * PITCH_QUANTILE)]
    const pitch = Math.min(single ?? Infinity, MAX_PITCH_HEIGHTS * height)
    for (const {line, place} of placed) Object.assign(line, {middle: place.middle, pitch})
  }
  return lines
}

/** One line made of side-by-side pieces: words in x order, text joined, left edge the leftmost. */
function joined(group: DocLine[], words: Word[], gutters: readonly Gutter[] = []): KpiLine {
  const pieces = [...group].sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0))
  const first = pieces[0]!
  const line: DocLine = {...first, first: group[0]!.first, text: pieces.map((piece) => piece.text).join(' '), x0: first.x0}
  return fromWords(line, words, gutters)
}

/** A line's body words; for an OCR'd line, dirt words left out, rules glued to cells and words read in two mended (kpi-ocr-words.ts). */
function bodyWords(node: Line): Word[] {
  const words = node.children.filter((w) => w.data.layer !== 'furniture' && !isSpeck(w))
  return node.data.confidence === undefined ? words : mendOcrWords(words.filter((w) => !isScanDirt(w.value)), isValueToken)
}

/** Mode and segments of a line from its words. */
function fromWords(line: DocLine, words: Word[], gutters: readonly Gutter[] = []): KpiLine {
  const geometric = words.length > 0 && words.every((w) => w.data.bbox)
  const spaced = !geometric && hasWideGap(words)
  const parted = words.some((w, k) => k > 0 && crossesGutter(gutters, words[k - 1]!, w))
  if ((geometric && (!typeset(words) || parted)) || spaced) return {line, mode: 'x', segments: gapSegments(words, gutters)}
  const segments = words.map((w) => ({text: w.value, x0: w.data.bbox?.[0] ?? null, x1: w.data.bbox?.[2] ?? null, confidence: meanConfidence([w])}))
  return geometric ? {line, mode: 'loose', segments, runs: gapSegments(words)} : {line, mode: 'loose', segments}
}

/**
 * True when a positioned line is set like running text: several words, one space apart, no gap
 * wide enough to part two cells (an OCR'd or re-typeset text export, "|" rules printed as text).
 * Such a line is read like OCR text, cell by cell in order.
 */
function typeset(words: Word[]): boolean {
  if (words.length < 2) return false
  return words.every((w, index) => index === 0 || gap(words[index - 1]!, w) < threshold(words[index - 1]!))
}

/** OCR specks: "words" whose box is smaller than this in both directions (points) are dirt on the scan. */
const SPECK_PT = 2

function isSpeck(w: Word): boolean {
  const box = w.data.bbox
  return Boolean(box && box[2] - box[0] < SPECK_PT && box[3] - box[1] < SPECK_PT)
}

function cellText(lines: Line[]): string {
  return lines.map((l) => l.children.map((w) => w.value).join(' ')).join(' ').trim()
}

/** Words grouped into runs by the gaps between them; runs of several values split into one each. */
/** Fewest words of a run of column headings set closer than a cell gap that gets one segment each. */
const MIN_HEADING_RUN = 3

/**
 * Column headings set closer than the gap that parts cells ("Oct-21 Nov-21 … Jun-22 Target" in a
 * narrow face): periods and "Target" all but one word (OCR may garble one: "lan-22"), each a word of its own.
 */
function isHeadingRun(run: readonly Word[]): boolean {
  if (run.length < MIN_HEADING_RUN) return false
  const headings = run.filter((w) => /^target$/i.test(w.value) || classifyColumn(w.value).kind === 'period').length
  return headings >= run.length - 1
}

function gapSegments(words: Word[], gutters: readonly Gutter[] = []): Segment[] {
  const out: Segment[] = []
  let run: Word[] = []
  let last: Word | null = null
  for (const w of words) {
    if (w.value === '|') {
      flush(run, out)
      run = []
      last = null
      continue
    }
    if (last && (gap(last, w) >= threshold(last) || crossesGutter(gutters, last, w))) {
      flush(run, out)
      run = []
    }
    run.push(w)
    last = w
  }
  flush(run, out)
  return out
}

function flush(run: Word[], out: Segment[]): void {
  if (!run.length) return
  const oneEach = (run.length > 1 && run.every((w) => isValueToken(w.value))) || isHeadingRun(run)
  const groups = oneEach ? run.map((w) => [w]) : withFiguresApart(run)
  for (const group of groups) {
    const first = extent(group[0]!)
    const last = extent(group[group.length - 1]!)
    out.push({text: clean(group.map((w) => w.value).join(' ')), x0: first[0], x1: last[1], confidence: meanConfidence(group)})
  }
}

/** Figures a run must end in before an OCR'd run is parted into its words and figures: one could be part of a name ("per 10,000"). */
const MIN_TRAILING_FIGURES = 2

/**
 * An OCR'd run ending in several figures ("has PERCENTAGE 58% 62% 71%"): OCR set the last words of a
 * wrapped name and the row's figures one space apart, so the words are one segment and each figure
 * another, as a row laid out by x would be. Other runs stay whole.
 */
function withFiguresApart(run: Word[]): Word[][] {
  let start = run.length
  while (start > 0 && isValueToken(run[start - 1]!.value)) start--
  const ocr = run.every((w) => w.data.confidence !== undefined)
  if (!ocr || run.length - start < MIN_TRAILING_FIGURES) return [run]
  const words = run.slice(0, start)
  return [...(words.length ? [words] : []), ...run.slice(start).map((w) => [w])]
}

/** The mean OCR confidence of words (0–1), or null when none was OCR'd. */
export function meanConfidence(words: readonly Word[]): number | null {
  return meanKnown(words.map((w) => w.data.confidence))
}

/** The mean of the confidences that are known (OCR'd), or null when none is. */
export function meanKnown(confidences: ReadonlyArray<number | null | undefined>): number | null {
  const known = confidences.filter((c): c is number => c !== null && c !== undefined)
  return known.length ? known.reduce((sum, c) => sum + c, 0) / known.length : null
}

/** A word's horizontal extent: bbox in points, else source columns. */
function extent(w: Word): [number, number] {
  if (w.data.bbox) return [w.data.bbox[0], w.data.bbox[2]]
  return [w.position?.start.column ?? 0, w.position?.end.column ?? 0]
}

function gap(a: Word, b: Word): number {
  return extent(b)[0] - extent(a)[1]
}

function threshold(w: Word): number {
  if (!w.data.bbox) return MIN_GAP_CHARS
  return Math.max(MIN_GAP_PT, GAP_LINE_HEIGHTS * (w.data.bbox[3] - w.data.bbox[1]))
}

function hasWideGap(words: Word[]): boolean {
  if (!words.every((w) => w.position)) return false
  return words.some((w, index) => index > 0 && gap(words[index - 1]!, w) >= MIN_GAP_CHARS)
}

/** A quote mark OCR glued to the front or the end of a figure ('"205', '24%"'): dirt, not part of the cell. */
const STRAY_QUOTE = /^["'‘’“”`]+(?=[\d£$€])/
const QUOTES = /^["'‘’“”`]+|["'‘’“”`]+$/g

/** Cell text without footnote marks (¹ ⁴), with single spaces, and without quotes OCR glued to a lone figure ('24%"', '"NA'). */
export function clean(text: string): string {
  const out = text.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, ' ').replace(/\s+/g, ' ').trim().replace(STRAY_QUOTE, '')
  const bare = out.replace(QUOTES, '')
  return bare !== out && !out.includes(' ') && isValueToken(bare) ? bare : out
}
