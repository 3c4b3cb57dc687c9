// Splits tracker lines into columns by word position (PDF text layer and OCR): the header's words
// give each column's left edge, and every later word goes to the column whose edge it has passed.
import type {Word} from '../tree/types.js'
import type {DocLine} from './lines.js'
import {trackerHeader, type HeaderColumn, type Role} from './tracker-header.js'
import type {LineCells} from './tracker-rows.js'

/** A column's left edge and role. */
export interface ColumnEdge {
  role: Role | null
  x: number
}

/** Points a word may start left of its column's header and still belong to it. */
const EDGE_TOLERANCE = 8
/**
 * Gap between two header columns' words, as a share of the word height (≥), that shows a real
 * table: an ordinary space is about 0.3 of it, so a header printed as one run of text ("Date Title
 * Action proposed …", a flattened table) gives positions that say nothing about the columns.
 */
const MIN_COLUMN_GAP = 0.8

/** Body words of a line or table row that carry a box, "|" rules left out. */
export function boxedWords(line: DocLine): Word[] {
  const lines = line.node.type === 'line' ? [line.node] : line.node.children.flatMap((cell) => cell.children)
  return lines.flatMap((one) => one.children).filter((word) => word.data.layer !== 'furniture' && word.data.bbox && /[^|\s]/.test(word.value))
}

/** Column edges from a header line's words; null without geometry or when the header's columns are not spaced apart. */
export function headerEdges(line: DocLine): ColumnEdge[] | null {
  const words = boxedWords(line)
  if (words.length === 0) return null
  const columns = trackerHeader({...line, cells: null, text: words.map((word) => word.value).join(' ')})
  if (!columns || !spacedApart(words, columns)) return null
  return columns.map((column: HeaderColumn) => ({role: column.role, x: words[column.at]!.data.bbox![0]}))
}

/** At least half the boundaries between header columns on one line show a wide gap (a new line also counts). */
function spacedApart(words: readonly Word[], columns: readonly HeaderColumn[]): boolean {
  const boundaries = columns.filter((column) => column.at > 0)
  const wide = boundaries.filter(function wideGap(column) {
    const before = words[column.at - 1]!.data.bbox!
    const after = words[column.at]!.data.bbox!
    const height = Math.max(after[3] - after[1], 1)
    return after[0] - before[2] >= MIN_COLUMN_GAP * height || after[1] >= before[3]
  })
  return boundaries.length === 0 || wide.length * 2 >= boundaries.length
}

/** The line's words by column. */
export function splitByEdges(line: DocLine, edges: readonly ColumnEdge[]): LineCells {
  const out: LineCells = {}
  for (const word of boxedWords(line)) {
    const x = word.data.bbox![0] + EDGE_TOLERANCE
    let column = edges[0]!
    for (const edge of edges) if (edge.x <= x) column = edge
    if (!column.role) continue
    out[column.role] = out[column.role] ? `${out[column.role]} ${word.value}` : word.value
  }
  return out
}
