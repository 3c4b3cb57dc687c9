// Tests placing a one-per-line row that lost figures by the same indicator's row in another table:
// the matching of figures in order, and the whole segmenter on OCR text with such a pair of tables.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {PageMessage} from '../../src/messages.js'
import {readText} from '../../src/read/text.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {uniqueAlignment} from '../../src/segment/kpi-sibling-rows.js'

describe('uniqueAlignment', () => {
  it('should place figures in order, skipping the columns whose figures were lost', () => {
    expect(uniqueAlignment(['24%', '27%', '29%', '22%'], ['24%', '27%', '25%', '29%', '22%'])).toEqual([0, 1, 3, 4])
  })

  it('should take a figure one OCR slip from the one printed there ("T9%" for "79%")', () => {
    expect(uniqueAlignment(['85%', 'T9%', '82%', '90%'], ['85%', '88%', '79%', '82%', '90%'])).toEqual([0, 2, 3, 4])
  })

  it('should refuse when the figures fit in two ways, or too few read as printed', () => {
    expect(uniqueAlignment(['90%', '91%'], ['90%', '90%', '91%'])).toBeNull()
    expect(uniqueAlignment(['15%', '26%', '37%'], ['14%', '25%', '36%', '40%'])).toBeNull()
    expect(uniqueAlignment(['5', '7'], ['5', '6', '8'])).toBeNull()
  })
})

/** OCR text printing each cell on a line of its own, a blank line between, as scanned narrow tables read. */
function oneCellPerLine(title: string, rows: string[][]): string {
  return [title, 'Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Target', ...rows.flat()].join('\n\n')
}

function read(text: string): {rows: Array<[string, string[]]>; warnings: string[]} {
  const file = new VFile({path: 'pack.txt'})
  const tree = readText(text, file)
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  const rows = (file.data.kpiTables ?? []).flatMap((t) => t.rows.map((r): [string, string[]] => [r.indicator, r.cells.map((c) => c.raw)]))
  return {rows, warnings: (file.messages as PageMessage[]).map((m) => `${m.ruleId}: ${m.reason}`)}
}

describe('KPI rows placed by the same indicator in another table (OCR text, one cell per line)', () => {
  const summary = oneCellPerLine('Summary of performance', [
    ['Repairs done on time', 'PERCENTAGE', '81%', '82%', '83%', '84%', '90%'],
    ['Homes let in the month', 'NUMBER', '10', '11', '12', '13', '15']
  ])
  const detail = (figures: string[]): string => oneCellPerLine('Repairs in detail', [
    ['Repairs done on time', 'PERCENTAGE', ...figures],
    ['Repairs done late', 'PERCENTAGE', '19%', '18%', '17%', '16%', '10%']
  ])

  it('should place a row missing a figure as its copy in the other table reads, the lost column empty and warned', () => {
    const {rows, warnings} = read(`${summary}\n\n${detail(['81%', '82%', '84%', '90%'])}`)
    expect(rows.filter(([name]) => name === 'Repairs done on time')).toEqual([
      ['Repairs done on time', ['81%', '82%', '83%', '84%', '90%']],
      ['Repairs done on time', ['81%', '82%', '', '84%', '90%']]
    ])
    expect(warnings.some((w) => w.startsWith('kpi-cell-uncertain') && w.includes('no figure read for Jun-24 (left empty)'))).toBe(true)
  })

  it('should leave the row out, warned, where no other table prints the indicator', () => {
    const {rows, warnings} = read(detail(['81%', '82%', '84%', '90%']))
    expect(rows.map(([name]) => name)).toEqual(['Repairs done late'])
    expect(warnings.some((w) => w.startsWith('kpi-table-uncertain') && w.includes('"Repairs done on time"'))).toBe(true)
  })
})
