// Puts right the box of a word tesseract's LSTM gave one or more misplaced character boxes: a "t"
// boxed from the word's end to the line's end widens the word over its neighbours ("Percentage" 209–632).
import {median} from '../../normalise/median.js'
import type {SymbolWord} from './ocr-figure-gaps.js'

/**
 * A character box wider than this share of the word's height is no glyph's box: a bold "W" is ~1.3
 * times the height of a word without ascenders or descenders; the misplaced boxes seen ran 4–9 times.
 */
const MAX_SYMBOL_WIDTH_OF_HEIGHT = 2
/** Fewest characters with sound boxes to measure the word's character advance by. */
const MIN_SOUND = 2

/**
 * The word with its box narrowed to what its sound character boxes show, where some of its
 * characters' boxes are misplaced (too wide, or standing left of the character before): the
 * characters before the first sound one and after the last are given the median advance of the
 * sound ones. Words whose character boxes are all sound, or that have too few, are kept as read.
 */
export function withSoundBox(word: SymbolWord): SymbolWord {
  const symbols = word.symbols ?? []
  const height = word.bbox.y1 - word.bbox.y0
  if (symbols.length === 0 || height <= 0) return word
  let left = -Infinity
  const sound = symbols.map((s) => {
    const ok = s.bbox.x1 - s.bbox.x0 <= MAX_SYMBOL_WIDTH_OF_HEIGHT * height && s.bbox.x0 >= left
    if (ok) left = s.bbox.x0
    return ok
  })
  const kept = sound.flatMap((ok, k) => (ok ? [k] : []))
  if (kept.length === symbols.length || kept.length < MIN_SOUND) return word
  const advance = median(kept.map((k) => symbols[k]!.bbox.x1 - symbols[k]!.bbox.x0))
  const [first, last] = [kept[0]!, kept[kept.length - 1]!]
  const x0 = Math.max(word.bbox.x0, symbols[first]!.bbox.x0 - first * advance)
  const x1 = Math.min(word.bbox.x1, symbols[last]!.bbox.x1 + (symbols.length - 1 - last) * advance)
  return x1 > x0 ? {...word, bbox: {...word.bbox, x0, x1}} : word
}
