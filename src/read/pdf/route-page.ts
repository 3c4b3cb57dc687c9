// Decides per page whether to use the PDF text layer, OCR the page, or leave it empty, with a
// recorded reason and the warning to attach (never OCR a page merely because it has an image).
import type {RuleId} from '../../messages.js'
import type {DrawingStats} from './page-drawing.js'
import type {TextStats} from './text-layer.js'

/** What the router looks at: the text layer's characters and what else the page draws. */
export type PageStats = TextStats & DrawingStats

/** When to OCR: by the router (`auto`), every non-empty page (`always`), or never. */
export type OcrMode = 'auto' | 'always' | 'never'

/** The router's decision for one page. */
export interface PageRoute {
  method: 'text-layer' | 'ocr' | 'empty'
  reason: string
  warning: RuleId | null
}

/** Images covering less than this share of the page (specks, rules drawn as images) are not "something drawn". */
const MIN_DRAWN_IMAGE_COVERAGE = 0.005
/** Fewer filled/stroked path entries than this (a few rules or boxes) are not "something drawn"; glyphs as paths run to thousands. */
const MIN_DRAWN_VECTOR_POINTS = 200
/** Text layers with fewer characters than this are "sparse" (a page stamp or a stray label). */
const SPARSE_TEXT_CHARS = 200
/** A sparse text layer over an image covering at least this share of the page is a scan with stray text → OCR. */
const SCAN_IMAGE_COVERAGE = 0.5
/** Garbled-text checks need at least this many characters to be meaningful. */
const GARBLE_MIN_CHARS = 20
/** Fewer letters+digits than this share of the characters means a broken font encoding. */
const MIN_ALNUM_SHARE = 0.5
/** More replacement/private-use/control characters than this share means a broken encoding. */
const MAX_BAD_CHAR_SHARE = 0.1
/** Latin text with vowels below/above these shares of its letters is a cipher-like encoding (English ≈ 0.38–0.45). */
const MIN_VOWEL_SHARE = 0.12
const MAX_VOWEL_SHARE = 0.75
/** The vowel check needs at least this many Latin letters, and Latin letters to be most letters. */
const VOWEL_CHECK_MIN_LETTERS = 200
const VOWEL_CHECK_LATIN_SHARE = 0.8
/**
 * Latin words with fewer common words ("the", "of", "council"…) than this share are not words: a
 * font whose letters map to other letters. Real pages measured 0.066 and up (tables of names, lists
 * of figures); a shifted alphabet gives 0. Checked only from this many Latin words on.
 */
const MIN_COMMON_WORD_SHARE = 0.02
const COMMON_WORD_CHECK_MIN_WORDS = 40

/**
 * Chooses how to read a page.
 * @param stats the page's text-layer and drawing statistics
 * @param mode OCR mode from the options
 * @returns method, reason (short human phrase) and the warning to attach, if any
 */
export function routePage(stats: PageStats, mode: OcrMode): PageRoute {
  const auto = autoRoute(stats)
  if (auto.method === 'empty') return auto
  if (mode === 'always') return {method: 'ocr', reason: 'OCR requested for every page', warning: null}
  if (mode === 'never' && auto.method === 'ocr') {
    return {method: 'empty', reason: auto.reason + '; OCR switched off', warning: 'ocr-unavailable'}
  }
  return auto
}

/**
 * Whether routing a page depends on what it draws: only a missing or sparse text layer does
 * (a sound or garbled one decides alone), so most pages skip measuring their drawing.
 * @param stats the page's text-layer statistics
 */
export function needsDrawing(stats: TextStats): boolean {
  return stats.chars < SPARSE_TEXT_CHARS
}

function autoRoute(stats: PageStats): PageRoute {
  const drawn = hasDrawing(stats)
  if (stats.chars === 0) {
    return drawn
      ? {method: 'ocr', reason: 'no text layer', warning: 'no-text-layer'}
      : {method: 'empty', reason: 'nothing on the page', warning: 'empty-page'}
  }
  const garbled = garbledReason(stats)
  if (garbled) return {method: 'ocr', reason: garbled, warning: 'garbled-text-layer'}
  if (stats.chars < SPARSE_TEXT_CHARS && stats.imageCoverage >= SCAN_IMAGE_COVERAGE) {
    return {method: 'ocr', reason: 'sparse text layer over a page-size image (scan)', warning: 'no-text-layer'}
  }
  return {method: 'text-layer', reason: 'text layer sound', warning: null}
}

/** The page paints an image or real vector drawing (not just a rule or a box). */
function hasDrawing(stats: DrawingStats): boolean {
  return stats.imageCoverage >= MIN_DRAWN_IMAGE_COVERAGE || stats.vectorPoints >= MIN_DRAWN_VECTOR_POINTS
}

/** Why the text layer is garbage, or null when it looks like text. */
function garbledReason(stats: TextStats): string | null {
  if (stats.chars < GARBLE_MIN_CHARS) return null
  if (stats.badChars > MAX_BAD_CHAR_SHARE * stats.chars) return 'garbled text layer (unmapped or private-use characters)'
  if (stats.letters + stats.digits < MIN_ALNUM_SHARE * stats.chars) return 'garbled text layer (mostly symbols)'
  const latin = stats.latinLetters >= VOWEL_CHECK_MIN_LETTERS && stats.latinLetters >= VOWEL_CHECK_LATIN_SHARE * stats.letters
  if (latin) {
    const vowels = stats.vowels / stats.latinLetters
    if (vowels < MIN_VOWEL_SHARE || vowels > MAX_VOWEL_SHARE) return 'garbled text layer (letters do not form words)'
  }
  if (stats.latinWords >= COMMON_WORD_CHECK_MIN_WORDS && stats.commonWords < MIN_COMMON_WORD_SHARE * stats.latinWords) {
    return 'garbled text layer (no common words)'
  }
  return null
}
