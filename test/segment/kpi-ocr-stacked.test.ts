// Tests KPI tables OCR'd from pages that print one cell per line (a narrow layout in large type),
// where a speck read after a figure must not end the table.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import type {Line} from '../../src/tree/types.js'
import {asTextLayer, read, readRun, stackedCells as cells} from './kpi-ocr-page.js'

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

  describe('rows whose figure lines OCR lost, placed by line pitch', () => {
    const header: string[][][] = [[['Indicator']], [['Outturn', 'type']], [['Jan-24']], [['Feb-24']], [['Mar-24']], [['Apr-24']], [['May-24']], [['Target']]]
    const {tables, messages} = readRun(cells([
      ...header,
      [['Homes', 'let', 'in'], ['the', 'month']], [['NUMBER']], [['10']], [['11']], [['12']], [['13']], [['14']], [['15']],
      [['Repairs', 'done'], ['on', 'time']], [['PERCENTAGE']], [['81%']], [['82%']], [], [['84%']], [['85%']], [['90%']],
      [['Void', 'homes']], [['NUMBER']], [['7']], [['6']], [['5']], [['4']], [['3']], [],
      [['Rent', 'arrears', 'per'], ['1,000', 'homes']], [['RATE']], [], [['1', '19']], [['120']], [['121']], [['122']], [['125']],
      [['Complaints']], [['NUMBER']], [['9']], [['8']], [['7']], [['6']], [['5']], []
    ]))
    const rows = tables[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])
    const warnings = (code: string): string[] => messages.filter((m) => m.ruleId === code).map((m) => m.reason)

    it('should leave a lost figure\'s column empty and keep the others in their columns', () => {
      expect(rows).toContainEqual(['Homes let in the month', ['10', '11', '12', '13', '14', '15']])
      expect(rows).toContainEqual(['Repairs done on time', ['81%', '82%', '', '84%', '85%', '90%']])
    })

    it('should place a lost last figure by the next row\'s name, and a lost first one by the measure word', () => {
      expect(rows).toContainEqual(['Void homes', ['7', '6', '5', '4', '3', '']])
      expect(rows).toContainEqual(['Rent arrears per 1,000 homes', ['', '119', '120', '121', '122', '125']])
    })

    it('should leave out a row whose lost figure no line below shows (the table\'s last row)', () => {
      expect(rows?.map(([indicator]) => indicator)).not.toContain('Complaints')
      expect(warnings('kpi-table-uncertain').some((w) => w.includes('"Complaints"'))).toBe(true)
    })

    it('should warn for each placed row, naming the empty columns and the figure read in pieces', () => {
      const placed = warnings('kpi-cell-uncertain')
      expect(placed).toHaveLength(3)
      expect(placed[0]).toContain('no figure read for Mar-24 (left empty)')
      expect(placed[1]).toContain('no figure read for Target (left empty)')
      expect(placed[2]).toContain('"1 19" read as one figure "119" (Feb-24)')
    })
  })

  describe('a month heading OCR read with a speck after it as a colon ("Jun-24:")', () => {
    const tables = fromOcr(cells([
      [['Indicator']], [['Outturn', 'type']], [['Apr-24']], [['May-24']], [['Jun-24:']], [['Target']],
      [['Homes', 'let']], [['NUMBER']], [['10']], [['11']], [['12']], [['13']]
    ]))

    it('should keep the heading in the header, without the speck', () => {
      expect(tables[0]?.columns.map((c) => c.label)).toEqual(['Apr-24', 'May-24', 'Jun-24', 'Target'])
      expect(tables[0]?.rows[0]?.cells.map((c) => c.raw)).toEqual(['10', '11', '12', '13'])
    })

    it('should not take a caption ending in a colon on a text layer for a heading', () => {
      const layer = read(cells([[['Indicator']], [['Apr-24']], [['May-24']], [['Jun-24:']], [['Target']], [['Homes', 'let']], [['10']], [['11']], [['12']], [['13']]]).map(asTextLayer), 'text-layer')
      expect(layer[0]?.columns.map((c) => c.label) ?? []).not.toContain('Jun-24')
    })
  })

  describe('"N/A" read with its slash misread, and a figure with a speck before it', () => {
    const tables = fromOcr(cells([
      [['Indicator']], [['Outturn', 'type']], [['Apr-24']], [['May-24']], [['Jun-24']], [['Target']],
      [['Homes', 'let']], [['NUMBER']], [['10']], [['.11']], [['12']], [['NVA']],
      [['Void', 'homes']], [['NUMBER']], [['4']], [['3']], [['2']], [['1']]
    ]))

    it('should take "NVA" for the row\'s last cell, not a word of the next row\'s name', () => {
      expect(tables[0]?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])).toEqual([
        ['Homes let', ['10', '.11', '12', 'NVA']],
        ['Void homes', ['4', '3', '2', '1']]
      ])
    })
  })

  describe('a row printed a figure short at an even pitch, one line of it read in pieces ("3 6%")', () => {
    const header: string[][][] = [[['Indicator']], [['Outturn', 'type']], [['Jan-24']], [['Feb-24']], [['Mar-24']], [['Apr-24']], [['May-24']], [['Target']]]
    const {tables, messages} = readRun(cells([
      [['Repairs', 'summary']], ...header,
      [['Repairs', 'done'], ['on', 'time']], [['PERCENTAGE']], [['81%']], [['82%']], [['83%']], [['86%']], [['85%']], [['90%']],
      [['Repairs', 'in', 'detail']], ...header,
      [['Repairs', 'done'], ['on', 'time']], [['PERCENTAGE']], [['81%']], [['82%']], [['3', '6%']], [['85%']], [['90%']],
      [['Repairs', 'done', 'late']], [['PERCENTAGE']], [['19%']], [['18%']], [['17%']], [['14%']], [['15%']], [['10%']]
    ]))

    it('should read the pieces as one figure and place the row as the other table\'s row of the indicator reads', () => {
      expect(tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.raw)))).toEqual([
        [['81%', '82%', '83%', '86%', '85%', '90%']],
        [['81%', '82%', '', '36%', '85%', '90%'], ['19%', '18%', '17%', '14%', '15%', '10%']]
      ])
      expect(messages.some((m) => m.ruleId === 'kpi-cell-uncertain' && m.reason.includes('no figure read for Mar-24 (left empty)'))).toBe(true)
    })
  })
})
