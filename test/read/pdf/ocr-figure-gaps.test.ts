// Tests for splitSpacedFigures: drawn KPI rows (sans, and serif blurred as a scan) whose figures printed apart
// tesseract reads as one word are cut back into their figures; digit pitch, thin-spaced thousands, serif "11", letter-spaced headings and odd boxes on synthetic words.
import {createWorker, OEM} from 'tesseract.js'
import type {RecognizeOptions} from 'tesseract.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {splitSpacedFigures} from '../../../src/read/pdf/ocr-figure-gaps.js'
import type {OcrSymbol, SymbolWord} from '../../../src/read/pdf/ocr-figure-gaps.js'
import {createOcrPool, defaultLangPath, toPgm} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrImage, OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {drawTextImage} from './draw-text-image.js'

/** An invented KPI row, one space between its cells: tesseract reads "2 4" and "2 22" as the words "24" and "222". */
const KPI_ROW = 'arrests 2 4 2 22'

/** `text` drawn black on white at 20 px. */
function drawLine(text: string, width = 400, height = 80): OcrImage {
  return drawTextImage([text], {width, height, left: 30, top: 45, pitch: 0})
}

describe('splitSpacedFigures with tesseract', () => {
  let pool: OcrPool
  beforeAll(() => {
    pool = createOcrPool({size: 1})
  })
  afterAll(async () => {
    await pool.terminate()
  })

  it('should cut the figures tesseract read as one word back into the figures printed apart', async () => {
    const image = drawLine(KPI_ROW)
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {langPath: defaultLangPath(), gzip: true, cacheMethod: 'none', logger() {}, errorHandler() {}})
    try {
      const {data} = await worker.recognize(toPgm(image), {tessedit_pageseg_mode: '3', user_defined_dpi: '200'} as Partial<RecognizeOptions>, {blocks: true, text: false})
      const rawWords = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)))
      // tesseract merges figures one space apart (what the issue is about)...
      expect(rawWords.map((w) => w.text).join(' ')).not.toBe(KPI_ROW)
      // ...and the split puts each figure back as a word of its own.
      expect(splitSpacedFigures(rawWords).map((w) => w.text).join(' ')).toBe(KPI_ROW)
    } finally {
      await worker.terminate()
    }
    const read = await pool.recognise(image)
    const words = read.lines.flatMap((l) => l.words)
    expect(words.map((w) => w.text)).toEqual(KPI_ROW.split(' '))
    expect(read.wordCount).toBe(words.length)
    for (let i = 1; i < words.length; i++) expect(words[i]!.bbox[0]).toBeGreaterThan(words[i - 1]!.bbox[2])
  })

  it('should cut serif figures blurred as a scan that tesseract boxed closer than a word space', async () => {
    // 20 px serif type blurred 0.8 px: tesseract reads "24 2 22", the "2 4" boxed closer than its word spaces.
    const image = drawTextImage([KPI_ROW], {width: 400, height: 80, left: 30, top: 45, pitch: 0, face: 'serif', size: 20, blur: 0.8})
    const read = await pool.recognise(image)
    expect(read.lines.flatMap((l) => l.words).map((w) => w.text)).toEqual(KPI_ROW.split(' '))
  })
})

/** A word whose characters stand `advance` px apart (glyphs 11 px wide, 18 px high) plus `extra` px after character i. */
function word(text: string, x0: number, extra: Record<number, number> = {}, confidence = 77): SymbolWord {
  const symbols: OcrSymbol[] = []
  let x = x0
  for (const [i, ch] of [...text].entries()) {
    symbols.push({text: ch, bbox: {x0: x, y0: 100, x1: x + 11, y1: 118}})
    x += 12 + (extra[i] ?? 0)
  }
  return {text, confidence, bbox: {x0, y0: 100, x1: symbols.at(-1)!.bbox.x1, y1: 118}, symbols}
}

/** A lone word of digits at the given advances (px), each "1" a 4 px stem centred in its 12 px advance as in a serif face, others 11 px wide. */
function serifOnes(text: string, advances: readonly number[]): SymbolWord {
  return symbolWord(text, [...text].map((ch, i): [number, number] => (ch === '1' ? [advances[i]! + 4, advances[i]! + 8] : [advances[i]!, advances[i]! + 11])), 100)
}

/** A word 18 px high whose characters have the given [x0, x1] boxes, offset by `x`. */
function symbolWord(text: string, boxes: ReadonlyArray<readonly [number, number]>, x: number): SymbolWord {
  const symbols: OcrSymbol[] = [...text].map((ch, i) => ({text: ch, bbox: {x0: x + boxes[i]![0], y0: 100, x1: x + boxes[i]![1], y1: 118}}))
  return {text, confidence: 77, bbox: {x0: symbols[0]!.bbox.x0, y0: 100, x1: symbols.at(-1)!.bbox.x1, y1: 118}, symbols}
}

const texts = (words: readonly SymbolWord[]): string[] => splitSpacedFigures(words).map((w) => w.text)

describe('splitSpacedFigures', () => {
  // "robbery" ends at 100 + 7·12 − 1 = 183; the next word starts a word space (8 px, 0.44 of the 18 px height) after it.
  const label = word('robbery', 100)

  it('should cut a figure word where its characters stand a word space apart, each piece boxed and as confident as the word', () => {
    const merged = word('24222', 191, {0: 7, 1: 7, 2: 7})
    const out = splitSpacedFigures([label, merged])
    expect(out.map((w) => w.text)).toEqual(['robbery', '2', '4', '2', '22'])
    expect(out[1]!.bbox).toEqual([191, 100, 202, 118])
    expect(out[2]!.bbox).toEqual([210, 100, 221, 118])
    expect(out[4]!.bbox).toEqual([248, 100, 271, 118])
    expect(out.map((w) => w.confidence)).toEqual([0.77, 0.77, 0.77, 0.77, 0.77])
  })

  it('should cut digits standing further apart than the closest digits of the word, though closer than the line\'s word space', () => {
    // Digits 12 px apart within "22", 17 px apart across the spaces (boxes 6 px apart, under 0.85 of the 8 px word space).
    expect(texts([label, word('24222', 191, {0: 5, 1: 5, 2: 5})])).toEqual(['robbery', '2', '4', '2', '22'])
    // ...but not boxes 2 px apart (a digit boxed too wide)...
    expect(texts([label, word('24222', 191, {0: 1, 1: 1, 2: 1})])).toEqual(['robbery', '24222'])
    // ...nor by the pitch of a box overlapping its neighbour: "20/21" whose "/" and "2" tesseract boxed over each other.
    const far = word('robbery', 100)
    const date = symbolWord('20/21', [[0, 11], [12, 23], [21, 28], [22, 33], [42, 46]], 197)
    expect(texts([far, date])).toEqual(['robbery', '20/21'])
  })

  it('should keep a serif "11" whole though its narrow ones stand a word space apart, and cut "1 1" printed apart', () => {
    expect(texts([serifOnes('2011', [0, 12, 24, 36])])).toEqual(['2011'])
    expect(texts([serifOnes('111', [0, 12, 24])])).toEqual(['111'])
    expect(texts([serifOnes('11', [0, 20])])).toEqual(['1', '1'])
  })

  it('should keep a thousands group printed with a thin space ("10 000") whole, and cut one printed with a word space', () => {
    expect(texts([label, word('10000', 191, {1: 3})])).toEqual(['robbery', '10000'])
    // A thin space boxed as wide as a serif word space, its digits further apart than the others: still a thousands group.
    expect(texts([label, word('10000', 191, {1: 5})])).toEqual(['robbery', '10000'])
    expect(texts([label, word('1000000', 191, {0: 5, 3: 5})])).toEqual(['robbery', '1000000'])
    expect(texts([label, word('10000', 191, {1: 8})])).toEqual(['robbery', '10', '000'])
  })

  it('should never cut letter-spaced capitals or words mixing letters and figures', () => {
    expect(texts([word('AGENDA', 100, {0: 10, 1: 10, 2: 10, 3: 10, 4: 10})])).toEqual(['AGENDA'])
    expect(texts([label, word('Q22024', 191, {0: 8, 2: 8})])).toEqual(['robbery', 'Q22024'])
  })

  it('should keep a sign, per cent, range or date set apart within its figure', () => {
    expect(texts([label, word('£120', 191, {0: 8})])).toEqual(['robbery', '£120'])
    expect(texts([label, word('45%7', 191, {1: 8, 2: 8})])).toEqual(['robbery', '45%', '7'])
    expect(texts([label, word('1-4)', 191, {0: 8})])).toEqual(['robbery', '1-4)'])
    expect(texts([label, word('12/03', 191, {2: 8})])).toEqual(['robbery', '12/03'])
    expect(texts([label, word('(3)12', 191, {2: 8})])).toEqual(['robbery', '(3)', '12'])
  })

  it('should judge a lone word by its height, and a line by its own word spaces', () => {
    // Alone, a 9 px gap (0.5 of the height) is a space; a 5 px one is not.
    expect(texts([word('1217', 100, {1: 8})])).toEqual(['12', '17'])
    expect(texts([word('1217', 100, {1: 4})])).toEqual(['1217'])
    // On a line whose words stand 14 px apart, 9 px gaps between digits standing evenly are narrower than its spaces...
    const wide = word('robbery', 100)
    expect(texts([wide, word('1217', 197, {0: 8, 1: 8, 2: 8})])).toEqual(['robbery', '1217'])
    // ...but one between digits standing further apart than the others is a space (set tighter than the line's).
    expect(texts([wide, word('1217', 197, {1: 8})])).toEqual(['robbery', '12', '17'])
  })

  it('should leave a word alone when its characters do not spell it or their boxes are out of order', () => {
    const misspelt = {...word('2 4', 191), text: '24'}
    expect(texts([label, misspelt])).toEqual(['robbery', '24'])
    const shuffled = word('24222', 191, {0: 7, 1: 7, 2: 7})
    const symbols = [...shuffled.symbols!]
    ;[symbols[1], symbols[2]] = [symbols[2]!, symbols[1]!]
    expect(texts([label, {...shuffled, text: symbols.map((s) => s.text).join(''), symbols}])).toEqual(['robbery', '22422'])
    expect(texts([label, {...word('24222', 191), symbols: null}])).toEqual(['robbery', '24222'])
  })
})
