// Reading order of a page's line segments: finds column gutters (vertical gaps no line crosses
// within a band of the page) and reads each column fully before the next, as a recursive XY-cut.
import {baselineRows} from './text-words.js'
import type {Segment} from './text-words.js'

/** A column or band of the page whose segments are read row by row, top to bottom. */
export interface Region {
  segments: Segment[]
}

/** A gutter is at least this wide (pt): narrower gaps are word or cell spacing. */
const MIN_GUTTER_PT = 7
/** Each side of a gutter needs at least this many lines to be a column. */
const MIN_COLUMN_LINES = 3
/** Column lines hold at least this many words with letters (median): short cells, labels or figures make a table, not columns. */
const MIN_COLUMN_WORDS = 3
/** Full-width lines (headings, rules of text) may cross a gutter; at most this share of the lines. */
const MAX_CROSSING_SHARE = 0.2
/** The two sides of a gutter must overlap vertically by this share of the shorter side's height. */
const MIN_SIDE_OVERLAP = 0.5
/** A full-width gap at least this tall (em) sets off a header or footer band... */
const BAND_GAP_EM = 1.2
/** ...of at most this many rows (a running head, a title line, a page number). */
const MAX_BAND_ROWS = 3
/** Recursion bound: deeper nesting than this is read row by row. */
const MAX_DEPTH = 8

/**
 * Orders segments in reading order: columns left to right, each read fully, full-width lines in place.
 * @param segments the page's upright line segments
 * @returns regions in reading order
 */
export function orderColumns(segments: Segment[]): Region[] {
  return cut(segments, 0)
}

function cut(segments: Segment[], depth: number): Region[] {
  if (segments.length < 2 * MIN_COLUMN_LINES || depth > MAX_DEPTH) return [{segments}]
  const parts = peelBand(segments)
  if (parts) return parts.flatMap((part) => cut(part, depth + 1))
  const gutter = findGutter(segments)
  if (!gutter) return [{segments}]
  if (gutter.crossing.size === 0) {
    return [...cut(gutter.left, depth + 1), ...cut(gutter.right, depth + 1)]
  }
  return bands(segments, gutter.crossing).flatMap((band) => cut(band, depth + 1))
}

interface Gutter {
  left: Segment[]
  right: Segment[]
  crossing: Set<Segment>
}

/** The gutter crossed by the fewest segments whose sides both look like text columns. */
function findGutter(segments: Segment[]): Gutter | undefined {
  const x0 = Math.floor(Math.min(...segments.map((s) => s.x0)))
  const coverage = coverageProfile(segments, x0)
  const maxCrossing = Math.floor(MAX_CROSSING_SHARE * segments.length)
  for (let k = 0; k <= maxCrossing; k++) {
    for (const [a, b] of lowIntervals(coverage, k)) {
      const gutter = splitAt(segments, x0 + a, x0 + b)
      if (gutter && gutter.crossing.size <= maxCrossing && isColumnPair(gutter)) return gutter
    }
  }
  return undefined
}

/** Number of segments covering each 1-pt step from `x0`. */
function coverageProfile(segments: Segment[], x0: number): Int32Array {
  const width = Math.ceil(Math.max(...segments.map((s) => s.x1))) - x0 + 2
  const diff = new Int32Array(width + 1)
  for (const s of segments) {
    diff[Math.max(0, Math.floor(s.x0) - x0)]! += 1
    diff[Math.min(width, Math.ceil(s.x1) - x0)]! -= 1
  }
  const out = new Int32Array(width)
  let running = 0
  for (let i = 0; i < width; i++) out[i] = running += diff[i]!
  return out
}

/** Maximal runs of at least MIN_GUTTER_PT steps where coverage ≤ k, widest first. */
function lowIntervals(coverage: Int32Array, k: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = -1
  for (let i = 0; i <= coverage.length; i++) {
    const low = i < coverage.length && coverage[i]! <= k
    if (low && start < 0) start = i
    if (!low && start >= 0) {
      if (i - start >= MIN_GUTTER_PT && start > 0 && i < coverage.length) out.push([start, i])
      start = -1
    }
  }
  return out.sort((p, q) => q[1] - q[0] - (p[1] - p[0]) || p[0] - q[0])
}

function splitAt(segments: Segment[], a: number, b: number): Gutter | undefined {
  const left: Segment[] = []
  const right: Segment[] = []
  const crossing = new Set<Segment>()
  for (const s of segments) {
    if (s.x1 <= a) left.push(s)
    else if (s.x0 >= b) right.push(s)
    else crossing.add(s)
  }
  return left.length > 0 && right.length > 0 ? {left, right, crossing} : undefined
}

/** Both sides hold enough multi-word lines, side by side on the page. */
function isColumnPair(gutter: Gutter): boolean {
  const {left, right} = gutter
  if (!isTextColumn(left) || !isTextColumn(right)) return false
  const top = Math.max(minOf(left, 'top'), minOf(right, 'top'))
  const bottom = Math.min(maxOf(left, 'bottom'), maxOf(right, 'bottom'))
  const shorter = Math.min(maxOf(left, 'bottom') - minOf(left, 'top'), maxOf(right, 'bottom') - minOf(right, 'top'))
  return bottom - top >= MIN_SIDE_OVERLAP * shorter
}

/** Enough rows (segments merged by baseline), most of them with several words. */
function isTextColumn(segments: Segment[]): boolean {
  const rows = baselineRows(segments)
  if (rows.length < MIN_COLUMN_LINES) return false
  const counts = rows.map((row) => row.reduce((n, s) => n + s.words.filter(isWordy).length, 0)).sort((p, q) => p - q)
  return (counts[Math.floor(counts.length / 2)] ?? 0) >= MIN_COLUMN_WORDS
}

/**
 * A header or footer band (at most MAX_BAND_ROWS rows, not itself in columns) set off from the
 * rest by a wide full-width gap: returned as [top, rest] or [rest, bottom] so it is read first/last.
 */
function peelBand(segments: Segment[]): Segment[][] | undefined {
  const em = median(segments.map((s) => s.size))
  const byTop = [...segments].sort((p, q) => p.top - q.top)
  let bottom = -Infinity
  for (let i = 0; i < byTop.length - 1; i++) {
    bottom = Math.max(bottom, byTop[i]!.bottom)
    if (byTop[i + 1]!.top - bottom >= BAND_GAP_EM * em) {
      const head = byTop.slice(0, i + 1)
      if (isBand(head)) return [head, byTop.slice(i + 1)]
      break
    }
  }
  const byBottom = [...segments].sort((p, q) => q.bottom - p.bottom)
  let top = Infinity
  for (let i = 0; i < byBottom.length - 1; i++) {
    top = Math.min(top, byBottom[i]!.top)
    if (top - byBottom[i + 1]!.bottom >= BAND_GAP_EM * em) {
      const foot = byBottom.slice(0, i + 1)
      if (isBand(foot)) return [byBottom.slice(i + 1), foot]
      break
    }
  }
  return undefined
}

function isBand(segments: Segment[]): boolean {
  return baselineRows(segments).length <= MAX_BAND_ROWS && !findGutter(segments)
}

/** A word of running text: it has at least two letters (not a figure or a bullet). */
function isWordy(w: {value: string}): boolean {
  return /\p{L}.*\p{L}/u.test(w.value)
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Splits segments into horizontal bands at the crossing (full-width) ones, top to bottom. */
function bands(segments: Segment[], crossing: Set<Segment>): Segment[][] {
  const cuts = [...crossing].sort((p, q) => p.top - q.top)
  const out: Segment[][] = []
  let rest = segments.filter((s) => !crossing.has(s))
  for (const line of cuts) {
    const middle = (line.top + line.bottom) / 2
    const above = rest.filter((s) => (s.top + s.bottom) / 2 < middle)
    rest = rest.filter((s) => (s.top + s.bottom) / 2 >= middle)
    if (above.length > 0) out.push(above)
    out.push([line])
  }
  if (rest.length > 0) out.push(rest)
  return mergeSingleBands(out, crossing)
}

/** Joins consecutive one-line bands of crossing lines so a multi-line heading stays one region. */
function mergeSingleBands(bandsIn: Segment[][], crossing: Set<Segment>): Segment[][] {
  const out: Segment[][] = []
  for (const band of bandsIn) {
    const previous = out.at(-1)
    const isCrossing = band.length === 1 && crossing.has(band[0]!)
    if (previous && isCrossing && previous.every((s) => crossing.has(s))) previous.push(band[0]!)
    else out.push(band)
  }
  return out
}

function minOf(segments: Segment[], key: 'top'): number {
  return Math.min(...segments.map((s) => s[key]))
}

function maxOf(segments: Segment[], key: 'bottom'): number {
  return Math.max(...segments.map((s) => s[key]))
}
