// Tests KPI tables OCR'd from pages that print one cell per line (a narrow layout in large type),
// where a speck read after a figure must not end the table.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import {line, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'
import {read} from './kpi-ocr-page.js'

const CHAR_PT = 5
const BOX_PT = 8
/** Cells a blank line apart; the lines of one cell (a wrapped name) single-spaced. */
const CELL_PT = 24
const LINE_PT = 12

/** One OCR'd line of words, 3 pt apart, read with the given confidence. */
function placed(y: number, words: string[], confidence = 0.9): Line {
  let at = 50
  const made = words.map((text) => {
    const x0 = at
    at = x0 + CHAR_PT * text.length + 3
    return word(text, {page: 1, bbox: [x0, y, x0 + CHAR_PT * text.length, y + BOX_PT], confidence})
  })
  return line(made, {page: 1, confidence})
}

/** Lines one cell each (a cell's lines given as several word lists), each cell a blank line below the one above. */
function cells(specs: Array<string[][] | [string[][], number]>): Line[] {
  let y = 60
  return specs.flatMap((spec) => {
    const [parts, confidence] = spec.length === 2 && typeof spec[1] === 'number' ? (spec as [string[][], number]) : [spec as string[][], 0.9]
    const out = parts.map((words, k) => placed(y + k * LINE_PT, words, confidence))
    y += (parts.length - 1) * LINE_PT + CELL_PT
    return out
  })
}

/** Tables read from one OCR'd page, each line its own block. */
const fromOcr = (lines: Line[]): KpiTable[] => read(lines, 'ocr')

describe('KPI tables OCR\'d one cell per line', () => {
  describe('a row whose first figure OCR read with a speck after it as a colon ("511:")', () => {
    const tables = fromOcr(cells([
      [['Indicator']], [['Outturn', 'type']], [['Apr-24']], [['May-24']], [['Jun-24']], [['Target']],
      [['Homes', 'let', 'in'], ['the', 'month']], [['NUMBER']], [['10']], [['11']], [['12']], [['13']],
      [['Rates', 'of', 'voids'], ['per', '1,000', 'homes']], [['RATE']], [[['511:']], 0.48], [['587']], [['658']], [['700']],
      [['Homes', 'empty'], ['over', 'a', 'year']], [['NUMBER']], [['4']], [['3']], [['2']], [['1']]
    ]))

    it('should read the figure without the speck and go on reading the rows after it', () => {
      expect(tables[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])).toEqual([
        ['Homes let in the month', ['10', '11', '12', '13']],
        ['Rates of voids per 1,000 homes', ['511', '587', '658', '700']],
        ['Homes empty over a year', ['4', '3', '2', '1']]
      ])
    })
  })
})
