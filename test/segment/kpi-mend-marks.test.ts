// Tests mending marks OCR misread in indicator-name words it was unsure of ("%" after letters,
// "[" … ")"): invented OCR pages (each word's confidence given) and the same words as a text layer.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import type {KpiRowDraft, NameWord} from '../../src/segment/kpi-body.js'
import {mendMarks} from '../../src/segment/kpi-mend-marks.js'
import {asTextLayer, ocrLine, read, SURE} from './kpi-ocr-page.js'

/** An invented lettings table: "[WL%)" and "(TS]" misread with low confidence. */
const PAGE = [
  'Housing lettings',
  'Indicator | Jan-24 | Feb-24 | Mar-24',
  'Homes let to households on the Waiting List [WL%)@39 | 50 | 60 | 70',
  'Homes let to households moving home (TS]@42 | 40 | 45 | 48',
  'Homes let to households in (Temporary Accommodation) | 10 | 12 | 14',
  'Lettings slowed in the spring while homes were repaired.'
]

const names = (tables: KpiTable[]): string[] | undefined => tables[0]?.rows.map((r) => r.indicator)

describe('mending marks in name words', () => {
  it('should drop a "%" after letters and match a bracket pair in words read with low confidence', () => {
    expect(names(read(PAGE.map((text, k) => ocrLine(100 + 30 * k, text))))).toEqual([
      'Homes let to households on the Waiting List (WL)',
      'Homes let to households moving home (TS)',
      'Homes let to households in (Temporary Accommodation)'
    ])
  })

  it('should leave the names of a text layer as printed', () => {
    const tables = read(PAGE.map((text) => text.replace(/@\d+/g, '').replace('WL%', 'A%')).map((text, k) => asTextLayer(ocrLine(100 + 30 * k, text))), 'text-layer')
    expect(names(tables)?.slice(0, 2)).toEqual(['Homes let to households on the Waiting List [A%)', 'Homes let to households moving home (TS]'])
  })

  describe('mendMarks', () => {
    const draft = (indicator: string, nameWords: NameWord[]): KpiRowDraft => ({indicator, measureWord: null, cells: new Map(), page: 1, certain: true, scanned: true, nameWords})
    const read = (text: string, unsure: string, confidence: number): NameWord[] => text.split(' ').map((t) => ({text: t, confidence: t === unsure ? confidence : SURE}))

    it('should leave words read confidently, and a "%" after figures', () => {
      const rows = [draft('Lets to tenants [WL%)', read('Lets to tenants [WL%)', '[WL%)', SURE)), draft('Lets made within 5% [of 9)', read('Lets made within 5% [of 9)', '5%', 0.3))]
      mendMarks(rows)
      expect(rows.map((r) => r.indicator)).toEqual(['Lets to tenants [WL%)', 'Lets made within 5% [of 9)'])
    })

    it('should match a bracket pair over several words when a word holding one of them is unsure', () => {
      const rows = [draft('Lets to tenants [Transfer Scheme)', read('Lets to tenants [Transfer Scheme)', '[Transfer', 0.42)), draft('Lets to tenants [Home Swap)', read('Lets to tenants [Home Swap)', '', 0))]
      mendMarks(rows)
      expect(rows.map((r) => r.indicator)).toEqual(['Lets to tenants (Transfer Scheme)', 'Lets to tenants [Home Swap)'])
    })

    it('should mend "(" … "]" too, and never where that would repeat another row\'s name', () => {
      const rows = [draft('Lets to tenants (TS]', read('Lets to tenants (TS]', '(TS]', 0.4)), draft('Lets to tenants (WL)', read('Lets to tenants (WL)', '', 0)), draft('Lets to tenants (WL]', read('Lets to tenants (WL]', '(WL]', 0.4))]
      mendMarks(rows)
      expect(rows.map((r) => r.indicator)).toEqual(['Lets to tenants (TS)', 'Lets to tenants (WL)', 'Lets to tenants (WL]'])
    })
  })
})
