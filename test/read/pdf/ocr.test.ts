// Tests for ocrPage: invented agenda pages typeset, "scanned" into image-only PDFs, then read
// back by OCR — accuracy (CER), upside-down pages, low confidence, failure and box geometry.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {ocrPage} from '../../../src/read/pdf/ocr.js'
import {createOcrPool} from '../../../src/read/pdf/ocr-pool.js'
import type {OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {pageText} from '../../../src/tree/to-text.js'
import type {Page} from '../../../src/tree/types.js'
import {cer} from '../../util/cer.js'
import {AGENDA_LINES, noisePdf, scannedPdf, withFirstPage} from '../../util/scanned-pdf.js'

/** Highest acceptable character error rate on a clean synthetic scan. */
const MAX_CER = 0.05

let pool: OcrPool

beforeAll(() => {
  pool = createOcrPool({size: 1})
})

afterAll(async () => {
  await pool.terminate()
})

async function ocrBytes(bytes: Uint8Array, file = new VFile(), ocrPool = pool): Promise<{page: Page; file: VFile}> {
  const page = await withFirstPage(bytes, (pdfPage) => ocrPage(pdfPage, 3, ocrPool, file))
  return {page, file}
}

function codes(file: VFile): string[] {
  return file.messages.map((m) => String(m.ruleId))
}

describe('ocrPage', () => {
  it('should read a skewed, speckled scan with a character error rate of at most 5%', async () => {
    const {page, file} = await ocrBytes(await scannedPdf(AGENDA_LINES, {turn: 1}))
    const text = pageText(page)
    expect(cer(AGENDA_LINES.join('\n'), text)).toBeLessThanOrEqual(MAX_CER)
    expect(page.data).toMatchObject({page: 3, method: 'ocr', reason: 'no text layer', printedPage: null})
    expect(page.data.ocrConfidence).toBeGreaterThan(0.8)
    expect(codes(file)).toEqual([])
  })

  it('should give word boxes in PDF points, top-left origin, inside the page', async () => {
    const {page} = await ocrBytes(await scannedPdf(AGENDA_LINES, {turn: 0}))
    expect(page.data.width).toBeCloseTo(595.28, 1)
    expect(page.data.height).toBeCloseTo(841.89, 1)
    const block = page.children[0]!
    if (block.type === 'table') throw new Error('OCR makes no tables')
    const first = block.children[0]!.children[0]!
    expect(first.value).toBe('Wexmoor')
    // pdfkit's 56 pt margin: the title starts near x = 56 at the top of the page.
    const [x0, y0, x1, y1] = first.data.bbox!
    expect(x0).toBeGreaterThan(50)
    expect(x0).toBeLessThan(62)
    expect(y0).toBeGreaterThan(50)
    expect(y1).toBeLessThan(90)
    expect(x1).toBeGreaterThan(x0)
    expect(first.data.confidence).toBeGreaterThan(0.5)
    expect(first.data.page).toBe(3)
  })

  it('should read an upside-down scan the right way up and warn ocr-rotated-page', async () => {
    const {page, file} = await ocrBytes(await scannedPdf(AGENDA_LINES, {turn: 181}))
    expect(cer(AGENDA_LINES.join('\n'), pageText(page))).toBeLessThanOrEqual(MAX_CER)
    expect(codes(file)).toEqual(['ocr-rotated-page'])
    expect(file.messages[0]!.reason).toMatch(/upside down/)
  })

  it('should read a sideways scan (landscape image) the right way up', async () => {
    const {page, file} = await ocrBytes(await scannedPdf(AGENDA_LINES, {turn: 91}))
    expect(cer(AGENDA_LINES.join('\n'), pageText(page))).toBeLessThanOrEqual(MAX_CER)
    expect(codes(file)).toEqual(['ocr-rotated-page'])
    expect(file.messages[0]!.reason).toMatch(/sideways.*270°/)
    // Turned upright, the page is portrait again.
    expect(page.data.width).toBeCloseTo(595.28, 1)
    expect(page.data.height).toBeCloseTo(841.89, 1)
  })

  it('should warn ocr-low-confidence on a page of noise', async () => {
    const {page, file} = await ocrBytes(await noisePdf())
    expect(codes(file)).toContain('ocr-low-confidence')
    expect(codes(file)).not.toContain('ocr-rotated-page')
    expect(page.data.ocrConfidence ?? 0).toBeLessThan(0.6)
  })

  it('should return an empty page and warn ocr-failed when OCR cannot start', async () => {
    const broken = createOcrPool({size: 1, langPath: '/nonexistent/tessdata'})
    try {
      const {page, file} = await ocrBytes(await scannedPdf(AGENDA_LINES.slice(0, 2), {dpi: 100}), new VFile(), broken)
      expect(page.children).toEqual([])
      expect(page.data).toMatchObject({method: 'ocr', ocrConfidence: null})
      expect(codes(file)).toEqual(['ocr-failed'])
      expect(file.messages[0]!.reason).toMatch(/language data/)
    } finally {
      await broken.terminate()
    }
  })
})
