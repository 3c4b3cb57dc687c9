// Tests KPI tables OCR'd from pages set in larger type, where names wrap over more lines and
// OCR sets the last words of a name and the row's figures one space apart.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import {line, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'
import {read} from './kpi-ocr-page.js'

const CHAR_PT = 5
const BOX_PT = 8

/** One OCR'd line of words placed at the given x (or 3 pt after the word before), each `[text, x?]`. */
function placed(y: number, words: Array<string | [string, number]>): Line {
  let at = 50
  const made = words.map((spec) => {
    const [text, x] = typeof spec === 'string' ? [spec, undefined] : spec
    const x0 = x ?? (at === 50 ? 50 : at + 3)
    at = x0 + CHAR_PT * text.length
    return word(text, {page: 1, bbox: [x0, y, at, y + BOX_PT], confidence: 0.9})
  })
  return line(made, {page: 1, confidence: 0.9})
}

/** Tables read from one OCR'd page, each line its own block. */
const fromOcr = (lines: Line[]): KpiTable[] => read(lines, 'ocr')

describe('KPI tables OCR\'d from pages set in larger type', () => {
  describe('a name wrapped over three lines whose middle line carries the figures, run on after its last words', () => {
    const tables = fromOcr([
      placed(80, ['Tenancy', 'Visits']),
      placed(100, ['Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Target']),
      placed(120, ['Percentage', 'of', 'homes']),
      // a wide gap after "in", then the name's last word and the figures one space apart
      placed(132, [['visited', 50], 'in', ['time', 150], '58%', '62%', '71%', '90%']),
      placed(144, ['this', 'quarter'])
    ])

    it('should read the figures after the name\'s last word as the row\'s cells, one per column', () => {
      expect(tables[0]?.rows.map((r) => r.cells.map((c) => c.raw))).toEqual([['58%', '62%', '71%', '90%']])
    })

    it('should keep the words before the figures in the indicator name', () => {
      expect(tables[0]?.rows[0]?.indicator).toBe('Percentage of homes visited in time this quarter')
    })
  })

  describe('names centred on their figure lines, one row OCR read short with its last figure wrapped onto a line of its own', () => {
    const tables = fromOcr([
      placed(80, ['Tenancy', 'Visits']),
      placed(100, ['Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Target']),
      placed(120, ['Homes', 'let']),
      placed(132, ['NUMBER', '10', '11', '12', '13']),
      placed(144, ['this', 'month']),
      placed(160, ['Repairs', 'done']),
      // OCR lost two cells of this row; its last figure wrapped onto the line below
      placed(172, ['NUMBER', '20', '21']),
      placed(184, ['NA']),
      placed(196, ['on', 'time']),
      placed(212, ['Visits', 'made']),
      placed(224, ['NUMBER', '30', '31', '32', '33']),
      placed(236, ['in', 'person'])
    ])

    it('should take the line of figures only as the short row\'s, not as a line of a name, so the rows below keep their own names', () => {
      expect(tables[0]?.rows.filter((r) => r.cells.some((c) => c.raw)).map((r) => [r.indicator, r.cells.map((c) => c.raw)])).toEqual([
        ['Homes let this month', ['10', '11', '12', '13']],
        ['Visits made in person', ['30', '31', '32', '33']]
      ])
    })
  })

  describe('a row whose last figures wrapped onto the next line, two of them joined by a speck read as a point', () => {
    const tables = fromOcr([
      placed(80, ['Repairs', 'Done']),
      placed(100, ['Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Target', 'England']),
      placed(120, ['Repairs', 'on', 'time', '58%', '62%', '71%']),
      placed(132, ['90%.53%'])
    ])

    it('should part the joined percentages into the two cells they fill', () => {
      expect(tables[0]?.rows.map((r) => r.cells.map((c) => c.raw))).toEqual([['58%', '62%', '71%', '90%', '53%']])
    })
  })

  describe('a name line cut short with a speck read as a point, just above its row\'s figures', () => {
    const tables = fromOcr([
      placed(100, ['Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Target']),
      placed(130, ['Number', 'of', 'Early', 'Hel.']),
      placed(141, ['NUMBER', '180', '23', '195', '200']),
      placed(152, ['assessments', 'completed']),
      placed(180, ['Homes', 'let', 'NUMBER', '10', '11', '12', '13'])
    ])

    it('should take the line for the start of the name, not a sentence ending the table', () => {
      expect(tables[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])).toEqual([
        ['Number of Early Hel. assessments completed', ['180', '23', '195', '200']],
        ['Homes let', ['10', '11', '12', '13']]
      ])
    })
  })
})
