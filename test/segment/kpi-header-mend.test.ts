// Tests the mending of KPI column headings OCR damaged: months put back from the run they stand in,
// two months run together parted, year pairs with a letter for a figure, measure headings, sibling tables.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import {classifyColumn, mendColumnLabels} from '../../src/segment/kpi-columns.js'
import {unglueYears, type KpiColumnDraft} from '../../src/segment/kpi-header.js'
import {mendLabelsFromSiblings} from '../../src/segment/kpi-mend-labels.js'
import {partGluedMonths} from '../../src/segment/kpi-month-run.js'
import {ocrLine, read} from './kpi-ocr-page.js'

/** The raw cell of the row whose indicator is `indicator` under `column`. */
function raw(table: KpiTable | undefined, indicator: string, column: string): string | undefined {
  return table?.rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.column === column)?.raw
}

const labels = (table: KpiTable | undefined): string[] | undefined => table?.columns.map((c) => c.label)

function columns(...names: string[]): KpiColumnDraft[] {
  return names.map((label) => ({label, ...classifyColumn(label), role: 'value', index: null, x0: null, x1: null}))
}

describe('KPI column headings OCR damaged', () => {
  describe('months mended from their run', () => {
    it('should put back a month whose neighbours imply it, however OCR read it', () => {
      expect(mendColumnLabels(['Sep-23', 'Oct-23', 'Nov-2', 'Dec-23'])).toEqual(['Sep-23', 'Oct-23', 'Nov-23', 'Dec-23'])
      expect(mendColumnLabels(['Jan-24', 'ez', 'Mar-24', 'Target'])).toEqual(['Jan-24', 'Feb-24', 'Mar-24', 'Target'])
      expect(mendColumnLabels(['Q1', 'Jun-23', 'Sep-23', 'Dec-3', 'Mar-24'])).toEqual(['Q1', 'Jun-23', 'Sep-23', 'Dec-23', 'Mar-24'])
    })

    it('should mend a month read as another only where it ends a run and repeats a heading printed before', () => {
      const read = ['Jan-24', 'Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jan-24', 'Target', 'England']
      expect(mendColumnLabels(read)).toEqual(['Jan-24', 'Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jun-24', 'Target', 'England'])
      expect(mendColumnLabels(['Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jan-24'])).toEqual(['Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jan-24'])
    })

    it('should keep months printed out of step, and headings that are no garbled month', () => {
      expect(mendColumnLabels(['Jan-24', 'Feb-24', 'Mar-24', 'Jun-24', 'Target'])).toEqual(['Jan-24', 'Feb-24', 'Mar-24', 'Jun-24', 'Target'])
      expect(mendColumnLabels(['Apr-23', 'May-23', 'Jun-23', 'Jun-24'])).toEqual(['Apr-23', 'May-23', 'Jun-23', 'Jun-24'])
      expect(mendColumnLabels(['Apr-23', 'Target', 'Jun-23'])).toEqual(['Apr-23', 'Target', 'Jun-23'])
      expect(mendColumnLabels(['Apr-23', 'Year to date', 'Jun-23'])).toEqual(['Apr-23', 'Year to date', 'Jun-23'])
      expect(mendColumnLabels(['Apr-23', 'Nov-23', 'Jun-23'])).toEqual(['Apr-23', 'Nov-23', 'Jun-23'])
    })

    it('should mend a month its mended neighbour shows the run to ("Nov-211" before "Dec-2")', () => {
      expect(mendColumnLabels(['Oct-21', 'Nov-211', 'Dec-2', 'Jan22', 'Feb-22'])).toEqual(['Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Feb-22'])
    })

    it('should print a mended month like its neighbours', () => {
      expect(mendColumnLabels(['JAN 2024', 'FEB 2O24', 'MAR 2024'])).toEqual(['JAN 2024', 'FEB 2024', 'MAR 2024'])
    })
  })

  describe('words OCR ran together or broke', () => {
    it('should part two consecutive months read as one word, and keep a range', () => {
      expect(partGluedMonths('Nov-23-Dee-23', (t) => t.replace('Dee', 'Dec'))).toEqual(['Nov-23', 'Dec-23'])
      expect(partGluedMonths('Dec-23Jan-24', (t) => t)).toEqual(['Dec-23', 'Jan-24'])
      expect(partGluedMonths('Apr-23-Mar-24', (t) => t)).toEqual(['Apr-23-Mar-24'])
    })

    it('should read a letter in a year pair as the figure it stands for, parted from the word before', () => {
      expect(unglueYears('Kingstonl9/20')).toBe('Kingston 19/20')
      expect(unglueYears('Kingston 2O/21')).toBe('Kingston 20/21')
      expect(unglueYears('Kingston 19/20')).toBe('Kingston 19/20')
      expect(unglueYears('Grade l9/23')).toBe('Grade l9/23')
    })
  })

  describe('on invented OCR pages', () => {
    it('should part months run together and mend a garbled one, every figure under its month', () => {
      const [table] = read([
        ocrLine(100, 'Indicator Jul-23 Aug-23-Sep-23 Oct-23 ae Dec-23 Target'),
        ocrLine(130, 'Potholes filled 110 120 130 140 150 160 170')
      ])
      expect(labels(table)).toEqual(['Jul-23', 'Aug-23', 'Sep-23', 'Oct-23', 'Nov-23', 'Dec-23', 'Target'])
      expect(raw(table, 'Potholes filled', 'Sep-23')).toBe('130')
      expect(raw(table, 'Potholes filled', 'Nov-23')).toBe('150')
      expect(raw(table, 'Potholes filled', 'Target')).toBe('170')
    })

    it('should join a label broken over two lines when OCR put debris or a letter for a figure into its second line', () => {
      const [table] = read([
        ocrLine(100, 'Kingst | Kingst | Statistical'),
        ocrLine(112, 'onl9/20 | iP¥80n20/21 | Neighbours'),
        ocrLine(130, 'Indicator Apr-24 May-24 Target'),
        ocrLine(160, 'Streets graded clean 91% 92% 95% 89% 88% 90%')
      ])
      expect(labels(table)).toEqual(['Apr-24', 'May-24', 'Target', 'Kingston 19/20', 'Kingston 20/21', 'Statistical Neighbours'])
      expect(raw(table, 'Streets graded clean', 'Kingston 20/21')).toBe('88%')
    })

    it('should read two months damaged in their years with no rule between them as two columns', () => {
      const [table] = read([
        ocrLine(100, 'Indicator Outturntype | Oct-21 | Nov-211 Dec-2 | Jan-22 | Feb-22 | Target'),
        ocrLine(130, 'Homes let NUMBER | 10 | 11 | 12 | 13 | 14 | 15')
      ])
      expect(labels(table)).toEqual(['Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Feb-22', 'Target'])
      expect(raw(table, 'Homes let', 'Dec-21')).toBe('12')
    })

    it('should take a damaged measure heading for the measure column, not shift the figures under it', () => {
      for (const heading of ['Qutum type', 'Ouuumn tvpe']) {
        const [table] = read([
          ocrLine(100, `Indicator ${heading} Jan-24 Feb-24 Mar-24 Target`),
          ocrLine(130, 'Library visits NUMBER 410 420 430 500'),
          ocrLine(160, 'Visits online PERCENTAGE 41% 42% 43% 50%')
        ])
        expect(labels(table)).toEqual(['Jan-24', 'Feb-24', 'Mar-24', 'Target'])
        expect(raw(table, 'Library visits', 'Jan-24')).toBe('410')
        expect(raw(table, 'Visits online', 'Target')).toBe('50%')
        expect(table?.rows.find((r) => r.indicator === 'Visits online')?.measure).toBe('percentage')
      }
    })
  })

  describe('labels mended from sibling tables', () => {
    it('should never turn a true month into another one sibling tables print more often', () => {
      const headers = [
        columns('Apr-24', 'May-24', 'Jun-24', 'Target'),
        columns('Apr-24', 'May-24', 'Jun-24', 'Target'),
        columns('Jan-24', 'Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jan-24'),
        columns('Jan-24', 'Apr-24', 'May-24'),
        columns('Jan-24', 'Apr-24', 'May-24')
      ]
      mendLabelsFromSiblings(headers)
      expect(headers[0]!.map((c) => c.label)).toEqual(['Apr-24', 'May-24', 'Jun-24', 'Target'])
    })

    it('should take the spelling of a benchmark from siblings, a year pair OCR read without its stroke included', () => {
      const headers = [columns('Jan-24', 'Kingstn 22/23', 'Kingston 2223'), columns('Jan-24', 'Kingston 22/23', 'Kingston 22/23'), columns('Feb-24', 'Kingston 22/23')]
      mendLabelsFromSiblings(headers)
      expect(headers[0]!.map((c) => c.label)).toEqual(['Jan-24', 'Kingston 22/23', 'Kingston 22/23'])
    })

    it('should restore a year pair\'s lost stroke from a sibling even where as many tables print each spelling', () => {
      const headers = [columns('Jan-24', 'Kingston 2223'), columns('Jan-24', 'Kingston 22/23')]
      mendLabelsFromSiblings(headers)
      expect(headers.map((h) => h[1]!.label)).toEqual(['Kingston 22/23', 'Kingston 22/23'])
      expect(headers[0]![1]!.period).toBe('2022-23')
    })

    it('should give a heading OCR read as no heading the one sibling tables print in its place', () => {
      const headers = [
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'Wdlcs'),
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'Wales'),
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'Wales')
      ]
      mendLabelsFromSiblings(headers)
      expect(headers[0]!.map((c) => [c.label, c.kind])).toContainEqual(['Wales', 'benchmark'])
    })

    it('should leave a heading alone where siblings differ in another column or disagree in its place', () => {
      const headers = [
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'Comments'),
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'Wales'),
        columns('Jan-24', 'Feb-24', 'Target', 'Statistical Neighbours', 'England')
      ]
      mendLabelsFromSiblings(headers)
      expect(headers[0]![4]!.label).toBe('Comments')
    })
  })
})
