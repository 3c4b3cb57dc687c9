// Tests for the per-page router: text layer vs OCR vs empty, with reasons and warnings, in each OCR mode.
import {describe, expect, it} from 'vitest'
import {routePage} from '../../../src/read/pdf/route-page.js'
import type {OcrMode, PageStats} from '../../../src/read/pdf/route-page.js'

const NOTHING: PageStats = {
  chars: 0, letters: 0, digits: 0, letterShare: 0, badChars: 0, latinLetters: 0, vowels: 0, items: 0, latinWords: 0, commonWords: 0,
  imageCoverage: 0, largestImage: 0, images: 0, vectorPoints: 0, glyphs: 0
}

/** Stats of a page with `chars` characters of plain English-like text. */
function textPage(chars: number, extra: Partial<PageStats> = {}): PageStats {
  const letters = Math.round(chars * 0.9)
  return {...NOTHING, chars, letters, digits: chars - letters, letterShare: letters / chars, latinLetters: letters, vowels: Math.round(letters * 0.4), items: Math.ceil(chars / 40), latinWords: Math.round(letters / 5), commonWords: Math.round(letters / 15), glyphs: chars, ...extra}
}

const TABLE: Array<[string, PageStats, OcrMode, {method: string; warning: string | null}]> = [
  ['sound text layer', textPage(2000), 'auto', {method: 'text-layer', warning: null}],
  ['no text, full-page scan', {...NOTHING, imageCoverage: 1, largestImage: 1, images: 1}, 'auto', {method: 'ocr', warning: 'no-text-layer'}],
  ['no text, glyphs drawn as vector paths', {...NOTHING, vectorPoints: 40_000}, 'auto', {method: 'ocr', warning: 'no-text-layer'}],
  ['no text, nothing drawn', NOTHING, 'auto', {method: 'empty', warning: 'empty-page'}],
  ['no text, only a thin rule', {...NOTHING, vectorPoints: 13}, 'auto', {method: 'empty', warning: 'empty-page'}],
  ['garbled: replacement characters', textPage(500, {badChars: 300}), 'auto', {method: 'ocr', warning: 'garbled-text-layer'}],
  ['garbled: mostly symbols', textPage(500, {letters: 50, digits: 10, latinLetters: 50, vowels: 20}), 'auto', {method: 'ocr', warning: 'garbled-text-layer'}],
  ['garbled: letters with no vowels', textPage(800, {vowels: 10}), 'auto', {method: 'ocr', warning: 'garbled-text-layer'}],
  ['garbled: words but no common ones (letters mapped to other letters)', textPage(800, {commonWords: 0}), 'auto', {method: 'ocr', warning: 'garbled-text-layer'}],
  ['a table of names and figures with a few common words', textPage(800, {latinWords: 150, commonWords: 8}), 'auto', {method: 'text-layer', warning: null}],
  ['too few words to judge', textPage(120, {latinWords: 20, commonWords: 0}), 'auto', {method: 'text-layer', warning: null}],
  ['scan with a stray page stamp', textPage(8, {imageCoverage: 0.95, largestImage: 0.95, images: 1}), 'auto', {method: 'ocr', warning: 'no-text-layer'}],
  ['sparse text with a small crest', textPage(60, {imageCoverage: 0.04, largestImage: 0.04, images: 1}), 'auto', {method: 'text-layer', warning: null}],
  ['full text over a background image', textPage(2500, {imageCoverage: 1, largestImage: 1, images: 1}), 'auto', {method: 'text-layer', warning: null}],
  ['short text, nothing else', textPage(12), 'auto', {method: 'text-layer', warning: null}],
  ['always: text page is OCR\'d', textPage(2000), 'always', {method: 'ocr', warning: null}],
  ['always: blank page stays empty', NOTHING, 'always', {method: 'empty', warning: 'empty-page'}],
  ['never: scan becomes empty', {...NOTHING, imageCoverage: 1, largestImage: 1, images: 1}, 'never', {method: 'empty', warning: 'ocr-unavailable'}],
  ['never: garbled becomes empty', textPage(500, {badChars: 300}), 'never', {method: 'empty', warning: 'ocr-unavailable'}],
  ['never: sound text is read', textPage(2000), 'never', {method: 'text-layer', warning: null}]
]

describe('routePage', () => {
  it.each(TABLE)('should route a page with %s', (_name, stats, mode, expected) => {
    const route = routePage(stats, mode)
    expect({method: route.method, warning: route.warning}).toEqual(expected)
    expect(route.reason).toMatch(/\w/)
    expect(route.reason).not.toMatch(/\n/)
  })
})
