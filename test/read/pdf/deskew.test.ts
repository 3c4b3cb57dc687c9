// Tests for deskewing: the skew of drawn text lines is found to within 0.1°, small skews and pages
// without clear lines are left alone, straightening sharpens the lines, and a skewed table reads row by row.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {deskewImage, estimateSkew, MIN_DESKEW_DEG, MIN_SKEW_DEG} from '../../../src/read/pdf/deskew.js'
import {createOcrPool} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrImage, OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {rotateImage} from '../../../src/read/pdf/orientation.js'
import {drawTextImage} from './draw-text-image.js'

/** Invented agenda lines of varied length, as on a scanned page. */
const PAGE_LINES = Array.from({length: 24}, (_, i) =>
  i % 3 === 0 ? `${i / 3 + 1}. Apologies for absence` : `The committee considered report ${i} of the Director of Housing and Planning on budget lines`)

/** A 200 dpi page, 1654 × 2339 pixels (A4), its lines turned clockwise by `skew` degrees. */
function page(skew: number, lines: readonly string[] = PAGE_LINES): OcrImage {
  return drawTextImage(lines, {width: 1654, height: 2339, left: 150, top: 250, pitch: 60, skew})
}

/** Sum of squared counts of dark pixels per row: high when the lines lie flat. */
function rowSharpness(image: OcrImage): number {
  let sum = 0
  for (let y = 0; y < image.height; y++) {
    let dark = 0
    for (let x = 0; x < image.width; x++) if (image.data[y * image.width + x]! < 128) dark++
    sum += dark * dark
  }
  return sum
}

describe('estimateSkew', () => {
  it.each([1, -1, 2.5, -2.5, 4])('should find a skew of %s° to within 0.1°', (skew) => {
    expect(Math.abs(estimateSkew(page(skew)) - skew)).toBeLessThanOrEqual(0.1)
  })

  it('should find no skew on a straight page or under the threshold', () => {
    expect(MIN_SKEW_DEG).toBe(0.3)
    expect(estimateSkew(page(0))).toBe(0)
    expect(estimateSkew(page(0.1))).toBe(0)
    expect(estimateSkew(page(-0.15))).toBe(0)
  })

  it('should find no skew on a blank page or one with only a few specks', () => {
    expect(estimateSkew(page(0, []))).toBe(0)
    const specks = page(0, [])
    for (let i = 0; i < 300; i++) specks.data[(i * 7919 * 13) % specks.data.length] = 40
    expect(estimateSkew(specks)).toBe(0)
  })

  it('should find a sideways page skewed by its lines\' aligned ends or not at all, and straight once turned upright', () => {
    const sideways = rotateImage(page(2), 90)
    const found = estimateSkew(sideways)
    expect(found === 0 || Math.abs(found - 2) <= 0.1).toBe(true)
    expect(Math.abs(estimateSkew(rotateImage(sideways, 270)) - 2)).toBeLessThanOrEqual(0.1)
    expect(estimateSkew(rotateImage(deskewImage(sideways).image, 270))).toBe(0)
  })
})

describe('deskewImage', () => {
  it('should straighten a skewed page so that its lines are as sharp as unskewed, keeping its size', () => {
    const straight = rowSharpness(page(0))
    const skewed = page(2.5)
    const {image, skew} = deskewImage(skewed)
    expect(skew).toBeCloseTo(2.5, 1)
    expect([image.width, image.height, image.dpi]).toEqual([skewed.width, skewed.height, skewed.dpi])
    expect(rowSharpness(skewed)).toBeLessThan(straight * 0.5)
    expect(rowSharpness(image)).toBeGreaterThan(straight * 0.9)
    expect(estimateSkew(image)).toBe(0)
  })

  it('should keep a page skewed less than 1.5° as it is (tesseract reads it well)', () => {
    expect(MIN_DESKEW_DEG).toBe(1.5)
    const slight = page(1)
    expect(deskewImage(slight)).toEqual({image: slight, skew: 0})
  })

  it('should keep a straight page as it is', () => {
    const straight = page(0)
    expect(deskewImage(straight)).toEqual({image: straight, skew: 0})
  })
})

describe('deskewing before OCR', () => {
  let pool: OcrPool

  beforeAll(() => {
    pool = createOcrPool({size: 1})
  })

  afterAll(async () => {
    await pool.terminate()
  })

  /** An invented KPI table of monthly figures across a landscape page, every figure unique. */
  const TABLE = [
    ['Missed bin collections', '312', '298', '305', '287', '301', '276', '290', '284'],
    ['Fly-tipping reports', '1,204', '1,150', '1,093', '1,021', '1,187', '1,162', '1,140', '1,118'],
    ['Planning decisions in time', '88%', '91%', '93%', '90%', '87%', '89%', '92%', '94%'],
    ['Council tax collected', '96.1%', '96.4%', '96.8%', '97.0%', '95.7%', '95.9%', '96.2%', '96.6%'],
    ['Housing repairs completed', '4,512', '4,733', '4,820', '5,006', '4,655', '4,701', '4,868', '4,937']
  ]
  const PITCH_PX = 48

  /** How far apart (pixels, vertically) the centres of each row's figures are read, at most. */
  async function rowSpread(image: OcrImage): Promise<number> {
    const words = (await pool.recognise(image)).lines.flatMap((l) => l.words)
    let spread = 0
    for (const row of TABLE) {
      const centres = words.filter((w) => row.slice(1).includes(w.text)).map((w) => (w.bbox[1] + w.bbox[3]) / 2)
      expect(centres.length).toBeGreaterThanOrEqual(3)
      spread = Math.max(spread, Math.max(...centres) - Math.min(...centres))
    }
    return spread
  }

  it('should read the figures of each row of a table skewed by 2.5° at one height', async () => {
    const lines = TABLE.map((row) => row[0]!.padEnd(30, ' ') + row.slice(1).map((c) => c.padStart(6, ' ')).join(' '.repeat(12)))
    const skewed = drawTextImage(lines, {width: 2339, height: 800, left: 100, top: 250, pitch: PITCH_PX, skew: 2.5})
    // As scanned, a row's last figure sits most of a row lower than its first; straightened, within a few pixels.
    expect(await rowSpread(skewed)).toBeGreaterThan(PITCH_PX * 0.75)
    expect(await rowSpread(deskewImage(skewed).image)).toBeLessThan(PITCH_PX / 8)
  })
})
