// Finds the header of a KPI table and turns it into columns: one header line or several (labels
// printed over two lines, spanned headings such as "2019-20" over "Number | Percentage").
import {classifyColumn, isIndicatorHeading, isKpiHeading, isMeasureHeading, isRagHeading, mendColumnLabels, repairPeriodLabel, tidyLabel, type ColumnKind} from './kpi-columns.js'
import {partGluedMonths} from './kpi-month-run.js'
import {clean, isValueToken, type KpiLine, type Segment, type SegmentMode} from './kpi-segments.js'

/** A value column of the table being read. */
export interface KpiColumnDraft {
  label: string
  kind: ColumnKind
  period: string | null
  /** What the column holds: figures, each row's measure ("Outturn type"), or a RAG status. */
  role: 'value' | 'measure' | 'rag'
  /** Cell index in a grid header, else null. */
  index: number | null
  x0: number | null
  x1: number | null
}

export interface KpiHeader {
  mode: SegmentMode
  /** Index (in the lines) of the first header line, of the main one, and of the first line after the header. */
  top: number
  at: number
  next: number
  /** Left edge of the first value column (x mode), to tell indicator text from figures. */
  valuesX0: number | null
  columns: KpiColumnDraft[]
  /** True when labels had to be placed by guesswork (OCR headers over two lines). */
  uncertain: boolean
}

/** Fewest period / target / benchmark headings a header line needs. */
const MIN_KPI_HEADINGS = 2
/** A loose (OCR) line needs this many, being less certain of its cells. */
const MIN_KPI_HEADINGS_LOOSE = 3
/** An opening quote OCR reads from a speck before a heading ("‘Southampt"). */
const LEADING_QUOTE = /^[‘’'"“”`]+(?=\p{L})/u
/** Lines above or below a header line count as part of it within this many line heights. */
const HEADER_BAND_HEIGHTS = 2.4
/** Header lines looked at above the main one. */
const MAX_LINES_ABOVE = 2

/**
 * Reads the header starting at `at`, or null when the line is no KPI table header.
 * @param lines the document's lines with their segments
 * @param at index of the candidate line
 */
export function readHeader(lines: readonly KpiLine[], at: number): KpiHeader | null {
  const main = lines[at]
  if (!main) return null
  const labels = headerLabels(main)
  if (!looksLikeHeader(labels, main.mode)) return null
  if (main.mode === 'loose' && (!hasNoValues(main) || /[.;,]$/.test(main.line.text))) return null
  if (main.mode === 'grid') return gridHeader(lines, at)
  if (main.mode === 'x' && !labelRowsElsewhere(lines, at)) return xHeader(lines, at)
  return looseHeader(lines, at, main.mode === 'x' ? looseLabels(joinSplitPeriods(main.segments.flatMap((s) => s.text.split(' ')))) : labels)
}

/**
 * An OCR'd header whose "|"-ruled label rows above stand apart from the columns they head (printed
 * at the left, ending before the main line's last heading): the labels are slotted in by order, as
 * on a loose line, not by where they stand.
 */
function labelRowsElsewhere(lines: readonly KpiLine[], at: number): boolean {
  const main = lines[at]!
  const last = main.segments[main.segments.length - 1]?.x0
  const rows = main.line.confidence !== null && last !== null && last !== undefined ? pipedLines(lines, at, -1) : []
  return rows.length > 0 && rows.every((row) => row.segments.every((s) => s.x1 !== null && s.x1 < last!))
}

/** The labels of a line read as a header row (loose lines split into heading atoms). */
export function headerLabels(line: KpiLine): string[] {
  if (line.mode !== 'loose') return line.segments.map((s) => s.text)
  return looseLabels(joinSplitPeriods(line.segments.map((s) => s.text)))
}

/** A month OCR cut from its year at the hyphen ("Apr-"): the first piece of a split period. */
const MONTH_PIECE = /^[A-Za-z]{3}[-'/]?$/
/** The year OCR cut from its month ("-22", "22"). */
const YEAR_PIECE = /^[-'/]?[\dlIOo]{2}$/

/**
 * OCR words with a period heading cut in two at its hyphen ("Apr-" "-22") joined back ("Apr-22"),
 * so the year piece is not read as a figure (-22). Only where the joined word is a period and one
 * piece keeps the hyphen: "May 22" printed as two words with no hyphen stays two words.
 */
export function joinSplitPeriods(words: string[]): string[] {
  const out: string[] = []
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!
    const after = words[k + 1]
    if (after !== undefined && MONTH_PIECE.test(word) && YEAR_PIECE.test(after) && /[-'/]/.test(word + after[0])) {
      const joined = repairPeriodLabel(`${word.replace(/[-'/]$/, '')}-${after.replace(/^[-'/]/, '')}`)
      if (classifyColumn(joined).kind === 'period') {
        out.push(joined)
        k++
        continue
      }
    }
    out.push(word)
  }
  return out
}

function looksLikeHeader(labels: string[], mode: SegmentMode): boolean {
  const rest = labels.slice(1).filter(Boolean)
  const kpi = rest.filter((l) => isKpiHeading(l) || DAMAGED_MONTH.test(l)).length + (isKpiHeading(labels[0] ?? '') ? 1 : 0)
  const figures = labels.filter((l) => isValueToken(l) && !isKpiHeading(l)).length
  if (figures > 0) return false
  if (mode === 'loose') return kpi >= MIN_KPI_HEADINGS_LOOSE && kpi * 2 >= labels.length
  return kpi >= MIN_KPI_HEADINGS
}

/** True when a line holds no figure at all (a header or a wrapped indicator name). */
export function hasNoValues(line: KpiLine): boolean {
  const words = line.segments.map((s) => s.text)
  return !(line.mode === 'loose' ? joinSplitPeriods(words) : words).some((text) => text && isValueToken(text) && !isKpiHeading(text))
}

/** Grid header: the header row plus header rows directly above and below it (same cell count). */
function gridHeader(lines: readonly KpiLine[], at: number): KpiHeader {
  const main = lines[at]!
  const width = main.segments.length
  const sameGrid = (line: KpiLine | undefined): boolean => Boolean(line && line.mode === 'grid' &&
    line.segments.length === width && line.line.block === main.line.block && hasNoValues(line))
  let first = at
  while (first > 0 && at - first < MAX_LINES_ABOVE && sameGrid(lines[first - 1])) first--
  let next = at + 1
  while (sameGrid(lines[next]) && !looksLikeHeader(headerLabels(lines[next]!), 'grid')) next++
  const rows = lines.slice(first, next).map((line) => line.segments.map((s) => s.text))
  const labels = stackRows(rows)
  const columns = labels.slice(1).map((label, index) => draft(label, index + 1, null, null))
  return {mode: 'grid', top: first, at, next, valuesX0: null, columns: columns.filter((c) => c.label), uncertain: false}
}

/** Header rows stacked into one label per column; an upper label spans the empty cells after it. */
function stackRows(rows: string[][]): string[] {
  const width = rows[0]?.length ?? 0
  const labels: string[] = Array.from({length: width}, () => '')
  rows.forEach((row, r) => {
    const last = r === rows.length - 1
    let span = ''
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? ''
      if (text) span = text
      else if (c === 0 || last) span = ''
      const below = rows.slice(r + 1).some((lower) => lower[c])
      const part = text || (below ? span : '')
      labels[c] = [labels[c], part].filter(Boolean).join(' ')
    }
  })
  return labels
}

/** x-aligned header: segments of the main line, with label parts printed above or below them. */
function xHeader(lines: readonly KpiLine[], at: number): KpiHeader {
  const main = lines[at]!
  const [head, ...rest] = main.segments
  const indicatorFirst = head && !isKpiHeading(head.text)
  const valueSegments = (indicatorFirst ? rest : main.segments).flatMap(partedSegment)
  const columns = valueSegments.map((s) => draft(s.text, null, s.x0, s.x1))
  const valuesX0 = columns[0]?.x0 ?? null
  let top = at
  for (let up = 1; up <= MAX_LINES_ABOVE; up++) {
    const above = lines[at - up]
    if (!above || !inBand(above, main, up) || !hasNoValues(above) || looksLikeHeader(headerLabels(above), 'x')) break
    // the heading of the indicator column, set apart ("Service" centred beside two-line headings)
    if (up < MAX_LINES_ABOVE && above.segments.every((s) => (s.x1 ?? Infinity) < (valuesX0 ?? 0) - 1)) continue
    if (!above.segments.every((s) => overValues(s, valuesX0))) break
    addParts(columns, above, 'before')
    top = at - up
  }
  let next = at + 1
  const below: KpiLine[] = []
  for (let line = lines[next]; line && inBand(line, lines[next - 1]!, 1); line = lines[++next]) {
    const heading = withoutSpecks(line)
    if (!hasNoValues(heading) || !heading.segments.every((s) => overValues(s, valuesX0))) break
    below.push(heading)
  }
  const sub = subHeadings(below, columns.length)
  for (const line of below) if (line !== sub) addParts(columns, line, 'after')
  const labels = main.line.confidence !== null ? mendColumnLabels(columns.map((c) => c.label)) : columns.map((c) => c.label)
  columns.forEach((column, k) => Object.assign(column, draft(labels[k]!, null, column.x0, column.x1)))
  const spanned = sub ? underSpans(columns, sub) : columns
  return {mode: 'x', top, at, next, valuesX0: spanned[0]?.x0 ?? valuesX0, columns: spanned, uncertain: false}
}

/** An OCR'd speck: one character narrower than this (points). */
const SPECK_WIDTH_PT = 3

/** An OCR'd line without one-character specks ("5" read from a dot left of the headings). */
function withoutSpecks(line: KpiLine): KpiLine {
  if (line.line.confidence === null) return line
  const segments = line.segments.filter((s) => !(s.text.length === 1 && s.x0 !== null && s.x1 !== null && s.x1 - s.x0 < SPECK_WIDTH_PT))
  return segments.length === line.segments.length ? line : {...line, segments}
}

/** True when a heading stands over the value columns: its middle right of their left edge (a centred heading may be wider than its column). */
function overValues(segment: Segment, valuesX0: number | null): boolean {
  return ((segment.x0 ?? 0) + (segment.x1 ?? segment.x0 ?? 0)) / 2 >= (valuesX0 ?? 0) - 1
}

/** Sub-headings make the columns when a line under the header has at least this many times its headings ("2019-20" over "Number | Percentage | CP | LAC"). */
const MIN_SUBS_PER_SPAN = 2

/** The line under a header's spanned headings that names the columns, or undefined. */
function subHeadings(below: readonly KpiLine[], spans: number): KpiLine | undefined {
  const count = (line: KpiLine): number => subSegments(line).length
  const widest = below.reduce<KpiLine | undefined>((best, line) => (!best || count(line) > count(best) ? line : best), undefined)
  return widest && spans > 0 && count(widest) >= MIN_SUBS_PER_SPAN * spans ? widest : undefined
}

/** A sub-heading line's headings, with those OCR ran together parted. */
function subSegments(line: KpiLine): Segment[] {
  return partedRunTogether(line.segments.flatMap(partedSegment))
}

/** Points a spanned heading's edge may stand off its first (or last) sub-heading's. */
const SPAN_EDGE_SLACK = 2

/**
 * One column per sub-heading, labelled with the spanned heading over it. Spanned headings set at
 * the left of their span own the sub-headings from their left edge on; set at the right, up to their
 * right edge; centred, those whose middle is nearer them than their neighbours.
 */
function underSpans(spans: readonly KpiColumnDraft[], sub: KpiLine): KpiColumnDraft[] {
  const subs = subSegments(sub)
  const near = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= SPAN_EDGE_SLACK
  const left = spans.every((span) => subs.some((s) => near(s.x0, span.x0)))
  const right = !left && spans.every((span) => subs.some((s) => near(s.x1, span.x1)))
  return subs.map(function column(s) {
    const owner = left ? [...spans].reverse().find((span) => (span.x0 ?? 0) <= (s.x0 ?? 0) + SPAN_EDGE_SLACK)
      : right ? spans.find((span) => (span.x1 ?? 0) >= (s.x1 ?? 0) - SPAN_EDGE_SLACK)
      : nearest([...spans], s.x0, s.x1)[0]
    return draft(owner ? `${owner.label} ${s.text}` : s.text, null, s.x0, s.x1)
  })
}

/**
 * Sub-headings OCR set as one segment ("Percentage CP") where each word is a sub-heading of its
 * own elsewhere on the line (the spans repeat "Number | Percentage | CP | LAC"): parted, the width
 * shared by characters. Other segments as they are.
 */
function partedRunTogether(segments: readonly Segment[]): Segment[] {
  const alone = new Set(segments.filter((s) => !s.text.includes(' ')).map((s) => s.text.toLowerCase()))
  return segments.flatMap((segment) => {
    const words = segment.text.split(' ')
    const {x0, x1} = segment
    if (words.length < 2 || x0 === null || x1 === null || !words.every((w) => alone.has(w.toLowerCase()))) return [segment]
    const perChar = (x1 - x0) / segment.text.length
    let at = 0
    return words.map((text) => {
      const part = {...segment, text, x0: x0 + at * perChar, x1: x0 + (at + text.length) * perChar}
      at += text.length + 1
      return part
    })
  })
}

/** True when two headers have the same columns, label for label (letter case aside). */
export function sameLabels(a: readonly KpiColumnDraft[], b: readonly KpiColumnDraft[]): boolean {
  return a.length === b.length && a.every((column, k) => column.label.toLowerCase() === b[k]!.label.toLowerCase())
}

/** A header segment holding two month headings OCR ran together ("Dec-21-lan-22"), as two, its width shared by their letters. */
function partedSegment(segment: Segment): Segment[] {
  const parts = partGluedMonths(segment.text, repairPeriodLabel)
  if (parts.length === 1 || segment.x0 === null || segment.x1 === null) return parts.length === 1 ? [segment] : parts.map((text) => ({...segment, text}))
  const cut = segment.x0 + (segment.x1 - segment.x0) * parts[0]!.length / (parts[0]!.length + parts[1]!.length)
  return [{...segment, text: parts[0]!, x1: cut}, {...segment, text: parts[1]!, x0: cut}]
}

/** True when `other` is on the same page as `main` and within the header band of it. */
function inBand(other: KpiLine, main: KpiLine, steps: number): boolean {
  if (other.line.page !== main.line.page) return false
  const a = other.line.y0
  const b = main.line.y0
  const height = main.line.height ?? other.line.height
  if (a === null || b === null || !height) return other.line.block === main.line.block
  return Math.abs(a - b) <= HEADER_BAND_HEIGHTS * height * steps
}

/** A footnote mark set apart from its heading, or a mark a printer could not show ("?"). */
const NOTE_MARK = /^[?*†‡§]+$/

/** Adds the segments of a line above or below the header to the columns they sit over. */
function addParts(columns: KpiColumnDraft[], line: KpiLine, where: 'before' | 'after'): void {
  for (const segment of line.segments) {
    if (NOTE_MARK.test(segment.text)) continue
    const over = columns.filter((c) => overlap(c, segment.x0, segment.x1) > 0)
    const targets = over.length ? over : nearest(columns, segment.x0, segment.x1)
    for (const column of targets) {
      column.label = where === 'before' ? `${segment.text} ${column.label}` : `${column.label} ${segment.text}`
    }
  }
}

/** Overlap in x between a column and a range (0 when they do not meet). */
export function overlap(column: {x0: number | null; x1: number | null}, x0: number | null, x1: number | null): number {
  if (column.x0 === null || column.x1 === null || x0 === null || x1 === null) return 0
  return Math.min(column.x1, x1) - Math.max(column.x0, x0)
}

/** The column whose middle is nearest a range's middle (as a one-item list; empty when unknown). */
export function nearest<T extends {x0: number | null; x1: number | null}>(columns: T[], x0: number | null, x1: number | null): T[] {
  if (x0 === null || x1 === null) return []
  const mid = (x0 + x1) / 2
  let best: T | null = null
  let distance = Infinity
  for (const column of columns) {
    if (column.x0 === null || column.x1 === null) continue
    const d = Math.abs((column.x0 + column.x1) / 2 - mid)
    if (d < distance) [best, distance] = [column, d]
  }
  return best ? [best] : []
}

/** Loose (OCR) header: labels from the line, with two-line labels from lines above slotted in. */
function looseHeader(lines: readonly KpiLine[], at: number, labels: string[]): KpiHeader {
  const main = lines[at]!
  const first = labels[0] ?? ''
  const indicatorFirst = !isKpiHeading(first)
  const values = (indicatorFirst ? labels.slice(1) : labels).filter((l) => !isIndicatorHeading(l))
  const rows = piped(lines, at, -1).reverse()
  const rowLines = pipedLines(lines, at, -1).reverse()
  let next = at + 1
  const below: string[] = []
  let runOn = 0
  for (; next < lines.length && next <= at + MAX_LINES_ABOVE + runOn; next++) {
    const line = lines[next]!
    if (line.line.page !== main.line.page) break
    const parts = wordText(line).includes('|') ? pipeParts(wordText(line)) : null
    const more = hasNoValues(line) ? looseLabels(line.segments.map((s) => s.text)) : []
    // Headings run on below the main line (a header wrapped at the page edge: "South East | England",
    // or "May-22 | Jun-22 Target South East | England")…
    if (runsOn(more)) {
      below.push(...more)
      runOn++
    }
    // …or label parts printed under their columns ("on19/20 | on20/21 |Neighbours").
    else if (parts && !parts.some((part) => part.split(' ').some((w) => isValueToken(w) && !isKpiHeading(w)))) {
      rows.push(parts)
      rowLines.push(line)
    } else break
  }
  // …continue the main line; the two-line labels go after its last period or target, wherever it wrapped.
  values.push(...below)
  const stacked = stack(alignedRows(rows, rowLines))
  if (stacked.length) values.splice(insertAt(values), 0, ...stacked)
  const columns = mendColumnLabels(values).map((label) => draft(label, null, null, null))
  return {mode: 'loose', top: at - piped(lines, at, -1).length, at, next, valuesX0: null, columns, uncertain: stacked.length + below.length > 0}
}

/** Labels that carry the header line on: headings, at least half of them, the others words without
 * figures (an OCR-damaged heading: "South East | Engle"), not label parts such as "on19/20". */
function runsOn(labels: string[]): boolean {
  const headings = labels.filter(isKpiHeading).length
  return headings > 0 && headings * 2 >= labels.length && labels.every((l) => isKpiHeading(l) || !/\d/.test(l))
}

/** Lines with "|" cell rules and no figures next to an OCR header (going `step` lines at a time). */
function piped(lines: readonly KpiLine[], at: number, step: number): string[][] {
  return pipedLines(lines, at, step).map((line) => pipeParts(wordText(line)))
}

function pipedLines(lines: readonly KpiLine[], at: number, step: number): KpiLine[] {
  const rows: KpiLine[] = []
  for (let k = 1; k <= MAX_LINES_ABOVE; k++) {
    const other = lines[at + step * k]
    if (!other || other.mode !== 'loose' || other.line.page !== lines[at]!.line.page) break
    if (!wordText(other).includes('|') || !hasNoValues(other)) break
    rows.push(other)
  }
  return rows
}

/**
 * Label rows where OCR missed a rule ("0n20/21 Neighbours" under "Southampt | Statistical") parted
 * again by where their words stand: each word goes under the label part of the fullest row starting
 * at or left of it (by up to a line height, print wobbling). Rows without positions stay as read.
 * @param rows the "|"-parted label rows, top to bottom
 * @param rowLines the line of each row
 */
function alignedRows(rows: string[][], rowLines: readonly KpiLine[]): string[][] {
  const widest = rows.reduce((best, row, k) => (row.length > (rows[best]?.length ?? 0) ? k : best), 0)
  const starts = partStarts(rowLines[widest])
  if (!starts || starts.length !== rows[widest]?.length) return rows
  return rows.map((row, k) => {
    const line = rowLines[k]
    if (row.length >= starts.length || !line || !line.segments.every((s) => s.x0 !== null)) return row
    const slack = line.line.height ?? 0
    const parts: string[][] = starts.map(() => [])
    for (const segment of line.segments) {
      const text = segment.text.replace(/^\||\|$/g, '').trim()
      if (!text) continue
      const column = starts.reduce((best, start, c) => (start <= segment.x0! + slack ? c : best), 0)
      parts[column]!.push(text)
    }
    const aligned = parts.map((words) => pipeParts(words.join(' '))[0] ?? '')
    return aligned.filter(Boolean).length > row.length ? aligned : row
  })
}

/** Where each "|"-parted label part of a positioned line starts (x of its first word), or null. */
function partStarts(line: KpiLine | undefined): number[] | null {
  if (!line || !line.segments.every((s) => s.x0 !== null)) return null
  const starts: number[] = []
  let open = true
  for (const segment of line.segments) {
    const text = segment.text.trim()
    if (text === '|') {
      open = true
      continue
    }
    if (open) starts.push(segment.x0!)
    open = text.endsWith('|')
  }
  return starts
}

/** A loose line's text from its words, where rules OCR glued to words ("[Neighbours") stand apart. */
function wordText(line: KpiLine): string {
  return line.segments.length ? line.segments.map((s) => s.text).join(' ') : line.line.text
}

/** The parts of a "|"-ruled line, OCR specks (one-character words, opening quotes) dropped from their starts. */
function pipeParts(text: string): string[] {
  return text.split('|').map((part) => part.trim().replace(/^(?:\S\s+)+/, '').replace(LEADING_QUOTE, '')).filter(Boolean)
}

/** Labels printed over two lines ("Southampt | Statistical" / "on19/20 | Neighbours"), column by column. */
function stack(rows: string[][]): string[] {
  const width = Math.max(0, ...rows.map((row) => row.length))
  const out: string[] = []
  for (let c = 0; c < width; c++) out.push(joinParts(rows.map((row) => row[c] ?? '')))
  return out.filter(Boolean)
}

/** Joins the parts of a label broken over lines; "Southampt" + "on19/20" → "Southampton 19/20". */
function joinParts(parts: string[]): string {
  let out = ''
  for (const read of parts.filter(Boolean)) {
    const part = out && /[a-z]$/.test(out) ? read.replace(OCR_ON, 'on').replace(DEBRIS_BEFORE_ON, 'on') : read
    const glue = out && /[a-z]$/.test(out) && /^[a-z]/.test(part) ? '' : ' '
    out = out ? out + glue + part : part
  }
  return clean(unglueYears(out).replace(/([A-Za-z])(\d)/g, '$1 $2'))
}

/** "0n19/20" under "Southampt": the "on" ending the word broken over two lines, its "o" read as a zero. */
const OCR_ON = /^[^\s\p{L}]{0,2}?0n(?=\d)/u
/**
 * "iP¥80n19/20" under "Southampt": OCR debris from a ruling line before that "on", known by a
 * figure or sign in it (no printed word holds one and runs into "on" and a year).
 */
const DEBRIS_BEFORE_ON = /^\S*?[^\s\p{L}]\S*?[0o]n(?=\d{2}[/-]\d{2})/u

/** Where labels from lines above go: after the last period or target of the main line. */
function insertAt(values: string[]): number {
  let at = 0
  values.forEach((label, index) => {
    const kind = classifyColumn(label).kind
    if (kind === 'period' || kind === 'target') at = index + 1
  })
  return at
}

/** A month heading OCR damaged in its year ("Dec-2", "Nov-211": a rule read as a "1"): a heading of its own, mended by its run. */
const DAMAGED_MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[-'/]\d{1,3}$/i

/**
 * Words of an OCR header line grouped into labels: a period, "Target", "England" or the like
 * stands alone; other words next to each other form one label ("Statistical Neighbours").
 */
export function looseLabels(words: string[]): string[] {
  const out: string[] = []
  let run: string[] = []
  const flushRun = (): void => {
    if (run.length) out.push(run.join(' '))
    run = []
  }
  for (const raw of words.flatMap(unspeckedPeriod).flatMap((word) => partGluedMonths(word, repairPeriodLabel))) {
    if (raw === '|') {
      flushRun()
      continue
    }
    const word = repairPeriodLabel(raw.replace(/^\||\|$/g, '').replace(LEADING_QUOTE, ''))
    if (!/[\p{L}\d]/u.test(word)) { // "|." or a lone quote: a rule with OCR dust on it
      if (word) flushRun()
      continue
    }
    if (isKpiHeading(word) || isIndicatorHeading(word) || DAMAGED_MONTH.test(word)) {
      flushRun()
      out.push(word)
    } else run.push(word)
  }
  flushRun()
  return out
}

/**
 * The end of one label and a period OCR joined by a speck read as a point or comma ("t.Oct-21": the
 * "t" of "Outturn type" cut short, then "Oct-21"), as two words; other words as read. A heading
 * never runs a few letters into a period through a point, so the speck parts them.
 */
const SPECKED_PERIOD = /^(\p{L}{1,3})[.,·'`]+(\S+)$/u
function unspeckedPeriod(word: string): string[] {
  const match = SPECKED_PERIOD.exec(word)
  if (!match) return [word]
  const period = repairPeriodLabel(match[2]!)
  return classifyColumn(period).kind === 'period' && !isKpiHeading(word) ? [match[1]!, period] : [word]
}

function draft(label: string, index: number | null, x0: number | null, x1: number | null): KpiColumnDraft {
  // a "|" inside a heading is a table rule OCR read as text ("Statistical | Neighbours"), never part of it
  const text = tidyLabel(unglueYears(clean(label.replace(/\s*\|\s*/g, ' ')).replace(/(?<=\w)[.,;:]+$/, '').replace(TRAILING_QUOTE, '').replace(DEBRIS_BEFORE_MONTH, '')))
  const role = isMeasureHeading(text) ? 'measure' : isRagHeading(text) ? 'rag' : 'value'
  return {label: text, ...classifyColumn(text), role, index, x0, x1}
}

/** A quote OCR read from a speck after a heading ("Target”"). */
const TRAILING_QUOTE = /(?<=\p{L})[‘’'"“”`]+$/u
/** A lone lower-case letter or sign OCR read from a rule or speck before a month heading ("i Feb-22"). */
const DEBRIS_BEFORE_MONTH = /^(?:[a-z]|[^\p{L}\d\s(&-])\s+(?=\p{L}{3}[-\s'/]?\d{2}$)/u
/** A year pair ("19/20") with a letter OCR read for a figure ("l9/20", "2O/21"), maybe glued to the word before it. */
const MISREAD_YEARS = /(\p{L}*?)([\dlIO]{2})([/-])([\dlIO]{2})\b/gu

/**
 * Year pairs with a letter read for a figure put right and parted from the word OCR glued them to
 * ("Southamptonl9/20" → "Southampton 19/20"): only where the figures then make two years in a row,
 * as a year pair is printed, and some figure was read as a letter.
 */
export function unglueYears(label: string): string {
  return label.replace(MISREAD_YEARS, (whole, word: string, first: string, dash: string, second: string) => {
    if (!/[lIO]/.test(first + second) || !/\d/.test(first + second)) return whole
    const [a, b] = [first, second].map((pair) => pair.replace(/[lI]/g, '1').replace(/O/g, '0'))
    if ((Number(a) + 1) % 100 !== Number(b)) return whole
    return `${word}${word ? ' ' : ''}${a}${dash}${b}`
  })
}
