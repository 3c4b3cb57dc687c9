// Tests OCR'd tables tesseract read as column blocks (the names, then some columns of figures, then
// the rest), small-type OCR damage in them: footnote marks, codes read as letters, drifting boxes.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'

const CHAR_PT = 5
const BOX_PT = 8
const READ = 0.9

/** One OCR'd line of pieces [x, text] at height y; each piece's words 3 pt apart. */
function ocrLine(y: number, pieces: Array<[number, string]>): Line {
  const words = pieces.flatMap(([x, text]) => {
    let at = x
    return text.split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + 3
      return word(value, {page: 1, bbox: [x0, y, x0 + CHAR_PT * value.length, y + BOX_PT], confidence: READ})
    })
  })
  return line(words, {page: 1, confidence: READ})
}

/** Tables read from one OCR'd page of blocks (paragraphs), each a list of lines, in the order tesseract gave them. */
function tablesOf(blocks: Line[][]): KpiTable[] {
  const file = new VFile({path: 'scan.pdf'})
  const made = page(blocks.map((lines) => paragraph(lines, {page: 1})), {page: 1, method: 'ocr', reason: 'test', width: 595, height: 842, ocrConfidence: READ, printedPage: null})
  const tree = root([made], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const rowsOf = (table: KpiTable | undefined): string[] | undefined => table?.rows.map((r) => `${r.indicator} :: ${r.cells.map((c) => c.raw).join(' | ')}`)

const HEADER = [ocrLine(60, [[50, 'Indicator'], [150, '2020'], [200, '2021'], [250, '2022'], [300, '2023']])]
const PROSE = [ocrLine(200, [[50, 'The figures above are for the year to March and are not yet validated.']])]

describe('OCR tables read as column blocks', () => {
  it('puts each row back together from a block of names and two blocks of figures', () => {
    const names = [ocrLine(80, [[50, 'Parental']]), ocrLine(89, [[50, 'Alcohol']]), ocrLine(98, [[50, 'Misuse']]),
      ocrLine(112, [[50, 'Parental']]), ocrLine(121, [[50, 'Mental']]), ocrLine(130, [[50, 'Health']])]
    const left = [ocrLine(80, [[150, '737'], [200, '607']]), ocrLine(112, [[150, '1,604'], [200, '1,216']])]
    // the right-hand block's boxes 3 pt higher than the left's, as small type is boxed unevenly
    const right = [ocrLine(77, [[250, '322'], [300, '129']]), ocrLine(109, [[250, '933'], [300, '344']])]
    const tables = tablesOf([HEADER, names, left, right, PROSE])
    expect(rowsOf(tables[0])).toEqual(['Parental Alcohol Misuse :: 737 | 607 | 322 | 129', 'Parental Mental Health :: 1,604 | 1,216 | 933 | 344'])
  })

  it('drops a footnote mark OCR read as a figure, a code whose 1 it read as I, and places a figure whose box drifted over the column edge', () => {
    const header = [ocrLine(60, [[50, 'Indicator'], [150, '2020'], [190, '2021/22'], [232, '2023']])]
    const rows = [
      [ocrLine(80, [[50, 'CCE (case'], [120, '1A'], [150, '58'], [195, '1.4%'], [235, '5']]), ocrLine(89, [[50, 'note) 2']])],
      // "1B" read "IB"; the last figure's box reaches 2 pt into the wide column before it, its middle nearer its own
      [ocrLine(105, [[50, 'Parental'], [120, 'IB'], [150, '737'], [195, '18.2%'], [223, '6']]), ocrLine(114, [[50, 'Misuse']])]
    ]
    const tables = tablesOf([header, ...rows, PROSE])
    expect(rowsOf(tables[0])).toEqual(['CCE (case note) :: 58 | 1.4% | 5', 'Parental Misuse :: 737 | 18.2% | 6'])
  })
})
