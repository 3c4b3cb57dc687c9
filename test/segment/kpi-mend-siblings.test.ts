// Tests mending indicator-name words OCR was unsure of from a sibling row of the same table, by
// word confidence: invented OCR pages (each word's confidence given) and the same words as a text layer.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import type {KpiRowDraft, NameWord} from '../../src/segment/kpi-body.js'
import {alignWords, mendFromSiblings} from '../../src/segment/kpi-mend-siblings.js'
import {asTextLayer, ocrLine, read, SURE} from './kpi-ocr-page.js'

/** An invented repairs table: "wham" and "dane" misread with low confidence; "started", "5" and "homes" real differences. */
const PAGE = [
  'Housing repairs',
  'Indicator | Jan-24 | Feb-24 | Mar-24',
  'Share of tenants for whom a repair was done within 2 days (2 Working Days) | 50% | 60% | 70%',
  'Share of tenants for wham@31 a repair was started within 5 days (5 Working Days) | 40% | 45% | 48%',
  'Share of homes for whom a check was dane@22 within 9 weeks | 80% | 85% | 90%',
  'Repairs started late were done again within the month.'
]

const names = (tables: KpiTable[]): string[] | undefined => tables[0]?.rows.map((r) => r.indicator)

describe('mending name words from sibling rows', () => {
  it('should mend a low-confidence word from the sibling row and keep confidently read words that differ', () => {
    const tables = read(PAGE.map((text, k) => ocrLine(100 + 30 * k, text)))
    expect(names(tables)).toEqual([
      'Share of tenants for whom a repair was done within 2 days (2 Working Days)',
      // "wham" (0.31) mended; "started" and "5" were read confidently: real differences between the rows
      'Share of tenants for whom a repair was started within 5 days (5 Working Days)',
      // "dane" (0.22) has no sibling that agrees on most words: left as read
      'Share of homes for whom a check was dane within 9 weeks'
    ])
  })

  it('should leave the names of a text layer as printed', () => {
    const tables = read(PAGE.map((text) => text.replace(/@\d+/g, '')).map((text, k) => asTextLayer(ocrLine(100 + 30 * k, text))), 'text-layer')
    expect(names(tables)?.[1]).toBe('Share of tenants for wham a repair was started within 5 days (5 Working Days)')
  })

  describe('mendFromSiblings', () => {
    const sure = (text: string): NameWord[] => text.split(' ').map((t) => ({text: t, confidence: SURE}))
    const draft = (indicator: string, nameWords: NameWord[], scanned = true): KpiRowDraft =>
      ({indicator, measureWord: null, cells: new Map(), page: 1, certain: true, scanned, nameWords})
    const counts = new Map([['visits', 5], ['made', 5], ['on', 5], ['time', 5], ['to', 5], ['flats', 5], ['lets', 5], ['this', 5], ['year', 5]])

    it('should mend a word read not quite confidently that the pack uses nowhere else, but not one read confidently', () => {
      const rows = [
        draft('Visits made on time to flats this year', sure('Visits made on time to flats this year')),
        // "lodges", read at 0.95, is printed nowhere else too (as "Care Leaver" beside "CPP")
        draft('Visits mabe on time to lodges this year', [...sure('Visits'), {text: 'mabe', confidence: 0.7}, ...sure('on time to lodges this year')])
      ]
      mendFromSiblings(rows, counts)
      expect(rows[1]?.indicator).toBe('Visits made on time to lodges this year')
    })

    it('should never take a word from a sibling where that would give two rows one name', () => {
      const rows = [draft('Visits made to flats', sure('Visits made to flats')), draft('Visits made to lets', [...sure('Visits made to'), {text: 'lets', confidence: 0.3}])]
      mendFromSiblings(rows, counts)
      expect(rows[1]?.indicator).toBe('Visits made to lets')
    })

    it('should leave rows not read by OCR as printed', () => {
      const printed = (text: string): NameWord[] => text.split(' ').map((t) => ({text: t, confidence: null}))
      const rows = [draft('Visits made on time to flats this year', printed('Visits made on time to flats this year'), false), draft('Visits mabe on time to lodges this year', printed('Visits mabe on time to lodges this year'), false)]
      mendFromSiblings(rows, counts)
      expect(rows[1]?.indicator).toBe('Visits mabe on time to lodges this year')
    })
  })

  describe('alignWords', () => {
    it('should pair the words of two lists by the fewest edits, substitutions included', () => {
      expect(alignWords(['for', 'pho', 'a', 'visit'], ['for', 'whom', 'a', 'visit'])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]])
      expect(alignWords(['of', 'care', 'leaver', 'who'], ['of', 'care', 'who'])).toEqual([[0, 0], [1, 1], [3, 2]])
      expect(alignWords([], ['a'])).toEqual([])
    })
  })
})
