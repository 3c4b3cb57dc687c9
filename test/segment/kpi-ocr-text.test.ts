// Tests KPI tables printed as OCR text: tables one cell per line (seeds 000 and 004, and invented
// ones in row and in column order), OCR-damaged headings and debris in indicator names.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {PageMessage} from '../../src/messages.js'
import {readText} from '../../src/read/text.js'
import {mendColumnLabels, tidyLabel} from '../../src/segment/kpi-columns.js'
import {mendRowFigures} from '../../src/segment/kpi-mend.js'
import {mendNames, wordsOf} from '../../src/segment/kpi-mend-names.js'
import type {KpiRowDraft} from '../../src/segment/kpi-body.js'
import {tidyName, tidyTitle} from '../../src/segment/kpi-names.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {segmentTree} from '../../src/segment/index.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'

interface Run {
  tables: KpiTable[]
  messages: PageMessage[]
}

function fromText(text: string, all = false): Run {
  const file = new VFile({path: 'test.txt'})
  const tree = readText(text, file)
  cleanTree(tree, file)
  if (all) segmentTree(tree, file)
  else segmentKpiTables()(tree, file)
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

function seed(name: SeedName): Run | null {
  const text = readSeed(name)
  return text === null ? null : fromText(text, true)
}

/** The raw cell of the row whose indicator is `indicator` (exactly) under `column`. */
function raw(table: KpiTable | undefined, indicator: string, column: string): string | undefined {
  return table?.rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.column === column)?.raw
}

/** An invented one-cell-per-line export: every item its own paragraph. */
function stacked(items: string[]): string {
  return `${items.join('\n\n')}\n`
}

const uncertain = (messages: PageMessage[]): string[] => messages.filter((m) => m.ruleId === 'kpi-table-uncertain').map((m) => m.reason)

describe('KPI tables from OCR text', () => {
  describe('on the seeds', () => {
    it('should rebuild the one-value-per-line table of seed 000 where each row has a figure per column', () => {
      const result = seed('agendaPackA')
      if (!result) return
      const table = result.tables.find((t) => t.title === 'Right Service at the Right Time')
      expect(table?.columns.map((c) => c.label)).toEqual([
        'Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Feb-22', 'Mar-22', 'Apr-22', 'May-22', 'Jun-22', 'Target',
        'Southampton 19/20', 'Southampton 20/21', 'Statistical Neighbours', 'South East', 'England'
      ])
      expect(raw(table, 'Number of Early Help assessments completed', 'Nov-21')).toBe('223')
      expect(raw(table, 'Rates of Single Assessments completed per 10,000', 'Southampton 19/20')).toBe('898')
      expect(raw(table, 'Number of contacts', 'Jun-22')).toBe('1,860')
      expect(raw(table, 'Number of contacts', 'Target')).toBe('<17k')
      expect(raw(table, 'Number of CLA at the end of the month', 'Southampton 20/21')).toBe('495')
      expect(raw(table, 'Number of children who are subject of a Child Protection Plan as at the end of month', 'Statistical Neighbours')).toBe('406')
      expect(table?.rows.find((r) => r.indicator === 'Number of contacts')?.measure).toBe('number')
      // Rows with fewer figures than columns are placed as the same indicator's row of another table
      // reads them, the lost column left empty and warned; rows no other table prints are left out, warned.
      expect(raw(table, 'Percentage of re-referrals within 12 months', 'Jan-22')).toBe('')
      expect(raw(table, 'Percentage of re-referrals within 12 months', 'Feb-22')).toBe('29%')
      expect(raw(table, 'Percentage of re-referrals within 12 months', 'England')).toBe('NJ/A')
      const messages = result.messages.filter((m) => m.page === table?.page)
      expect(messages.some((m) => m.ruleId === 'kpi-cell-uncertain' && m.reason.includes('"Percentage of re-referrals within 12 ..."') &&
        m.reason.includes('no figure read for Jan-22 (left empty)'))).toBe(true)
      expect(table?.rows.some((r) => r.indicator.startsWith('Number of care leavers'))).toBe(false)
      expect(uncertain(messages).some((r) => r.includes('"Number of care leavers"'))).toBe(true)
    })

    it('should mend OCR-damaged headings, titles and names in the seed 000 tables printed a row a line', () => {
      const result = seed('agendaPackA')
      if (!result) return
      const contact = result.tables.find((t) => t.title === 'Purposeful Direct Contact')
      expect(contact?.columns.map((c) => c.label).slice(12)).toEqual(['Statistical Neighbours', 'South East', 'England'])
      const support = result.tables.find((t) => t.title === 'Management Support for better Practice')
      expect(support?.columns[3]).toEqual({label: 'Jan-22', kind: 'period', period: '2022-01'})
      expect(raw(support, 'Percentage of CIN who have had their supervision and within timescale', 'Jan-22')).toBe('62%')
      const first = result.tables.find((t) => t.title === 'Effective Assessment and Intervention')
      expect(first?.columns[3]?.label).toBe('Jan-22')
      expect(first?.rows.map((r) => r.indicator).filter((name) => /woween|\bTR\b/.test(name))).toEqual([])
      expect(contact?.rows.map((r) => r.indicator).filter((name) => /jab\)/.test(name))).toEqual([])
    })

    it('should mend names OCR damaged in seed 000 from a better-read copy, run-together words and sibling rows', () => {
      const result = seed('agendaPackA')
      if (!result) return
      const first = result.tables.find((t) => t.title === 'Effective Assessment and Intervention')
      // "Number of Early Hel" and "Pe rcentzg; of C&F assessmefifgcompleted …" are read plainly in the table printed one cell per line.
      expect(raw(first, 'Number of Early Help assessments completed', 'Nov-21')).toBe('23')
      expect(raw(first, 'Percentage of C&F assessments completed within 45 working days', 'England')).toBe('69%')
      expect(raw(first, 'Percentage of C&F assessments completed within 45 working days', 'Statistical Neighbours')).toBe('T74%')
      const contact = result.tables.find((t) => t.title === 'Purposeful Direct Contact')
      expect(raw(contact, 'Percentage of CLA for whom a visit has taken place within statutory timescales (6 weeks or less visits)', 'Target')).toBe('90%')
      const support = result.tables.find((t) => t.title === 'Management Support for better Practice')
      expect(raw(support, 'Percentage of Care Leaver who have had their supervision and within timescale', 'Oct-21')).toBe('82%')
      expect(raw(support, 'Percentage of Care Leaver who have had their supervision and within timescale', 'Apr-22')).toBe('/8%')
    })

    it('should keep the certain rows of the serious youth violence table of seed 004 and warn about the rest', () => {
      const result = seed('agendaPackB')
      if (!result) return
      const table = result.tables.find((t) => t.columns.map((c) => c.label).join() === '2020,2021,2022,2023')
      expect(table?.columns.map((c) => c.period)).toEqual(['2020', '2021', '2022', '2023'])
      expect(table?.rows.map((r) => r.indicator)).toEqual(['Drug Offences', 'Violence against the person'])
      expect(raw(table, 'Drug Offences', '2020')).toBe('3')
      expect(raw(table, 'Drug Offences', '2023')).toBe('1')
      expect(raw(table, 'Violence against the person', '2023')).toBe('22')
      expect(uncertain(result.messages).some((r) => r.includes('"Robbery"'))).toBe(true)
    })
  })

  describe('on invented tables one cell per line', () => {
    const header = ['Indicator', 'Outturn type', 'Apr-24', 'May-24', 'Jun-24', 'Target', 'Regional\naverage']

    it('should rebuild a table printed row after row', () => {
      const {tables, messages} = fromText(stacked([
        'Bin collections', ...header,
        'Missed bins per\n100,000', 'RATE', '41', '38', '44', '50', '55.5',
        'Calls answered', 'within 20', 'seconds', 'PERCENTAGE', '81%', '84%', '86%', '80%', 'N/A',
        'Complaints received', 'NUMBER', '7', '5', '9', '6'
      ]))
      expect(tables).toHaveLength(1)
      expect(tables[0]?.title).toBe('Bin collections')
      expect(tables[0]?.columns.map((c) => [c.label, c.kind])).toEqual([
        ['Apr-24', 'period'], ['May-24', 'period'], ['Jun-24', 'period'], ['Target', 'target'], ['Regional average', 'benchmark']
      ])
      expect(tables[0]?.rows.map((r) => [r.indicator, r.measure, r.cells.map((c) => c.raw).join(' ')])).toEqual([
        ['Missed bins per 100,000', 'rate', '41 38 44 50 55.5'],
        ['Calls answered within 20 seconds', 'percentage', '81% 84% 86% 80% N/A']
      ])
      expect(uncertain(messages)).toEqual([
        'Unexpected 4 figures for "Complaints received" printed one per line, expected 5 (one per column); row left out'
      ])
    })

    it('should rebuild a table printed column after column', () => {
      const {tables} = fromText(stacked([
        'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target',
        'Homes let', 'Repairs done on time', 'Rent collected',
        '120', '88%', '97.1%', '131', '91%', '97.6%', '125', '90%', '98%'
      ]))
      expect(tables[0]?.columns.map((c) => c.period)).toEqual(['2024-Q1', '2024-Q2', null])
      expect(tables[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw).join(' ')])).toEqual([
        ['Homes let', '120 131 125'], ['Repairs done on time', '88% 91% 90%'], ['Rent collected', '97.1% 97.6% 98%']
      ])
    })

    it('should drop OCR debris at the ends of name lines and not take the page after for a row', () => {
      const {tables} = fromText(stacked([
        'Indicator', 'Apr-24', 'May-24', 'Target',
        'Number of @', 'new tenancies w', '12', '15', '14',
        'Rent arrears (£) =', '£1,204', '£1,180', '£1,000',
        'The figures above are provisional and will be confirmed in the annual report to the committee.'
      ]))
      expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Number of new tenancies', 'Rent arrears (£)'])
    })

    it('should not take a list of years in prose, or one heading a line without figures, for a table', () => {
      expect(fromText(stacked(['2020', '2021', '2022', 'The service was reviewed in each of these years.'])).tables).toEqual([])
      expect(fromText(stacked(['Indicator', 'Target', 'England', 'Statistical Neighbours', 'Notes'])).tables).toEqual([])
    })
  })

  describe('on invented tables wrapped at the page edge', () => {
    it('should take headings run on below the header line and figures run on below a row', () => {
      const {tables, messages} = fromText([
        'Waste and recycling RAG: Green', '',
        'Indicator | Apr-24 | May-24 | Jun-24 | Target', 'South East | England', '',
        'Missed bins per 100,000 collections | 41 | 38 | 44 | 50 | 55.5', '60', '',
        'Household waste recycled | 41% | 43% | 44% | 45% | 42% | 44%', ''
      ].join('\n'))
      expect(tables[0]?.columns.map((c) => [c.label, c.kind])).toEqual([
        ['Apr-24', 'period'], ['May-24', 'period'], ['Jun-24', 'period'], ['Target', 'target'], ['South East', 'benchmark'], ['England', 'benchmark']
      ])
      expect(raw(tables[0], 'Missed bins per 100,000 collections', 'England')).toBe('60')
      expect(raw(tables[0], 'Missed bins per 100,000 collections', 'South East')).toBe('55.5')
      expect(raw(tables[0], 'Household waste recycled', 'Target')).toBe('45%')
      expect(tables[0]?.rows.every((r) => r.cells.every((c) => c.confidence === null))).toBe(true)
      expect(uncertain(messages).filter((r) => r.includes('Missed bins'))).toEqual([])
    })

    it('should keep the order of a header wrapped after its periods, with two-line labels above it', () => {
      const {tables} = fromText([
        'Street cleansing RAG: Amber', '',
        'Brackenf | ‘Brackenf | Statistical', 'ord 22/23 | ord 23/24 |Neighbours',
        'Indicator | Apr-24 |. May-24 | Jun-24 |', 'Jul-24 | Target South East | Engle', '',
        'Streets graded clean | 91% | 92% | 90% | 93% | 95% | 89% | 88% | 90% | 91% | 87%', ''
      ].join('\n'))
      expect(tables[0]?.columns.map((c) => c.label)).toEqual([
        'Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Target', 'Brackenford 22/23', 'Brackenford 23/24', 'Statistical Neighbours', 'South East', 'Engle'
      ])
      expect(raw(tables[0], 'Streets graded clean', 'Target')).toBe('95%')
      expect(raw(tables[0], 'Streets graded clean', 'Statistical Neighbours')).toBe('90%')
    })

    it('should read "0n" starting the second line of a broken label as the "on" ending its word', () => {
      const {tables} = fromText([
        'Kingst | Kingst | Statistical', '0n22/23 | 0n23/24 | Neighbours',
        'Indicator | Apr-24 | May-24 | Target', '',
        'Streets graded clean | 91% | 92% | 95% | 89% | 88% | 90%', ''
      ].join('\n'))
      expect(tables[0]?.columns.map((c) => c.label)).toEqual(['Apr-24', 'May-24', 'Target', 'Kingston 22/23', 'Kingston 23/24', 'Statistical Neighbours'])
    })
  })

  describe('mending names from the rest of the pack', () => {
    const counts = (text: string): Map<string, number> => {
      const out = new Map<string, number>()
      for (const word of wordsOf(text)) out.set(word, (out.get(word) ?? 0) + 1)
      return out
    }
    const row = (indicator: string): KpiRowDraft => ({indicator, measureWord: null, cells: new Map(), page: 1, certain: true})
    const words = counts('weeks weeks weeks or or or and and fly-tipping fly-tipping cleared cleared within within days days ' +
      'reports reports of of visits visits tenants tenants leaseholders leaseholders Percentage Percentage inspected inspected')

    it('should take the better-read copy of the same name, and never a sibling whose known words differ', () => {
      const rows = [row('Pe rcentzg; of fly-tipping reports cleared within 5 dxys'), row('Percentage of fly-tipping reports cleared within 5 days'),
        row('Percentage of tenants visits inspected'), row('Percentage of leaseholders visits inspected')]
      // the better-read copy is in another table (the same indicator reported twice)
      mendNames([rows.slice(0, 1), rows.slice(1)], words)
      expect(rows.map((r) => r.indicator)).toEqual(['Percentage of fly-tipping reports cleared within 5 days', 'Percentage of fly-tipping reports cleared within 5 days',
        'Percentage of tenants visits inspected', 'Percentage of leaseholders visits inspected'])
    })

    it('should part words OCR ran together and mend a garbled word from the word its siblings print there', () => {
      const rows = [row('Visits within 6 weeksor less'), row('Percentage of tenants visits a_%:l inspected'), row('Percentage of leaseholders visits and inspected')]
      mendNames([rows], words)
      expect(rows[0]?.indicator).toBe('Visits within 6 weeks or less')
      expect(rows[1]?.indicator).toBe('Percentage of tenants visits and inspected')
    })

    it('should never give a row the name of a sibling row of the same table, even one with fewer words seen once', () => {
      const repairs = counts('share share of of tenants tenants for for whom whom a a repair repair was was done done within within days days')
      const table = [row('Share of tenants for whom a repair was done within 5 days'), row('Share of tenants for wham a repair was started within 5 days')]
      mendNames([table], repairs)
      expect(table.map((r) => r.indicator)).toEqual(['Share of tenants for whom a repair was done within 5 days', 'Share of tenants for wham a repair was started within 5 days'])
      // the same two names in two tables: the first is the better-read copy of the second
      const [first, second] = [[row('Share of tenants for whom a repair was done within 5 days')], [row('Share of tenants for wham a repair was started within 5 days')]]
      mendNames([first, second], repairs)
      expect(second[0]?.indicator).toBe('Share of tenants for whom a repair was done within 5 days')
    })
  })

  describe('mending OCR text', () => {
    it('should mend month headings by their neighbours', () => {
      expect(mendColumnLabels(['Oct-21', 'Nov-21', 'Dec-21', 'Jan22', 'Feb-22'])).toEqual(['Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Feb-22'])
      expect(mendColumnLabels(['Nov-21', 'Dec-21', 'Jan-21', 'Feb-22'])).toEqual(['Nov-21', 'Dec-21', 'Jan-22', 'Feb-22'])
      expect(mendColumnLabels(['Jan-21', 'Target', 'Mar-22'])).toEqual(['Jan-21', 'Target', 'Mar-22'])
    })

    it('should mend benchmark headings only where OCR damaged them', () => {
      expect(tidyLabel('Statistical Nelghbours')).toBe('Statistical Neighbours')
      expect(tidyLabel('SOUthEast')).toBe('South East')
      expect(tidyLabel('SOUTH EAST')).toBe('SOUTH EAST')
      expect(tidyLabel('North West')).toBe('North West')
    })

    it('should put back commas and decimal points a scanned row shows it prints', () => {
      expect(mendRowFigures(['1,846', '1,903', '2015', '1,788', 'N/A'])).toEqual(['1,846', '1,903', '2,015', '1,788', 'N/A'])
      expect(mendRowFigures(['£4,812', '£4,860', '£4,905', '£5020'])).toEqual(['£4,812', '£4,860', '£4,905', '£5,020'])
      expect(mendRowFigures(['352.4', '348.9', '350.1', '3438', 'TBC'])).toEqual(['352.4', '348.9', '350.1', '343.8', 'TBC'])
      expect(mendRowFigures(['3.1%', '2.8%', '34%', '3.0%', '2.6%'])).toEqual(['3.1%', '2.8%', '3.4%', '3.0%', '2.6%'])
      // Rows that do not agree on a format are left alone.
      expect(mendRowFigures(['26', '24', '2.7', '28', '31'])).toEqual(['26', '24', '2.7', '28', '31'])
      expect(mendRowFigures(['1,922', '15657', '2018', '1,663'])).toEqual(['1,922', '15657', '2018', '1,663'])
      expect(mendRowFigures(['96%', '90%', '718%', '84%'])).toEqual(['96%', '90%', '718%', '84%'])
    })

    it('should tidy names and titles conservatively', () => {
      expect(tidyName(['Number of O', 'contacts ='])).toBe('Number of contacts')
      expect(tidyName(['Percentage of re-', 'referrals within', '12 months'])).toBe('Percentage of re-referrals within 12 months')
      expect(tidyName(['Children in need', 'on a plan (CIN)', 'visited'])).toBe('Children in need on a plan (CIN) visited')
      expect(tidyName(['Plan B', 'cases'], false)).toBe('Plan B cases')
      expect(tidyTitle('Management Support for better Practice _')).toBe('Management Support for better Practice')
      expect(tidyTitle('Housing indicators, Quarter 12024/25')).toBe('Housing indicators, Quarter 1 2024/25')
    })
  })
})
