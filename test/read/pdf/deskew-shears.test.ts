// Tests for the whole-pixel shears that straighten a skewed page: steps follow the shear within a
// pixel and fall in quiet places, glyph-like blocks come out whole and aligned, and no grey is blended.
import {describe, expect, it} from 'vitest'
import {stepsAlong, unskew} from '../../../src/read/pdf/deskew-shears.js'
import type {OcrImage} from '../../../src/read/pdf/ocr-pool.js'
import {drawTextImage} from './draw-text-image.js'

describe('stepsAlong', () => {
  it('should follow the line within a pixel, stepping only at quiet positions when it can', () => {
    const slope = 0.05
    // Busy runs of 12 positions (a glyph) between quiet pairs (the gap to the next).
    const quiet = (i: number): boolean => i % 14 >= 12
    const steps = stepsAlong(400, 200, slope, quiet)
    for (let i = 0; i < 400; i++) {
      expect(Math.abs(steps[i]! - (i - 200) * slope)).toBeLessThan(1)
      if (i > 0 && steps[i] !== steps[i - 1]) expect(quiet(i)).toBe(true)
    }
    expect(steps[399]! - steps[0]!).toBe(20)
  })

  it('should round when every position is quiet, and step inside a busy run longer than a pixel\'s worth', () => {
    expect([...stepsAlong(5, 0, 0.4, () => true)]).toEqual([0, 0, 1, 1, 2])
    expect([...stepsAlong(5, 0, -0.4, () => true)]).toEqual([0, 0, -1, -1, -2])
    expect([...stepsAlong(6, 0, 0.4, () => false)]).toEqual([0, 0, 0, 1, 1, 2])
  })
})

/** A page of 8 × 20 pixel blocks (glyphs) in lines, the sheet turned `degrees` clockwise: each block moved, not turned. */
function blockPage(degrees: number): OcrImage {
  const width = 1400
  const height = 700
  const data = new Uint8Array(width * height).fill(240)
  const [sin, cos] = [Math.sin((degrees * Math.PI) / 180), Math.cos((degrees * Math.PI) / 180)]
  for (let line = 0; line < 4; line++) {
    for (let column = 0; column < 70; column++) {
      const [x, y] = [150 + column * 15 - width / 2, 120 + line * 140 - height / 2]
      const left = Math.round(width / 2 + x * cos - y * sin)
      const top = Math.round(height / 2 + x * sin + y * cos)
      for (let row = top; row < top + 20; row++) data.fill(20, row * width + left, row * width + left + 8)
    }
  }
  return {width, height, data, dpi: 200}
}

/** Bounding boxes and ink counts of the 4-connected dark blobs of `image`. */
function blobs(image: OcrImage): Array<{left: number; top: number; right: number; bottom: number; ink: number}> {
  const seen = new Uint8Array(image.data.length)
  const found = []
  for (let start = 0; start < image.data.length; start++) {
    if (seen[start] || image.data[start]! >= 128) continue
    const blob = {left: Infinity, top: Infinity, right: -1, bottom: -1, ink: 0}
    const stack = [start]
    seen[start] = 1
    while (stack.length > 0) {
      const i = stack.pop()!
      const [x, y] = [i % image.width, Math.floor(i / image.width)]
      Object.assign(blob, {left: Math.min(blob.left, x), top: Math.min(blob.top, y), right: Math.max(blob.right, x), bottom: Math.max(blob.bottom, y), ink: blob.ink + 1})
      for (const j of [i - 1, i + 1, i - image.width, i + image.width]) {
        if (j >= 0 && j < image.data.length && !seen[j] && image.data[j]! < 128) {
          seen[j] = 1
          stack.push(j)
        }
      }
    }
    found.push(blob)
  }
  return found
}

describe('unskew', () => {
  it.each([2.5, -1.2, 0.6])('should straighten blocks turned %s° without cutting any, lines level and columns upright', (degrees) => {
    const found = blobs(unskew(blockPage(degrees), degrees))
    expect(found).toHaveLength(4 * 70)
    for (const b of found) expect([b.right - b.left + 1, b.bottom - b.top + 1, b.ink]).toEqual([8, 20, 160])
    const spread = (values: number[]): number => Math.max(...values) - Math.min(...values)
    for (let line = 0; line < 4; line++) expect(spread(found.filter((b) => Math.abs(b.top - (120 + line * 140)) < 40).map((b) => b.top))).toBeLessThanOrEqual(1)
    const firstColumn = found.filter((b) => b.left < 160)
    expect(firstColumn).toHaveLength(4)
    expect(spread(firstColumn.map((b) => b.left))).toBeLessThanOrEqual(1)
  })

  it('should move whole pixels, filling what the turn uncovers with white', () => {
    const drawn = drawTextImage(['Apologies for absence', 'Declarations of interest'], {width: 800, height: 400, left: 60, top: 100, pitch: 40})
    const image = unskew(drawn, 3)
    // Every grey in the result was drawn (no blend of neighbours), or is the white fill.
    const drawnGreys = new Uint8Array(256)
    for (const v of drawn.data) drawnGreys[v] = 1
    const newGreys = new Set<number>()
    for (const v of image.data) if (drawnGreys[v] === 0) newGreys.add(v)
    expect([...newGreys]).toEqual([])
    expect([image.width, image.height]).toEqual([800, 400])
    expect(image.data[0]).toBe(255)
    expect(image.data[image.data.length - 1]).toBe(255)
  })
})
