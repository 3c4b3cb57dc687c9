// Rebuilds KPI tables that OCR text prints one cell per line: the header's labels one per block,
// then names, measure words and figures one per line, in row order or in column order.
import {classifyColumn, isIndicatorHeading, isKpiHeading, isMeasureHeading, isRagHeading, mendColumnLabels, repairPeriodLabel, tidyLabel} from './kpi-columns.js'
import type {KpiRowDraft, NameWord} from './kpi-body.js'
import type {KpiColumnDraft, KpiHeader} from './kpi-header.js'
import {clean, isMeasureToken, isUnreadCell, isValueToken, meanKnown, type KpiLine} from './kpi-segments.js'
import {tidyName} from './kpi-names.js'
import {withoutEndPoint} from './kpi-mend.js'
import {oneFigure, placeRow, type FigureLine, type Mark, type SteppedRow} from './kpi-stacked-steps.js'
import {normalisePeriod} from '../normalise/period.js'

export interface StackedTable {
  header: KpiHeader
  rows: KpiRowDraft[]
  /** Index of the first line after the table. */
  next: number
}

/** Fewest period / target / benchmark labels a one-per-line header needs. */
const MIN_HEADINGS = 3
/** A header cell (one block) is at most this long (characters) and this many lines. */
const MAX_LABEL_CHARS = 40
const MAX_LABEL_LINES = 3
/** Label cells that are no heading (titles, "What the data tells us") allowed in a row inside a header. */
const MAX_OTHER_RUN = 3
/** A line of a wrapped name holds figures of its row only with at least this many ("person 2 4 2 22"). */
const MIN_INLINE_FIGURES = 2
/** Words a name puts before a number of its own ("within 12 months", "Under 18 Population"). */
const TAKES_NUMBER = /^(?:within|under|over|per|of|in|aged?|than|to|last|first|next|at|by|from|after|before|top|for|least)$/i
/** A numbered paragraph's number standing alone ("12."): the table has ended. */
const PARAGRAPH_NUMBER = /^\d{1,3}\.$/
/** The start of a label line that finishes a word broken on the line above: up to three lower-case letters. */
const WORD_TAIL = /^[a-z]{1,3}(?![a-z])/
/** A body line longer than this (characters) is prose: the table has ended. */
const MAX_BODY_LINE_CHARS = 60
/** A word of marks only ("|", "©", "="): a rule or scan dirt, no content (unlike "(£)", "%", and the "no figure" marks "-", "*"). */
const MARKS_ONLY = /^[^\p{L}\d£$€%&()]*$/u
/** An OCR'd word read with less confidence than this (0–1) is no sure reading of the print: below half, a guess. */
const UNSURE_CONFIDENCE = 0.5
/** "N/A" as OCR reads it with the slash taken for a letter or a rule ("NVA", "NIA", "N|A", "N\\A"). */
const SLASH_MISREAD_NA = /^N[VIl1|\\]A$/
/** A whole figure with a speck before it read as a point or a quote (".413", "‘388"): no number as read. */
const SPECKED_FIGURE = /^[.,'‘’`]\d+%?$/
/** A positioned line this many of its heights (OCR: line pitches) or more below the line above starts a new cell (the blank line between cells). */
const CELL_GAP_HEIGHTS = 1.5

interface Cell {
  text: string
  from: number
  to: number
}

interface RowGroup {
  /** Name parts, one per block (lines of one block joined). */
  names: string[][]
  /** The words of the names, in order, with their OCR confidence. */
  nameWords: NameWord[]
  measures: string[]
  values: string[]
  /** OCR confidence of each figure (0–1), null where not OCR'd. */
  confidences: Array<number | null>
  page: number
  /** Figures carried over from the row above (printed before this row's name). */
  carried: number
  /** The row's lines of figures only, with where each sits (OCR'd lines), to place them by line pitch. */
  figureLines: FigureLine[]
  /** True when a line holds figures with name or measure words, or sits nowhere known: no placing by line pitch. */
  mixed: boolean
  /** Where the line before the row's first figure sits (its name or measure word), and the row's first line. */
  lead: Mark | null
  top: Mark | null
}

/**
 * Reads a one-cell-per-line table whose header starts at `at`, or null when there is none.
 * @param lines the document's lines with their segments
 * @param at index of the candidate first header line (first line of its block)
 */
export function readStacked(lines: readonly KpiLine[], at: number): StackedTable | null {
  const start = lines[at]
  if (!start || !startsCell(start, lines[at - 1])) return null
  const first = labelCell(lines, at)
  if (!first || !(isKpiHeading(first.text) || isIndicatorHeading(first.text))) return null
  if (at > 0 && isHeading(lines[at - 1]!.line.text)) return null
  const cells = headerCells(lines, at)
  if (!cells) return null
  const columns = valueColumns(cells)
  const values = columns.filter((c) => c.role === 'value')
  if (values.filter((c) => c.kind !== 'other').length < MIN_HEADINGS) return null
  const bodyAt = cells[cells.length - 1]!.to + 1
  const {groups, next} = readGroups(lines, bodyAt, columns.length)
  if (!groups.some((g) => g.values.length)) return null
  const rows = buildRows(groups, columns)
  if (!rows.some((row) => row.certain)) return null
  const header: KpiHeader = {mode: 'loose', top: at, at, next: bodyAt, valuesX0: null, columns, uncertain: false}
  return {header, rows, next}
}

/**
 * True when a line starts a cell: the first line of a block, the first on its page, or (PDF, OCR)
 * a line set off from the one above by a blank line's height, where the reader made one block of several cells.
 */
function startsCell(line: KpiLine, above: KpiLine | undefined): boolean {
  if (!above || above.line.page !== line.line.page) return true
  // OCR: blocks are the OCR's guess, box heights uneven: a cell starts a blank line below the one above.
  if (line.pitch !== undefined && line.middle !== undefined && above.middle !== undefined) {
    return line.middle - above.middle >= CELL_GAP_HEIGHTS * line.pitch
  }
  if (line.line.first || above.line.block !== line.line.block) return true
  const {y0, height} = line.line
  const top = above.line.y0
  return y0 !== null && top !== null && height !== null && y0 - top >= CELL_GAP_HEIGHTS * height
}

/** The block starting at `at` as one label, or null when it is not a short label without figures. */
function labelCell(lines: readonly KpiLine[], at: number): Cell | null {
  let to = at
  while (lines[to + 1] && !startsCell(lines[to + 1]!, lines[to])) to++
  if (to - at + 1 > MAX_LABEL_LINES) return null
  const parts = lines.slice(at, to + 1).map((line) => line.line.text.trim())
  const text = withoutSpeckPoint(joinLabel(parts), lines[at]!)
  if (!text || text.length > MAX_LABEL_CHARS || /[.;:,]$/.test(text)) return null
  const figures = text.split(' ').some((w) => isValueToken(w) && !isKpiHeading(w))
  if (figures && !isKpiHeading(text)) return null
  return {text, from: at, to}
}

/**
 * An OCR'd period heading with a speck read as a point after it ("Jun-22:") without the point; other
 * labels as they are (a label ending in a point or colon is a caption or prose, not a heading).
 */
function withoutSpeckPoint(text: string, line: KpiLine): string {
  const bare = text.replace(/\s*[.;:,]+$/, '')
  return line.pitch !== undefined && bare !== text && normalisePeriod(repairPeriodLabel(bare)) !== null ? bare : text
}

/**
 * Joins the lines of a label cell: a word broken in a narrow cell runs on when the next line starts
 * with a short lower-case piece ("Southampt" + "on 19/20" → "Southampton 19/20"); else a space.
 */
function joinLabel(parts: string[]): string {
  let out = ''
  for (const part of parts.filter(Boolean)) {
    const glue = out && /[a-z]$/.test(out) && WORD_TAIL.test(part) ? '' : ' '
    out = out ? out + glue + part : part
  }
  return clean(out.replace(/([a-z]{2})(\d)/g, '$1 $2'))
}

/** The header's cells: label blocks from `at` up to the last heading before the first figure. */
function headerCells(lines: readonly KpiLine[], at: number): Cell[] | null {
  const cells: Cell[] = []
  let index = at
  let others = 0
  const page = lines[at]!.line.page
  while (index < lines.length && lines[index]!.line.page === page) {
    const cell = labelCell(lines, index)
    if (!cell) break
    const heading = isHeading(cell.text)
    others = heading ? 0 : others + 1
    if (others > MAX_OTHER_RUN) break
    cells.push(cell)
    index = cell.to + 1
  }
  while (cells.length && !isKpiHeading(repairPeriodLabel(cells[cells.length - 1]!.text))) cells.pop()
  return cells.length ? cells : null
}

/** True for a heading a one-per-line header holds (period, target, benchmark, indicator, measure). */
function isHeading(text: string): boolean {
  return isKpiHeading(repairPeriodLabel(text)) || isIndicatorHeading(text) || isMeasureHeading(text)
}

/** Value columns: every label from the first period / target / benchmark to the last. */
function valueColumns(cells: Cell[]): KpiColumnDraft[] {
  const labels = cells.map((c) => tidyLabel(repairPeriodLabel(c.text)))
  const firstAt = labels.findIndex(isKpiHeading)
  const inside = labels.slice(firstAt).filter((label) => !isIndicatorHeading(label) && !isMeasureHeading(label) && !isRagHeading(label))
  return mendColumnLabels(inside).map((label) => ({label, ...classifyColumn(label), role: 'value', index: null, x0: null, x1: null}))
}

/** One line of the body: name words, a measure word, and the figures ending the line. */
interface BodyItem {
  name: string
  /** The name's words with the OCR confidence each was read with. */
  nameWords: NameWord[]
  measure: string | null
  values: string[]
  /** Mean OCR confidence of the line's words, null where not OCR'd. */
  confidence: number | null
  page: number
  /** Where the line sits (OCR'd lines), null where unknown. */
  mark: Mark | null
  /** True when the name goes on the name of the line above (same block, no figures between). */
  continues: boolean
}

/**
 * The body's lines as name / measure / figure items, up to the first line of prose.
 * @param lines the document's lines
 * @param at index of the first body line
 * @param width the number of value columns (figures a row has)
 */
function readGroups(lines: readonly KpiLine[], at: number, width: number): {groups: RowGroup[]; next: number} {
  const items: Array<BodyItem & {index: number}> = []
  let page = lines[at]?.line.page ?? 0
  let index = at
  for (; index < lines.length; index++) {
    const line = lines[index]!
    // The body runs on over the page end (a long one-per-line table), not further.
    if (line.line.page !== page && line.line.page !== page + 1) break
    page = line.line.page
    const item = unreadFigure(line, items, lines[index + 1], width) ?? bodyItem(line, lines[index - 1], items[items.length - 1])
    if (!item) break
    if (item.name && !item.values.length && !item.measure && index > at && startsCell(line, lines[index - 1]) && readStacked(lines, index)) break
    items.push({...item, index})
  }
  while (items.length && !items[items.length - 1]!.values.length) items.pop()
  dropStrayFigures(items, width)
  const next = items.length ? items[items.length - 1]!.index + 1 : at
  return {groups: group(items), next}
}

/**
 * Drops the lines of figures only that end the body beyond the last row's full count: no row
 * follows to carry them to, so they are not cells but what the page prints after the table (a
 * paragraph number whose point OCR lost, "12"), and counted in they would make the last row overflow.
 * @param items the body's items, trailing lines without figures already dropped
 * @param width the number of value columns
 */
function dropStrayFigures(items: BodyItem[], width: number): void {
  if (namesOfLastGroup(items) > 1) return // names first, then every figure: column order (buildRows)
  while (items.length && isFiguresOnly(items[items.length - 1]!)) {
    const last = items[items.length - 1]!
    if (lastRowFigures(items) - last.values.length < width) return
    items.pop()
  }
}

/** Figures of the last row: those of the items from its last name or measure word on (that item's own included). */
function lastRowFigures(items: readonly BodyItem[]): number {
  let count = 0
  for (let k = items.length - 1; k >= 0; k--) {
    count += items[k]!.values.length
    if (items[k]!.name || items[k]!.measure) break
  }
  return count
}

/** The names starting in the last row group: from the last name after figures to the end (figures only at the end). */
function namesOfLastGroup(items: readonly BodyItem[]): number {
  let k = items.length - 1
  while (k >= 0 && isFiguresOnly(items[k]!)) k--
  let names = 0
  for (; k >= 0; k--) {
    const item = items[k]!
    if (item.name && !item.continues) names++
    // the group's first name: the item before it holds figures (or there is none)
    if (item.name && !item.continues && (k === 0 || items[k - 1]!.values.length > 0)) break
    if (item.values.length && k < items.length - 1 && !item.name) break
  }
  return names
}

/** An item of figures only: no name, no measure word. */
function isFiguresOnly(item: BodyItem): boolean {
  return !item.name && !item.measure && item.values.length > 0
}

/**
 * An OCR'd line of one short token without digits between a line of figures only and another
 * ("528" / "a" / "421", or a figure a speck before it made no number: ".413") while the row is
 * still short of figures: a figure OCR could not read, kept as the cell's raw text; else null
 * (after a full row, a short line names the next one: "CIN"). "N/A" with its slash misread
 * ("NVA") is one whatever line follows: the row's last figure, before the next row's name.
 */
function unreadFigure(line: KpiLine, items: readonly BodyItem[], below: KpiLine | undefined, width: number): BodyItem | null {
  const text = line.line.text.trim()
  const last = items[items.length - 1]
  // a figure once the OCR word mends drop specks round it ("195°"), where the line's text keeps them
  const read = line.segments.map((s) => s.text).join(' ').trim()
  const figure = isValueToken(read) && !isValueToken(clean(text)) ? read : null
  const unread = isUnreadCell(text) || SLASH_MISREAD_NA.test(text) || SPECKED_FIGURE.test(text) || isUnsureWord(line, text)
  if (line.line.confidence === null || !(unread || figure)) return null
  if (!last || last.name || last.measure || !last.values.length || !below || below.line.page !== line.line.page) return null
  if (rowFigures(items) >= width) return null
  const next = below.line.text.trim().split(/\s+/)
  if (!SLASH_MISREAD_NA.test(text) && !next.every(isValueToken)) return null
  return {name: '', nameWords: [], measure: null, values: [figure ?? text], confidence: lineConfidence(line), page: line.line.page, mark: markOf(line), continues: false}
}

/**
 * An OCR'd line of one figure the word mends read once specks round it are dropped ("511:" → "511"),
 * where the line's text keeps them; null otherwise (the line is read as printed).
 */
function mendedFigure(line: KpiLine): string | null {
  if (line.line.confidence === null) return null
  const read = line.segments.map((s) => s.text).join(' ').trim()
  return isValueToken(read) && !read.includes(' ') && !isValueToken(clean(line.line.text)) ? read : null
}

/** One OCR'd word OCR itself doubts ("abil", "irs" for a figure): no reading of the print to take as a name. */
function isUnsureWord(line: KpiLine, text: string): boolean {
  const confidence = lineConfidence(line)
  return confidence !== null && confidence < UNSURE_CONFIDENCE && /^\S+$/.test(text) && !isValueToken(clean(text))
}

/** Figures read so far for the row being read: those of the items since its last name or measure word. */
function rowFigures(items: readonly BodyItem[]): number {
  let count = 0
  for (let k = items.length - 1; k >= 0 && !items[k]!.name && !items[k]!.measure; k--) count += items[k]!.values.length
  return count
}

function bodyItem(line: KpiLine, above: KpiLine | undefined, last: BodyItem | undefined): BodyItem | null {
  const text = mendedFigure(line) ?? line.line.text.trim()
  if (text.length > MAX_BODY_LINE_CHARS || line.line.marker || PARAGRAPH_NUMBER.test(text)) return null
  const words = text.split(/\s+/).map(clean).filter((w) => w && (isValueToken(w) || !MARKS_ONLY.test(w)))
  const inName = Boolean(last?.name && !last.values.length && !last.measure && above && !startsCell(line, above))
  let start = words.length
  while (start > 0 && isValueToken(words[start - 1]!)) start--
  // A lone figure on a line of a wrapped name is part of the name ("completed per" / "10,000").
  if (inName && words.length - start < MIN_INLINE_FIGURES) start = words.length
  // …and so is a lone figure after a word that takes one ("within 20", "Under 18", "per 10,000").
  if (words.length - start === 1 && start > 0 && TAKES_NUMBER.test(words[start - 1]!)) start = words.length
  const values = words.slice(start).map((w) => (line.line.confidence !== null ? withoutEndPoint(w) : w))
  const before = words.slice(0, start)
  const measureAt = before.findIndex(isMeasureToken)
  const measure = measureAt >= 0 ? before[measureAt]! : null
  if (measureAt >= 0) before.splice(measureAt, 1)
  const name = before.join(' ')
  if (!values.length && !measure && /[.:;]$/.test(name)) return null
  const continues = Boolean(name) && inName
  return {name, nameWords: wordsRead(line, before), measure, values, confidence: lineConfidence(line), page: line.line.page, mark: markOf(line), continues}
}

/** Where an OCR'd line sits on its page, null for lines not OCR'd. */
function markOf(line: KpiLine): Mark | null {
  return line.middle === undefined ? null : {page: line.line.page, middle: line.middle}
}

/**
 * The name words of a line, each with the OCR confidence of the segment it was read in (matched in
 * order); a word the segments give otherwise ("[CIN%)" read as a rule "|" and "CIN%)") takes the
 * lowest confidence of the segments making up most of it; null where none does.
 */
function wordsRead(line: KpiLine, name: readonly string[]): NameWord[] {
  const read = line.segments.flatMap((s) => s.text.split(' ').filter(Boolean).map((text) => ({text: clean(text), confidence: s.confidence})))
  let at = 0
  return name.map((text) => {
    const found = read.findIndex((w, k) => k >= at && w.text === text)
    if (found >= 0) at = found + 1
    if (found >= 0) return {text, confidence: read[found]!.confidence}
    const parts = read.slice(at).flatMap((w) => (w.confidence !== null && 2 * w.text.length > text.length && text.includes(w.text) ? [w.confidence] : []))
    return {text, confidence: parts.length ? Math.min(...parts) : null}
  })
}

/** The mean OCR confidence of a line's words (its segments), null where not OCR'd. */
function lineConfidence(line: KpiLine): number | null {
  return meanKnown(line.segments.map((s) => s.confidence))
}

/** Items grouped into rows: a name after figures starts the next row. */
function group(items: BodyItem[]): RowGroup[] {
  const groups: RowGroup[] = []
  let current: RowGroup | null = null
  let previous: BodyItem | null = null
  for (const item of items) {
    const startsRow = !current || (current.values.length > 0 && (item.name !== '' || item.measure !== null))
    if (startsRow) {
      current = {names: [], nameWords: [], measures: [], values: [], confidences: [], page: item.page, carried: 0, figureLines: [], mixed: false, lead: null, top: item.mark}
      groups.push(current)
      previous = null
    }
    const row = current!
    if (item.values.length) placeLine(row, item, previous)
    previous = item
    const lastName = row.names[row.names.length - 1]
    if (item.name && item.continues && lastName) lastName.push(item.name)
    else if (item.name) row.names.push([item.name])
    row.nameWords.push(...item.nameWords)
    if (item.measure) row.measures.push(item.measure)
    row.values.push(...item.values)
    row.confidences.push(...item.values.map(() => item.confidence))
  }
  for (const g of groups) readOneFigureALine(g)
  return groups
}

/** Fewest lines of figures, and share of them holding a single figure, for a row to be read one figure a line. */
const MIN_FIGURE_LINES = 3
const SINGLE_FIGURE_SHARE = 0.75

/**
 * A row whose lines of figures nearly all hold one figure (one cell a line) read one figure a line,
 * where a line OCR read in pieces makes one ("3 6%" → "36%", "41 1" → "411"): as two cells, the pieces
 * would shift every cell after them a column on.
 */
function readOneFigureALine(g: RowGroup): void {
  const lines = g.figureLines
  const single = lines.filter((line) => line.values.length === 1).length
  if (g.mixed || lines.length < MIN_FIGURE_LINES || single === lines.length || single < SINGLE_FIGURE_SHARE * lines.length) return
  const figures = lines.map((line) => oneFigure(line.values))
  if (figures.some((figure) => figure === null)) return
  g.values = figures as string[]
  g.confidences = lines.map((line) => line.confidence)
}

/** Notes where a line of figures sits, for placing the row's figures by line pitch (before its figures are added). */
function placeLine(row: RowGroup, item: BodyItem, previous: BodyItem | null): void {
  if (!row.values.length) row.lead = previous?.mark ?? null
  if (item.name || item.measure || !item.mark) row.mixed = true
  else row.figureLines.push({mark: item.mark, values: item.values, confidence: item.confidence})
}

/** Rows from the groups, in row order or, where every name comes before every figure, column order. */
function buildRows(groups: RowGroup[], columns: KpiColumnDraft[]): KpiRowDraft[] {
  const width = columns.length
  const columnOrder = columnOrderRows(groups, width)
  if (columnOrder) return columnOrder
  const stepped = groups.map((g, k) => steppedRow(g, groups[k + 1], width))
  carryOverflow(groups, width, stepped)
  return groups.flatMap((g, k) => {
    if (!g.names.length) return []
    const placed = stepped[k]
    return [placed ? steppedDraft(g, placed) : readDraft(g, width)]
  })
}

/**
 * An OCR'd row whose lines of figures are placed by line pitch (kpi-stacked-steps.ts), anchored on
 * its name or measure word above and the next row's first line below; null where not exactly.
 */
function steppedRow(g: RowGroup, next: RowGroup | undefined, width: number): SteppedRow | null {
  if (g.mixed || !g.figureLines.length) return null
  return placeRow(g.figureLines, width, {before: g.lead, after: next?.top ?? null})
}

/** A row placed by line pitch: certain, with what was inferred noted for the warning. */
function steppedDraft(g: RowGroup, placed: SteppedRow): KpiRowDraft {
  const {cells, confidences, empty, joined} = placed
  const draft: KpiRowDraft = {indicator: tidyName(g.names.flat()), measureWord: g.measures[0] ?? null, cells, confidences, page: g.page, certain: true, nameWords: g.nameWords}
  if (empty.length || joined.length) draft.stepped = {empty, joined}
  return draft
}

/** A row read figure by figure in order: certain when it has one figure per column. */
function readDraft(g: RowGroup, width: number): KpiRowDraft {
  const indicator = tidyName(g.names.flat())
  const certain = g.values.length === width && g.carried === 0
  const cells = new Map<number, string>()
  const confidences = new Map<number, number | null>()
  if (certain) {
    g.values.forEach((raw, k) => {
      cells.set(k, raw)
      confidences.set(k, g.confidences[k] ?? null)
    })
  }
  const draft: KpiRowDraft = {indicator, measureWord: g.measures[0] ?? null, cells, confidences, page: g.page, certain, nameWords: g.nameWords}
  if (!certain) draft.reason = uncertainReason(indicator, g, width)
  if (!certain && g.carried === 0 && g.values.length < width) Object.assign(draft, {figures: [...g.values], figureConfidences: [...g.confidences]})
  return draft
}

/**
 * Figures beyond the column count belong to the next row, printed before its name by the OCR; a
 * row placed by line pitch has none, and one given figures so is read in order, not placed.
 */
function carryOverflow(groups: RowGroup[], width: number, stepped: Array<SteppedRow | null>): void {
  groups.forEach((g, k) => {
    const next = groups[k + 1]
    if (stepped[k] || g.values.length <= width || !next) return
    stepped[k + 1] = null
    const extra = g.values.splice(width)
    next.values.unshift(...extra)
    next.confidences.unshift(...g.confidences.splice(width))
    next.carried = extra.length
  })
}

function uncertainReason(indicator: string, g: RowGroup, width: number): string {
  const name = indicator.length > 40 ? `${indicator.slice(0, 37)}...` : indicator
  const count = g.values.length
  const carried = g.carried ? ', some printed before its name' : ''
  return `Unexpected ${count} figure${count === 1 ? '' : 's'} for "${name}" printed one per line${carried}, expected ${width} (one per column); row left out`
}

/**
 * Column order: all names (one block each, or one measure word each) come first, then every
 * figure, column by column. Null when the figures are not laid out so.
 */
function columnOrderRows(groups: RowGroup[], width: number): KpiRowDraft[] | null {
  if (groups.length !== 1) return null
  const only = groups[0]!
  const count = only.values.length
  if (count < 2 * width || count % width !== 0) return null
  const height = count / width
  if (only.names.length !== height) return null
  const measures = only.measures.length === height ? only.measures : null
  return only.names.map((name, r) => {
    const cells = new Map<number, string>()
    const confidences = new Map<number, number | null>()
    for (let c = 0; c < width; c++) {
      cells.set(c, only.values[c * height + r]!)
      confidences.set(c, only.confidences[c * height + r] ?? null)
    }
    return {indicator: tidyName(name), measureWord: measures?.[r] ?? null, cells, confidences, page: only.page, certain: true}
  })
}
