// Seeds printed into text-layer PDFs (in memory, wrapped Helvetica, "Page N" footers, crowded pages
// spilling over, wide tables shrunk to fit): their KPI tables must read as from the seed texts, cell by cell.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import {extract} from '../../src/extract.js'
import {seedLayout} from '../../scripts/render-seed-pages.js'
import {renderSeedPdf, type SeedType} from '../../scripts/render-seed-pdf.js'
import {haveSeeds, readSeed, SEEDS, type SeedName} from '../../seeds/seeds.js'

/** The KPI tables of a seed printed to a text-layer PDF (in our printer's type sizes unless given). */
async function renderedTables(name: SeedName, type?: SeedType): Promise<KpiTable[]> {
  const pdf = await renderSeedPdf(seedLayout(readSeed(name)!, SEEDS[name].file), undefined, type)
  return (await extract({path: `${name}.pdf`, data: new Uint8Array(pdf)}, {ocr: 'never'})).pack.kpiTables
}

/** Raw text of the cell of `indicator` (start of the name) under `column`, in the table titled `title` (start) if given. */
function raw(tables: KpiTable[], indicator: string, column: string, title?: string): string | undefined {
  for (const table of tables.filter((t) => title === undefined || t.title?.startsWith(title))) {
    const found = table.rows.find((r) => r.indicator.startsWith(indicator))?.cells.find((c) => c.column === column)
    if (found) return found.raw
  }
  return undefined
}

describe.skipIf(!haveSeeds())('KPI tables of seed renderings (text-layer PDF)', () => {
  it('should read the year table that runs over a page break (seed 004)', async () => {
    const tables = await renderedTables('agendaPackB')
    expect(raw(tables, 'Drug Offences', '2020')).toBe('3')
    expect(raw(tables, 'Drug Offences', '2023')).toBe('1')
    expect(raw(tables, 'Violence against the person', '2021')).toBe('4')
    expect(raw(tables, 'Violence against the person', '2023')).toBe('22')
  }, 60_000)

  it('should keep names wrapped below their figures with their rows, over page breaks and in word cells (seed 002)', async () => {
    const tables = await renderedTables('agencyReport')
    expect(tables.flatMap((t) => t.rows.map((r) => r.indicator))).toEqual([
      'Rate of referrals received per 10,000', '% or re-referrals within 1 year', 'Number of initial assessments per 10 000',
      'Number of core assessments per 10 000', 'Number of Single Assessments completed',
      'Number of children with child protection plans per 10 000', '% of child protection plans lasting 2 years or more',
      '% of review child protection plans reviewed within timescales', '% of children subject to child protection plan for a second or subsequent time'
    ])
    expect(raw(tables, '% or re-referrals', '12/13')).toBe('31%')
    expect(raw(tables, 'Number of Single Assessments', '13/14 (Oct-Dec)')).toBe('114')
    expect(raw(tables, 'Number of Single Assessments', 'SN 12/13')).toBe('New measure')
  }, 60_000)

  it('should read the one-cell-per-line appendix tables (seed 000), a figure at a page top included', async () => {
    const tables = await renderedTables('agendaPackA')
    expect(raw(tables, 'Percentage of re-referrals within 12 months', 'Jun-22')).toBe('26%')
    expect(raw(tables, 'Rates of Single Assessments', 'Oct-21', 'Right Service')).toBe('376')
    expect(raw(tables, 'Rates of Single Assessments', 'England', 'Right Service')).toBe('518')
    expect(raw(tables, 'Percentage of CIN who have had their supervision', 'Oct-21')).toBe('67%')
  }, 60_000)

  it('should join header and rows a larger type wrapped at the margin (seed 000 at 11 pt)', async () => {
    const tables = await renderedTables('agendaPackA', {body: 11, min: 11})
    const first = tables.find((t) => t.title?.startsWith('Effective Assessment'))
    expect(first?.columns.map((c) => c.label).slice(8, 12)).toEqual(['Jun-22', 'Target', 'Southampton 19/20', 'Southampton 20/21'])
    expect(raw(tables, 'Percentage of re-referrals within 12 months', 'Southampton 19/20')).toBe('28%')
    expect(raw(tables, 'Percentage of C&F assessments completed within 45 working days', 'Statistical Neighbours')).toBe('T74%')
    expect(raw(tables, 'Percentage of C&F assessments completed within 45 working days', 'England')).toBe('69%')
  }, 60_000)

  it('should take a heading wrapped onto a line of its own into the header (seed 000 at 12 pt)', async () => {
    const tables = await renderedTables('agendaPackA', {body: 12, min: 12})
    expect(raw(tables, 'Percentage of CIN who have had their supervision', 'Target', 'Management Support')).toBe('80%')
    expect(raw(tables, 'Percentage of CIN who have had their supervision', 'England', 'Management Support')).toBe('N/A')
  }, 60_000)

  it('should read the wide spanned table a printer shrank to fit, tight columns and a code column beside the names (seed 003)', async () => {
    const tables = await renderedTables('selfEvaluation')
    const assessments = tables.find((t) => t.title === 'Assessments')
    expect(assessments?.columns).toHaveLength(16)
    expect(assessments?.rows.map((r) => r.indicator).slice(2, 6)).toEqual([
      'CSE (factor)', 'CCE (factor)', 'FGM (factor)', 'Parental Alcohol Misuse (factor)'
    ])
    expect(raw(tables, 'Parental Domestic Violence', '2019-20 Number')).toBe('1,448')
    expect(raw(tables, 'Parental Mental Health', '2021-22 Q3 Percentage')).toBe('35.4%')
    expect(raw(tables, '% of Staff with over 5 years\' service (Social workers)', 'Target')).toBe('43%')
  }, 60_000)

  it('should keep centred cells with their figures where rows are set apart (seed 003 as HTML prints it)', async () => {
    const tables = await renderedTables('selfEvaluation', {body: 10, min: 8, cells: 'middle', rowGap: 3})
    expect(tables.find((t) => t.title === 'Assessments')?.rows.map((r) => r.indicator).slice(5)).toEqual([
      'Parental Alcohol Misuse (factor)', 'Parental Substance Misuse (factor)', 'Parental Domestic Violence (factor)', 'Parental Mental Health (factor)'
    ])
    expect(raw(tables, 'Parental Substance Misuse', '2020-21 LAC')).toBe('23')
  }, 60_000)
})

