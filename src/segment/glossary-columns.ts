// Reads a glossary laid out as two columns (term left, definition right) from PDF geometry, where
// the reader gave the columns as separate blocks or OCR ran a term and its definition into one line:
// words are split at the column edge, then each definition line joins the term at or above it.
import type {Word} from '../tree/types.js'
import {HEADER_WORD, isDebris, isRepeatedHeading, type Draft} from './glossary-draft.js'
import type {DocLine} from './lines.js'

/** Points (≥) between the left margin and the definition column's left edge. */
const MIN_COLUMN_GAP = 60
/** Lines (≥) that must start at the definition column for the layout to count as two columns. */
const MIN_COLUMN_LINES = 2
/** …and their share (≥) of the glossary's lines, so chance gaps in justified prose never make a column. */
const MIN_COLUMN_SHARE = 0.25
/** Width (points) of the bins in which left edges are counted to find the column. */
const EDGE_BIN = 12
/** Gap (points, ≥) between two words of one line that can be the gutter between the columns. */
const GUTTER_GAP = 14
/** Share of a line's height by which a term sorts before a definition line at the same height. */
const SAME_ROW_TOLERANCE = 0.6

/** One side of one line. */
interface Piece {
  line: DocLine
  side: 'term' | 'definition'
  text: string
  y: number
}

/**
 * Reads a two-column glossary from layout; null when the lines carry no geometry or are not laid
 * out in two columns.
 */
export function readGlossaryColumns(region: readonly DocLine[]): Draft[] | null {
  const lines = region.filter((line) => line.cells === null && !isDebris(line.text) && !isRepeatedHeading(line))
  if (lines.length === 0 || lines.some((line) => line.x0 === null || line.y0 === null)) return null
  const margin = Math.min(...lines.map((line) => line.x0!))
  const edge = columnEdge(lines, margin)
  if (edge === null) return null
  const pieces = lines.flatMap((line) => split(line, edge)).sort(byPosition)
  return pair(pieces)
}

/** The definition column's left edge: the most common left edge well right of the margin. */
function columnEdge(lines: readonly DocLine[], margin: number): number | null {
  const counts = new Map<number, number[]>()
  for (const line of lines) {
    for (const x of rightStarts(line, margin)) {
      const bin = Math.round(x / EDGE_BIN)
      counts.set(bin, [...counts.get(bin) ?? [], x])
    }
  }
  let best: number[] = []
  for (const xs of counts.values()) if (xs.length > best.length) best = xs
  return best.length >= Math.max(MIN_COLUMN_LINES, lines.length * MIN_COLUMN_SHARE) ? Math.min(...best) - EDGE_BIN / 2 : null
}

/** Left edges of text well right of the margin: the line's own, or a word after a gutter. */
function rightStarts(line: DocLine, margin: number): number[] {
  if (line.x0! >= margin + MIN_COLUMN_GAP) return [line.x0!]
  const words = wordsOf(line)
  const out: number[] = []
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1]!.data.bbox!
    const box = words[i]!.data.bbox!
    if (box[0] - before[2] >= GUTTER_GAP && box[0] >= margin + MIN_COLUMN_GAP) out.push(box[0])
  }
  return out
}

function wordsOf(line: DocLine): Word[] {
  if (line.node.type !== 'line') return []
  return line.node.children.filter((word) => word.data.layer !== 'furniture' && word.value && word.data.bbox)
}

/** The line's term side and definition side: split at a gutter that reaches the column edge. */
function split(line: DocLine, edge: number): Piece[] {
  const words = wordsOf(line)
  const side = line.x0! >= edge ? 'definition' : 'term'
  const at = words.findIndex((word, i) => i > 0 && word.data.bbox![0] >= edge && word.data.bbox![0] - words[i - 1]!.data.bbox![2] >= GUTTER_GAP)
  if (side === 'definition' || at === -1) return [{line, side, text: line.text, y: line.y0!}]
  return [
    {line, side: 'term', text: words.slice(0, at).map((word) => word.value).join(' '), y: line.y0!},
    {line, side: 'definition', text: words.slice(at).map((word) => word.value).join(' '), y: line.y0!}
  ]
}

/** Top to bottom by the lines' bottoms (OCR boxes differ in height), a term just before a definition beside it. */
function byPosition(a: Piece, b: Piece): number {
  return a.line.page - b.line.page || sortY(a) - sortY(b) || a.line.index - b.line.index
}

function sortY(piece: Piece): number {
  const height = piece.line.height ?? 0
  return piece.y + height - (piece.side === 'term' ? height * SAME_ROW_TOLERANCE : 0)
}

/** Walks the pieces top to bottom: term pieces open (or, in the same block, extend) an entry. */
function pair(pieces: readonly Piece[]): Draft[] {
  const drafts: Draft[] = []
  let lastTerm: Piece | null = null
  for (const piece of pieces) {
    const current = drafts[drafts.length - 1]
    if (piece.side === 'definition') {
      if (current && !HEADER_WORD.test(piece.text.trim())) current.pieces.push({text: piece.text, hyphenated: piece.line.hyphenated})
      continue
    }
    if (HEADER_WORD.test(piece.text.trim())) continue
    if (current && lastTerm && sameBlock(lastTerm, piece) && current.pieces.length <= 2) current.term += ' ' + piece.text
    else drafts.push({term: piece.text, page: piece.line.page, pieces: []})
    lastTerm = piece
  }
  return drafts.filter((draft) => !/[.!?]$/.test(draft.term.trim()) || draft.pieces.length > 0)
}

function sameBlock(a: Piece, b: Piece): boolean {
  return a.line.block === b.line.block && a.line.page === b.line.page
}
