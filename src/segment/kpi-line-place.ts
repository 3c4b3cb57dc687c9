// Where a body line sits on its page, and the order OCR'd table rows are read in: tesseract can
// read a tight table as column blocks, one after another (the names, then figures, then more figures).
import type {DocLine} from './lines.js'
import type {Line} from '../tree/types.js'
import {median} from '../normalise/median.js'

/** Pieces of one printed line closer than this share of its height in y are one line (points). */
const SAME_LINE_HEIGHTS = 0.3
/** Pieces of one OCR'd table row lie within this share of their box height of each other in y. */
const SAME_ROW_HEIGHTS = 0.5
/** Lines looked back over for the piece of a row a figures block belongs beside. */
const ROW_LOOK_BACK = 80
/** A name line of a names block holds at most this many words. */
const MAX_NAME_WORDS = 3
/** A names block has at least this many lines. */
const MIN_NAME_LINES = 3

/** A token test: true for a figure a KPI cell holds (kpi-segments' isValueToken). */
export type IsFigure = (token: string) => boolean

/** True for two lines that are pieces of one printed line: same page, same height on it. */
export function sameLine(a: DocLine, b: DocLine): boolean {
  if (a.page !== b.page || a.node.type !== 'line' || b.node.type !== 'line' || a.y0 === null || b.y0 === null) return false
  const [placeA, placeB] = [wordPlace(a.node), wordPlace(b.node)]
  if (placeA && placeB) return Math.abs(placeA.middle - placeB.middle) <= SAME_LINE_HEIGHTS * Math.min(placeA.height, placeB.height)
  const height = Math.min(a.height ?? 0, b.height ?? 0)
  return height > 0 && Math.abs(a.y0 - b.y0) <= SAME_LINE_HEIGHTS * height
}

/**
 * Where a line's words sit: the median middle and height of their boxes, so that one OCR box
 * stretched by a speck above or below ("woween" over two lines) does not move the line; null without boxes.
 */
export function wordPlace(node: Line): {middle: number; height: number} | null {
  const boxes = node.children.flatMap((w) => (w.data.bbox && w.data.layer !== 'furniture' ? [w.data.bbox] : []))
  if (!boxes.length) return null
  return {middle: median(boxes.map((b) => (b[1] + b[3]) / 2)), height: median(boxes.map((b) => b[3] - b[1]))}
}

/**
 * The lines with OCR'd table rows read in column blocks put back in row order: a block of figures
 * goes beside the piece of its row read before it, and a block of short name lines is merged by
 * height with the rows of figures after it. Text layers and prose are left as they are.
 * @param lines body lines in reading order
 * @param isFigure the figure test of the KPI reader
 */
export function inRowOrder(lines: readonly DocLine[], isFigure: IsFigure): DocLine[] {
  return namesAmongRows(figuresBesideRows(lines, isFigure), isFigure)
}

/** Each OCR'd line of figures only moved to just after the piece of its row read earlier (left of it, same row). */
function figuresBesideRows(lines: readonly DocLine[], isFigure: IsFigure): DocLine[] {
  const out = [...lines]
  for (let at = 0; at < out.length; at++) {
    const line = out[at]!
    if (!isOcrFigures(line, isFigure)) continue
    const x0 = left(line)
    let row = -1
    for (let k = at - 1; k >= Math.max(0, at - ROW_LOOK_BACK) && out[k]!.page === line.page; k--) {
      if (sameRow(out[k]!, line) && right(out[k]!) < x0) row = k
    }
    if (row < 0 || row === at - 1) continue
    let place = row + 1
    while (place < at && sameRow(out[place]!, line) && left(out[place]!) < x0) place++
    out.splice(at, 1)
    out.splice(place, 0, line)
  }
  return out
}

/**
 * Each block of short OCR'd name lines (one paragraph, a few words a line) followed by rows of
 * figures lying beside it merged with those rows by height; the pieces of a row stay together.
 */
function namesAmongRows(lines: DocLine[], isFigure: IsFigure): DocLine[] {
  const out = [...lines]
  for (let at = 0; at < out.length; at++) {
    const names = nameBlock(out, at, isFigure)
    if (names < MIN_NAME_LINES) continue
    const block = out.slice(at, at + names)
    const rows = rowsBeside(out, at + names, block, isFigure)
    if (rows.length < 2) continue
    const merged = [...block.map((line) => [line]), ...rows].sort((a, b) => middle(a[0]!) - middle(b[0]!))
    out.splice(at, names + rows.flat().length, ...merged.flat())
    at += names + rows.flat().length - 1
  }
  return out
}

/** How many lines from `at` form a block of short OCR'd name lines of one paragraph (no figures). */
function nameBlock(lines: readonly DocLine[], at: number, isFigure: IsFigure): number {
  const first = lines[at]!
  let count = 0
  for (const line of lines.slice(at)) {
    const words = tokens(line)
    if (line.confidence === null || line.block !== first.block || line.page !== first.page || !words.length) break
    if (words.length > MAX_NAME_WORDS || words.some(isFigure)) break
    count++
  }
  return count
}

/** The rows (each its pieces) right after a names block that hold figures and lie beside it in height. */
function rowsBeside(lines: readonly DocLine[], from: number, names: DocLine[], isFigure: IsFigure): DocLine[][] {
  const top = Math.min(...names.map(middle))
  const bottom = Math.max(...names.map(middle))
  const edge = Math.max(...names.map(right))
  const rows: DocLine[][] = []
  for (let at = from; at < lines.length; at++) {
    const line = lines[at]!
    const last = rows[rows.length - 1]
    if (last && sameRow(last[0]!, line)) {
      last.push(line) // another piece of the same row (kpiLines puts the pieces in x order)
      continue
    }
    const figures = tokens(line).filter(isFigure).length
    if (line.page !== names[0]!.page || line.confidence === null || figures < 2 || left(line) < edge) break
    if (middle(line) < top || middle(line) > bottom) break
    rows.push([line])
  }
  return rows
}

function isOcrFigures(line: DocLine, isFigure: IsFigure): boolean {
  const words = tokens(line)
  return line.confidence !== null && words.length > 0 && words.every(isFigure)
}

/** True when OCR'd line `b` holds only figures and is a piece of the same table row as `a` (see sameRow). */
export function figuresOfRow(a: DocLine, b: DocLine, isFigure: IsFigure): boolean {
  return isOcrFigures(b, isFigure) && sameRow(a, b)
}

/**
 * True for two OCR'd pieces of one table row: their middles within half a box height (rows lie a
 * line pitch apart; OCR boxes of small type are too uneven for sameLine's tighter bound).
 */
function sameRow(a: DocLine, b: DocLine): boolean {
  if (a.page !== b.page || a.confidence === null || b.confidence === null || a.node.type !== 'line' || b.node.type !== 'line') return false
  const [placeA, placeB] = [wordPlace(a.node), wordPlace(b.node)]
  return placeA !== null && placeB !== null && Math.abs(placeA.middle - placeB.middle) <= SAME_ROW_HEIGHTS * Math.min(placeA.height, placeB.height)
}

function tokens(line: DocLine): string[] {
  return line.node.type === 'line' ? line.node.children.filter((w) => w.data.layer !== 'furniture').map((w) => w.value) : []
}

function boxes(line: DocLine): Array<[number, number, number, number]> {
  return line.node.type === 'line' ? line.node.children.flatMap((w) => (w.data.bbox && w.data.layer !== 'furniture' ? [w.data.bbox] : [])) : []
}

function left(line: DocLine): number {
  return Math.min(...boxes(line).map((b) => b[0]))
}

function right(line: DocLine): number {
  return Math.max(...boxes(line).map((b) => b[2]))
}

function middle(line: DocLine): number {
  return (line.node.type === 'line' ? wordPlace(line.node)?.middle : undefined) ?? line.y0 ?? 0
}
