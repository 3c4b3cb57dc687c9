// Tests for recoverDroppedLines: a drawn KPI column whose lone figures whole-page tesseract drops
// is completed band by band; band finding (specks, covered ink, the cap) and line insertion on fakes.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {findDroppedBands, recoverDroppedLines} from '../../../src/read/pdf/ocr-dropped-lines.js'
import {createOcrPool} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrImage, OcrLayout, OcrLine, OcrPool, OcrResult, OcrSession, PixelBox} from '../../../src/read/pdf/ocr-pool.js'
import {drawTextImage} from './draw-text-image.js'

/** An invented KPI table printed one cell per line, double spaced: tesseract's page read drops the lone "3", "0" and "1". */
const KPI_COLUMN = ['2024', '2025', 'Missed bin collections', '3', '0', '1', '17', 'Fly-tipping reports 9']
const LINE_PITCH_PX = 55
const TOP_PX = 50

/** `lines` drawn black on white at 20 px, one every {@link LINE_PITCH_PX}. */
function drawLines(lines: readonly string[], width = 400, height = 450): OcrImage {
  return drawTextImage(lines, {width, height, left: 40, top: TOP_PX, pitch: LINE_PITCH_PX})
}

const texts = (result: OcrResult): string[] => result.lines.map((l) => l.words.map((w) => w.text).join(' '))

describe('recoverDroppedLines with tesseract', () => {
  let pool: OcrPool

  beforeAll(() => {
    pool = createOcrPool({size: 1})
  })

  afterAll(async () => {
    await pool.terminate()
  })

  it('should recover the lone figures the page read dropped, each a line and paragraph of its own, in place', async () => {
    const image = drawLines(KPI_COLUMN)
    const {page, recovered} = await pool.session(async (session) => {
      const read = await session.recognise(image)
      return {page: read, recovered: await recoverDroppedLines(session, image, read)}
    })
    // The page read drops figures (what the issue is about)...
    expect(texts(page).length).toBeLessThan(KPI_COLUMN.length)
    expect(texts(page)).not.toContain('0')
    // ...and the band reads put every one back where it stands.
    expect(texts(recovered)).toEqual(KPI_COLUMN)
    const zero = recovered.lines[4]!
    expect(zero.words[0]!.confidence).toBeGreaterThanOrEqual(0.6)
    expect(zero.bbox[1]).toBeGreaterThan(TOP_PX + 3 * LINE_PITCH_PX)
    expect(zero.bbox[3]).toBeLessThan(TOP_PX + 4 * LINE_PITCH_PX + 5)
    const paragraphs = recovered.lines.map((l) => l.paragraph)
    expect(new Set(paragraphs.slice(3, 6)).size).toBe(3)
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b))
    expect(recovered.wordCount).toBe(page.wordCount + KPI_COLUMN.length - page.lines.length)
  })
})

/** A session that answers every band with `text` at `confidence` and counts its calls and layouts. */
function fakeSession(text: string, confidence: number): OcrSession & {layouts: Array<OcrLayout | undefined>} {
  const layouts: Array<OcrLayout | undefined> = []
  return {
    layouts,
    async recognise(image, layout) {
      layouts.push(layout)
      const bbox: PixelBox = [5, 5, image.width - 5, image.height - 5]
      return {lines: [{words: [{text, bbox, confidence}], bbox, confidence, paragraph: 0}], confidence, wordCount: 1}
    }
  }
}

/** A recognised line at `box` holding one word. */
function ocrLine(text: string, box: PixelBox, paragraph: number): OcrLine {
  return {words: [{text, bbox: box, confidence: 0.9}], bbox: box, confidence: 0.9, paragraph}
}

/** White image with black rectangles. */
function inkImage(width: number, height: number, boxes: PixelBox[]): OcrImage {
  const data = new Uint8Array(width * height).fill(255)
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1)
  return {width, height, data, dpi: 200}
}

const LINE_HEIGHT = 20

describe('findDroppedBands', () => {
  const lines = [ocrLine('Heading', [10, 10, 150, 30], 0), ocrLine('Footer', [10, 170, 150, 190], 1)]

  it('should find glyph-sized ink no line covers, and pass over specks, rules and covered ink', () => {
    const image = inkImage(200, 200, [
      [12, 12, 140, 28], // the heading's own ink
      [20, 90, 30, 105], // a lone figure, 15 px high
      [100, 60, 102, 62], // a speck
      [10, 140, 190, 142], // a thin rule
      [160, 90, 161, 106] // a hairline piece of a table border
    ])
    expect(findDroppedBands(image, lines, LINE_HEIGHT).map((b) => b.box)).toEqual([[20, 90, 30, 105]])
  })

  it('should take the lower letters beside a tall glyph into its band ("Chair" found by its "C" and "h")', () => {
    const image = inkImage(200, 200, [[20, 60, 30, 75], [32, 60, 40, 75], [42, 66, 50, 75], [52, 66, 54, 75], [56, 66, 62, 75], [100, 68, 106, 75]])
    expect(findDroppedBands(image, lines, LINE_HEIGHT).map((b) => b.box)).toEqual([[20, 60, 62, 75]])
  })

  it('should join glyphs side by side into one band and keep bands of separate rows apart', () => {
    const image = inkImage(200, 200, [[20, 60, 30, 75], [34, 60, 44, 75], [20, 110, 30, 125]])
    expect(findDroppedBands(image, lines, LINE_HEIGHT).map((b) => b.box)).toEqual([[20, 60, 44, 75], [20, 110, 30, 125]])
  })

  it('should read no more than 32 bands on a page, the inkiest, top to bottom', () => {
    const glyphs: PixelBox[] = []
    for (let i = 0; i < 48; i++) glyphs.push([10 + (i % 4) * 100, 40 + Math.floor(i / 4) * 30, 20 + (i % 4) * 100 + (i % 3), 55 + Math.floor(i / 4) * 30])
    const bands = findDroppedBands(inkImage(400, 420, glyphs), [ocrLine('Heading', [10, 5, 150, 25], 0)], LINE_HEIGHT)
    expect(bands).toHaveLength(32)
    expect(bands.every((b) => b.box[2] - b.box[0] >= 11)).toBe(true)
    expect(bands.map((b) => b.box[1])).toEqual([...bands.map((b) => b.box[1])].sort((a, b) => a - b))
  })
})

describe('recoverDroppedLines', () => {
  const lines = [ocrLine('Heading', [10, 10, 150, 30], 0), ocrLine('Footer', [10, 170, 150, 190], 0)]
  const page: OcrResult = {lines, confidence: 0.9, wordCount: 2}
  const image = inkImage(200, 200, [[12, 12, 140, 28], [20, 90, 30, 105], [12, 172, 140, 188]])

  it('should insert a confident band read as a line of its own between the lines around it, in page pixels', async () => {
    const session = fakeSession('7', 0.9)
    const result = await recoverDroppedLines(session, image, page)
    expect(session.layouts).toEqual(['line'])
    expect(texts(result)).toEqual(['Heading', '7', 'Footer'])
    expect(result.lines.map((l) => l.paragraph)).toEqual([0, 1, 2])
    const [x0, y0, x1, y1] = result.lines[1]!.bbox
    expect(x0).toBeLessThanOrEqual(20)
    expect(y0).toBeLessThanOrEqual(90)
    expect(x1).toBeGreaterThanOrEqual(30)
    expect(y1).toBeGreaterThanOrEqual(105)
    expect(result.wordCount).toBe(3)
    expect(page.lines).toHaveLength(2)
  })

  it('should put a band read just before the line on its row to its right (a number before its title)', async () => {
    const titled: OcrResult = {lines: [lines[0]!, ocrLine('Minutes', [60, 88, 150, 108], 0), lines[1]!], confidence: 0.9, wordCount: 3}
    const withTitle = inkImage(200, 200, [[12, 12, 140, 28], [20, 90, 30, 105], [62, 90, 140, 106], [12, 172, 140, 188]])
    const result = await recoverDroppedLines(fakeSession('2', 0.9), withTitle, titled)
    expect(texts(result)).toEqual(['Heading', '2', 'Minutes', 'Footer'])
    expect(result.lines.map((l) => l.paragraph)).toEqual([0, 1, 2, 2])
  })

  it('should drop band reads with low confidence or no letter or digit', async () => {
    expect(await recoverDroppedLines(fakeSession('7', 0.4), image, page)).toBe(page)
    expect(await recoverDroppedLines(fakeSession('|', 0.95), image, page)).toBe(page)
  })

  it('should not call OCR when all ink is covered', async () => {
    const session = fakeSession('7', 0.9)
    const covered = inkImage(200, 200, [[12, 12, 140, 28], [12, 172, 140, 188]])
    expect(await recoverDroppedLines(session, covered, page)).toBe(page)
    expect(session.layouts).toEqual([])
  })
})
