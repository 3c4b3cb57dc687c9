// Splits a word tesseract read out of several figures printed apart ("2 4 2 22" read "24222") at the
// gaps between its characters as wide as the line's own word spaces; only words made of figures.
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
  if (height <= 0 || symbols.some((s) => s.bbox.x1 - s.bbox.x0 > MAX_SYMBOL_WIDTH_OF_HEIGHT * height)) return whole
  const threshold = Math.max(SPACE_SHARE * wordSpace(lineGaps, height), MIN_SPACE_OF_HEIGHT * height)
  const pieces = cutAtGaps(symbols, threshold)
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
 * next one's start, each holding a digit; null when the boxes are out of order (overlapping glyph boxes).
 */
function cutAtGaps(symbols: readonly OcrSymbol[], threshold: number): OcrSymbol[][] | null {
  const pieces: OcrSymbol[][] = [[symbols[0]!]]
  let right = symbols[0]!.bbox.x1
  for (const symbol of symbols.slice(1)) {
    const previous = pieces.at(-1)!.at(-1)!
    if (symbol.bbox.x0 < previous.bbox.x0) return null
    const gap = symbol.bbox.x0 - right
    if (gap >= threshold && FIGURE_END.test(previous.text) && FIGURE_START.test(symbol.text)) pieces.push([symbol])
    else pieces.at(-1)!.push(symbol)
    right = Math.max(right, symbol.bbox.x1)
  }
  return mergeDigitless(pieces)
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

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
