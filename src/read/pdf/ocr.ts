// Reads one PDF page by OCR: render, straighten a clearly skewed scan, read the right way up on a pooled
// tesseract.js worker (ink the read lost read again with local thresholds, lines it dropped re-read alone), and build page-tree nodes in PDF points.
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {VFile} from 'vfile'
import {line, page, paragraph, word} from '../../tree/build.js'
import type {BBox, Line, Page, Paragraph} from '../../tree/types.js'
import {report} from '../../messages.js'
import {deskewImage} from './deskew.js'
import {recoverDroppedLines} from './ocr-dropped-lines.js'
import {rereadLostInk} from './ocr-lost-ink.js'
import type {OcrLine, OcrPool, OcrWord, PixelBox} from './ocr-pool.js'
import {readUpright} from './orientation.js'
import type {Rotation, UprightRead} from './orientation.js'
import {renderPage} from './render.js'
import type {RenderedPage} from './render.js'

/** Mean word confidence (0–1) below which the page gets an `ocr-low-confidence` warning. */
export const LOW_CONFIDENCE = 0.6
/** Words read with less confidence than this (0–1) that hold no letter or digit are scan debris, dropped. */
const DEBRIS_CONFIDENCE = 0.3
const HAS_ALNUM = /[\p{L}\p{N}]/u

/** What is kept of a page's OCR: the upright read and the render's scale and page size (no pixels). */
interface PageRead {
  read: Omit<UprightRead, 'image'>
  size: RenderedSize
}

type RenderedSize = Pick<RenderedPage, 'scale' | 'pageWidth' | 'pageHeight'>

/**
 * OCRs `pdfPage` (1-based `pageNumber`) into a page node; never throws (failures become `ocr-failed`).
 * @param pageKey names the page for a caching pool (document hash and page), or null
 */
export async function ocrPage(pdfPage: PDFPageProxy, pageNumber: number, pool: OcrPool, file: VFile, pageKey: string | null = null): Promise<Page> {
  try {
    const reading = (): Promise<PageRead> => renderAndRead(pdfPage, pool)
    const {read, size} = pageKey && pool.readPage ? await pool.readPage(pageKey, reading) : await reading()
    return buildPage(read, size, pageNumber, file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    report(file, 'ocr-failed', `OCR of page ${pageNumber} failed: ${reason}`, pageNumber)
    const size = unrotatedSize(pdfPage)
    return page([], {page: pageNumber, method: 'ocr', reason: 'no text layer', width: size.pageWidth, height: size.pageHeight, ocrConfidence: null, printedPage: null})
  }
}

async function renderAndRead(pdfPage: PDFPageProxy, pool: OcrPool): Promise<PageRead> {
  const rendered = await renderPage(pdfPage)
  // A skewed scan is straightened about its centre, same size and scale: word boxes are then in the straightened
  // page's coordinates (lines level, columns upright; print near the edges moved up to ~18 pt on A4 at 2.5°), as readers want.
  const {image} = deskewImage({width: rendered.width, height: rendered.height, data: rendered.data, dpi: rendered.scale * 72})
  // Lines the page read dropped (a lone figure between lines) are re-read on the same worker.
  const {result, rotation} = await pool.session(async (session) => {
    const upright = await readUpright(session, image)
    const read = await rereadLostInk(session, upright.image, upright.result)
    return {result: await recoverDroppedLines(session, upright.image, read), rotation: upright.rotation}
  })
  return {read: {result, rotation}, size: {scale: rendered.scale, pageWidth: rendered.pageWidth, pageHeight: rendered.pageHeight}}
}

function unrotatedSize(pdfPage: PDFPageProxy): {pageWidth: number; pageHeight: number} {
  const viewport = pdfPage.getViewport({scale: 1})
  return {pageWidth: viewport.width, pageHeight: viewport.height}
}

function buildPage(read: PageRead['read'], rendered: RenderedSize, pageNumber: number, file: VFile): Page {
  const toPoints = (b: PixelBox): BBox => b.map((v) => round(v / rendered.scale, 2)) as BBox
  const {blocks, confidences} = buildBlocks(read.result.lines, pageNumber, toPoints)
  const ocrConfidence = confidences.length === 0 ? null : round(mean(confidences), 3)
  const sideways = read.rotation === 90 || read.rotation === 270
  const result = page(blocks, {
    page: pageNumber,
    method: 'ocr',
    reason: 'no text layer',
    width: round(sideways ? rendered.pageHeight : rendered.pageWidth, 2),
    height: round(sideways ? rendered.pageWidth : rendered.pageHeight, 2),
    ocrConfidence,
    printedPage: null
  })
  warn(file, pageNumber, read.rotation, ocrConfidence)
  return result
}

function warn(file: VFile, pageNumber: number, rotation: Rotation, confidence: number | null): void {
  if (rotation !== 0) {
    report(file, 'ocr-rotated-page', `Page ${pageNumber} was scanned ${describeTurn(rotation)}; it was turned ${rotation}° clockwise before OCR`, pageNumber)
  }
  if (confidence !== null && confidence < LOW_CONFIDENCE) {
    report(file, 'ocr-low-confidence', `Unexpected OCR confidence ${confidence} on page ${pageNumber}, expected at least ${LOW_CONFIDENCE}`, pageNumber)
  }
}

function describeTurn(rotation: Rotation): string {
  return rotation === 180 ? 'upside down' : 'sideways'
}

/** Paragraph nodes from tesseract's lines (grouped by its paragraph index), debris dropped. */
function buildBlocks(lines: OcrLine[], pageNumber: number, toPoints: (b: PixelBox) => BBox): {blocks: Paragraph[]; confidences: number[]} {
  const groups: Array<{index: number; lines: Line[]}> = []
  const confidences: number[] = []
  for (const ocrLine of lines) {
    const words = ocrLine.words.filter(isKept)
    if (words.length === 0) continue
    for (const w of words) confidences.push(w.confidence)
    const node = line(words.map((w) => word(w.text, {page: pageNumber, bbox: toPoints(w.bbox), confidence: round(w.confidence, 3)})), {
      page: pageNumber,
      confidence: round(mean(words.map((w) => w.confidence)), 3)
    })
    const last = groups.at(-1)
    if (last?.index === ocrLine.paragraph) last.lines.push(node)
    else groups.push({index: ocrLine.paragraph, lines: [node]})
  }
  return {blocks: groups.map((g) => toParagraph(g.lines, pageNumber)), confidences}
}

function toParagraph(lines: Line[], pageNumber: number): Paragraph {
  const confidence = round(mean(lines.map((l) => l.data.confidence ?? 0)), 3)
  return paragraph(lines, {page: pageNumber, confidence})
}

function isKept(w: OcrWord): boolean {
  return w.confidence >= DEBRIS_CONFIDENCE || HAS_ALNUM.test(w.text)
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
