// Tests for createOcrPool: reproducible output whatever a worker read before (tesseract.js
// #977), bounded lazy workers, and a terminate() that really ends them.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {ocrPage} from '../../../src/read/pdf/ocr.js'
import {createOcrPool} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrImage, OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {renderPage} from '../../../src/read/pdf/render.js'
import type {Page} from '../../../src/tree/types.js'
import {AGENDA_LINES, MINUTES_LINES, scannedPdf, withFirstPage} from '../../util/scanned-pdf.js'

let agenda: Uint8Array
let minutes: Uint8Array

beforeAll(async () => {
  agenda = await scannedPdf(AGENDA_LINES, {turn: 1, seed: 3})
  minutes = await scannedPdf(MINUTES_LINES, {turn: -0.8, seed: 4})
})

function read(bytes: Uint8Array, pool: OcrPool): Promise<Page> {
  return withFirstPage(bytes, (pdfPage) => ocrPage(pdfPage, 1, pool, new VFile()))
}

describe('createOcrPool', () => {
  let pool: OcrPool
  beforeAll(() => {
    pool = createOcrPool({size: 1})
  })
  afterAll(async () => {
    await pool.terminate()
  })

  it('should give the same page tree for a page whatever the worker read before', async () => {
    const first = await read(agenda, pool)
    const other = await read(minutes, pool)
    const again = await read(agenda, pool)
    expect(other).not.toEqual(first)
    expect(again).toEqual(first)
    expect(first.children.length).toBeGreaterThan(0)
  })

  it('should run sessions one at a time on a pool of one worker', async () => {
    const image = await withFirstPage(agenda, (pdfPage) => renderPage(pdfPage, {dpi: 100}))
    const small: OcrImage = {width: image.width, height: image.height, data: image.data, dpi: 100}
    let running = 0
    let most = 0
    const task = () => pool.session(async (session) => {
      running++
      most = Math.max(most, running)
      const result = await session.recognise(small)
      running--
      return result.wordCount
    })
    const counts = await Promise.all([task(), task()])
    expect(most).toBe(1)
    expect(counts[0]).toBe(counts[1])
  })

  it('should read a page with local thresholds, and read it as before with the global one afterwards', async () => {
    const image = await withFirstPage(agenda, (pdfPage) => renderPage(pdfPage, {dpi: 150}))
    const page: OcrImage = {width: image.width, height: image.height, data: image.data, dpi: 150}
    const [before, local, after] = await pool.session(async (session) =>
      [await session.recognise(page), await session.recognise(page, 'page-local'), await session.recognise(page)])
    expect(local!.wordCount).toBeGreaterThan(0)
    expect(after).toEqual(before)
  })
})

describe('createOcrPool terminate', () => {
  it('should reject jobs after terminate and start no worker when never used', async () => {
    const pool = createOcrPool({size: 2})
    await pool.terminate()
    await expect(pool.recognise({width: 1, height: 1, data: new Uint8Array([255]), dpi: 300})).rejects.toThrow(/terminated/)
  })
})
