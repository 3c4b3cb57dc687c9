// Reads the rows under a KPI table header: figures placed in their columns, indicator names put
// back together where they wrap over several lines (above, below or around the line of figures).
import {headerLabels, nearest, overlap, readHeader, type KpiColumnDraft, type KpiHeader} from './kpi-header.js'
import {isDashedPair, isMergedPercentages, splitDashed, splitMerged, type RowToken} from './kpi-merged.js'
import {isDebris, tidyName} from './kpi-names.js'
import {mendOverflow} from './kpi-row-overflow.js'
import {isMeasureToken, isUnreadCell, isValueToken, type KpiLine, type Segment} from './kpi-segments.js'
import type {StepPlacement} from './kpi-stacked-steps.js'

/** One row as read: its indicator text, the measure word where a measure column gives one, raw cells. */
export interface KpiRowDraft {
  indicator: string
  measureWord: string | null
  /** Raw text by column (index into the header's columns). */
  cells: Map<number, string>
  page: number
  /** False when the figures could not be placed in their columns with certainty. */
  certain: boolean
  /** OCR confidence (0–1) of each cell's words by column, where OCR'd. */
  confidences?: Map<number, number | null>
  /** Why the row is uncertain, where a reader knows better than the generic warning. */
  reason?: string
  /** True when the row was OCR'd from a page image here (its figures may have lost commas or points). */
  scanned?: boolean
  /** Cells inferred, not read: one OCR word cut into two figures by size ("11598" → "115" + "98"). */
  guesses?: MergedGuess[]
  /** Cells placed by line pitch in a one-per-line table where OCR lost lines: columns left empty, lines joined into one figure. */
  stepped?: StepPlacement
  /** The words the name was read from, in order, with their OCR confidence (tidying may have dropped some). */
  nameWords?: NameWord[]
  /** An uncertain one-per-line row's figures in order (fewer than the columns), and their OCR confidences. */
  figures?: string[]
  figureConfidences?: Array<number | null>
  /** Placed by the same indicator's row in the table on `page` (kpi-sibling-rows.ts); value columns left empty. */
  aligned?: {page: number; empty: number[]}
}

/** One word a name was read from and its OCR confidence (0–1), null where not OCR'd. */
export interface NameWord {
  text: string
  confidence: number | null
}

/** One OCR word read as two figures by a guessed cut: the word as read, the two figures made of it, and their columns (header indexes). */
export interface MergedGuess {
  read: string
  figures: [string, string]
  columns: [number, number]
}

export interface KpiBody {
  rows: KpiRowDraft[]
  /** Index of the first line after the table. */
  next: number
  /** The lines as read (rows and name fragments), for {@link joinBodies}. */
  items: readonly BodyLine[]
}

/** A line of a table body as read: a row of figures, or a fragment of a wrapped name. */
export type BodyLine = Item

/** A wrapped indicator line is at most this long (characters); longer lines are prose. */
const MAX_FRAGMENT_CHARS = 60
/** An OCR'd line with fewer letters than this and no digit is dirt on the scan (tidyName drops so short a name part anyway). */
const MIN_DUST_LETTERS = 3
/** In PDFs a wrapped line follows the line above within this many line heights. */
const MAX_LINE_GAP_HEIGHTS = 2.4

interface Item {
  row?: {indicator: string; measureWord: string | null; cells: Map<number, string>; confidences: Map<number, number | null>; certain: boolean; guesses?: MergedGuess[]; nameWords?: NameWord[]; nameSegments?: Segment[]}
  fragment?: string
  fragmentWords?: NameWord[]
  line: KpiLine
  /** Index of the last line the item was read from (a row takes in lines below it). */
  end?: number
}

/**
 * Reads the body of a table.
 * @param lines the document's lines with their segments
 * @param header the table's header
 */
export function readBody(lines: readonly KpiLine[], header: KpiHeader): KpiBody {
  const items: Item[] = []
  let at = header.next
  for (; at < lines.length; at++) {
    const line = asHeader(lines[at]!, header)
    const previous = asHeader(lines[at - 1]!, header)
    if (line.line.page !== previous.line.page || readHeader(lines, at)) break
    if (header.mode === 'grid' && !sameGrid(line, lines[header.at]!)) break
    const last = items[items.length - 1]
    const tail = last?.row && header.mode !== 'grid' ? withTail(last.line, last.row, line, header) : null
    if (tail) {
      Object.assign(last!, tail, {end: at})
      continue
    }
    const wrap = last?.row && header.mode === 'x' && line.mode === 'x' ? wrappedCells(last.row, line, header) : null
    const row = wrap ? null : dataRow(line, header)
    if (wrap) {
      for (const [index, text] of wrap.cells) last!.row!.cells.set(index, `${last!.row!.cells.get(index)} ${text}`)
      if (wrap.name.length) items.push({...fragmentOf({...line, segments: wrap.name}), end: at})
      else last!.end = at
    } else if (row) items.push({row, line, end: at})
    else if (isFragment(line, previous, header, items, lines[at + 1])) items.push({...fragmentOf(line), end: at})
    else break
  }
  while (items.length && !items[items.length - 1]!.row && !trailingAllowed(items)) items.pop()
  const end = items[items.length - 1]?.end
  return {rows: assemble(items, header.valuesX0), next: end === undefined ? header.next : end + 1, items}
}

/**
 * Cell text wrapped onto the line below a row ("New" / "measure"): a line without figures whose
 * words beyond the name column each sit under a cell of the row holding words, not a figure. The
 * words go onto those cells; what is in the name column is a line of the name. Else null.
 */
function wrappedCells(row: NonNullable<Item['row']>, line: KpiLine, header: KpiHeader): {cells: Map<number, string>; name: Segment[]} | null {
  const limit = (header.valuesX0 ?? 0) - 1
  const name = line.segments.filter((s) => (s.x1 ?? 0) <= limit)
  const cells = new Map<number, string>()
  for (const segment of line.segments) {
    if (name.includes(segment)) continue
    const index = columnFor(header.columns, segment)
    const above = row.cells.get(index)
    if (/\d/.test(segment.text) || !above || isValueToken(above) || cells.has(index)) return null
    cells.set(index, segment.text)
  }
  return cells.size ? {cells, name} : null
}

/** Most lines of a name carried alone over a page break. */
const MAX_RUN_ON_LINES = 3

/**
 * The last lines of a name wrapped below its figures, carried alone over a page break ("time" atop
 * the next page): lines in the name column, the first in lower case, before anything else there.
 * Only where the table's names hang below their figures (no name line above its first row) and
 * the part before ends inside a name; else null.
 * @param parts the table's parts read so far, in order
 * @param start the first line of the next page
 */
export function readRunOn(lines: readonly KpiLine[], header: KpiHeader, parts: readonly KpiBody[], start: number): KpiBody | null {
  const hanging = parts[0]?.items[0]?.row !== undefined
  const before = parts[parts.length - 1]?.items.at(-1)
  if (header.mode !== 'x' || !hanging || before?.fragment === undefined) return null
  const items: Item[] = []
  for (let at = start; at < lines.length && items.length < MAX_RUN_ON_LINES; at++) {
    const line = asHeader(lines[at]!, header)
    const previous = items[items.length - 1]?.line
    if (line.line.page !== lines[start]!.line.page || line.mode !== 'x' || !inNameColumn(line, header)) break
    if (line.line.text.length > MAX_FRAGMENT_CHARS || (previous && !closeBelow(line, previous))) break
    items.push(fragmentOf(line))
  }
  return /^\p{Ll}/u.test(items[0]?.fragment ?? '') ? {rows: [], next: start + items.length, items} : null
}

/**
 * One body from a table's parts over page breaks: names are put back together over them, so the
 * last line of a name wrapped below its figures at a page's foot goes with its row, not the next.
 */
export function joinBodies(bodies: readonly KpiBody[], valuesX0: number | null): KpiBody {
  if (bodies.length === 1) return bodies[0]!
  const items = bodies.flatMap((body) => body.items)
  return {rows: assemble(items, valuesX0), next: bodies[bodies.length - 1]!.next, items}
}

/** A line of an indicator name wrapped over lines; a lone "|" on an OCR'd line is a table rule read as text, no word of the name. */
function fragmentOf(line: KpiLine): Item {
  const segments = line.line.confidence === null ? line.segments : line.segments.filter((s) => s.text.trim() !== '|')
  return {fragment: segments.map((s) => s.text).join(' ') || line.line.text, fragmentWords: wordsOfSegments(segments), line}
}

/** Under a header laid out by x, a positioned line set like running text is read by its x-aligned runs too. */
function asHeader(line: KpiLine, header: KpiHeader): KpiLine {
  return header.mode === 'x' && line.runs ? {line: line.line, mode: 'x', segments: line.runs} : line
}

/**
 * A row whose last figures were wrapped onto the next line (a line of figures only): the two lines
 * as one row, when together they fill the columns; else null. On OCR'd lines a row that seemed
 * whole takes them too where OCR read a lone "1" that is no cell (kpi-row-overflow.ts), so that
 * the figures fill the columns again: a figure is never a word of a name. On OCR'd lines the figures join the
 * row even when OCR garbled or dropped a cell so that they still do not fill it (the row stays
 * uncertain): a line of figures only is no line of a name, and counted as one it would shift the
 * names of the rows below onto their neighbours.
 */
function withTail(row: KpiLine, read: NonNullable<Item['row']>, line: KpiLine, header: KpiHeader): Item | null {
  if (line.line.page !== row.line.page || !line.segments.length) return null
  if (read.certain && !(row.line.confidence !== null && line.line.confidence !== null)) return null
  const tail = withoutEndDust(line)
  const figure = (text: string): boolean => isValueToken(text) || (line.line.confidence !== null && isDashedPair(text))
  if (!tail.length || !tail.every((s) => s.text.split(' ').every(figure))) return null
  const lastTop = line.lastTop ?? line.line.y0
  const joined: KpiLine = {line: row.line, mode: row.mode === 'grid' ? 'loose' : row.mode, segments: [...row.segments, ...tail], ...(lastTop === null ? {} : {lastTop})}
  const mended = orderedRow(joined, header)
  const scanned = row.line.confidence !== null && line.line.confidence !== null
  // a row read whole takes the figures below only when with them it still fills the columns, its name unchanged
  if (read.certain) return mended?.certain && mended.indicator === read.indicator ? {row: mended, line: joined} : null
  return mended && (mended.certain || scanned) ? {row: mended, line: joined} : null
}

/**
 * An OCR'd line's segments without one unreadable speck ending it after figures ("N/A N/A Co"):
 * scan dirt right of the last cell. The row must still fill the columns without it.
 */
function withoutEndDust(line: KpiLine): Segment[] {
  const segments = line.segments
  const last = segments[segments.length - 1]
  const dust = line.line.confidence !== null && segments.length > 1 && last !== undefined && isUnreadCell(last.text.trim())
  return dust ? segments.slice(0, -1) : segments
}

/** True when a line is a row of the same grid as the header (same block, same number of cells). */
function sameGrid(line: KpiLine, head: KpiLine): boolean {
  return line.mode === 'grid' && line.line.block === head.line.block && line.segments.length === head.segments.length
}

/** The row a line holds, or null when it holds no figures. */
function dataRow(line: KpiLine, header: KpiHeader): Item['row'] | null {
  if (line.mode === 'grid' && header.mode === 'grid') return line.segments.some((s) => s.text) ? gridRow(line, header) : null
  // figures within the name column are words of the name ("per 10 000"), not cells
  const nameEnd = (header.valuesX0 ?? -Infinity) - 1
  const values = line.segments.filter((s) => s.text && isValueToken(s.text) && (s.x1 === null || s.x1 > nameEnd)).length
  const needed = Math.min(2, header.columns.filter((c) => c.role === 'value').length)
  if (values < needed && !(values && withWordCells(line, header, needed))) return null
  if (line.mode === 'grid' && header.mode === 'grid') return gridRow(line, header)
  if (line.mode === 'x' && header.mode === 'x') return xRow(line.segments, header)
  return orderedRow(line, header)
}

/** Most words of a cell that states no figure ("New measure", "Not yet due"). */
const MAX_WORD_CELL_WORDS = 3

/**
 * A positioned line holding words in value columns beside its figures ("114  New  New"): each
 * segment past the name column is a short cell under a column of its own, at least `needed` of them.
 */
function withWordCells(line: KpiLine, header: KpiHeader, needed: number): boolean {
  if (line.mode !== 'x' || header.mode !== 'x') return false
  const limit = (header.valuesX0 ?? 0) - 1
  const columns = new Set<number>()
  for (const segment of line.segments) {
    if ((segment.x0 ?? 0) < limit) continue
    const index = columnFor(header.columns, segment)
    if (index < 0 || header.columns[index]!.role !== 'value' || columns.has(index)) return false
    if (segment.text.split(' ').length > MAX_WORD_CELL_WORDS) return false
    columns.add(index)
  }
  return columns.size >= needed
}

/** Grid row under a grid header: cell i goes to the column of header cell i. */
function gridRow(line: KpiLine, header: KpiHeader): Item['row'] {
  const cells = new Map<number, string>()
  header.columns.forEach((column, index) => {
    if (column.index !== null) cells.set(index, line.segments[column.index]?.text ?? '')
  })
  return {indicator: line.segments[0]?.text ?? '', measureWord: measureOf(cells, header), cells, confidences: new Map(), certain: true}
}

/** x-aligned row: text left of the first value column is the indicator; figures go to the column over them. */
function xRow(segments: Segment[], header: KpiHeader): Item['row'] {
  const limit = (header.valuesX0 ?? 0) - 1
  const name = segments.filter((s) => (s.x1 ?? 0) <= limit || ((s.x0 ?? 0) < limit && !isValueToken(s.text)))
  const cells = new Map<number, string>()
  const confidences = new Map<number, number | null>()
  let certain = true
  for (const segment of segments) {
    if (name.includes(segment)) continue
    const found = columnFor(header.columns, segment)
    const index = cells.has(found) ? freeNeighbour(header.columns, segment, found, cells) : found
    if (index < 0 || cells.has(index)) certain = false
    else {
      cells.set(index, segment.text)
      confidences.set(index, segment.confidence)
    }
  }
  return {indicator: name.map((s) => s.text).join(' '), measureWord: measureOf(cells, header), cells, confidences, certain, nameWords: wordsOfSegments(name), nameSegments: name}
}

/**
 * For a segment whose column a figure on its left already took, the next column to the right when
 * it is free and its middle nearer the segment's (OCR boxes drift over a tight column's edge); else
 * the column found.
 */
function freeNeighbour(columns: KpiColumnDraft[], segment: Segment, taken: number, cells: Map<number, string>): number {
  const next = columns[taken + 1]
  if (!next || next.role !== 'value' || cells.has(taken + 1) || segment.x0 === null || segment.x1 === null) return taken
  const [near] = nearest([columns[taken]!, next], segment.x0, segment.x1)
  return near === next ? taken + 1 : taken
}

/** A short reference in a column of its own beside the indicator name, headed by nothing ("11A", OCR'd "38" for "3B"). */
const CODE_CELL = /^(?=\S*\d)[A-Za-z\d./-]{1,6}$/
/** An OCR'd code whose "1" OCR read as a letter ("IB" for "1B"). */
const OCR_ONE_CODE = /^[Il|][A-Z]{1,2}$/
/** Codes of two OCR'd rows whose left edges are this close (points) stand in one column. */
const CODE_COLUMN_SLACK = 4

/**
 * Leaves out of the names the reference codes of an unheaded column beside them, as a grid row
 * keeps only its first cell. A text-layer segment is a cell of its own; an OCR'd one counts only
 * where another row has a code at the same x (a gap between OCR boxes may be no column).
 */
function withoutCodeColumn(items: readonly Item[]): void {
  const isCode = (s: Segment): boolean => CODE_CELL.test(s.text) || (s.confidence !== null && OCR_ONE_CODE.test(s.text))
  const codes = items.flatMap((item) => (item.row?.nameSegments ?? []).filter((s, k, all) => all.length > 1 && isCode(s)).map((segment) => ({item, segment})))
  const dropped = codes.filter(({item, segment}) => segment.confidence === null || codes.some((other) => other.item !== item &&
    segment.x0 !== null && other.segment.x0 !== null && Math.abs(other.segment.x0 - segment.x0) <= CODE_COLUMN_SLACK))
  for (const {item, segment} of dropped) {
    const row = item.row!
    const kept = row.nameSegments!.filter((s) => s !== segment)
    if (!kept.length) continue
    Object.assign(row, {nameSegments: kept, indicator: kept.map((s) => s.text).join(' '), nameWords: wordsOfSegments(kept)})
  }
}

/** The words of some segments, each with its segment's OCR confidence. */
function wordsOfSegments(segments: readonly Segment[]): NameWord[] {
  return segments.flatMap((s) => s.text.split(' ').filter(Boolean).map((text) => ({text, confidence: s.confidence})))
}

function columnFor(columns: KpiColumnDraft[], segment: Segment): number {
  let best = -1
  let most = 0
  columns.forEach((column, index) => {
    const amount = overlap(column, segment.x0, segment.x1)
    if (amount > most) [best, most] = [index, amount]
  })
  if (best >= 0) return best
  const near = nearest(columns, segment.x0, segment.x1)[0]
  return near ? columns.indexOf(near) : -1
}

/**
 * Row whose cells can only be placed in order (OCR text): the last figures of the line fill the
 * value columns; a capitalised measure word fills the measure column; the words before are the name.
 */
function orderedRow(line: KpiLine, header: KpiHeader): Item['row'] {
  const tokens = rowTokens(line)
  const words = tokens.map((t) => t.text)
  const measureColumn = header.columns.findIndex((c) => c.role === 'measure')
  const valueColumns = header.columns.map((c, i) => ({c, i})).filter(({c}) => c.role !== 'measure')
  const found = figureRun(line, tokens, valueColumns.length)
  const {start} = found
  const afterMeasure = start > 0 && isMeasureToken(words[start - 1]!)
  const mended = line.line.confidence !== null ? mendOverflow(found.run, valueColumns.length, afterMeasure) : null
  const run = mended ?? found.run
  const take = Math.min(run.length, valueColumns.length)
  const figures = run.slice(run.length - take)
  const leftovers = run.slice(0, run.length - take).map((t) => t.text)
  const cells = new Map<number, string>()
  const confidences = new Map<number, number | null>()
  // figures left over after the measure word belong to no name (the measure cell stands between): the row overflows
  const certain = figures.length === valueColumns.length && (!leftovers.length || (!afterMeasure && leftovers.every((w) => /^\d[\d,]*$/.test(w))))
  if (certain) {
    figures.forEach((token, k) => {
      cells.set(valueColumns[k]!.i, token.text)
      confidences.set(valueColumns[k]!.i, token.confidence)
    })
  }
  const named = words.slice(0, start)
  const measureAt0 = named.findIndex(isMeasureToken)
  const before = [...(measureAt0 < 0 && measureColumn >= 0 ? withoutMeasureCell(named) : named), ...leftovers].filter((w) => w !== '|')
  const measureAt = before.findIndex(isMeasureToken)
  const measureWord = measureAt >= 0 ? before[measureAt]! : null
  if (measureAt >= 0) before.splice(measureAt, 1)
  if (measureWord && measureColumn >= 0) cells.set(measureColumn, measureWord)
  const nameWords = [...tokens.slice(0, start), ...run.slice(0, run.length - take)].map(({text, confidence}) => ({text, confidence}))
  const row = {indicator: before.join(' ').replace(/^[-–.,\s]+/, ''), measureWord, cells, confidences, certain, nameWords}
  const guesses = certain ? guessesIn(figures, valueColumns.map(({i}) => i)) : []
  return guesses.length ? {...row, guesses} : row
}

/**
 * The figures of a row cut out of one OCR word by a guess (kpi-merged.ts marks the first of the two).
 * @param figures the row's figures, one per value column
 * @param columns the header index of each value column
 */
function guessesIn(figures: readonly RowToken[], columns: readonly number[]): MergedGuess[] {
  return figures.flatMap((token, k): MergedGuess[] => {
    const next = figures[k + 1]
    if (token.guessedFrom === undefined || !next) return []
    return [{read: token.guessedFrom, figures: [token.text, next.text], columns: [columns[k]!, columns[k + 1]!]}]
  })
}

/**
 * The figures ending a row line and where they start (token index): figures and rules, one unreadable
 * cell taken in only when with it they fill the columns, and on OCR'd lines words OCR merged split (kpi-merged.ts).
 * @param line the row line
 * @param tokens its tokens (rowTokens)
 * @param count the number of value columns
 */
function figureRun(line: KpiLine, tokens: RowToken[], count: number): {start: number; run: RowToken[]} {
  const words = tokens.map((t) => t.text)
  let end = words.length
  while (end > 0 && (words[end - 1] === '|' || !words[end - 1])) end--
  const figuresFrom = (from: number): RowToken[] => tokens.slice(from, end).filter((t) => t.text !== '|')
  const strict = runStart(words, end, false)
  const tolerant = runStart(words, end, true)
  // a cell OCR could not read ("IA" for "N/A") counts when only with it do the figures fill the columns
  const start = figuresFrom(strict).length < count && figuresFrom(tolerant).length === count ? tolerant : strict
  const found = figuresFrom(start)
  // figures OCR ran together: an OCR failure, so only on OCR'd lines (a text layer prints its gaps)
  if (found.length >= count || line.line.confidence === null) return {start, run: found}
  // …over the rule between them, read as a dash ("554-518"): taken in only when split they fill the columns
  const dashedStart = runStart(words, end, start === tolerant, true)
  const withPairs = figuresFrom(dashedStart)
  const dashed = splitDashed(withPairs, count - withPairs.length)
  if (dashed?.length === count) return {start: dashedStart, run: dashed}
  return {start, run: splitMerged(found, count - found.length) ?? found}
}

/**
 * Where the run of figures ending at `end` starts: figures (two percentages run together among
 * them, split by kpi-merged.ts) and rules, and with `unread` also single unreadable cells between two figures ("90% IA N/A").
 */
function runStart(words: string[], end: number, unread: boolean, dashed = false): number {
  let start = end
  const figureAt = (k: number): boolean => k >= 0 && k < end && isValueToken(words[k]!)
  const sideFigure = (k: number, step: number): boolean => figureAt(words[k + step] === '|' ? k + 2 * step : k + step)
  while (start > 0) {
    const word = words[start - 1]!
    const unreadable = unread && (isUnreadCell(word) || isGarbledCell(word)) && sideFigure(start - 1, -1) && sideFigure(start - 1, 1)
    if (!isValueToken(word) && !isMergedPercentages(word) && !(dashed && isDashedPair(word)) && word !== '|' && !unreadable) break
    start--
  }
  return start
}

/** Short words that may stand between two figures in running text ("5 to 10"), never a cell OCR garbled. */
const LINKING_WORDS = new Set(['to', 'and', 'or', 'of', 'in', 'on', 'vs', 'per', 'at', 'by', 'the', 'for', 'up'])

/** A figure OCR read as a short lower-case non-word between two figures ("88% ain 93%" for "91%"). */
function isGarbledCell(word: string): boolean {
  return /^[a-z]{2,3}$/.test(word) && !LINKING_WORDS.has(word)
}

/**
 * The tokens of a line read in order, with their widths where a segment is one word; the segments
 * of a line laid out by x are parted by "|" as the cells of a ruled line are.
 */
function rowTokens(line: KpiLine): RowToken[] {
  return withoutBrokenWidths(line.segments.flatMap((s, k) => {
    const texts = s.text.split(' ').filter(Boolean)
    const width = texts.length === 1 && s.x0 !== null && s.x1 !== null ? s.x1 - s.x0 : null
    const tokens = texts.map((text) => ({text, confidence: s.confidence, width, x0: width === null ? null : s.x0}))
    return line.mode === 'x' && k > 0 ? [{text: '|', confidence: null, width: null}, ...tokens] : tokens
  }))
}

/**
 * The tokens without the width of a word whose OCR box runs over the next word's ("195" drawn out
 * to the middle of "200"): the box is broken, not the word wide with a gap it swallowed.
 */
function withoutBrokenWidths(tokens: RowToken[]): RowToken[] {
  const placed = tokens.filter((t) => t.width !== null && t.x0 !== undefined && t.x0 !== null)
  return tokens.map((t) => {
    const next = placed[placed.indexOf(t) + 1]
    const broken = next !== undefined && placed.includes(t) && t.x0! + t.width! > next.x0!
    return broken ? {...t, width: null, x0: null} : t
  })
}

/**
 * The words before the figures without the last "|"-ruled cell, where the header has a measure
 * column and no measure word was read: that cell is the measure, misread ("TR | woween | 180").
 */
function withoutMeasureCell(words: string[]): string[] {
  let end = words.length
  while (end > 0 && words[end - 1] === '|') end--
  const rule = words.lastIndexOf('|', end - 1)
  return rule > 0 ? words.slice(0, rule) : words.slice(0, end)
}

function measureOf(cells: Map<number, string>, header: KpiHeader): string | null {
  const index = header.columns.findIndex((c) => c.role === 'measure')
  return index >= 0 ? cells.get(index) ?? null : null
}

/** True when a line without figures is part of an indicator name wrapped over lines. */
function isFragment(line: KpiLine, previous: KpiLine, header: KpiHeader, items: Item[], next: KpiLine | undefined): boolean {
  if (line.mode === 'grid' && header.mode === 'grid') return false
  if (isOcrDust(line)) return items.length > 0
  const text = line.line.text
  if (text.length > MAX_FRAGMENT_CHARS || (/[.:;]$/.test(text) && !isSpeckEnd(line, next, header)) || looksLikeHeaderLine(line)) return false
  if (header.mode === 'x' && line.mode === 'x') {
    if (!inNameColumn(withoutSpecks(line), header) || !closeBelow(line, previous)) return false
  }
  return items.length > 0 || header.mode !== 'grid'
}

/** Most words of an OCR'd name line whose closing "." or ":" is taken for a speck. */
const MAX_SPECK_END_WORDS = 3

/** Most words of an OCR'd name line ending in a speck just above its row's figures ("Number of Early Hel."). */
const MAX_SPECK_NAME_WORDS = 6

/**
 * An OCR'd name line whose last mark is a speck ("re-referrals:", "Assessments:" above "completed",
 * "Number of Early Hel." just above its figures), not the end of a sentence or a label ("Notes:"): a
 * few words, and it or the next line starts in lower case, or the next line, close below, is a row.
 */
function isSpeckEnd(line: KpiLine, next: KpiLine | undefined, header: KpiHeader): boolean {
  if (line.line.confidence === null) return false
  const words = line.line.text.split(/\s+/).filter(Boolean)
  const runsOn = [words[0] ?? '', next?.line.text ?? ''].some((text) => /^\p{Ll}/u.test(text))
  if (runsOn && words.length <= MAX_SPECK_END_WORDS) return true
  return Boolean(next && words.length <= MAX_SPECK_NAME_WORDS && closeBelow(next, line) && dataRow(next, header))
}

/** An OCR'd line without the segments that are only scan dirt ("children with  ~~"). */
function withoutSpecks(line: KpiLine): KpiLine {
  if (line.line.confidence === null) return line
  return {...line, segments: line.segments.filter((s) => !s.text.split(' ').every(isDebris))}
}

function inNameColumn(line: KpiLine, header: KpiHeader): boolean {
  return line.segments.every((s) => (s.x1 ?? 0) <= (header.valuesX0 ?? Infinity))
}

/** An OCR'd line of scan dirt ("\\J.", "w"): fewer than MIN_DUST_LETTERS letters, no figure. It ends no table (tidyName drops it). */
function isOcrDust(line: KpiLine): boolean {
  const text = line.line.text
  return line.line.confidence !== null && !/\d/.test(text) && (text.match(/\p{L}/gu)?.length ?? 0) < MIN_DUST_LETTERS
}

function looksLikeHeaderLine(line: KpiLine): boolean {
  return headerLabels(line).length > 1 && line.segments.some((s) => /^RAG\b/i.test(s.text))
}

function closeBelow(line: KpiLine, previous: KpiLine): boolean {
  const a = line.line.y0
  const b = previous.line.y0
  const height = Math.max(line.line.height ?? 0, previous.line.height ?? 0)
  if (a === null || b === null || !height) return true
  return a - b <= MAX_LINE_GAP_HEIGHTS * height
}

/** Fragments after the last row are kept in the same block as it, and one more line after those that runs on in lower case. */
function trailingAllowed(items: Item[]): boolean {
  let rowAt = items.length - 1
  while (rowAt >= 0 && !items[rowAt]!.row) rowAt--
  if (rowAt < 0) return false
  const last = items[items.length - 1]!
  const row = items[rowAt]!
  if (row.line.line.y0 !== null) return true
  if (last.line.line.block === row.line.line.block) return true
  const before = items[items.length - 2]!
  const joined = before === row || before.line.line.block === row.line.line.block
  return joined && /^[a-z]/.test(last.fragment ?? '')
}

/**
 * Puts wrapped name lines back onto their rows. When the first row has lines above it, names are
 * centred on their figures: the lines after a row number as many as before it; else all follow it.
 * A bold line on its own between rows of plain names is a section heading ("Gender" over "Male",
 * "Female") and goes into no name.
 * @param valuesX0 where the value columns start (the names' cells end before it), where known
 */
function assemble(items: Item[], valuesX0: number | null): KpiRowDraft[] {
  withoutCodeColumn(items)
  const rows: Array<{draft: KpiRowDraft; item: Item; line: KpiLine; before: Item[]; after: Item[]; ocr: boolean}> = []
  let pending: Item[] = []
  let centred: boolean | null = null
  for (const item of items) {
    if (item.fragment !== undefined) {
      pending.push(item)
      continue
    }
    const row = item.row!
    const above = rows[rows.length - 1]
    if (pending.length === 1 && isSectionHeading(pending[0]!, above?.item ?? null, item, valuesX0)) pending = []
    if (centred === null) centred = pending.length > 0
    const last = rows[rows.length - 1]
    if (last) {
      const keep = rowBreak(last.line, pending, item) ?? (centred ? Math.min(pending.length, last.before.length) : pending.length)
      last.after.push(...pending.slice(0, keep))
      pending = pending.slice(keep)
    }
    const scanned = item.line.line.confidence !== null
    rows.push({draft: {...row, page: item.line.line.page, scanned}, item, line: item.line, before: pending, after: [], ocr: isOcrLine(item.line)})
    pending = []
  }
  const last = rows[rows.length - 1]
  if (last) last.after.push(...pending.slice(0, centred ? last.before.length : pending.length))
  return rows.map(({draft, before, after, ocr}) => {
    const indicator = tidyName([...before.map((f) => f.fragment!), draft.indicator, ...after.map((f) => f.fragment!)], ocr)
    const nameWords = [...before.flatMap((f) => f.fragmentWords ?? []), ...(draft.nameWords ?? []), ...after.flatMap((f) => f.fragmentWords ?? [])]
    return {...draft, indicator, nameWords}
  })
}

/** A word space, in line heights, for telling whether a word would have fitted on the line before. */
const SPACE_HEIGHTS = 0.25
/** Text in the name column ends at least this many line heights before the first value column's heading (cell padding). */
const NAME_CELL_MARGIN_HEIGHTS = 0.5

/**
 * True for a name line set in bold on a row of its own between rows whose names are not bold: a
 * section heading ("Gender" over "Male", "Female"). A bold row above ("Total") could carry on onto
 * it only where its first word would not have fitted at the end of that row's name.
 * @param line the lone line between two rows (or before the first)
 * @param above the row above, if any
 * @param below the row below
 * @param valuesX0 where the value columns start (the names' cells end before it), where known
 */
function isSectionHeading(line: Item, above: Item | null, below: Item, valuesX0: number | null): boolean {
  if (!line.line.line.bold || below.line.line.bold) return false
  if (!above?.line.line.bold) return true
  const height = line.line.line.height
  const name = above.row?.nameSegments ?? []
  const end = name[name.length - 1]?.x1 ?? null
  const first = line.line.segments[0]
  if (valuesX0 === null || !height || end === null || first?.x0 == null || first.x1 === null) return false
  return end + SPACE_HEIGHTS * height + firstWordWidth(first) <= valuesX0 - NAME_CELL_MARGIN_HEIGHTS * height
}

/** The width of a positioned segment's first word, its share of the segment by characters. */
function firstWordWidth(segment: Segment): number {
  const word = segment.text.split(' ')[0] ?? ''
  return ((segment.x1! - segment.x0!) * word.length) / Math.max(1, segment.text.length)
}

/** The widest pitch between two rows' lines must be this many times the next widest to part them… */
const ROW_BREAK_RATIO = 1.2
/** …and wider by this many line heights (a point or two is no cell padding). */
const ROW_BREAK_HEIGHTS = 0.25

/**
 * How many of the name lines between two rows of figures belong to the row above, where the text
 * layer shows it: lines of one cell are set at the line pitch and rows further apart (cell padding,
 * rules), so the rows part at the widest pitch ("Book a Driver" over the figures of its centred cell
 * goes down, not up). Null when the pitches are even or unknown (OCR lines, no geometry).
 */
function rowBreak(above: KpiLine, names: readonly Item[], below: Item): number | null {
  if (!names.length) return null
  const lines = [above, ...names.map((n) => n.line), below.line]
  if (lines.some((l) => l.line.y0 === null || l.line.confidence !== null || l.line.page !== above.line.page)) return null
  const pitches = lines.slice(1).map((l, k) => l.line.y0! - (lines[k]!.lastTop ?? lines[k]!.line.y0!))
  const widest = Math.max(...pitches)
  const at = pitches.indexOf(widest)
  const next = Math.max(...pitches.filter((_, k) => k !== at))
  const height = above.line.height ?? 0
  return widest >= ROW_BREAK_RATIO * next && widest - next >= ROW_BREAK_HEIGHTS * height ? at : null
}

/** True for a line read by OCR (loose text, or words with a confidence): its names may carry debris. */
function isOcrLine(line: KpiLine): boolean {
  return line.mode === 'loose' || line.line.confidence !== null
}
