// Finds recommendation-monitoring tables (Date / Title / Action proposed / Action taken / Progress
// status) in the parts of kind 'tracker', or anywhere a tracker header is printed; leaves file.data.trackers.
import type {VFile} from 'vfile'
import type {Part, Tracker} from '../compile/model.js'
import {report} from '../messages.js'
import {regionEnd} from './glossary-region.js'
import {documentLines, type DocLine} from './lines.js'
import {headerEdges, splitByEdges, type ColumnEdge} from './tracker-columns.js'
import {isHeaderTail, trackerHeader, type HeaderColumn} from './tracker-header.js'
import {createRows, finishRow, type LineCells} from './tracker-rows.js'
import {createTextSplitter} from './tracker-text.js'
import type {Stage} from './types.js'
import {unwrapLines} from './wrapped-lines.js'

/** One tracker's lines (from the top of its header's page) and the part it belongs to. */
interface TrackerRegion {
  part: string
  /** Index of the header line. */
  header: number
  lines: DocLine[]
}

/** Finds rows of recommendation-tracker tables. */
export const segmentTracker: Stage = function segmentTracker() {
  return function trackersTransform(tree, file) {
    const lines = documentLines(tree)
    const trackers: Tracker[] = []
    for (const region of trackerRegions(lines, file.data.parts ?? [])) {
      const rows = readRegion(region, file).map(finishRow)
      if (rows.length > 0) trackers.push({part: region.part, rows})
    }
    file.data.trackers = trackers
  }
}

/** Trackers: from each header to the end of its part (or to the next part's opening). */
function trackerRegions(lines: readonly DocLine[], parts: readonly Part[]): TrackerRegion[] {
  const regions: TrackerRegion[] = []
  let after = -1
  for (const line of lines) {
    if (line.index < after || !trackerHeader(line)) continue
    const owner = partOf(line.page, parts)
    const end = owner?.kind === 'tracker' ? endOfPart(lines, owner) : regionEnd(lines, line, owner?.kind === 'tracker' ? [owner] : parts)
    const top = lines.findIndex((other) => other.page === line.page)
    regions.push({part: owner?.id ?? '', header: line.index, lines: lines.slice(Math.max(top, after), end)})
    after = end
  }
  return regions
}

/** The part holding a page: a tracker part first, else the innermost (last listed) one. */
function partOf(page: number, parts: readonly Part[]): Part | null {
  const holding = parts.filter((part) => page >= part.pages.from && page <= part.pages.to)
  return holding.find((part) => part.kind === 'tracker') ?? holding[holding.length - 1] ?? null
}

function endOfPart(lines: readonly DocLine[], part: Part): number {
  const after = lines.findIndex((line) => line.page > part.pages.to)
  return after === -1 ? lines.length : after
}

/** Reads a region's lines after the header: by word positions, table cells, or plain text. */
function readRegion(region: TrackerRegion, file: VFile): ReturnType<typeof createRows>['rows'] {
  const header = region.lines.find((line) => line.index === region.header)
  if (!header) return []
  const edges = headerEdges(header)
  const columns = trackerHeader(header)!
  const rows = createRows()
  const splitText = createTextSplitter()
  let merged = false
  const ordered = edges ? region.lines.filter((line) => below(line, header)).sort(byPosition) : region.lines.filter((line) => line.index > header.index)
  const texts = edges ? null : plainTexts(ordered)
  for (const line of ordered) {
    if (isHeaderTail(line.text) || trackerHeader(line)) continue
    const cells = lineCells(line, edges, header.cells ? columns : columns.map((column, at) => ({...column, at})))
    if (cells) rows.add(cells, !edges)
    else {
      const text = texts ? texts.get(line) : line.text
      if (text === undefined) continue
      merged = true
      rows.add(splitText(text))
    }
  }
  if (merged && rows.rows.length > 0) report(file, 'tracker-columns-merged', 'Unexpected tracker text without columns, expected table cells or word positions: action proposed and action taken are kept together', header.page)
  return rows.rows
}

/**
 * Text of each plain line (no cells) with the wrapped ends a printer broke off joined back on;
 * continuation lines are absent from the map.
 */
function plainTexts(lines: readonly DocLine[]): Map<DocLine, string> {
  const out = new Map<DocLine, string>()
  let run: DocLine[] = []
  const flush = (): void => {
    for (const joined of unwrapLines(run)) out.set(joined.line, joined.text)
    run = []
  }
  for (const line of lines) {
    if (line.cells) flush()
    else run.push(line)
  }
  flush()
  return out
}

/** The line's cells by column (header columns give cell indices), or null when neither cells nor word positions tell the columns apart. */
function lineCells(line: DocLine, edges: readonly ColumnEdge[] | null, columns: readonly HeaderColumn[]): LineCells | null {
  if (edges && line.x0 !== null) return splitByEdges(line, edges)
  if (!line.cells) return null
  const out: LineCells = {}
  for (const column of columns) {
    const text = line.cells[column.at]
    if (column.role && text) out[column.role] = text
  }
  return out
}

/** Lines below the header: later pages, or lower on its page (OCR may read a cell before the header). */
function below(line: DocLine, header: DocLine): boolean {
  return line.page > header.page || (line.page === header.page && (line.y0 ?? 0) > (header.y0 ?? 0))
}

function byPosition(a: DocLine, b: DocLine): number {
  return a.page - b.page || (a.y0 ?? 0) - (b.y0 ?? 0) || a.index - b.index
}
