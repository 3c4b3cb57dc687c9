// measureDrawing: what a page draws, measured from its operator list or, with a caching pool,
// taken from the page cache so a scan's images are decoded once across runs.
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {describe, expect, it} from 'vitest'
import {withPageCache} from '../../../src/batch/ocr-cache.js'
import {measureDrawing} from '../../../src/read/pdf/page-drawing.js'
import type {OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {AGENDA_LINES, scannedPdf, textPdf, withFirstPage} from '../../util/scanned-pdf.js'
import {makeTempDir} from '../../util/temp-dir.js'

const noPool: OcrPool = {
  session: () => Promise.reject(new Error('no OCR expected')),
  recognise: () => Promise.reject(new Error('no OCR expected')),
  terminate: async () => {}
}

/** A page whose operator list must not be asked for (it was measured before). */
const unreadablePage = {getOperatorList: () => Promise.reject(new Error('operator list built again')), view: [0, 0, 595, 842]} as unknown as PDFPageProxy

describe('measureDrawing', () => {
  it('should measure a scanned page as one page-size image and a text page as no image', async () => {
    const scan = await withFirstPage(await scannedPdf(AGENDA_LINES.slice(0, 4)), (page) => measureDrawing(page))
    expect(scan.images).toBe(1)
    expect(scan.imageCoverage).toBeGreaterThan(0.9)
    const text = await withFirstPage(await textPdf(AGENDA_LINES.slice(0, 4)), (page) => measureDrawing(page))
    expect(text.images).toBe(0)
    expect(text.glyphs).toBeGreaterThan(20)
  })

  it('should take a page measured before from the page cache without building its operator list', async () => {
    const pool = withPageCache(noPool, await makeTempDir('drawing'), 'engine-a')
    const bytes = await scannedPdf(AGENDA_LINES.slice(0, 4))
    const first = await withFirstPage(bytes, (page) => measureDrawing(page, {pool, pageKey: 'doc#1'}))
    expect(await measureDrawing(unreadablePage, {pool, pageKey: 'doc#1'})).toEqual(first)
    await expect(measureDrawing(unreadablePage, {pool, pageKey: 'doc#2'})).rejects.toThrow('operator list built again')
  })

  it('should keep the drawing apart from the page OCR entry of the same key', async () => {
    const pool = withPageCache(noPool, await makeTempDir('drawing'), 'engine-a')
    const drawing = await withFirstPage(await scannedPdf(AGENDA_LINES.slice(0, 4)), (page) => measureDrawing(page, {pool, pageKey: 'doc#1'}))
    expect(await pool.readPage!('doc#1', async () => 'ocr entry')).toBe('ocr entry')
    expect(await measureDrawing(unreadablePage, {pool, pageKey: 'doc#1'})).toEqual(drawing)
  })

  it('should measure every time with a pool that has no page cache or a page without a key', async () => {
    await expect(measureDrawing(unreadablePage, {pool: noPool, pageKey: 'doc#1'})).rejects.toThrow('operator list built again')
    const pool = withPageCache(noPool, await makeTempDir('drawing'), 'engine-a')
    await expect(measureDrawing(unreadablePage, {pool, pageKey: null})).rejects.toThrow('operator list built again')
  })
})
