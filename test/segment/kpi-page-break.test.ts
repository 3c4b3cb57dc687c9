// Tests KPI tables carried over a page break on OCR'd pages: rows at the top of the next page read
// under the same columns whether the header is printed again there or not.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Page} from '../../src/tree/types.js'

const CHAR_PT = 5
const LINE_PT = 30

/** One OCR'd line of page `number`, 5 pt a character. */
function ocrLine(number: number, y: number, text: string): Line {
  let at = 50
  const words = text.split(' ').map((value) => {
    const x0 = at
    at += CHAR_PT * value.length + 3
    return word(value, {page: number, bbox: [x0, y, x0 + CHAR_PT * value.length, y + 8], confidence: 0.95})
  })
  return line(words, {page: number, confidence: 0.95})
}

/** An OCR'd page of lines from `top` down, each its own paragraph. */
function ocrPage(number: number, texts: string[], top = 60): Page {
  const lines = texts.map((text, k) => paragraph([ocrLine(number, top + LINE_PT * k, text)], {page: number}))
  return page(lines, {page: number, method: 'ocr', reason: 'test', width: 595, height: 842, ocrConfidence: 0.95, printedPage: null})
}

function tablesOf(pages: Page[]): KpiTable[] {
  const file = new VFile({path: 'scan.pdf'})
  const tree = root(pages, 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const raw = (table: KpiTable | undefined, indicator: string, column: string): string | undefined =>
  table?.rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.column === column)?.raw

const HEADER = 'Indicator Apr-24 May-24 Jun-24 Target'
const FIRST_PAGE = ['Waste performance', HEADER, 'Missed bins 41 38 44 50', 'Bins repaired 12 14 13 15']
const PROSE = 'The service improved over the quarter, as the figures above show.'

describe('KPI tables over a page break (OCR)', () => {
  it('should carry a table on at the top of the next page without its header repeated', () => {
    const tables = tablesOf([ocrPage(1, FIRST_PAGE, 600), ocrPage(2, ['Streets cleaned 91% 92% 90% 95%', 'Fly tips cleared 120 130 125 140', PROSE])])
    expect(tables).toHaveLength(1)
    expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Missed bins', 'Bins repaired', 'Streets cleaned', 'Fly tips cleared'])
    expect(raw(tables[0], 'Fly tips cleared', 'Jun-24')).toBe('125')
    expect(raw(tables[0], 'Streets cleaned', 'Target')).toBe('95%')
  })

  it('should join the rows under a header printed again, even one OCR read damaged', () => {
    const tables = tablesOf([ocrPage(1, FIRST_PAGE, 600), ocrPage(2, ['Indicator Apr-24 May-24 Jun-2 Target', 'Streets cleaned 91% 92% 90% 95%', PROSE])])
    expect(tables).toHaveLength(1)
    expect(raw(tables[0], 'Streets cleaned', 'Jun-24')).toBe('90%')
  })

  it('should not carry a table on where the next page opens with prose', () => {
    const tables = tablesOf([ocrPage(1, FIRST_PAGE, 600), ocrPage(2, [PROSE, 'Streets cleaned 91% 92% 90% 95%'])])
    expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Missed bins', 'Bins repaired'])
  })
})
