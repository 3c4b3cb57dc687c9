// Tests for renderPage: the resolution chosen for text pages and scans (~300 dpi, never past the cap),
// /Rotate honoured through the viewport, grey pixels out.
import {describe, expect, it} from 'vitest'
import PDFDocument from 'pdfkit'
import {chooseScale, renderPage} from '../../../src/read/pdf/render.js'
import {AGENDA_LINES, scannedPdf, textPdf, withFirstPage} from '../../util/scanned-pdf.js'

/** A pdfkit page of the given size in points with one line of text. */
function bigPage(size: [number, number]): Promise<Uint8Array> {
  const doc = new PDFDocument({size, margin: 72})
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  doc.fontSize(40).text('Wexmoor Borough Council')
  doc.end()
  return done
}

/** Adds `/Rotate` to the first page dictionary (pdf.js rebuilds the shifted xref). */
function withRotate(bytes: Uint8Array, degrees: number): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1')
  return new Uint8Array(Buffer.from(text.replace('/Type /Page\n', `/Type /Page\n/Rotate ${degrees}\n`), 'latin1'))
}

/** Share of dark pixels in a rectangle given as fractions of the image. */
function ink(page: {width: number; height: number; data: Uint8Array}, fx0: number, fy0: number, fx1: number, fy1: number): number {
  let dark = 0
  let all = 0
  for (let y = Math.floor(fy0 * page.height); y < fy1 * page.height; y++) {
    for (let x = Math.floor(fx0 * page.width); x < fx1 * page.width; x++, all++) if (page.data[y * page.width + x]! < 128) dark++
  }
  return dark / all
}

describe('renderPage', () => {
  it('should render a text page at 300 dpi as grey pixels', async () => {
    const page = await withFirstPage(await textPdf(AGENDA_LINES), (pdfPage) => renderPage(pdfPage))
    expect(page.scale).toBeCloseTo(300 / 72, 5)
    expect(page.width).toBe(Math.ceil(595.28 * page.scale))
    expect(page.data.length).toBe(page.width * page.height)
    expect([page.pageWidth, page.pageHeight]).toEqual([595.28, 841.89])
    expect(ink(page, 0, 0, 1, 0.15)).toBeGreaterThan(0.005)
    expect(ink(page, 0, 0.6, 1, 1)).toBe(0)
  })

  it('should render a decent scan at its own resolution', async () => {
    const page = await withFirstPage(await scannedPdf(['Planning Committee'], {dpi: 250}), (pdfPage) => renderPage(pdfPage))
    expect(page.scale * 72).toBeCloseTo(250, 0)
  })

  it('should cap the longer side of a huge page', async () => {
    const page = await withFirstPage(await bigPage([2400, 3400]), (pdfPage) => renderPage(pdfPage))
    expect(Math.max(page.width, page.height)).toBeLessThanOrEqual(3600)
  })

  it('should honour /Rotate through the viewport', async () => {
    const rotated = withRotate(await bigPage([595.28, 841.89]), 90)
    const page = await withFirstPage(rotated, (pdfPage) => renderPage(pdfPage, {dpi: 72}))
    expect([page.pageWidth, page.pageHeight]).toEqual([841.89, 595.28])
    expect(page.width).toBeGreaterThan(page.height)
    // Turned clockwise, the top-left title lands on the right-hand edge.
    expect(ink(page, 0.75, 0, 1, 0.6)).toBeGreaterThan(0.01)
    expect(ink(page, 0, 0, 0.5, 1)).toBe(0)
  })
})

describe('chooseScale', () => {
  it('should upscale a small scan towards 300 dpi, at most threefold', () => {
    expect(chooseScale(100 / 72, 792, 300, 3600)).toBeCloseTo(300 / 72)
    expect(chooseScale(50 / 72, 842, 300, 3600)).toBeCloseTo(150 / 72)
  })

  it('should keep a large scan at its own size, shrink a finer one to 300 dpi, and cap any page at the longest side', () => {
    expect(chooseScale(200 / 72, 842, 300, 3600)).toBeCloseTo(200 / 72)
    expect(chooseScale(2480 / 1262, 1262, 300, 3600)).toBeCloseTo(2480 / 1262)
    expect(chooseScale(600 / 72, 842, 300, 3600)).toBeCloseTo(300 / 72)
    expect(chooseScale(null, 842, 300, 3600)).toBeCloseTo(300 / 72)
    expect(chooseScale(null, 3400, 300, 3600)).toBeCloseTo(3600 / 3400)
  })
})
