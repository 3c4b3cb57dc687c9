// Finds KPI tables (indicators by period, target and benchmark columns) in the cleaned tree and
// leaves them typed on file.data.kpiTables: labelled columns, numbers parsed, raw text kept.
import type {VFile} from 'vfile'
import type {KpiTable, Part} from '../compile/model.js'
import {report} from '../messages.js'
import {normaliseNumber, type Measure} from '../normalise/number.js'
import type {Root} from '../tree/types.js'
import {joinBodies, readBody, readRunOn, type KpiBody, type KpiRowDraft, type MergedGuess} from './kpi-body.js'
import type {StepPlacement} from './kpi-stacked-steps.js'
import {readHeader, sameLabels, type KpiColumnDraft, type KpiHeader} from './kpi-header.js'
import {mendLabelsFromSiblings} from './kpi-mend-labels.js'
import {kpiLines, measureWord, type KpiLine} from './kpi-segments.js'
import {mendRowFigures} from './kpi-mend.js'
import {mendNames, wordsOf} from './kpi-mend-names.js'
import {mendFromSiblings} from './kpi-mend-siblings.js'
import {mendMarks} from './kpi-mend-marks.js'
import {placeBySiblings} from './kpi-sibling-rows.js'
import {tidyTitle} from './kpi-names.js'
import {readStacked} from './kpi-stacked.js'
import {readRagTables, type RagTable} from './kpi-rag-tables.js'
import {readKpiCards, type KpiCard} from './kpi-cards.js'
import {classifyColumn} from './kpi-columns.js'
import {documentLines} from './lines.js'
import type {Stage} from './types.js'

type KpiRow = KpiTable['rows'][number]
/** A table's columns with their labels made unique, and their index in the header. */
type LabelledColumns = Array<{column: KpiColumnDraft; label: string; index: number}>

/** A table needs at least this many rows with figures to count as a KPI table. */
const MIN_ROWS = 1
/** Lines looked at above a header for the table's title and RAG status. */
const TITLE_LOOKBACK = 8
/** A title line is at most this long (characters). */
const MAX_TITLE_CHARS = 160

const RAG_LINE = /\bRAG(?:\s*(?:status|rating))?\s*[:\-–—]?\s*(red|amber|green)\b/i
/** A line starting in the middle of a word (lower-case letters then a space): a piece OCR broke off, no title. */
const BROKEN_START = /^[a-z]{2,}\b(?<!^(?:and|of|the|for|to|in|on|with|per|by))/
const PER_BASE = /\bper\s*(?:[\d,]+(?:\s000)?|\d+k|hundred|thousand)\b/i

interface Found {
  header: KpiHeader
  rows: KpiRowDraft[]
  page: number
}

/** The KPI table segmenter: reads every KPI table of the pack, joining tables continued over pages. */
export const segmentKpiTables: Stage = function segmentKpiTables() {
  return function transform(tree: Root, file: VFile): void {
    const lines = kpiLines(documentLines(tree))
    const tables = findTables(lines)
    // labels mended before tables are joined: a header repeated over a page break may be read differently
    mendLabelsFromSiblings(tables.map((table) => table.header.columns))
    const found = joinContinued(tables)
    const counts = wordCounts(lines)
    for (const table of found) {
      mendFromSiblings(table.rows, counts)
      mendMarks(table.rows)
    }
    mendNames(found.map((table) => table.rows), counts)
    placeBySiblings(found)
    const parts = file.data.parts ?? []
    const typed = found.map((table) => ({top: table.header.top, table: typedTable(table, lines, parts, file)}))
    const rated = readRagTables(lines).map((table) => ({top: table.top, table: ratingTable(table, parts)}))
    const cards = readKpiCards(lines).map((card) => ({top: card.top, table: cardTable(card, parts, file)}))
    file.data.kpiTables = [...typed, ...rated, ...cards].sort((a, b) => a.top - b.top).map(({table}) => table).filter((table) => table.rows.length >= MIN_ROWS)
  }
}

function findTables(lines: readonly KpiLine[]): Found[] {
  const out: Found[] = []
  let at = 0
  while (at < lines.length) {
    const header = readHeader(lines, at)
    if (!header || header.columns.filter((c) => c.role === 'value').length === 0) {
      const stacked = readStacked(lines, at)
      if (stacked) out.push({header: stacked.header, rows: stacked.rows, page: lines[at]!.line.page})
      at = stacked ? Math.max(at + 1, stacked.next) : at + 1
      continue
    }
    const read = withMeasureColumn(lines, header, readBody(lines, header))
    const bodies = [read.body]
    for (let more = continuation(lines, read.header, bodies); more; more = continuation(lines, read.header, bodies)) bodies.push(more)
    const {rows, next} = joinBodies(bodies, read.header.valuesX0)
    if (rows.length >= MIN_ROWS) out.push({header: read.header, rows, page: lines[header.at]!.line.page})
    at = Math.max(at + 1, next)
  }
  return out
}

/**
 * A table whose rows mostly fail against its columns, where the first value column has no KPI
 * heading and the table no measure column: OCR damaged the heading of the measure column ("Cuma
 * type" for "Outturn type"), so that column took the first figure and every figure after it one
 * column too far. Read again with that column as the measure; the reading placing more rows wins.
 */
function withMeasureColumn(lines: readonly KpiLine[], header: KpiHeader, body: KpiBody): {header: KpiHeader; body: KpiBody} {
  const first = header.columns.findIndex((c) => c.role === 'value')
  const column = header.columns[first]
  if (!column || column.kind !== 'other' || header.columns.some((c) => c.role === 'measure')) return {header, body}
  if (certainRows(body) * 2 > body.rows.length) return {header, body}
  const retried: KpiHeader = {...header, columns: header.columns.map((c, k) => (k === first ? {...c, role: 'measure'} : c))}
  const again = readBody(lines, retried)
  return certainRows(again) > certainRows(body) ? {header: retried, body: again} : {header, body}
}

/**
 * The rows of a table carried on at the top of the next page without its header repeated, or null:
 * the body reader stops at a page break, so where the table's last row ends a page and the next
 * page opens with rows (no header, no prose), they are read under the same columns. A header
 * repeated there makes a table of its own, joined later (joinContinued). The next page may also
 * open with only the last lines of a name wrapped below its figures (readRunOn).
 * @param lines the document's lines
 * @param header the table's header
 * @param parts the table's bodies read so far, the last ending at a page break
 */
function continuation(lines: readonly KpiLine[], header: KpiHeader, parts: readonly KpiBody[]): KpiBody | null {
  const start = parts[parts.length - 1]!.next
  const first = lines[start]
  const before = lines[start - 1]
  if (!first || !before || first.line.page !== before.line.page + 1 || header.mode === 'grid' || readHeader(lines, start)) return null
  const view = [...lines]
  view[start - 1] = first // the page break hidden from the body reader, which ends a table at one
  const body = readBody(view, {...header, next: start})
  return body.rows.some((row) => row.certain) ? body : readRunOn(lines, header, parts, start)
}

function certainRows(body: KpiBody): number {
  return body.rows.filter((row) => row.certain).length
}

/** How often each lower-case word occurs in the pack's body text. */
function wordCounts(lines: readonly KpiLine[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of lines) for (const word of wordsOf(line.line.text)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/** A table whose header is repeated at the top of the next page continues there: one table. */
function joinContinued(tables: Found[]): Found[] {
  const out: Found[] = []
  for (const table of tables) {
    const last = out[out.length - 1]
    const lastPage = last?.rows[last.rows.length - 1]?.page ?? last?.page
    if (last && lastPage !== undefined && table.page === lastPage + 1 && sameLabels(last.header.columns, table.header.columns)) {
      last.rows.push(...table.rows)
      continue
    }
    out.push(table)
  }
  return out
}

function typedTable(table: Found, lines: readonly KpiLine[], parts: Part[], file: VFile): KpiTable {
  const columns = uniqueLabels(table.header.columns)
  const values = columns.filter(({column}) => column.role === 'value')
  if (table.header.uncertain) {
    report(file, 'kpi-table-uncertain', 'Unexpected column headings over two lines, expected one heading per column; column order guessed', table.page)
  }
  const rows = table.rows.map((row) => typedRow(row, columns, file))
  const around = aboveHeader(lines, table.header.top)
  return {
    part: partOf(parts, table.page),
    page: table.page,
    title: titleOf(around),
    rag: ragOf(around) ?? ragColumnOf(table, columns),
    columns: values.map(({column, label}) => ({label, kind: column.kind, period: column.period})),
    rows: rows.filter((row): row is KpiRow => row !== null)
  }
}

/** A table of RAG ratings typed: cells keep the rating as printed ("GREEN"), no number to read. */
function ratingTable(table: RagTable, parts: Part[]): KpiTable {
  const labels = uniqueLabels(table.labels.map((label) => ({label}))).map(({label}) => label)
  return {
    part: partOf(parts, table.page),
    page: table.page,
    title: table.title,
    rag: null,
    columns: labels.map((label) => ({label, ...classifyColumn(label)})),
    rows: table.rows.map((row) => ({
      indicator: row.indicator,
      measure: null,
      cells: row.cells.map((cell, k) => ({column: labels[k]!, raw: cell.raw, value: null, confidence: cell.confidence === null ? null : Math.round(cell.confidence * 100) / 100}))
    }))
  }
}

/** A KPI card typed: a table of one row, the indicator, with a column for each labelled figure and the badge as its RAG. */
function cardTable(card: KpiCard, parts: Part[], file: VFile): KpiTable {
  const measures: Measure[] = []
  const cells = card.figures.map(({label, raw}) => {
    const parsed = label.endsWith(' RAG') ? null : normaliseNumber(raw)
    if (parsed) measures.push(parsed.measure)
    else if (!label.endsWith(' RAG')) report(file, 'kpi-cell-unparsed', `Unexpected "${short(raw)}" for "${short(card.indicator)}" (${label}), expected a number`, card.page)
    return {column: label, raw, value: parsed ? parsed.value : null, confidence: null}
  })
  return {
    part: partOf(parts, card.page),
    page: card.page,
    title: card.indicator,
    rag: card.rag,
    columns: card.figures.map(({label}) => ({label, ...classifyColumn(label)})),
    rows: [{indicator: card.indicator, measure: PER_BASE.test(card.indicator) ? 'rate' : measures[0] ?? null, cells}]
  }
}

/** Labels made unique within the table (cells name their column by label). */
function uniqueLabels<T extends {label: string}>(columns: T[]): Array<{column: T; label: string; index: number}> {
  const seen = new Map<string, number>()
  return columns.map((column, index) => {
    const count = (seen.get(column.label) ?? 0) + 1
    seen.set(column.label, count)
    return {column, label: count > 1 ? `${column.label} (${count})` : column.label, index}
  })
}

function typedRow(row: KpiRowDraft, columns: LabelledColumns, file: VFile): KpiRow | null {
  if (!row.indicator) return null
  if (!row.certain) {
    report(file, 'kpi-table-uncertain', row.reason ?? `Unexpected figures for "${short(row.indicator)}" that do not match the columns, expected one per column; row left out`, row.page)
    return null
  }
  const cells: KpiRow['cells'] = []
  const measures: Measure[] = []
  const values = columns.filter(({column}) => column.role === 'value')
  const raws = values.map(({index}) => row.cells.get(index) ?? '')
  const mended = row.scanned ? mendRowFigures(raws) : raws
  for (const [k, {label, index}] of values.entries()) {
    const raw = mended[k]!
    const parsed = raw ? normaliseNumber(raw) : null
    if (parsed) measures.push(parsed.measure)
    else if (raw) report(file, 'kpi-cell-unparsed', `Unexpected "${short(raw)}" in a numeric column, expected a number`, row.page)
    cells.push({column: label, raw, value: parsed ? parsed.value : null, confidence: cellConfidence(row, index)})
  }
  for (const guess of row.guesses ?? []) report(file, 'kpi-cell-uncertain', guessReason(row.indicator, guess, columns), row.page)
  if (row.stepped) report(file, 'kpi-cell-uncertain', steppedReason(row.indicator, row.stepped, values), row.page)
  if (row.aligned) report(file, 'kpi-cell-uncertain', alignedReason(row.indicator, row.aligned, values), row.page)
  return {indicator: row.indicator, measure: rowMeasure(row, measures), cells}
}

/** The warning for two figures cut out of one OCR word by size: the indicator, the word, the figures and their columns. */
function guessReason(indicator: string, guess: MergedGuess, columns: LabelledColumns): string {
  const [a, b] = guess.columns.map((index) => columns.find((c) => c.index === index)?.label ?? '?')
  const [first, second] = guess.figures
  return `Unexpected "${guess.read}" for "${short(indicator)}" read as one word where the row is a figure short, expected two figures; cut by size into "${first}" (${a}) and "${second}" (${b}), check them`
}

/**
 * The warning for a one-per-line row placed by line pitch: the columns OCR lost the line of (left
 * empty) and the lines read as pieces of one figure.
 */
function steppedReason(indicator: string, stepped: StepPlacement, values: LabelledColumns): string {
  const label = (column: number): string => values[column]?.label ?? '?'
  const name = short(indicator)
  const read = values.length - stepped.empty.length
  const head = stepped.empty.length
    ? `Unexpected ${read} lines of figures for "${name}" printed one per line, expected ${values.length} (one per column); placed by line pitch, no figure read for ${stepped.empty.map(label).join(', ')} (left empty)`
    : `Unexpected figures in pieces on one line for "${name}" printed one per line, expected one figure a line; placed by line pitch`
  const joins = stepped.joined.map((join) => `"${join.read}" read as one figure "${join.figure}" (${label(join.column)})`)
  return `${[head, ...joins].join('; ')}; check them`
}

/** The warning for a one-per-line row placed by the same indicator's row in another table: the columns left empty. */
function alignedReason(indicator: string, aligned: NonNullable<KpiRowDraft['aligned']>, values: LabelledColumns): string {
  const empty = aligned.empty.map((column) => values[column]?.label ?? '?').join(', ')
  const read = values.length - aligned.empty.length
  return `Unexpected ${read} figures for "${short(indicator)}" printed one per line, expected ${values.length} (one per column); placed as the same indicator's row in the table on page ${aligned.page} reads, no figure read for ${empty} (left empty); check them`
}

/** A cell's OCR confidence rounded to two decimals, or null where its words were not OCR'd. */
function cellConfidence(row: KpiRowDraft, index: number): number | null {
  const confidence = row.confidences?.get(index) ?? null
  return confidence === null ? null : Math.round(confidence * 100) / 100
}

/** The row's measure: stated by a measure column, else "per 10,000" in the name, else most cells. */
function rowMeasure(row: KpiRowDraft, measures: Measure[]): Measure | null {
  const stated = row.measureWord ? measureWord(row.measureWord) : null
  if (stated) return stated
  if (PER_BASE.test(row.indicator)) return 'rate'
  const counts = new Map<Measure, number>()
  for (const measure of measures) counts.set(measure, (counts.get(measure) ?? 0) + 1)
  let best: Measure | null = null
  for (const [measure, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = measure
  return best
}

/** The lines just above the header (same page), nearest first, up to the previous table. */
function aboveHeader(lines: readonly KpiLine[], at: number): KpiLine[] {
  const out: KpiLine[] = []
  const page = lines[at]?.line.page
  for (let index = at - 1; index >= 0 && out.length < TITLE_LOOKBACK; index--) {
    const line = lines[index]!
    if (line.line.page !== page || line.line.cells) break
    out.push(line)
  }
  return byDistance(out)
}

/**
 * Lines with positions (PDF, OCR) nearest the header first by height on the page: OCR can put a
 * piece of a line from higher up just before the header in reading order.
 */
function byDistance(lines: KpiLine[]): KpiLine[] {
  if (!lines.every((line) => line.line.y0 !== null)) return lines
  return lines.map((line, order) => ({line, order})).sort((a, b) => b.line.line.y0! - a.line.line.y0! || a.order - b.order).map(({line}) => line)
}

/** Title: the text before "RAG: …" on a RAG line, else the nearest heading or one-line block above. */
function titleOf(above: KpiLine[]): string | null {
  for (const line of above) {
    const rag = RAG_LINE.exec(line.line.text)
    const before = rag ? line.line.text.slice(0, rag.index).replace(/[\s\-–—:|]+$/, '') : ''
    if (before.length >= 3) return tidyTitle(before)
  }
  for (const line of above) {
    const text = tidyTitle(line.line.text)
    if (RAG_LINE.test(text) || text.includes('|') || text.length > MAX_TITLE_CHARS || /[.:;,]$/.test(text) || BROKEN_START.test(text)) continue
    const alone = !above.some((other) => other !== line && other.line.block === line.line.block)
    if (text && (line.line.blockType === 'heading' || alone)) return text
  }
  return null
}

/** RAG printed above the table ("RAG status: Amber"), or null. */
function ragOf(above: KpiLine[]): KpiTable['rag'] {
  for (const line of above) {
    const match = RAG_LINE.exec(line.line.text)
    if (match) return capitalise(match[1]!)
  }
  return null
}

/** RAG from a RAG column when every row gives the same status, else null. */
function ragColumnOf(table: Found, columns: LabelledColumns): KpiTable['rag'] {
  const column = columns.find(({column: c}) => c.role === 'rag')
  if (!column) return null
  const statuses = new Set(table.rows.map((row) => (row.cells.get(column.index) ?? '').trim().toLowerCase()))
  const [only] = [...statuses]
  return statuses.size === 1 && only && /^(?:red|amber|green)$/.test(only) ? capitalise(only) : null
}

function capitalise(word: string): 'Red' | 'Amber' | 'Green' {
  const lower = word.toLowerCase()
  return lower === 'red' ? 'Red' : lower === 'amber' ? 'Amber' : 'Green'
}

/** The innermost part holding the page (an appendix inside a report), or null. */
function partOf(parts: Part[], page: number): string | null {
  let best: Part | null = null
  for (const part of parts) {
    if (page < part.pages.from || page > part.pages.to) continue
    if (!best || part.pages.to - part.pages.from <= best.pages.to - best.pages.from) best = part
  }
  return best?.id ?? null
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}
