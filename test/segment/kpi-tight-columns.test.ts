// Tests KPI tables of text layers set with tight columns (a cell gap hardly wider than a space):
// columns parted at the gutters of the figure rows, spanned headings, code columns, centred cells.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Page} from '../../src/tree/types.js'

/** Helvetica-like 9 pt: a character is ~4.5 pt wide, a space 2.5 pt; cells 4 pt apart. */
const CHAR_PT = 4.5
const SPACE_PT = 2.5
const HEIGHT_PT = 10

/** A cell printed at x: its text, left-aligned; a one-character cell may be given its ink's width (an OCR'd speck). */
type Cell = [x: number, text: string, width?: number]

/** One printed line at height y: each cell's words set one space apart from its x; OCR'd when `ocr`. */
function pdfLine(y: number, cells: Cell[], ocr = false): Line {
  const words = cells.flatMap(([x, text, width]) => {
    let at = x
    return text.split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + SPACE_PT
      return word(value, {page: 1, bbox: [x0, y, x0 + (width ?? CHAR_PT * value.length), y + HEIGHT_PT], ...(ocr ? {confidence: 0.9} : {})})
    })
  })
  return line(words, ocr ? {page: 1, confidence: 0.9} : {page: 1})
}

/** Page 1 of the given lines (y, cells), each its own paragraph. */
function pdfPage(lines: Array<[number, Cell[]]>, ocr = false): Page {
  const blocks = lines.map(([y, cells]) => paragraph([pdfLine(y, cells, ocr)], {page: 1}))
  const how = ocr ? {method: 'ocr', ocrConfidence: 0.9} as const : {method: 'text', ocrConfidence: null} as const
  return page(blocks, {page: 1, ...how, reason: 'test', width: 595, height: 842, printedPage: null})
}

function tablesOf(lines: Array<[number, Cell[]]>, ocr = false): KpiTable[] {
  const file = new VFile({path: 'report.pdf'})
  const tree = root([pdfPage(lines, ocr)], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

/** Lines 12 pt apart from y = 100. */
function stacked(rows: Cell[][], pitch = 12): Array<[number, Cell[]]> {
  return rows.map((cells, k) => [100 + pitch * k, cells])
}

const raw = (table: KpiTable | undefined, indicator: string, column: string): string | undefined =>
  table?.rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.column === column)?.raw

describe('KPI tables set with tight columns (text-layer PDF)', () => {
  // the longest name ends 4 pt before the first column, as the figures of each column end 4 pt before the next
  const NAME = 60
  const COLS = [294, 334, 374]
  const row = (name: string, ...figures: string[]): Cell[] => [[NAME, name], ...figures.map((f, k): Cell => [COLS[k]!, f])]

  it('should part the columns at the gutters the figure rows leave, though no gap is wider than a cell gap', () => {
    const [table] = tablesOf(stacked([
      [[NAME, 'Workforce']],
      [[COLS[0]!, 'Target'], [COLS[1]!, 'Baseline'], [COLS[2]!, 'April 2022']],
      row('Average length of service (years)', '9.4', '10.4', '10.3'),
      row('% of staff with over 5 years service (all)', '43%', '51%', '53%'),
      row('Staff turnover rate (social workers)', '15%', '10%', '22%')
    ]))
    expect(table?.columns.map((c) => [c.label, c.kind])).toEqual([['Target', 'target'], ['Baseline', 'other'], ['April 2022', 'period']])
    expect(table?.rows.map((r) => r.indicator)).toEqual([
      'Average length of service (years)', '% of staff with over 5 years service (all)', 'Staff turnover rate (social workers)'
    ])
    expect(raw(table, '% of staff with over 5 years service (all)', 'Target')).toBe('43%')
    expect(raw(table, 'Staff turnover rate (social workers)', 'April 2022')).toBe('22%')
  })

  it('should keep a cell of words whole where only its own row has ink across the gap ("New measure")', () => {
    const [table] = tablesOf(stacked([
      [[COLS[0]!, '2021'], [COLS[1]!, '2022'], [COLS[2]!, 'England']],
      row('Rate of referrals', '733', '794', '521'),
      row('Single assessments', '114', 'New measure', '387'),
      row('Re-referrals in a year', '30%', '29%', '25%')
    ]).map(([y, cells]) => [y, cells.map(([x, text]): Cell => [x === COLS[2] ? x + 20 : x, text])] as [number, Cell[]]))
    expect(raw(table, 'Single assessments', '2022')).toBe('New measure')
    expect(raw(table, 'Single assessments', 'England')).toBe('387')
  })

  it('should not take a sentence quoting two figures for a row that sets the gutters', () => {
    const [table] = tablesOf(stacked([
      [[COLS[0]!, 'Target'], [COLS[1]!, 'Baseline'], [COLS[2]!, 'April 2022']],
      row('Average length of service (years)', '9.4', '10.4', '10.3'),
      row('% of staff with over 5 years service (all)', '43%', '51%', '53%'),
      row('Staff turnover rate (social workers)', '15%', '10%', '22%'),
      [[NAME, 'In November 2019 the average caseload across the whole service was 18 and it has since fallen back.']]
    ]))
    expect(table?.rows).toHaveLength(3)
    expect(raw(table, '% of staff with over 5 years service (all)', 'Baseline')).toBe('51%')
  })

  it('should label each sub-heading with the spanned heading set over it ("2019-20" over "Number | Percentage")', () => {
    const X = [150, 190, 250, 290]
    const [table] = tablesOf(stacked([
      [[X[0]!, '2019-20'], [X[2]!, '2020-21']],
      [[X[0]!, 'Number'], [X[1]!, 'Percentage'], [X[2]!, 'Number'], [X[3]!, 'Percentage']],
      [[NAME, 'CSE (case note)'], [X[0]!, '55'], [X[1]!, '1.4%'], [X[2]!, '85'], [X[3]!, '2.1%']],
      [[NAME, 'CCE (case note)'], [X[0]!, '58'], [X[1]!, '1.4%'], [X[2]!, '81'], [X[3]!, '2.6%']],
      [[NAME, 'FGM (factor)'], [X[0]!, '8'], [X[1]!, '0.2%'], [X[2]!, '5'], [X[3]!, '0.2%']]
    ]))
    expect(table?.columns.map((c) => [c.label, c.period])).toEqual([
      ['2019-20 Number', '2019-20'], ['2019-20 Percentage', '2019-20'], ['2020-21 Number', '2020-21'], ['2020-21 Percentage', '2020-21']
    ])
    expect(raw(table, 'CCE (case note)', '2020-21 Number')).toBe('81')
    expect(raw(table, 'FGM (factor)', '2019-20 Percentage')).toBe('0.2%')
  })

  it('should part sub-headings OCR read as one ("Number Percentage") where each heads a column elsewhere on the line', () => {
    const X = [150, 190, 250, 290]
    const [table] = tablesOf(stacked([
      [[X[0]!, '2019-20'], [X[2]!, '2020-21']],
      [[X[0]!, 'Number'], [X[1]!, 'Percentage'], [X[2]!, 'Number Percentage']],
      [[NAME, 'CSE (case note)'], [X[0]!, '55'], [X[1]!, '1.4%'], [X[2]!, '85'], [X[3]!, '2.1%']],
      [[NAME, 'CCE (case note)'], [X[0]!, '58'], [X[1]!, '1.4%'], [X[2]!, '81'], [X[3]!, '2.6%']],
      [[NAME, 'FGM (factor)'], [X[0]!, '8'], [X[1]!, '0.2%'], [X[2]!, '5'], [X[3]!, '0.2%']]
    ]), true)
    expect(table?.columns.map((c) => c.label)).toEqual(['2019-20 Number', '2019-20 Percentage', '2020-21 Number', '2020-21 Percentage'])
    expect(raw(table, 'FGM (factor)', '2020-21 Percentage')).toBe('0.2%')
  })

  it('should leave the codes of an unheaded column beside the names out of the names', () => {
    const CODE = 134
    const [table] = tablesOf(stacked([
      [[COLS[0]!, '2021'], [COLS[1]!, '2022'], [COLS[2]!, '2023']],
      [[NAME, 'CSE (factor)'], [CODE, '11A'], [COLS[0]!, '145'], [COLS[1]!, '85'], [COLS[2]!, '63']],
      [[NAME, 'FGM (factor)'], [CODE, '22A'], [COLS[0]!, '8'], [COLS[1]!, '5'], [COLS[2]!, '0']],
      [[NAME, 'Parental Alcohol'], [CODE, '1B'], [COLS[0]!, '737'], [COLS[1]!, '607'], [COLS[2]!, '322']],
      [[NAME, 'Misuse (factor)']]
    ]))
    expect(table?.rows.map((r) => r.indicator)).toEqual(['CSE (factor)', 'FGM (factor)', 'Parental Alcohol Misuse (factor)'])
  })

  it('should give a name line to the row below when rows stand further apart than the lines of a cell (centred cells)', () => {
    // "Report a Highways Fault" on one line; "Book a Driver / Improvement Course" centred on its figures
    const [table] = tablesOf([
      [100, [[COLS[0]!, 'Jan-24'], [COLS[1]!, 'Apr-24'], [COLS[2]!, 'Jul-24']]],
      [118, row('Renew a library book', '83%', '80%', '83%')],
      [136, row('Report a Highways Fault', '74%', '70%', '64%')],
      [154, [[NAME, 'Book a Driver']]],
      [166, row('', '91%', '91%', '91%').slice(1)],
      [178, [[NAME, 'Improvement Course']]],
      [196, [[NAME, 'Apply for a Blue']]],
      [208, row('', '84%', '86%', '88%').slice(1)],
      [220, [[NAME, 'Badge']]]
    ])
    expect(table?.rows.map((r) => r.indicator)).toEqual([
      'Renew a library book', 'Report a Highways Fault', 'Book a Driver Improvement Course', 'Apply for a Blue Badge'
    ])
    expect(raw(table, 'Book a Driver Improvement Course', 'Apr-24')).toBe('91%')
  })

  it('should keep wrapped name lines with the row above when every line is set at one pitch', () => {
    const [table] = tablesOf(stacked([
      [[COLS[0]!, 'Jan-24'], [COLS[1]!, 'Apr-24'], [COLS[2]!, 'Jul-24']],
      row('Rate of referrals', '733', '794', '813'),
      [[NAME, 'per 10,000 children']],
      row('Re-referrals in a year', '30%', '29%', '31%')
    ]))
    expect(table?.rows.map((r) => r.indicator)).toEqual(['Rate of referrals per 10,000 children', 'Re-referrals in a year'])
  })

  it('should take two-line headings set beside the heading of the indicator column ("Service" between them)', () => {
    const X = [240, 320, 400]
    const [table] = tablesOf(stacked([
      [[X[0]! - 10, '12 mths to'], [X[1]! - 10, '12 mths to'], [X[2]! - 10, 'Quarter to']],
      [[NAME, 'Service']],
      [[X[0]!, 'Dec 23'], [X[1]!, 'Dec 24'], [X[2]!, 'Dec 24']],
      [[NAME, 'Highways and Transportation'], [X[0]!, '2,902'], [X[1]!, '2,355'], [X[2]!, '422']],
      [[NAME, 'Adult Social Services'], [X[0]!, '969'], [X[1]!, '1,066'], [X[2]!, '250']]
    ], 10))
    expect(table?.columns.map((c) => [c.label, c.period])).toEqual([
      ['12 mths to Dec 23', '2023-12'], ['12 mths to Dec 24', '2024-12'], ['Quarter to Dec 24', '2024-12']
    ])
  })
})

describe('KPI tables set with tight columns (OCR)', () => {
  it('should leave out of the names codes OCR read at one x in several rows, but not a lone figure in a name', () => {
    const COLS = [250, 300, 350]
    const [table] = tablesOf(stacked([
      [[COLS[0]!, '2021'], [COLS[1]!, '2022'], [COLS[2]!, '2023']],
      [[60, 'CSE (factor)'], [180, '11A'], [COLS[0]!, '145'], [COLS[1]!, '85'], [COLS[2]!, '63']],
      [[60, 'Parental Domestic'], [180, '38'], [COLS[0]!, '1,448'], [COLS[1]!, '1166'], [COLS[2]!, '850']],
      [[60, 'Pupils in Year'], [140, '6'], [COLS[0]!, '12%'], [COLS[1]!, '14%'], [COLS[2]!, '15%']]
    ], 14), true)
    expect(table?.rows.map((r) => r.indicator)).toEqual(['CSE (factor)', 'Parental Domestic', 'Pupils in Year 6'])
  })

  it('should part tightly set OCR columns at their gutters but keep a heading wider than its column whole', () => {
    const X = [240, 272, 304, 336, 406]
    const [table] = tablesOf(stacked([
      [[X[0]!, '10/11'], [X[1]!, '11/12'], [X[2]!, '12/13'], [X[3]!, '13/14 (Oct-Dec)'], [X[4]!, 'England']],
      [[60, 'Rate of referrals per 10,000'], [X[0]!, '733'], [X[1]!, '794'], [X[2]!, '813'], [X[3]!, '648'], [X[4]!, '521']],
      [[60, 'Re-referrals within 1 year'], [X[0]!, '30%'], [X[1]!, '29%'], [X[2]!, '31%'], [X[3]!, '33%'], [X[4]!, '25%']],
      [[60, 'Initial assessments per 10,000'], [X[0]!, '553'], [X[1]!, '593'], [X[2]!, '703'], [X[3]!, 'N/A'], [X[4]!, '387']]
    ], 14), true)
    expect(table?.columns.map((c) => c.label)).toEqual(['10/11', '11/12', '12/13', '13/14 (Oct-Dec)', 'England'])
    expect(raw(table, 'Re-referrals within 1 year', '13/14 (Oct-Dec)')).toBe('33%')
    expect(raw(table, 'Initial assessments per 10,000', '12/13')).toBe('703')
  })

  it('should read a heading line whose year pairs lost their stroke ("SN 1213") as headings, a speck beside it aside', () => {
    const X = [280, 330, 380, 430]
    const [table] = tablesOf([
      [100, [[X[0]!, '12/13'], [X[1]!, '13/14'], [X[2]!, 'SN'], [X[3]!, 'England']]],
      [112, [[140, '5', 2], [X[1]!, '(Oct-Dec)'], [X[2]!, '1213'], [X[3]!, '1213']]],
      [128, [[60, 'Children with a plan per 10 000'], [X[0]!, '50'], [X[1]!, '51'], [X[2]!, '52'], [X[3]!, '38']]],
      [142, [[60, '9% of plans reviewed in time'], [X[0]!, '100%'], [X[1]!, '100%'], [X[2]!, '97%'], [X[3]!, '98%']]]
    ], true)
    expect(table?.columns.map((c) => c.label)).toEqual(['12/13', '13/14 (Oct-Dec)', 'SN 12/13', 'England 12/13'])
    expect(table?.rows.map((r) => r.indicator)).toEqual(['Children with a plan per 10 000', '% of plans reviewed in time'])
  })

  it('should read a header whose year pairs OCR glued ("1112 1213") beside one it kept ("10/11"), not single years', () => {
    const X = [240, 290, 340]
    const rows = (years: string[]): Array<[number, Cell[]]> => stacked([
      years.map((label, k): Cell => [X[k]!, label]),
      [[60, 'Rate of referrals per 10,000'], [X[0]!, '733'], [X[1]!, '794'], [X[2]!, '813']],
      [[60, 'Re-referrals within 1 year'], [X[0]!, '30%'], [X[1]!, '29%'], [X[2]!, '31%']]
    ], 14)
    expect(tablesOf(rows(['10/11', '1112', '1213']), true)[0]?.columns.map((c) => [c.label, c.period])).toEqual([
      ['10/11', '2010-11'], ['11/12', '2011-12'], ['12/13', '2012-13']
    ])
    expect(tablesOf(rows(['2019', '2020', '2021']), true)[0]?.columns.map((c) => c.label)).toEqual(['2019', '2020', '2021'])
  })
})

