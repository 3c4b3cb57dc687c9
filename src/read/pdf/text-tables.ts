// Finds table-like runs among a region's rows: consecutive rows with 3+ cells whose x-ranges
// align in column bands (wrapped cells allowed). Positions are kept; later stages rebuild tables fully.
import type {Segment} from './text-words.js'

/** Segments sharing one baseline within a region, left to right. */
export interface Row {
  segments: Segment[]
  top: number
  bottom: number
  size: number
}

/** A run of rows read as a table, with its column bands (x ranges, left to right). */
export interface TableRun {
  rows: Row[]
  bands: Array<[number, number]>
}

/** What the block builder gets: plain rows, or table runs, in reading order. */
export type RowItem = {kind: 'row'; row: Row} | {kind: 'table'; table: TableRun}

/** A table starts at a row with at least this many cells. */
const MIN_TABLE_CELLS = 3
/** A table needs at least this many rows with MIN_TABLE_CELLS cells. */
const MIN_TABLE_ROWS = 2
/** Rows further apart than this (em of the row's font) end the table. */
const MAX_ROW_GAP_EM = 2.5

/**
 * Splits a region's rows into plain rows and table runs.
 * @param rows the region's rows, top to bottom
 * @returns rows and tables in the same order
 */
export function findTables(rows: Row[]): RowItem[] {
  const out: RowItem[] = []
  let i = 0
  while (i < rows.length) {
    const run = rows[i]!.segments.length >= MIN_TABLE_CELLS ? growTable(rows, i) : undefined
    if (run) {
      out.push({kind: 'table', table: run})
      i += run.rows.length
    } else {
      out.push({kind: 'row', row: rows[i]!})
      i++
    }
  }
  return out
}

/** The longest table run starting at `start`, or undefined when too few rows have enough cells. */
function growTable(rows: Row[], start: number): TableRun | undefined {
  let bands = rows[start]!.segments.map((s): [number, number] => [s.x0, s.x1])
  let end = start + 1
  while (end < rows.length) {
    const row = rows[end]!
    const previous = rows[end - 1]!
    if (row.top - previous.bottom > MAX_ROW_GAP_EM * Math.max(row.size, previous.size)) break
    const next = fitRow(bands, row)
    if (!next) break
    bands = next
    end++
  }
  const run = trimTail(rows.slice(start, end))
  const full = run.filter((r) => r.segments.length >= MIN_TABLE_CELLS).length
  return full >= MIN_TABLE_ROWS ? {rows: run, bands} : undefined
}

/**
 * The bands widened by the row, if every segment falls in its own band; a segment clear of
 * every band opens a new column (a label column first seen in a header row).
 */
function fitRow(bands: Array<[number, number]>, row: Row): Array<[number, number]> | undefined {
  const next = bands.map((b): [number, number] => [b[0], b[1]])
  const added: Array<[number, number]> = []
  const used = new Set<number>()
  for (const s of row.segments) {
    const hits = bands.flatMap((b, k) => (s.x0 < b[1] && s.x1 > b[0] ? [k] : []))
    if (hits.length === 0) {
      added.push([s.x0, s.x1])
      continue
    }
    if (hits.length !== 1 || used.has(hits[0]!)) return undefined
    const k = hits[0]!
    used.add(k)
    next[k] = [Math.min(next[k]![0], s.x0), Math.max(next[k]![1], s.x1)]
  }
  const out = [...next, ...added].sort((p, q) => p[0] - q[0])
  for (let k = 1; k < out.length; k++) if (out[k]![0] <= out[k - 1]![1]) return undefined
  return out
}

/** Drops trailing one-cell rows: more often the text after a table than a wrapped cell. */
function trimTail(run: Row[]): Row[] {
  let end = run.length
  while (end > 1 && run[end - 1]!.segments.length < 2) end--
  return run.slice(0, end)
}

/**
 * Column band index of a segment (the band it overlaps most).
 * @param bands column bands
 * @param s the segment
 * @returns the band's index
 */
export function bandOf(bands: Array<[number, number]>, s: Segment): number {
  let best = 0
  let bestOverlap = -Infinity
  bands.forEach((b, k) => {
    const overlap = Math.min(b[1], s.x1) - Math.max(b[0], s.x0)
    if (overlap > bestOverlap) {
      best = k
      bestOverlap = overlap
    }
  })
  return best
}
