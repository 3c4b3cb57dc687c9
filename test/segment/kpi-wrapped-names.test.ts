// Tests KPI tables of PDFs whose names wrap below their figures: over a page break, a name's last
// line alone atop the next page, cells of words wrapped onto the line below; text layer and OCR.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Page} from '../../src/tree/types.js'

const CHAR_PT = 5
const LINE_PT = 12
/** x of the name column and of the three year columns. */
const X = {name: 50, y2021: 220, y2022: 290, y2023: 360}

type Cells = Partial<Record<keyof typeof X, string>>

/** OCR confidence of the words of an OCR'd page. */
const READ = 0.95

/** One line of page `number` at height `y`: each cell's words from its column's x; OCR'd when `ocr`. */
function pdfLine(number: number, y: number, cells: Cells, ocr: boolean): Line {
  const words = Object.entries(cells).flatMap(([column, text]) => {
    let at = X[column as keyof typeof X]
    // a cell written "**Gender" is set in bold
    const bold = text!.startsWith('**')
    return text!.replace(/^\*\*/, '').split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + 3
      return word(value, {page: number, bbox: [x0, y, x0 + CHAR_PT * value.length, y + 9], font: {size: 10, bold}, ...(ocr ? {confidence: READ} : {})})
    })
  })
  return line(words, ocr ? {page: number, confidence: READ} : {page: number})
}

/** A page of lines from `top` down, each its own paragraph: a text layer, or OCR'd when `ocr`. */
function pdfPage(number: number, rows: Cells[], top = 60, ocr = false): Page {
  const lines = rows.map((cells, k) => paragraph([pdfLine(number, top + LINE_PT * k, cells, ocr)], {page: number}))
  const how = ocr ? {method: 'ocr', ocrConfidence: READ} as const : {method: 'text', ocrConfidence: null} as const
  return page(lines, {page: number, ...how, reason: 'test', width: 595, height: 842, printedPage: null})
}

function tablesOf(pages: Page[]): KpiTable[] {
  const file = new VFile({path: 'report.pdf'})
  const tree = root(pages, 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const HEADER: Cells = {name: 'Indicator', y2021: '2021', y2022: '2022', y2023: '2023'}
const PROSE: Cells = {name: 'Referrals rose over the year, as the figures above show, and the service expects this to go on.'}

const names = (table: KpiTable | undefined): string[] | undefined => table?.rows.map((r) => r.indicator)
const raw = (table: KpiTable | undefined, indicator: string, column: string): string | undefined =>
  table?.rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.column === column)?.raw

describe('KPI tables with names wrapped below their figures (text-layer PDF)', () => {
  it('should keep each wrapped line with the row above it when the table runs over a page break', () => {
    const first = pdfPage(1, [{name: 'Referrals'}, HEADER, {name: 'Rate of', y2021: '733', y2022: '794', y2023: '813'}], 700)
    const second = pdfPage(2, [
      {name: 'referrals per'}, {name: '10,000'},
      {name: '% or re-', y2021: '30%', y2022: '29%', y2023: '31%'}, {name: 'referrals'},
      {name: 'Number of', y2021: '553', y2022: '593', y2023: '703'}, {name: 'assessments'},
      {}, PROSE
    ])
    const tables = tablesOf([first, second])
    expect(tables).toHaveLength(1)
    expect(names(tables[0])).toEqual(['Rate of referrals per 10,000', '% or re-referrals', 'Number of assessments'])
    expect(raw(tables[0], '% or re-referrals', '2022')).toBe('29%')
  })

  it('should take a name\'s last line alone atop the next page onto the last row, not a heading there', () => {
    const rows: Cells[] = [HEADER, {name: 'Children with', y2021: '64', y2022: '58', y2023: '50'}, {name: 'a plan'},
      {name: 'Plans lasting', y2021: '1%', y2022: '2%', y2023: '3%'}, {name: 'two years or'}]
    const carried = tablesOf([pdfPage(1, rows, 700), pdfPage(2, [{name: 'more'}, {}, {}, PROSE])])
    expect(names(carried[0])).toEqual(['Children with a plan', 'Plans lasting two years or more'])
    const heading = tablesOf([pdfPage(1, rows, 700), pdfPage(2, [{name: 'Appendix B'}, {}, {}, PROSE])])
    expect(names(heading[0])).toEqual(['Children with a plan', 'Plans lasting two years or'])
  })

  it('should read an OCR\'d table on past its page stamp, through dirt between cells and a colon speck ending a name line', () => {
    const first = pdfPage(1, [{name: 'Referrals'}, HEADER, {name: 'Rate of', y2021: '733', y2022: '794', y2023: '813'}, {}, {}, {}, {y2022: 'Page 1'}], 700, true)
    const second = pdfPage(2, [
      {name: 'referrals'}, {name: 'per 10 000'},
      {name: '% of re- ~~', y2021: '30%', y2022: '.', y2023: '31%'}, {name: 'referrals:'}, {name: 'within 1 year'},
      {name: 'Number of', y2021: '553', y2022: '593', y2023: '703'}, {name: 'Single'}, {name: 'Assessments:'}, {name: 'completed'},
      {}, PROSE
    ], 60, true)
    const tables = tablesOf([first, second])
    expect(names(tables[0])).toEqual(['Rate of referrals per 10 000', '% of re-referrals within 1 year', 'Number of Single Assessments completed'])
    expect(raw(tables[0], '% of re-referrals within 1 year', '2021')).toBe('30%')
    expect(raw(tables[0], '% of re-referrals within 1 year', '2023')).toBe('31%')
    expect(raw(tables[0], 'Number of Single Assessments completed', '2023')).toBe('703')
  })

  it('should read a row whose cells hold words beside a figure, and their words wrapped onto the line below', () => {
    const tables = tablesOf([pdfPage(1, [HEADER,
      {name: 'Missed bins', y2021: '41', y2022: '38', y2023: '44'},
      {name: 'Number of', y2022: '114', y2023: 'New'}, {name: 'single', y2023: 'measure'}, {name: 'assessments'},
      {}, PROSE])])
    expect(names(tables[0])).toEqual(['Missed bins', 'Number of single assessments'])
    expect(raw(tables[0], 'Number of single assessments', '2022')).toBe('114')
    expect(raw(tables[0], 'Number of single assessments', '2023')).toBe('New measure')
    expect(raw(tables[0], 'Number of single assessments', '2021')).toBe('')
  })

  describe('section headings set in bold on rows of their own (text layer)', () => {
    const rows = (cells: Cells[]): Array<[string, string[]]> | undefined =>
      tablesOf([pdfPage(1, [HEADER, ...cells])])[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])

    it('should leave a bold heading out of the names of the rows around it', () => {
      expect(rows([
        {name: '**Total', y2021: '120', y2022: '130', y2023: '140'},
        {name: '**Gender'},
        {name: 'Male', y2021: '60', y2022: '64', y2023: '71'},
        {name: 'Female', y2021: '60', y2022: '66', y2023: '69'},
        {name: '**Age group'},
        {name: '0 to 4', y2021: '30', y2022: '31', y2023: '35'}
      ])).toEqual([
        ['Total', ['120', '130', '140']], ['Male', ['60', '64', '71']], ['Female', ['60', '66', '69']], ['0 to 4', ['30', '31', '35']]
      ])
    })

    it('should keep a plain line, or a bold line the bold row above ran out of room for, in that row\'s name', () => {
      expect(rows([
        {name: 'Children looked after per', y2021: '60', y2022: '64', y2023: '71'},
        {name: '10,000'},
        {name: '**Total children looked after in the', y2021: '70', y2022: '74', y2023: '81'},
        {name: '**care'},
        {name: 'Male', y2021: '60', y2022: '66', y2023: '69'}
      ])).toEqual([
        ['Children looked after per 10,000', ['60', '64', '71']], ['Total children looked after in the care', ['70', '74', '81']], ['Male', ['60', '66', '69']]
      ])
    })
  })
})
