// Builds invented OCR'd pages for the KPI name-mending tests: lines of words with boxes and a given
// confidence per word, the same words as a text layer, and the tables read from them.
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
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
  const file = new VFile({path: 'scan.pdf'})
  const made = page(lines.map((l) => paragraph([l], {page: 1})), {page: 1, method, reason: 'test', width: 595, height: 842, ocrConfidence: method === 'ocr' ? SURE : null, printedPage: null})
  const tree = root([made], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}
