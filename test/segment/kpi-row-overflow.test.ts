// Tests KPI rows OCR'd with more figures than columns: a rule read as "1", a figure's leading "1" split
// off, a row's wrapped last figure, and a paragraph number after a one-cell-per-line table.
import {describe, expect, it} from 'vitest'
import type {KpiTable} from '../../src/compile/model.js'
import {splitMerged} from '../../src/segment/kpi-merged.js'
import {mendOverflow} from '../../src/segment/kpi-row-overflow.js'
import {line, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'
import {read} from './kpi-ocr-page.js'

const CHAR_PT = 5
const BOX_PT = 8
/** Cells of a one-per-line table a blank line apart; the lines of one cell single-spaced. */
const CELL_PT = 24
const LINE_PT = 12

/** One OCR'd line of words 3 pt apart from x = 50, read with confidence 0.9. */
function placed(y: number, words: string[]): Line {
  let at = 50
  const made = words.map((text) => {
    const x0 = at
    at = x0 + CHAR_PT * text.length + 3
    return word(text, {page: 1, bbox: [x0, y, x0 + CHAR_PT * text.length, y + BOX_PT], confidence: 0.9})
  })
  return line(made, {page: 1, confidence: 0.9})
}

const fromOcr = (lines: Line[]): KpiTable[] => read(lines, 'ocr')
const cellsOf = (table: KpiTable | undefined): Array<[string, string[]]> => table?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)]) ?? []
const tokens = (texts: string[]) => texts.map((text) => ({text, confidence: 0.9, width: null}))

describe('KPI rows OCR read with more figures than columns', () => {
  describe('a figure whose leading "1" OCR split off ("62 1 16" for "62 116")', () => {
    const tables = fromOcr([
      placed(80, ['Library', 'Visits']),
      placed(100, ['Indicator', 'Outturn', 'type', 'Apr-24', 'May-24', 'Jun-24', 'Target']),
      placed(120, ['Books', 'lent']),
      placed(132, ['per', 'head', 'RATE', '62', '1', '16', '171', '200']),
      placed(150, ['Visits', 'made', 'NUMBER', '30', '31', '32', '33'])
    ])

    it('should join the "1" to the figure after it and keep the row\'s first figure out of the name', () => {
      expect(cellsOf(tables[0])).toEqual([
        ['Books lent per head', ['62', '116', '171', '200']],
        ['Visits made', ['30', '31', '32', '33']]
      ])
    })
  })

  describe('a row whose rule after the measure word OCR read as "1" and whose last figure wrapped onto a line of its own', () => {
    const tables = fromOcr([
      placed(80, ['Library', 'Visits']),
      placed(100, ['Indicator', 'Outturn', 'type', 'Apr-24', 'May-24', 'Jun-24', 'Target']),
      placed(120, ['Loans', 'renewed']),
      placed(132, ['online', 'PERCENTAGE', '1', '81%', '83%', '85%']),
      placed(144, ['90%']),
      placed(160, ['Visits', 'made', 'NUMBER', '30', '31', '32', '33'])
    ])

    it('should read the wrapped figure as the row\'s last cell, never as a word of a name', () => {
      expect(cellsOf(tables[0])).toEqual([
        ['Loans renewed online', ['81%', '83%', '85%', '90%']],
        ['Visits made', ['30', '31', '32', '33']]
      ])
    })
  })

  describe('mending one row\'s figures', () => {
    it('should leave a run alone when the lone "1"s do not account for the figures too many', () => {
      expect(mendOverflow(tokens(['5', '6', '7', '8', '9']), 4, false)).toBeNull()
    })

    it('should drop a "1" after the measure word and join a split one in the same run', () => {
      expect(mendOverflow(tokens(['1', '40', '1', '25', '7']), 3, true)?.map((t) => t.text)).toEqual(['40', '125', '7'])
    })
  })

  describe('a one-cell-per-line table followed by a paragraph number whose point OCR lost', () => {
    let y = 60
    const cell = (...parts: string[][]): Line[] => {
      const out = parts.map((words, k) => placed(y + k * LINE_PT, words))
      y += (parts.length - 1) * LINE_PT + CELL_PT
      return out
    }
    const tables = fromOcr([
      ...cell(['Indicator']), ...cell(['2021']), ...cell(['2022']), ...cell(['2023']), ...cell(['2024']),
      ...cell(['Bikes', 'stolen']), ...cell(['5']), ...cell(['6']), ...cell(['7']), ...cell(['8']),
      ...cell(['Cars', 'damaged'], ['in', 'the', 'year', '3', '1', '4', '22.']),
      ...cell(['14']),
      ...cell(['Response', 'and', 'outcomes']),
      ...cell(['The', 'partnership', 'has', 'worked', 'on', 'these', 'offences', 'all', 'year', 'and', 'reports', 'on', 'them', 'below.'])
    ])

    it('should keep the number out of the last row and read that row\'s figures without the speck after them', () => {
      expect(cellsOf(tables[0])).toEqual([
        ['Bikes stolen', ['5', '6', '7', '8']],
        ['Cars damaged in the year', ['3', '1', '4', '22']]
      ])
    })
  })

  describe('one OCR word read out of three cells, its rules lost ("11111999" for "111 | 119 | 99")', () => {
    // figures 4 pt a character, 10 pt apart; the merged word is as wide as three figures and two gaps
    const at = (text: string, x0: number, x1: number) => ({text, confidence: 0.5, width: x1 - x0, x0})
    const run = [at('180', 100, 112), at('23', 122, 130), at('11111999', 140, 192), at('125', 202, 214), at('137', 224, 236), at('140', 246, 258)]

    it('should cut it into as many figures as its width holds, each near the size of the row\'s others, and mark the cuts as guesses', () => {
      const split = splitMerged(run, 2)
      expect(split?.map((t) => t.text)).toEqual(['180', '23', '111', '119', '99', '125', '137', '140'])
      expect(split?.filter((t) => t.guessedFrom).map((t) => t.text)).toEqual(['111', '119'])
    })

    it('should leave it whole when its width holds fewer figures than the row is short of', () => {
      expect(splitMerged(run, 3)).toBeNull()
    })
  })
})
