// Tests for recoverDroppedLines: drawn KPI columns (sans, and serif blurred as a scan) whose lone figures
// whole-page tesseract drops are completed band by band; band finding (faint ink, specks, covered ink, the cap) and line insertion on fakes.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {findDroppedBands, recoverDroppedLines} from '../../../src/read/pdf/ocr-dropped-lines.js'
import {createOcrPool} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrImage, OcrLayout, OcrLine, OcrPool, OcrResult, OcrSession, PixelBox} from '../../../src/read/pdf/ocr-pool.js'
import {drawTextImage} from './draw-text-image.js'

/** An invented KPI table printed one cell per line, double spaced: tesseract's page read drops the lone "3", "0" and "1". */
const KPI_COLUMN = ['2024', '2025', 'Missed bin collections', '3', '0', '1', '17', 'Fly-tipping reports 9']
const LINE_PITCH_PX = 55
const TOP_PX = 50
/** An invented KPI column in a serif face: blurred like a scan, its figures' hairlines turn grey and the page read drops "3", "71%" and "1". */
const SERIF_COLUMN = ['2024', '2025', 'Missed bin collections', '24%', '3', '71%', '1', '17', 'Fly-tipping reports 9']
/** 22 px serif type blurred 0.8 px, as an office scanner softens Times at 200 dpi. */
const SERIF_SCAN = {face: 'serif', size: 22, blur: 0.8} as const

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

  it('should recover lone serif figures whose hairlines the scan blurred grey', async () => {
    const image = drawTextImage(SERIF_COLUMN, {width: 400, height: 550, left: 40, top: TOP_PX, pitch: LINE_PITCH_PX, ...SERIF_SCAN})
    const {page, recovered} = await pool.session(async (session) => {
      const read = await session.recognise(image)
      return {page: read, recovered: await recoverDroppedLines(session, image, read)}
    })
    expect(texts(page)).not.toContain('71%')
    expect(texts(recovered)).toEqual(SERIF_COLUMN)
  })

  it('should add no line for specks, a grey smudge or hairline rules around serif text', async () => {
    const image = drawTextImage(['Missed bin collections', '', 'Fly-tipping reports', '', 'Street cleansing'], {width: 400, height: 330, left: 40, top: TOP_PX, pitch: LINE_PITCH_PX, ...SERIF_SCAN})
    for (const [x, y] of [[60, 80], [150, 84], [250, 78], [320, 135], [90, 140], [200, 262], [280, 268]] as const) speck(image, x, y, 2)
    paint(image, [300, 80, 310, 96], 175) // a grey smudge, glyph-sized, with no dark pixel
    paint(image, [30, 185, 370, 188], 170) // a hairline rule: a dark core in a grey fringe
    paint(image, [30, 186, 370, 187], 90)
    paint(image, [349, 230, 352, 250], 170) // a hairline piece of a border, one line high
    paint(image, [350, 230, 351, 250], 100)
    const {page, recovered} = await pool.session(async (session) => {
      const read = await session.recognise(image)
      return {page: read, recovered: await recoverDroppedLines(session, image, read)}
    })
    expect(recovered).toBe(page)
  })
})

/** A dark square speck `size` px wide at (x, y) in a one-pixel grey fringe, as a scan's dust. */
function speck(image: OcrImage, x: number, y: number, size: number): void {
  paint(image, [x - 1, y - 1, x + size + 1, y + size + 1], 190)
  paint(image, [x, y, x + size, y + size], 60)
}

/** `box` of `image` painted `grey`. */
function paint(image: OcrImage, [x0, y0, x1, y1]: PixelBox, grey: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(grey, y * image.width + x0, y * image.width + x1)
}

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

  it('should take the grey hairlines of a blurred glyph into its band, and no grey ink that touches no dark pixel or is a hairline', () => {
    const image = inkImage(200, 200, [[12, 12, 140, 28], [20, 90, 23, 105]]) // the heading's ink; a figure's dark stem
    paint(image, [16, 88, 30, 90], 160) // ...and its grey hairline bar, as a blurred serif "7"
    paint(image, [100, 100, 110, 116], 175) // a grey smudge, glyph-sized, with no dark pixel
    paint(image, [160, 90, 163, 106], 170) // a hairline piece of a table border: a dark core in a grey fringe
    paint(image, [161, 90, 162, 106], 100)
    speck(image, 60, 130, 3)
    expect(findDroppedBands(image, lines, LINE_HEIGHT).map((b) => b.box)).toEqual([[16, 88, 30, 105]])
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

  it('should read a band grown by grey fringe also as its dark ink bounds it, keeping the surer read', async () => {
    const fringed = inkImage(200, 200, [[12, 12, 140, 28], [20, 90, 30, 105], [12, 172, 140, 188]])
    paint(fringed, [30, 96, 44, 99], 190) // grey fringe reaching a speck right of the figure
    paint(fringed, [44, 96, 46, 98], 90)
    const widths: number[] = []
    const session: OcrSession = {
      async recognise(crop) {
        widths.push(crop.width)
        // With the speck, the figure reads as junk; bounded by its dark ink, as "560".
        const [text, confidence] = crop.width > 120 ? ['56(', 0.62] : ['560', 0.91]
        const bbox: PixelBox = [10, 10, crop.width - 10, crop.height - 10]
        return {lines: [{words: [{text, bbox, confidence}], bbox, confidence, paragraph: 0}], confidence, wordCount: 1}
      }
    }
    const result = await recoverDroppedLines(session, fringed, page)
    expect(widths).toHaveLength(2)
    expect(texts(result)).toEqual(['Heading', '560', 'Footer'])
    expect(texts(await recoverDroppedLines(fakeSession('7', 0.9), image, page))).toEqual(['Heading', '7', 'Footer'])
  })

  it('should read a band again at its scan size when the enlarged read is rejected', async () => {
    const layouts: Array<OcrLayout | undefined> = []
    const heights: number[] = []
    const session: OcrSession = {
      async recognise(crop, layout) {
        layouts.push(layout)
        heights.push(crop.height)
        // Enlarged, the figure reads as a rule; at its size, as a "1".
        const [text, confidence] = crop.height > 50 ? ['|', 0.9] : ['1', 0.9]
        const bbox: PixelBox = [10, 10, crop.width - 10, crop.height - 10]
        return {lines: [{words: [{text, bbox, confidence}], bbox, confidence, paragraph: 0}], confidence, wordCount: 1}
      }
    }
    const result = await recoverDroppedLines(session, image, page)
    // The 15 px band is tripled (with its 10 px margins, 105 px), then read as scanned (35 px).
    expect(heights).toEqual([105, 35])
    expect(layouts).toEqual(['line', 'line'])
    expect(texts(result)).toEqual(['Heading', '1', 'Footer'])
    expect(result.lines[1]!.bbox).toEqual([20, 90, 30, 105])
  })

  it('should read at most 8 bands of a page again', async () => {
    const glyphs: PixelBox[] = []
    for (let i = 0; i < 12; i++) glyphs.push([10 + (i % 4) * 100, 40 + Math.floor(i / 4) * 30, 20 + (i % 4) * 100, 55 + Math.floor(i / 4) * 30])
    const session = fakeSession('|', 0.9)
    const heading = ocrLine('Heading', [10, 5, 150, 25], 0)
    expect(await recoverDroppedLines(session, inkImage(400, 200, glyphs), {lines: [heading], confidence: 0.9, wordCount: 1})).toMatchObject({wordCount: 1})
    expect(session.layouts).toHaveLength(12 + 8)
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
