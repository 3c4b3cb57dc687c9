// Turns pdf.js text items into positioned words on the upright page (top-left origin, points),
// and groups upright words into line segments by baseline and horizontal gaps.
import {Util} from './pdfjs.js'
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A text item of pdf.js's getTextContent (marked-content entries left out). */
export type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], {str: string}>
type TextStyles = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['styles']

/** Where text sits on the upright page: its box, baseline and font size. */
export interface Placement {
  x0: number
  x1: number
  top: number
  bottom: number
  baseline: number
  /** Font size in points (the glyph height pdf.js reports, after the page transform). */
  size: number
}

/** A word with its box on the upright page. */
export interface PdfWord extends Placement {
  value: string
  bold: boolean
  /** False for text running sideways or upside down on the upright page (stamps, margins). */
  upright: boolean
  /** True when the word touches the previous item with no space (a word split across items). */
  glued: boolean
  /** Index of the pdf.js text item the word came from. */
  item: number
}

/** A run of words on one baseline with no wide gap inside: a line, or a cell of a table row. */
export interface Segment extends Placement {
  words: PdfWord[]
}

/** Text more than this far from horizontal (radians, ≈ 3°) is not read as part of the flow. */
const UPRIGHT_TOLERANCE = 0.05
/** Font ascent/descent (em) when pdf.js gives none: typical Latin fonts. */
const DEFAULT_ASCENT = 0.8
const DEFAULT_DESCENT = -0.2
/** Words on baselines closer than this (pt, scaled by size / 10pt) are on one line: ±2 pt at 10 pt. */
const BASELINE_TOLERANCE_PT = 2
/** A gap wider than this (em) between words on one baseline splits columns or table cells... */
const SEGMENT_GAP_EM = 0.8
/** ...unless the row's words are spread (justified text): then a gap between two words with letters
 * must also exceed this many times the row's usual word gap (its lower quartile, counted up to
 * WORD_GAP_CAP_EM, so wide table gaps still split). Gaps next to a figure ("1,922", "24%") need not. */
const SEGMENT_GAP_WORD_GAPS = 2
const WORD_GAP_CAP_EM = 1
/** Two figures side by side further apart than this (em) are in different table columns. */
const FIGURE_GAP_EM = 0.45
/** Items closer than this (em) with no space between them are parts of one word ("Agen"+"da"). */
const WORD_JOIN_GAP_EM = 0.1
/** A repeated word starting within this (em) of the same word is a fake-bold double print. */
const DUPLICATE_OFFSET_EM = 0.3

/** A superscript/subscript is set at most this share of its line's font size... */
const SCRIPT_SIZE_RATIO = 0.85
/** ...with its baseline at most this far (em) from the line's... */
const SCRIPT_SHIFT_EM = 0.6
/** ...and every word touching (within this, em) a word of the line; rows this far apart in baseline order are checked. */
const SCRIPT_TOUCH_EM = 0.25
const SCRIPT_ROW_REACH = 2

/** Whether a font (by its PDF name) is bold; looked up once per font. */
export type BoldLookup = (fontName: string) => boolean

/**
 * Positioned words of the text items, on the upright page.
 * @param items pdf.js text items (whitespace-only ones are dropped here)
 * @param styles pdf.js text styles by font name
 * @param viewportTransform `page.getViewport({scale: 1}).transform`
 * @param isBold tells whether a pdf.js font name is a bold face
 * @returns the words in content-stream order
 */
export function itemWords(items: TextItem[], styles: TextStyles, viewportTransform: number[], isBold: BoldLookup): PdfWord[] {
  const out: PdfWord[] = []
  items.forEach((item, index) => {
    if (!item.str.trim()) return
    const tx = Util.transform(viewportTransform, item.transform) as number[]
    const style = styles[item.fontName]
    splitItem(item, index, tx, style, isBold(item.fontName), out)
  })
  return out
}

/** The [min, max] of each of two pairs: a box coordinate is the sum of one term from each. */
function extremes(a0: number, a1: number, b0: number, b1: number): [[number, number], [number, number]] {
  return [[Math.min(a0, a1), Math.max(a0, a1)], [Math.min(b0, b1), Math.max(b0, b1)]]
}

/** Splits one item's string into words placed proportionally by characters along its baseline. */
function splitItem(item: TextItem, index: number, tx: number[], style: TextStyles[string] | undefined, bold: boolean, out: PdfWord[]): void {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = tx
  const size = Math.hypot(c, d) || Math.hypot(a, b)
  if (!(size > 0)) return
  const dir = norm(a, b)
  const up = norm(c, d)
  const upright = !style?.vertical && Math.abs(Math.atan2(b, a)) < UPRIGHT_TOLERANCE
  const ascent = style?.ascent || DEFAULT_ASCENT
  const descent = style?.descent || DEFAULT_DESCENT
  const length = item.width || 0
  const charWidth = item.str.length > 0 ? length / item.str.length : 0
  for (const match of item.str.matchAll(/\S+/g)) {
    const start = match.index * charWidth
    const end = start + match[0].length * charWidth
    // the box's corners are the four (along, rise) pairs; each coordinate's extremes come from its two terms
    const [xAlong, xRise] = extremes(dir[0] * start, dir[0] * end, up[0] * size * ascent, up[0] * size * descent)
    const [yAlong, yRise] = extremes(dir[1] * start, dir[1] * end, up[1] * size * ascent, up[1] * size * descent)
    out.push({
      value: match[0],
      x0: e + xAlong[0] + xRise[0],
      x1: e + xAlong[1] + xRise[1],
      top: f + yAlong[0] + yRise[0],
      bottom: f + yAlong[1] + yRise[1],
      baseline: f + dir[1] * start,
      size,
      bold,
      upright,
      glued: match.index === 0,
      item: index
    })
  }
}

function norm(x: number, y: number): [number, number] {
  const length = Math.hypot(x, y) || 1
  return [x / length, y / length]
}

/**
 * Groups upright words into fine segments: same baseline, no gap wider than SEGMENT_GAP_EM
 * (justified text may fall apart into words here; the column finder works on these).
 * @param words upright words
 * @returns segments, top to bottom then left to right
 */
export function wordSegments(words: PdfWord[]): Segment[] {
  const segments: Segment[] = []
  for (const row of mergeScripts(baselineRows(words))) segments.push(...splitRow(row, 0))
  return segments
}

/** Moves rows of superscripts/subscripts ("3" + raised "rd") into the line they are set on. */
function mergeScripts(rows: PdfWord[][]): PdfWord[][] {
  const merged = new Set<number>()
  rows.forEach((row, i) => {
    for (let j = i - SCRIPT_ROW_REACH; j <= i + SCRIPT_ROW_REACH; j++) {
      const host = rows[j]
      if (j === i || !host || merged.has(j) || !isScriptOf(row, host)) continue
      host.push(...row)
      host.sort((p, q) => p.x0 - q.x0)
      merged.add(i)
      return
    }
  })
  return rows.filter((_, i) => !merged.has(i))
}

function isScriptOf(row: PdfWord[], host: PdfWord[]): boolean {
  const hostSize = Math.max(...host.map((w) => w.size))
  if (Math.max(...row.map((w) => w.size)) > SCRIPT_SIZE_RATIO * hostSize) return false
  if (Math.abs(row[0]!.baseline - host[0]!.baseline) > SCRIPT_SHIFT_EM * hostSize) return false
  const reach = SCRIPT_TOUCH_EM * hostSize
  return row.every((w) => host.some((h) => Math.abs(w.x0 - h.x1) < reach || Math.abs(h.x0 - w.x1) < reach))
}

/**
 * Splits one row's words (left to right) into cells or column pieces at gaps that are wide for
 * this row: wider than SEGMENT_GAP_EM and than SEGMENT_GAP_WORD_GAPS × the row's word gap.
 * @param words the row's words, left to right
 * @returns the row's segments
 */
export function rowSegments(words: PdfWord[]): Segment[] {
  return splitRow(words, usualGap(words))
}

/** Clusters words by baseline (each cluster sorted left to right), top to bottom. */
export function baselineRows<T extends {baseline: number; size: number; x0: number}>(items: T[]): T[][] {
  const sorted = [...items].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0)
  const rows: T[][] = []
  let current: T[] = []
  let reference = 0
  for (const item of sorted) {
    const tolerance = BASELINE_TOLERANCE_PT * Math.max(1, item.size / 10)
    if (current.length > 0 && Math.abs(item.baseline - reference) <= tolerance) {
      current.push(item)
      continue
    }
    if (current.length > 0) rows.push(current)
    current = [item]
    reference = item.baseline
  }
  if (current.length > 0) rows.push(current)
  return rows.map((row) => row.sort((p, q) => p.x0 - q.x0))
}

/** Splits one baseline row at wide gaps, joining glued word parts and dropping double prints. */
function splitRow(row: PdfWord[], wordGap: number): Segment[] {
  const out: Segment[] = []
  let words: PdfWord[] = []
  for (const w of row) {
    const previous = words.at(-1)
    if (previous) {
      const em = Math.max(previous.size, w.size)
      const gap = w.x0 - previous.x1
      if (w.value === previous.value && Math.abs(w.x0 - previous.x0) < DUPLICATE_OFFSET_EM * em) continue
      if (w.glued && gap < WORD_JOIN_GAP_EM * em && gap > -WORD_JOIN_GAP_EM * em) {
        words[words.length - 1] = joinWords(previous, w)
        continue
      }
      if (gap > cellGap(previous, w, wordGap, em)) {
        out.push(segment(words))
        words = []
      }
    }
    words.push(w)
  }
  if (words.length > 0) out.push(segment(words))
  return out
}

/** The widest gap (pt) between two neighbouring words that still keeps them in one segment. */
function cellGap(p: PdfWord, q: PdfWord, wordGap: number, em: number): number {
  if (isFigure(p) && isFigure(q)) return FIGURE_GAP_EM * em
  const spread = hasLetter(p) && hasLetter(q) ? SEGMENT_GAP_WORD_GAPS * Math.min(wordGap, WORD_GAP_CAP_EM * em) : 0
  return Math.max(SEGMENT_GAP_EM * em, spread)
}

function hasLetter(w: PdfWord): boolean {
  return /\p{L}/u.test(w.value)
}

/** A figure: digits with no letters ("1,922", "-836.6", "24%", "(5)"). */
function isFigure(w: PdfWord): boolean {
  return /\d/.test(w.value) && !hasLetter(w)
}

/** Usual positive gap (pt) between neighbouring words of a row: the lower quartile (0 when none). */
function usualGap(row: PdfWord[]): number {
  const gaps: number[] = []
  for (let i = 1; i < row.length; i++) {
    const gap = row[i]!.x0 - row[i - 1]!.x1
    if (gap > 0) gaps.push(gap)
  }
  gaps.sort((p, q) => p - q)
  return gaps[Math.floor((gaps.length - 1) / 4)] ?? 0
}

function joinWords(p: PdfWord, q: PdfWord): PdfWord {
  return {
    ...p,
    value: p.value + q.value,
    x1: Math.max(p.x1, q.x1),
    top: Math.min(p.top, q.top),
    bottom: Math.max(p.bottom, q.bottom),
    size: Math.max(p.size, q.size),
    bold: p.bold && q.bold
  }
}

/** A segment over the given words (at least one). */
export function segment(words: PdfWord[]): Segment {
  let x0 = Infinity
  let x1 = -Infinity
  let top = Infinity
  let bottom = -Infinity
  let size = 0
  let baseline = 0
  for (const w of words) {
    x0 = Math.min(x0, w.x0)
    x1 = Math.max(x1, w.x1)
    top = Math.min(top, w.top)
    bottom = Math.max(bottom, w.bottom)
    if (w.size >= size) {
      size = w.size
      baseline = w.baseline
    }
  }
  return {words, x0, x1, top, bottom, baseline, size}
}
