// Tests for withSoundBox: a word whose character boxes tesseract's LSTM misplaced (one boxed from the
// word to the line's end) gets the box its sound characters show; words with sound boxes are kept.
import {describe, expect, it} from 'vitest'
import type {SymbolWord} from '../../../src/read/pdf/ocr-figure-gaps.js'
import {withSoundBox} from '../../../src/read/pdf/ocr-word-boxes.js'

/** A word from "letter@x0-x1" character specs, 24 px high; its box as tesseract gave it. */
function word(text: string, box: [number, number], specs: string[]): SymbolWord {
  const symbols = specs.map((spec) => {
    const [, letter, x0, x1] = /^(.)@(\d+)-(\d+)$/.exec(spec)!
    return {text: letter!, bbox: {x0: Number(x0), y0: 100, x1: Number(x1), y1: 124}}
  })
  return {text, confidence: 96, bbox: {x0: box[0], y0: 100, x1: box[1], y1: 124}, symbols}
}

describe('withSoundBox', () => {
  it('should end the word one character advance after its last sound character when the last is boxed to the line end', () => {
    // as tesseract read a 150 dpi scan: "n" and the last "e" boxed over the next two words
    const read = word('Percentage', [209, 632], ['P@209-227', 'e@226-248', 'r@247-265', 'c@264-282', 'e@281-299', 'n@209-397', 't@315-333', 'a@332-354', 'g@353-371', 'e@408-632'])
    const {x0, x1} = withSoundBox(read).bbox
    expect(x0).toBe(209)
    expect(x1).toBeGreaterThan(380)
    expect(x1).toBeLessThan(404) // the next word, "of", starts at 404
  })

  it('should start the word a character advance per character before its first sound one', () => {
    const read = word('Target', [100, 400], ['T@100-400', 'a@140-158', 'r@158-170', 'g@170-188', 'e@188-206', 't@206-220'])
    expect(withSoundBox(read).bbox.x0).toBeGreaterThan(115)
    expect(withSoundBox(read).bbox.x1).toBe(220)
  })

  it('should keep a word whose character boxes are sound, or too few to measure by', () => {
    const sound = word('of', [404, 435], ['o@404-422', 'f@421-435'])
    expect(withSoundBox(sound)).toBe(sound)
    const wide = word('Wex', [56, 120], ['W@56-87', 'e@87-103', 'x@103-120']) // a bold "W" 1.3 times the word's height
    expect(withSoundBox(wide)).toBe(wide)
    const few = word('t', [394, 785], ['t@394-785'])
    expect(withSoundBox(few)).toBe(few)
    const bare: SymbolWord = {text: 'x', confidence: 90, bbox: {x0: 0, y0: 0, x1: 10, y1: 10}}
    expect(withSoundBox(bare)).toBe(bare)
  })
})
