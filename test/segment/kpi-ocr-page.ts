// Builds invented OCR'd pages for the KPI tests: lines of words with boxes and a given confidence per
// word, pages printed one cell per line, the same words as a text layer, and the tables read from them.
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {PageMessage} from '../../src/messages.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'

const CHAR_PT = 5
const SPACE_PT = 3
const BOX_PT = 8
/** Confidence tesseract gives words it read right. */
export const SURE = 0.95

/** One OCR'd line: "word" or "word@confidence" (confidence in hundredths), 5 pt a character, 3 pt apart. */
export function ocrLine(y: number, text: string): Line {
  let at = 50
  const words = text.split(' ').map((spec) => {
    const [value, confidence] = spec.split('@') as [string, string | undefined]
    const x0 = at
    at += CHAR_PT * value.length + SPACE_PT
    return word(value, {page: 1, bbox: [x0, y, x0 + CHAR_PT * value.length, y + BOX_PT], confidence: confidence ? Number(confidence) / 100 : SURE})
  })
  return line(words, {page: 1, confidence: SURE})
}

/** The same words as a text layer prints them: boxes, no OCR confidence. */
export function asTextLayer(l: Line): Line {
  return line(l.children.map((w) => word(w.value, {page: 1, bbox: w.data.bbox!})), {page: 1})
}

/** Tables read from one page of lines, each line its own paragraph. */
export function read(lines: Line[], method: 'ocr' | 'text-layer' = 'ocr'): KpiTable[] {
  return readRun(lines, method).tables
}

/** Tables and warnings read from one page of lines, each line its own paragraph. */
export function readRun(lines: Line[], method: 'ocr' | 'text-layer' = 'ocr'): {tables: KpiTable[]; messages: PageMessage[]} {
  const file = new VFile({path: 'scan.pdf'})
  const made = page(lines.map((l) => paragraph([l], {page: 1})), {page: 1, method, reason: 'test', width: 595, height: 842, ocrConfidence: method === 'ocr' ? SURE : null, printedPage: null})
  const tree = root([made], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

/** Cells of a one-per-line page a blank line apart; the lines of one cell (a wrapped name) single-spaced. */
const CELL_PT = 24
const LINE_PT = 12

/** One OCR'd line of words, 3 pt apart, read with the given confidence. */
function stackedLine(y: number, words: string[], confidence: number): Line {
  let at = 50
  const made = words.map((text) => {
    const x0 = at
    at = x0 + CHAR_PT * text.length + SPACE_PT
    return word(text, {page: 1, bbox: [x0, y, x0 + CHAR_PT * text.length, y + BOX_PT], confidence})
  })
  return line(made, {page: 1, confidence})
}

/**
 * Lines one cell each, each cell a blank line below the one above: a cell is its lines as word
 * lists (optionally with the confidence its words were read with); a cell of no lines is a line the
 * OCR lost, its place left on the page.
 */
export function stackedCells(specs: Array<string[][] | [string[][], number]>): Line[] {
  let y = 60
  return specs.flatMap((spec) => {
    const [parts, confidence] = spec.length === 2 && typeof spec[1] === 'number' ? (spec as [string[][], number]) : [spec as string[][], 0.9]
    const out = parts.map((words, k) => stackedLine(y + k * LINE_PT, words, confidence))
    y += (Math.max(parts.length, 1) - 1) * LINE_PT + CELL_PT
    return out
  })
}
