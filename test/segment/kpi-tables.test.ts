// Tests the KPI table segmenter on the fixture packs (against their answer keys, cell by cell), on
// the seeds (cells a person reads off them) and on invented cases for each table layout.
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {PageMessage} from '../../src/messages.js'
import {readInput} from '../../src/read/index.js'
import {readMarkdown} from '../../src/read/markdown.js'
import {sniffFormat} from '../../src/read/sniff.js'
import {readText} from '../../src/read/text.js'
import {segmentTree} from '../../src/segment/index.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import type {Root} from '../../src/tree/types.js'

const FIXTURES = new URL('../../fixtures/', import.meta.url)
const PACKS = ['wexmoor-scrutiny', 'harbourside-housing', 'layout-variants']
const KINDS = [['markdown', 'md'], ['text', 'txt'], ['pdf-text', 'pdf']] as const

interface Run {
  tables: KpiTable[]
  messages: PageMessage[]
}

/** Reads bytes as the pipeline does (no OCR), runs the other segmenters, then this one. */
async function run(path: string, bytes: Uint8Array): Promise<Run> {
  const file = new VFile({path})
  const tree = await readInput(bytes, sniffFormat(bytes, path), file, {ocr: 'never', getOcrPool: () => { throw new Error('no OCR in tests') }})
  cleanTree(tree, file)
  segmentTree(tree, file) // runs segmentKpiTables after the parts it needs
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

function fromMarkdown(text: string): Run {
  return fromReader(readMarkdown, 'test.md', text)
}

function fromText(text: string): Run {
  return fromReader(readText, 'test.txt', text)
}

/** Reads `text` with one reader, cleans it and runs only the KPI stage. */
function fromReader(read: (text: string, file: VFile) => Root, path: string, text: string): Run {
  const file = new VFile({path})
  const tree = read(text, file)
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

function cellKeys(tables: KpiTable[]): Set<string> {
  return new Set(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => `${r.indicator}|${c.column}|${c.raw}`))))
}

/** The cell of `indicator` (start of the name) under `column`. */
function cell(tables: KpiTable[], indicator: string, column: string): {raw: string; value: number | null} | undefined {
  for (const table of tables) {
    const row = table.rows.find((r) => r.indicator.startsWith(indicator))
    const found = row?.cells.find((c) => c.column === column)
    if (found) return {raw: found.raw, value: found.value}
  }
  return undefined
}

async function seedRun(name: SeedName, format: 'md' | 'txt'): Promise<Run | null> {
  const text = readSeed(name)
  return text === null ? null : run(`seed.${format}`, new TextEncoder().encode(text))
}

describe('segmentKpiTables', () => {
  describe('on the fixture packs', () => {
    for (const pack of PACKS) {
      for (const [kind, ext] of KINDS) {
        it(`should match the answer key of ${kind}/${pack} cell by cell`, async () => {
          const path = new URL(`${kind}/${pack}.${ext}`, FIXTURES)
          if (!existsSync(path)) return
          const key = JSON.parse(readFileSync(new URL(`${kind}/${pack}.expected.json`, FIXTURES), 'utf8')) as {kpiTables: KpiTable[]}
          const {tables} = await run(`${pack}.${ext}`, new Uint8Array(readFileSync(path)))
          expect(cellKeys(tables)).toEqual(cellKeys(key.kpiTables))
          const shape = (list: KpiTable[]): unknown => list.map((t) => [t.page, t.title, t.rag, t.columns, t.rows.map((r) => r.measure)])
          expect(shape(tables)).toEqual(shape(key.kpiTables))
          expect(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.value))))
            .toEqual(key.kpiTables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.value))))
        }, 60_000)
      }
    }

    it('should warn once per unparsed cell with a short reason', async () => {
      const path = new URL('markdown/wexmoor-scrutiny.md', FIXTURES)
      if (!existsSync(path)) return
      const {messages} = await run('wexmoor-scrutiny.md', new Uint8Array(readFileSync(path)))
      const unparsed = messages.filter((m) => m.ruleId === 'kpi-cell-unparsed')
      expect(unparsed).toHaveLength(12)
      expect(unparsed[0]?.reason).toBe('Unexpected "N/A" in a numeric column, expected a number')
      expect(unparsed[0]?.page).toBe(7)
    })
  })

  describe('on the seeds', () => {
    it('should read both tables of the single agency report (seed 002)', async () => {
      const result = await seedRun('agencyReport', 'md')
      if (!result) return
      const {tables} = result
      expect(tables).toHaveLength(2)
      expect(tables[0]?.columns.map((c) => [c.label, c.kind, c.period])).toEqual([
        ['10/11', 'period', '2010-11'], ['11/12', 'period', '2011-12'], ['12/13', 'period', '2012-13'],
        ['13/14 (Oct-Dec)', 'period', '2013-14'], ['SN 12/13', 'benchmark', '2012-13'], ['England 12/13', 'benchmark', '2012-13']
      ])
      expect(cell(tables, 'Rate of referrals received', '12/13')).toEqual({raw: '813', value: 813})
      expect(tables[0]?.rows[0]?.measure).toBe('rate')
      expect(cell(tables, 'Number of Single Assessments', '13/14 (Oct-Dec)')).toEqual({raw: '114', value: 114})
      expect(cell(tables, '% of child protection plans lasting', '11/12')).toEqual({raw: '0.4%', value: 0.4})
      expect(cell(tables, '% of review child protection plans', 'England 12/13')).toEqual({raw: '98%', value: 98})
    }, 60_000)

    it('should read the workforce and the spanned assessments tables (seed 003)', async () => {
      const result = await seedRun('selfEvaluation', 'md')
      if (!result) return
      const {tables} = result
      const workforce = tables.find((t) => t.columns.some((c) => c.label === 'Baseline'))
      expect(workforce?.columns.map((c) => [c.label, c.kind, c.period])).toEqual([
        ['Target', 'target', null], ['Baseline', 'other', null], ['April 2022', 'period', '2022-04']
      ])
      expect(workforce?.rows).toHaveLength(7)
      expect(cell(tables, 'Average length of service', 'April 2022')).toEqual({raw: '10.3', value: 10.3})
      expect(cell(tables, 'Agency Rate (Social workers)', 'Baseline')).toEqual({raw: '34%', value: 34})
      expect(cell(tables, 'Parental Domestic Violence', '2019-20 Number')).toEqual({raw: '1,448', value: 1448})
      expect(cell(tables, 'Parental Mental Health', '2021-22 Q3 Percentage')).toEqual({raw: '35.4%', value: 35.4})
      const spanned = tables.find((t) => t.columns.some((c) => c.label === '2020-21 LAC'))
      expect(spanned?.columns.find((c) => c.label === '2021-22 Q3 CP')?.period).toBe('2021-Q3')
    }, 60_000)

    it('should rebuild the OCR tables of the KPI appendix (seed 000) and say where it guessed', async () => {
      const result = await seedRun('agendaPackA', 'txt')
      if (!result) return
      const {tables, messages} = result
      const first = tables.find((t) => t.title?.startsWith('Effective Assessment'))
      expect(first?.rag).toBe('Amber')
      expect(first?.columns.map((c) => c.label)).toEqual([
        'Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Feb-22', 'Mar-22', 'Apr-22', 'May-22', 'Jun-22', 'Target',
        'Southampton 19/20', 'Southampton 20/21', 'Statistical Neighbours', 'South East', 'England'
      ])
      expect(cell(tables, 'Percentage of re-referrals within 12 months', 'Jun-22')).toEqual({raw: '26%', value: 26})
      expect(cell(tables, 'Rates of Single Assessments', 'Target')).toEqual({raw: '700', value: 700})
      expect(first?.rows.find((r) => r.indicator.startsWith('Rates of Single'))?.measure).toBe('rate')
      expect(cell(tables, 'Percentage of CIN who have had their supervision', 'Oct-21')).toEqual({raw: '67%', value: 67})
      expect(messages.some((m) => m.ruleId === 'kpi-table-uncertain' && m.page === first?.page)).toBe(true)
    }, 60_000)

    it('should not make KPI tables of the narrative pack (seed 004)', async () => {
      const result = await seedRun('agendaPackB', 'txt')
      if (!result) return
      expect(result.tables.every((t) => t.rows.every((r) => r.cells.length === t.columns.length))).toBe(true)
    }, 60_000)
  })

  describe('on invented layouts', () => {
    it('should join a spanned heading over the headings under it', () => {
      const {tables} = fromText([
        'Looked after children', '',
        '\tBrackenford\t\tEngland', '\t19/20\t20/21\t19/20', 'Children looked after per 10,000\t71\t74\t67', ''
      ].join('\n'))
      expect(tables[0]?.columns.map((c) => [c.label, c.kind, c.period])).toEqual([
        ['Brackenford 19/20', 'period', '2019-20'], ['Brackenford 20/21', 'period', '2020-21'], ['England 19/20', 'benchmark', '2019-20']
      ])
      expect(tables[0]?.title).toBe('Looked after children')
      expect(tables[0]?.rows[0]).toEqual({indicator: 'Children looked after per 10,000', measure: 'rate', cells: [
        {column: 'Brackenford 19/20', raw: '71', value: 71, confidence: null}, {column: 'Brackenford 20/21', raw: '74', value: 74, confidence: null}, {column: 'England 19/20', raw: '67', value: 67, confidence: null}
      ]})
    })

    it('should take the measure from an Outturn type column and leave that column out', () => {
      const {tables} = fromMarkdown([
        '## Early help', '', 'RAG: Red', '',
        '| Indicator | Outturn type | Q1 2023/24 | Q2 2023/24 | Target |', '| --- | --- | --- | --- | --- |',
        '| Families supported | NUMBER | 310 | 295 | 300 |', '| Cases closed with needs met | PERCENTAGE | 71 | 69 | 75 |', ''
      ].join('\n'))
      expect(tables[0]?.rag).toBe('Red')
      expect(tables[0]?.title).toBe('Early help')
      expect(tables[0]?.columns.map((c) => [c.label, c.period])).toEqual([['Q1 2023/24', '2023-Q1'], ['Q2 2023/24', '2023-Q2'], ['Target', null]])
      expect(tables[0]?.rows.map((r) => r.measure)).toEqual(['number', 'percentage'])
    })

    it('should keep empty cells and warn about words in figure columns', () => {
      const {tables, messages} = fromMarkdown([
        '| Measure | 2021/22 | 2022/23 | Statistical Neighbours |', '| --- | --- | --- | --- |',
        '| New homes started | | 120 | TBC |', '| Rough sleepers | 12-15 | 9 | 8 |', ''
      ].join('\n'))
      expect(tables[0]?.rows[0]?.cells).toEqual([
        {column: '2021/22', raw: '', value: null, confidence: null}, {column: '2022/23', raw: '120', value: 120, confidence: null},
        {column: 'Statistical Neighbours', raw: 'TBC', value: null, confidence: null}
      ])
      expect(messages.filter((m) => m.ruleId === 'kpi-cell-unparsed').map((m) => m.reason)).toEqual([
        'Unexpected "TBC" in a numeric column, expected a number', 'Unexpected "12-15" in a numeric column, expected a number'
      ])
    })

    it('should put indicator names wrapped under their figures back together', () => {
      const {tables} = fromText([
        'Indicator              Apr-24   May-24   Target',
        'Households in          405      421      380',
        'temporary accommodation',
        'Rent collected         97.1%    97.4%    98.0%',
        'as a share of rent due', ''
      ].join('\n'))
      expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Households in temporary accommodation', 'Rent collected as a share of rent due'])
      expect(tables[0]?.rows[1]?.cells[1]).toEqual({column: 'May-24', raw: '97.4%', value: 97.4, confidence: null})
    })

    it('should rebuild OCR rows from the header column count, mending damaged months', () => {
      const {tables, messages} = fromText([
        'Indicator Outturn type Oct-21 Nov-2l lan-22 Target England',
        'Re-referrals within 12 months PERCENTAGE 24% 25% 26% 20% 22%',
        'Children in need per 10,000 under 18 RATE 350 351 352 TBC 342',
        'Contacts received NUMBER 1,922 1,874 N/A', ''
      ].join('\n'))
      expect(tables[0]?.columns.map((c) => c.label)).toEqual(['Oct-21', 'Nov-21', 'Jan-22', 'Target', 'England'])
      expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Re-referrals within 12 months', 'Children in need per 10,000 under 18'])
      expect(tables[0]?.rows[1]?.cells.map((c) => c.value)).toEqual([350, 351, 352, null, 342])
      expect(messages.find((m) => m.ruleId === 'kpi-table-uncertain')?.reason).toContain('Contacts received')
    })

    it('should join a table continued on the next page under a repeated header', () => {
      const header = 'Indicator\tJan-24\tFeb-24\tTarget'
      const {tables} = fromText([
        'Performance', '', header, 'Calls answered\t3,412\t3,288\t3,000', '\f', header, 'Complaints received\t7\t5\t6', ''
      ].join('\n'))
      expect(tables).toHaveLength(1)
      expect(tables[0]?.page).toBe(1)
      expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Calls answered', 'Complaints received'])
    })

    it('should read a wide table of twelve months, a target and a benchmark', () => {
      const months = ['Apr-23', 'May-23', 'Jun-23', 'Jul-23', 'Aug-23', 'Sep-23', 'Oct-23', 'Nov-23', 'Dec-23', 'Jan-24', 'Feb-24', 'Mar-24']
      const {tables} = fromText([['KPI', ...months, 'Target', 'Regional average'].join('\t'),
        ['Missed bins per 100,000', ...months.map((_, i) => String(40 + i)), '50', '55.5'].join('\t'), ''].join('\n'))
      expect(tables[0]?.columns).toHaveLength(14)
      expect(tables[0]?.columns[13]).toEqual({label: 'Regional average', kind: 'benchmark', period: null})
      expect(tables[0]?.rows[0]?.measure).toBe('rate')
      expect(tables[0]?.rows[0]?.cells[11]).toEqual({column: 'Mar-24', raw: '51', value: 51, confidence: null})
    })

    it('should not take prose or contents tables for KPI tables', () => {
      const {tables} = fromText([
        'In 2019/20 the rate was 413 per 10,000, in 2020/21 it was 320 against England at 164.', '',
        'Introduction\t2', 'Leadership\t5', '',
        'Team\tAudits\tReviews\tTotal', 'Fostering\t18\t0\t18', ''
      ].join('\n'))
      expect(tables).toEqual([])
    })
  })
})
