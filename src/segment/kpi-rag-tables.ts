// Reads RAG rating tables laid out by x: indicators down the side, RED / AMBER / GREEN words under
// "Latest" / "Previous" headings, names wrapped over lines around the row's ratings.
import {isValueToken, type KpiLine, type Segment} from './kpi-segments.js'
import {tidyName} from './kpi-names.js'
import {captionFigures} from './kpi-cards.js'
import {isIndicatorHeading} from './kpi-columns.js'

/** A rating as printed in a cell. */
const RAG_WORD = /^(?:red|amber|green)$/i
/** A direction-of-travel mark after the ratings: an arrow as printed, or as OCR read it ("W", "=>"). */
const DIRECTION_MARK = /^(?:[^\p{L}\d\s]{1,2}|\p{L})$/u
/** Words further apart than this many line heights are in different cells (as in kpi-segments). */
const CELL_GAP_HEIGHTS = 0.75
/** Header lines are at most this many line heights apart, top to top. */
const HEADER_PITCH_HEIGHTS = 1.5
/** Lines of one table are at most this many line heights apart, top to top. */
const BODY_PITCH_HEIGHTS = 2.5
/** A name line belongs to the row whose ratings are nearest in height, at most this many line heights away. */
const NAME_REACH_HEIGHTS = 2.5
/** Header lines read above the first row at most. */
const MAX_HEADER_LINES = 4
/** Headings that name rating columns; a table of one row needs one of them. */
const RATING_HEADING = /\b(?:rag|rating|status|latest|previous|current|last)\b/i

/** A positioned run of words on one line. */
interface Run {
  text: string
  x0: number
  x1: number
  /** Mean OCR confidence of its words, null where not OCR'd. */
  confidence: number | null
}

/** A RAG table as read: where it starts, its title, column labels and rows of raw ratings. */
export interface RagTable {
  /** Index of its first header line in the lines read. */
  top: number
  page: number
  title: string | null
  labels: string[]
  rows: Array<{indicator: string; page: number; cells: Array<{raw: string; confidence: number | null}>}>
}

/** A line of a RAG table's body: the ratings it holds (by column) and the name text left of them. */
interface BodyLine {
  at: number
  middle: number
  name: Run[]
  ratings: Run[]
}

/**
 * Every RAG rating table among the lines. A table is a header (runs over the rating columns,
 * stub text left of them) and rows whose cells right of the names are all rating words.
 * @param lines the document's KPI lines: positioned lines (PDF, OCR) and rows of cells (markdown, "|" text tables)
 */
export function readRagTables(lines: readonly KpiLine[]): RagTable[] {
  const out: RagTable[] = []
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!
    const grid = cellsOf(line) !== null
    if (grid ? !gridRatings(line) : !ratingsOf(line)) continue
    const table = grid ? readGridTable(lines, at) : readTable(lines, at)
    if (table) {
      out.push(table.table)
      at = table.next - 1
    }
  }
  return out
}

/** The table whose first row of ratings is at `first`, and the index after it; null without a header. */
function readTable(lines: readonly KpiLine[], first: number): {table: RagTable; next: number} | null {
  const body = bodyFrom(lines, first)
  const columns = ratingColumns(body.flatMap((line) => line.ratings))
  const start = Math.min(...body.map((line) => line.at))
  const end = Math.max(...body.map((line) => line.at))
  const header = headerAbove(lines, start, columns[0]!.x0)
  if (!header.length || figuresBelow(lines, end, columns)) return null
  const rows = rowsOf(lines, body, columns)
  const stub = header.flatMap((line) => runsOf(line).filter((run) => run.x1 < columns[0]!.x0))
  const labels = columns.map((column) => header.flatMap((line) => runsOf(line).filter((run) => overlaps(run, column)).map((run) => run.text)).join(' '))
  if (labels.some((label) => !label) || (rows.length < 2 && !labels.some((label) => RATING_HEADING.test(label)))) return null
  const top = lines.indexOf(header[0]!)
  const table = {top, page: lines[top]!.line.page, title: titleOf(stub.map((run) => run.text).join(' ')), labels, rows}
  return {table, next: end + 1}
}

/**
 * True when the line just below the last row holds figures under the rating columns: the rating
 * words were the headings of a table of counts ("KPI Summary | GREEN | AMBER | RED").
 */
function figuresBelow(lines: readonly KpiLine[], end: number, columns: Run[]): boolean {
  const below = lines[end + 1]
  if (!below || below.line.page !== lines[end]!.line.page || !placed(below) || !close(lines, end, end + 1, BODY_PITCH_HEIGHTS)) return false
  return runsOf(below).some((run) => isValueToken(run.text) && columns.some((column) => overlaps(run, column)))
}

/**
 * A table of cells (markdown, a "|" table in text) whose row at `first` holds ratings: the row
 * above it (past a "|---|" rule) is the header; rows go on while they hold ratings and nothing else
 * right of the names.
 */
function readGridTable(lines: readonly KpiLine[], first: number): {table: RagTable; next: number} | null {
  const headerAt = isRule(lines[first - 1]) ? first - 2 : first - 1
  const header = cellsOf(lines[headerAt])
  const block = lines[first]!.line.block
  if (!header || lines[headerAt]!.line.block !== block || gridRatings(lines[headerAt]!)) return null
  let end = first
  while (lines[end + 1]?.line.block === block && gridRatings(lines[end + 1]!)) end++
  const body = lines.slice(first, end + 1).map((line) => ({line, cells: cellsOf(line)!}))
  const columns = header.map((_, k) => k).filter((k) => k > 0 && body.some(({cells}) => RAG_WORD.test(cells[k] ?? '')))
  const labels = columns.map((k) => header[k]!)
  const next = lines[end + 1]?.line.block === block ? cellsOf(lines[end + 1]) : null
  // ratings heading columns of counts ("KPI Summary | GREEN | AMBER | RED") make no table of ratings
  if (labels.some((label) => !label) || next?.slice(1).some((cell) => cell && isValueToken(cell))) return null
  const rows = body.map(({line, cells}) => ({
    indicator: tidyName([cells[0] ?? ''], false),
    page: line.line.page,
    cells: columns.map((k) => ({raw: cells[k] ?? '', confidence: line.mode === 'grid' ? line.segments[k]?.confidence ?? null : null}))
  })).filter((row) => row.indicator)
  return {table: {top: headerAt, page: lines[headerAt]!.line.page, title: titleOf(header[0] ?? ''), labels, rows}, next: end + 1}
}

/** True for a line of cells whose cells after the first hold one rating or more and no other words or figures (arrows may stand). */
function gridRatings(line: KpiLine): boolean {
  const cells = cellsOf(line)?.slice(1) ?? []
  return cells.some((cell) => RAG_WORD.test(cell)) && cells.every((cell) => RAG_WORD.test(cell) || !/[\p{L}\d]/u.test(cell))
}

/** The cells of a table row: a grid's, or a text line's parted by "|"; null for any other line and for a "|---|" rule. */
function cellsOf(line: KpiLine | undefined): string[] | null {
  if (!line) return null
  if (line.mode === 'grid') return line.segments.map((segment) => segment.text.trim())
  const text = line.line.text.trim()
  if (!text.startsWith('|') || isRule(line)) return null
  return text.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim())
}

function isRule(line: KpiLine | undefined): boolean {
  return line !== undefined && line.mode !== 'grid' && /^\|?[\s:|-]*-[\s:|-]*$/.test(line.line.text.trim())
}

/** The table's title from its stub heading ("Customer Services KPIs"); null where that is only "Indicator" or none. */
function titleOf(stub: string): string | null {
  const title = tidyName([stub], false)
  return title && !isIndicatorHeading(title) ? title : null
}

/**
 * The ratings of a line (trailing runs that are all rating words, apart from any name before them;
 * a direction-of-travel mark after them left aside), or null.
 */
function ratingsOf(line: KpiLine): {name: Run[]; ratings: Run[]} | null {
  const runs = runsOf(line)
  let end = runs.length
  while (end > 0 && DIRECTION_MARK.test(runs[end - 1]!.text)) end--
  let split = end
  while (split > 0 && RAG_WORD.test(runs[split - 1]!.text)) split--
  if (split === end) return null
  return {name: runs.slice(0, split), ratings: runs.slice(split, end)}
}

/**
 * The lines of a table's body from its first row of ratings: rows and name lines (all left of the
 * ratings), up and down while they keep close. Name lines further than a row's reach are left out.
 */
function bodyFrom(lines: readonly KpiLine[], first: number): BodyLine[] {
  const firstLine = lines[first]!
  const ratingsX0 = ratingsOf(firstLine)!.ratings[0]!.x0
  const read = (at: number): BodyLine | null => {
    const line = lines[at]
    if (!line || line.line.page !== firstLine.line.page || !placed(line)) return null
    const rated = ratingsOf(line)
    const runs = runsOf(line)
    if (!rated && (!runs.length || runs[runs.length - 1]!.x1 >= ratingsX0)) return null
    return {at, middle: middleOf(line), name: rated ? rated.name : runs, ratings: rated ? rated.ratings : []}
  }
  const body: BodyLine[] = [read(first)!]
  for (let at = first - 1, line = read(at); line && close(lines, at, at + 1, BODY_PITCH_HEIGHTS); line = read(--at)) body.unshift(line)
  for (let at = first + 1, line = read(at); line && close(lines, at - 1, at, BODY_PITCH_HEIGHTS); line = read(++at)) body.push(line)
  const rated = body.filter((line) => line.ratings.length)
  const reach = NAME_REACH_HEIGHTS * (firstLine.line.height ?? 0)
  const within = (line: BodyLine): boolean => line.ratings.length > 0 || rated.some((row) => Math.abs(row.middle - line.middle) <= reach)
  // name lines of the table below or prose above are left out: only those within reach of a row, from the first to the last row
  const from = body.findIndex(within)
  let to = body.length - 1
  while (to > from && !within(body[to]!)) to--
  return body.slice(from, to + 1)
}

/** The rows: each name line joined to the row of ratings nearest it in height (the one above on a tie). */
function rowsOf(lines: readonly KpiLine[], body: BodyLine[], columns: Run[]): RagTable['rows'] {
  const rated = body.filter((line) => line.ratings.length)
  const names = new Map<BodyLine, Run[][]>(rated.map((row) => [row, []]))
  for (const line of body) {
    if (!line.name.length) continue
    const row = line.ratings.length ? line : rated.reduce((best, candidate) => (Math.abs(candidate.middle - line.middle) < Math.abs(best.middle - line.middle) ? candidate : best))
    names.get(row)!.push(line.name)
  }
  return rated.map((row) => ({
    indicator: tidyName(names.get(row)!.map((runs) => runs.map((run) => run.text).join(' ')), false),
    page: lines[row.at]!.line.page,
    cells: columns.map((column) => {
      const run = row.ratings.find((rating) => overlaps(rating, column))
      return {raw: run?.text ?? '', confidence: run?.confidence ?? null}
    })
  })).filter((row) => row.indicator)
}

/** Columns of ratings: runs that overlap in x are one column; left to right. */
function ratingColumns(ratings: Run[]): Run[] {
  const columns: Run[] = []
  for (const run of ratings) {
    const column = columns.find((c) => overlaps(c, run))
    if (column) Object.assign(column, {x0: Math.min(column.x0, run.x0), x1: Math.max(column.x1, run.x1)})
    else columns.push({...run, confidence: null})
  }
  return columns.sort((a, b) => a.x0 - b.x0)
}

/**
 * The header over a table: the lines just above its body, close together, each reaching over the
 * rating columns; a KPI card's caption line is none. Empty when there is none.
 */
function headerAbove(lines: readonly KpiLine[], start: number, ratingsX0: number): KpiLine[] {
  const header: KpiLine[] = []
  for (let at = start - 1; at >= 0 && header.length < MAX_HEADER_LINES; at--) {
    const line = lines[at]!
    const pitch = header.length ? HEADER_PITCH_HEIGHTS : BODY_PITCH_HEIGHTS
    if (line.line.page !== lines[start]!.line.page || !placed(line) || !close(lines, at, at + 1, pitch)) break
    if (ratingsOf(line) || captionFigures(line.line.text) || !runsOf(line).some((run) => run.x1 >= ratingsX0)) break
    header.unshift(line)
  }
  return header
}

/** The line's words in runs: words closer than a cell gap are one run. Empty without positions. */
function runsOf(line: KpiLine): Run[] {
  const gap = CELL_GAP_HEIGHTS * (line.line.height ?? 0)
  const runs: Array<Run & {confidences: number[]}> = []
  for (const segment of line.segments) {
    if (!isPlaced(segment)) return []
    const last = runs[runs.length - 1]
    const confidences = segment.confidence === null ? [] : [segment.confidence]
    if (last && segment.x0 - last.x1 < gap) Object.assign(last, {text: `${last.text} ${segment.text}`, x1: segment.x1, confidences: [...last.confidences, ...confidences]})
    else runs.push({text: segment.text, x0: segment.x0, x1: segment.x1, confidence: null, confidences})
  }
  return runs.filter((run) => run.text.trim()).map(({confidences, ...run}) => ({...run, confidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null}))
}

function isPlaced(segment: Segment): segment is Segment & {x0: number; x1: number} {
  return segment.x0 !== null && segment.x1 !== null
}

function placed(line: KpiLine): boolean {
  return line.mode !== 'grid' && line.line.y0 !== null && line.line.height !== null && line.segments.every(isPlaced)
}

function middleOf(line: KpiLine): number {
  return line.middle ?? line.line.y0! + line.line.height! / 2
}

/** True when line `b` starts at most `heights` line heights below line `a` (top to top). */
function close(lines: readonly KpiLine[], a: number, b: number, heights: number): boolean {
  const [upper, lower] = [lines[a]!.line, lines[b]!.line]
  return upper.y0 !== null && lower.y0 !== null && lower.y0 - upper.y0 <= heights * (upper.height ?? 0)
}

function overlaps(a: {x0: number; x1: number}, b: {x0: number; x1: number}): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1
}
