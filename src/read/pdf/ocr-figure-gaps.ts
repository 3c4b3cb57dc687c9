// Splits a word tesseract read out of several figures printed apart ("2 4 2 22" read "24222") at the
// gaps between its characters as wide as the line's own word spaces or where its digits' pitch shows a space; only words made of figures.
import {median} from '../../normalise/median.js'
import type {OcrWord, PixelBox} from './ocr-pool.js'

/** A character of a recognised word with its box (tesseract.js `blocks` output: word.symbols). */
export interface OcrSymbol {
  text: string
  bbox: {x0: number; y0: number; x1: number; y1: number}
}

/** A recognised word with its characters, confidence 0–100 as tesseract.js gives it. */
export interface SymbolWord {
  text: string
  confidence: number
  bbox: {x0: number; y0: number; x1: number; y1: number}
  symbols?: readonly OcrSymbol[] | null
}

/** Characters a printed figure is made of: digits, separators, signs, brackets, currency and per cent. */
const FIGURE_CHARACTER = /^[\p{Nd}.,%£$€()+\-−–:/]$/u
const DIGIT = /\p{Nd}/u
/**
 * A cut is made only between a figure's end (a digit, "%" or ")") and a figure's start (a digit, a
 * currency sign or "("): a gap beside a dash, slash, colon or separator belongs to a range, a date or
 * a time ("1 -4", "12/ 03"), and a gap after a currency sign to its figure ("£ 120").
 */
const FIGURE_END = /^[\p{Nd}%)]$/u
const FIGURE_START = /^[\p{Nd}£$€(]$/u
/** A word is split only when it holds at least this many digits: one digit and a sign is one figure. */
const MIN_DIGITS = 2
/**
 * A gap is a space only when it reaches this share of the line's word space. The gap printed between
 * two figures is a space plus the digits' side bearings (~0.36 em in common sans and serif faces); a
 * thin space ("10 000", 1/5–1/6 em) leaves ~0.25–0.29 em, 0.7–0.8 of it, so it stays inside the word.
 */
const SPACE_SHARE = 0.85
/**
 * ...and at least this share of the figures' height (digit height): digits of one number stand 0.05–0.15
 * heights apart; the word spaces of the scanned seed renderings, 0.39–0.5. Guards lines whose word
 * spaces cannot be measured well, and bounds which of the line's gaps count as word spaces.
 */
const MIN_SPACE_OF_HEIGHT = 0.3
/** A gap between words wider than this (share of the figures' height) is a column gap, not a word space. */
const MAX_SPACE_OF_HEIGHT = 1.5
/** Word space taken when the line has no other gap to measure it by (share of the digit height): ~0.36 em over ~0.72 em digits. */
const DEFAULT_SPACE_OF_HEIGHT = 0.5
/**
 * Figures printed a space apart that tesseract boxed closer than the line's word spaces are cut by
 * their digit pitch: between two digits whose boxes stand at least {@link MIN_SPACE_OF_HEIGHT} apart
 * and whose centres stand at least this many times as far apart as the word's closest two digits. Digits
 * of one number stand one advance apart (0.65–0.78 of their height in the scans measured); a word space
 * adds about half of that (a Times "2 4 2 22" read "24222": 0.94–1.09 heights against 0.72 within
 * "22", the "2 4" boxed 0.31 heights apart under a 0.41 word space). A thin space adds 0.3–0.4, so a
 * cut by pitch that leaves a group of three digits after one to three ("10 000") is not made.
 */
const SPREAD_PITCH_RATIO = 1.3
/**
 * Two digits whose centres stand closer than this share of the digit height are one advance apart, in
 * one number, however wide the gap between their boxes: a serif "11" (0.68–0.76 apart, its narrow
 * ones' boxes 0.4–0.5 apart) is never cut; figures a space apart stood 0.94–1.48.
 */
const MAX_ADVANCE_OF_HEIGHT = 0.85
/** Character boxes overlapping the one before by more than this share of the digit height are misplaced (tesseract's LSTM boxes sometimes are): no pitch is measured from them. */
const MAX_BOX_OVERLAP_OF_HEIGHT = 0.1
/** A character box wider than this (share of the digit height) is not a real glyph box (tesseract gives some): the word is left alone. */
const MAX_SYMBOL_WIDTH_OF_HEIGHT = 1.2

/**
 * The line's words as OcrWords (confidence 0–1), each word made only of figures cut where two of its
 * characters stand a word space apart; pieces get the union of their characters' boxes and the word's
 * confidence. Words whose characters do not spell the word, or whose boxes overlap, are kept whole.
 * @param words one tesseract line's words, in reading order, blank words already removed
 */
export function splitSpacedFigures(words: readonly SymbolWord[]): OcrWord[] {
  const gaps = wordGaps(words)
  return words.flatMap((word) => splitWord(word, gaps))
}

/** Horizontal gaps (pixels) between consecutive words of the line. */
function wordGaps(words: readonly SymbolWord[]): number[] {
  const gaps: number[] = []
  for (let i = 1; i < words.length; i++) gaps.push(words[i]!.bbox.x0 - words[i - 1]!.bbox.x1)
  return gaps
}

function splitWord(word: SymbolWord, lineGaps: readonly number[]): OcrWord[] {
  const whole = [toOcrWord(word.text.trim(), box(word.bbox), word.confidence)]
  const symbols = figureSymbols(word)
  if (!symbols) return whole
  const height = median(symbols.filter((s) => DIGIT.test(s.text)).map((s) => s.bbox.y1 - s.bbox.y0))
  // no digits: NaN, not > 0
  if (!(height > 0) || symbols.some((s) => s.bbox.x1 - s.bbox.x0 > MAX_SYMBOL_WIDTH_OF_HEIGHT * height)) return whole
  const threshold = Math.max(SPACE_SHARE * wordSpace(lineGaps, height), MIN_SPACE_OF_HEIGHT * height)
  const pieces = cutAtGaps(symbols, threshold, digitPitches(symbols, height))
  if (pieces === null || pieces.length < 2) return whole
  return pieces.map((piece) => toOcrWord(piece.map((s) => s.text).join(''), unionBox(piece), word.confidence))
}

/** The word's characters when it is a figure word whose characters spell it, else null. */
function figureSymbols(word: SymbolWord): readonly OcrSymbol[] | null {
  const symbols = word.symbols
  if (!symbols || symbols.length < 2) return null
  if (symbols.map((s) => s.text).join('') !== word.text.trim()) return null
  if (!symbols.every((s) => FIGURE_CHARACTER.test(s.text))) return null
  return symbols.filter((s) => DIGIT.test(s.text)).length >= MIN_DIGITS ? symbols : null
}

/** The line's word space: the median of its gaps between words that are plausibly one space wide, or a default from the height. */
function wordSpace(lineGaps: readonly number[], height: number): number {
  const spaces = lineGaps.filter((g) => g >= MIN_SPACE_OF_HEIGHT * height && g <= MAX_SPACE_OF_HEIGHT * height)
  return spaces.length === 0 ? DEFAULT_SPACE_OF_HEIGHT * height : median(spaces)
}

/**
 * Runs of characters separated by gaps of at least `threshold` pixels between a figure's end and the
 * next one's start (unless the digit pitch puts the two in one number), or where the digit pitch puts
 * them apart, each holding a digit; null when the boxes are out of order (overlapping glyph boxes).
 */
function cutAtGaps(symbols: readonly OcrSymbol[], threshold: number, pitches: DigitPitches): OcrSymbol[][] | null {
  const pieces: OcrSymbol[][] = [[symbols[0]!]]
  let right = symbols[0]!.bbox.x1
  for (let i = 1; i < symbols.length; i++) {
    const symbol = symbols[i]!
    const previous = pieces.at(-1)!.at(-1)!
    if (symbol.bbox.x0 < previous.bbox.x0) return null
    const gap = symbol.bbox.x0 - right
    const spaced = gap >= threshold && FIGURE_END.test(previous.text) && FIGURE_START.test(symbol.text) && !pitches.together.has(i)
    if (spaced || pitches.apart.has(i)) pieces.push([symbol])
    else pieces.at(-1)!.push(symbol)
    right = Math.max(right, symbol.bbox.x1)
  }
  return mergeDigitless(pieces)
}

/** What the centres of well-placed neighbouring digits say, by the index of the second: apart (a space between), or together (one advance apart). */
interface DigitPitches {
  apart: Set<number>
  together: Set<number>
}

/**
 * Which pairs of well-placed neighbouring digits stand together, their centres under
 * {@link MAX_ADVANCE_OF_HEIGHT} heights apart (one advance), and which apart: centres at least that and
 * {@link SPREAD_PITCH_RATIO} times the word's closest digit pitch apart, boxes at least
 * {@link MIN_SPACE_OF_HEIGHT} heights apart, not setting off a thousands group. Boxes overlapping their
 * neighbour are misplaced (tesseract's LSTM boxes sometimes are) and give no pitch.
 */
function digitPitches(symbols: readonly OcrSymbol[], height: number): DigitPitches {
  const misplaced = new Set<number>()
  for (let i = 1; i < symbols.length; i++) {
    if (symbols[i]!.bbox.x0 - symbols[i - 1]!.bbox.x1 < -MAX_BOX_OVERLAP_OF_HEIGHT * height) misplaced.add(i - 1).add(i)
  }
  const pairs: number[] = []
  for (let i = 1; i < symbols.length; i++) {
    if (DIGIT.test(symbols[i - 1]!.text) && DIGIT.test(symbols[i]!.text) && !misplaced.has(i - 1) && !misplaced.has(i)) pairs.push(i)
  }
  const centre = (s: OcrSymbol): number => (s.bbox.x0 + s.bbox.x1) / 2
  const pitch = (i: number): number => centre(symbols[i]!) - centre(symbols[i - 1]!)
  const together = pairs.filter((i) => pitch(i) < MAX_ADVANCE_OF_HEIGHT * height)
  const closest = Math.min(...pairs.map(pitch))
  const spread = new Set(pairs.filter((i) => pitch(i) >= MAX_ADVANCE_OF_HEIGHT * height && pitch(i) >= SPREAD_PITCH_RATIO * closest &&
    symbols[i]!.bbox.x0 - symbols[i - 1]!.bbox.x1 >= MIN_SPACE_OF_HEIGHT * height))
  const apart = [...spread].filter((i) => !setsOffThousands(symbols, i, spread))
  return {apart: new Set(apart), together: new Set(together)}
}

/** A cut before character `i` leaves exactly three digits after it and one to three before it, up to the other cuts: a thousands group. */
function setsOffThousands(symbols: readonly OcrSymbol[], i: number, cuts: ReadonlySet<number>): boolean {
  let after = 0
  for (let j = i; j < symbols.length && DIGIT.test(symbols[j]!.text) && (j === i || !cuts.has(j)); j++) after++
  let before = 0
  for (let j = i - 1; j >= 0 && DIGIT.test(symbols[j]!.text); j--) {
    before++
    if (cuts.has(j)) break
  }
  return after === 3 && before >= 1 && before <= 3
}

/** Pieces without a digit joined to their neighbour (the previous one, or the next for the first). */
function mergeDigitless(pieces: OcrSymbol[][]): OcrSymbol[][] {
  const out: OcrSymbol[][] = []
  let pending: OcrSymbol[] = []
  for (const piece of pieces) {
    const hasDigit = piece.some((s) => DIGIT.test(s.text))
    if (!hasDigit && out.length > 0) out.at(-1)!.push(...piece)
    else if (!hasDigit) pending.push(...piece)
    else {
      out.push([...pending, ...piece])
      pending = []
    }
  }
  return out
}

function unionBox(symbols: readonly OcrSymbol[]): PixelBox {
  return [
    Math.min(...symbols.map((s) => s.bbox.x0)),
    Math.min(...symbols.map((s) => s.bbox.y0)),
    Math.max(...symbols.map((s) => s.bbox.x1)),
    Math.max(...symbols.map((s) => s.bbox.y1))
  ]
}

function toOcrWord(text: string, bbox: PixelBox, confidence: number): OcrWord {
  return {text, bbox, confidence: confidence / 100}
}

function box(b: SymbolWord['bbox']): PixelBox {
  return [b.x0, b.y0, b.x1, b.y1]
}

