// Reads a PDF into the page tree one page at a time: the text layer where it is sound, OCR where
// the router says so, and an empty page (with a warning) where a page cannot be read.
import {createHash} from 'node:crypto'
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {VFile} from 'vfile'
import {page as pageNode, root} from '../../tree/build.js'
import type {Page, PageData, Root} from '../../tree/types.js'
import {PackError} from '../../errors.js'
import {report, type PageMessage} from '../../messages.js'
import {closePdf, openPdf} from './open.js'
import {ocrPage} from './ocr.js'
import type {OcrPool} from './ocr-pool.js'
import {measureDrawing, NOT_MEASURED} from './page-drawing.js'
import {needsDrawing, routePage} from './route-page.js'
import type {OcrMode, PageRoute} from './route-page.js'
import {readTextLayer, type FontWeights} from './text-layer.js'

export type {OcrMode}

export interface PdfReadOptions {
  ocr: OcrMode
  /** Returns the shared OCR pool, creating it on first call (so text-only packs start no workers). */
  getOcrPool: () => OcrPool
  /** The document's content hash, naming its pages for a caching OCR pool (set by readPdf). */
  documentHash?: string
}

/** Pages whose OCR may run at once when the pool does not say how many workers it has. */
const DEFAULT_OCR_AHEAD = 2

/** A page read at once, or a page whose OCR is under way (its pdf.js page released when it ends; it never rejects). */
type PageRead = {node: Page} | {pending: Promise<Page>}

/** Longest pdf.js message kept in a page warning (characters). */
const MAX_WARNING_CHARS = 200

/** The reason of a page pdf.js could not read (it becomes an empty page). */
const UNREADABLE = 'unreadable page'

/** How the warning for an unreadable page begins (the page is given by the message). */
const UNREADABLE_WARNING = 'Page could not be read: '

/** Why a stand-in page is unreadable: pdf.js gives a blank page with no object behind it when it cannot walk the page tree. */
const LOST_IN_PAGE_TREE = 'the page tree is damaged: it loops back on itself or lists a broken entry, so this page cannot be found'

/**
 * Reads a PDF into the page tree.
 * @param bytes the PDF file's bytes
 * @param file the file being processed (warnings are attached to it)
 * @param options OCR mode and the lazily created OCR pool
 * @returns the root with one page node per PDF page, in order
 * @throws PackError `pdf-corrupt` or `pdf-encrypted` when the PDF cannot be opened or has no pages
 */
export async function readPdf(bytes: Uint8Array, file: VFile, options: PdfReadOptions): Promise<Root> {
  options = {...options, documentHash: createHash('sha256').update(bytes).digest('hex')}
  const doc = await openPdf(bytes)
  const pages: Array<Page | Promise<Page>> = []
  const running = new Set<Promise<Page>>()
  try {
    if (doc.numPages === 0) throw new PackError('pdf-corrupt', 'PDF has no pages')
    const labels = await pageLabels(doc)
    const weights: FontWeights = new Map()
    // Text layers and routes are read in page order; OCR pages overlap, as many as the pool has workers.
    for (let n = 1; n <= doc.numPages; n++) {
      const read = await readPage(doc, n, file, options, weights)
      pages.push('node' in read ? read.node : read.pending)
      if ('pending' in read) await keepAhead(running, read.pending, options.getOcrPool().size ?? DEFAULT_OCR_AHEAD)
    }
    const nodes = await Promise.all(pages)
    if (nodes.every((node) => node.data.reason === UNREADABLE)) throw noPageRead(file)
    inPageOrder(file)
    nodes.forEach((node, i) => {
      const label = labels?.[i]
      if (label) node.data.label = label
    })
    return root(nodes, 'pdf')
  } finally {
    await Promise.allSettled(running)
    await closePdf(doc)
  }
}

/** The error for a PDF none of whose pages could be read, giving the first page's reason. */
function noPageRead(file: VFile): PackError {
  const first = file.messages.find((m) => m.ruleId === 'pdf-warning')?.reason.replace(UNREADABLE_WARNING, '')
  return new PackError('pdf-corrupt', 'damaged PDF: no page could be read' + (first ? ' (' + first + ')' : ''))
}

/** The PDF's page labels, or null when it has none or they cannot be read. */
async function pageLabels(doc: PDFDocumentProxy): Promise<Array<string> | null> {
  try {
    return await doc.getPageLabels()
  } catch {
    return null
  }
}

/** Puts the messages of pages read out of order (overlapping OCR) back in page order; stable within a page. */
function inPageOrder(file: VFile): void {
  const messages = file.messages as PageMessage[]
  messages.sort((a, b) => (a.page ?? 0) - (b.page ?? 0))
}

/** Adds `pending` to the OCR pages under way and waits while `limit` or more are. */
async function keepAhead(running: Set<Promise<Page>>, pending: Promise<Page>, limit: number): Promise<void> {
  running.add(pending)
  void pending.finally(() => running.delete(pending))
  while (running.size >= limit) await Promise.race(running)
}

/** Reads one page; a page pdf.js cannot read becomes an empty page with a `pdf-warning`. */
async function readPage(doc: PDFDocumentProxy, n: number, file: VFile, options: PdfReadOptions, weights: FontWeights): Promise<PageRead> {
  let pdfPage: PDFPageProxy | undefined
  let release = true
  try {
    pdfPage = await doc.getPage(n)
    const read = await readLoadedPage(pdfPage, n, file, options, weights)
    if (!('pending' in read)) return read
    release = false
    const loaded = pdfPage
    return {pending: read.pending.finally(() => loaded.cleanup())}
  } catch (error) {
    report(file, 'pdf-warning', UNREADABLE_WARNING + errorLine(error), n)
    return {node: emptyPage(n, UNREADABLE, pdfPage)}
  } finally {
    if (release) pdfPage?.cleanup()
  }
}

/** Reads a loaded page: the text layer first; what the page draws is measured only when routing needs it. */
async function readLoadedPage(pdfPage: PDFPageProxy, n: number, file: VFile, options: PdfReadOptions, weights: FontWeights): Promise<PageRead> {
  const layer = await readTextLayer(pdfPage, n, weights)
  // A scan's drawing (its images decoded) is measured once: a caching pool keeps it with the page's OCR; with OCR off no pool is asked for.
  const cache = options.ocr === 'never' ? null : {pool: options.getOcrPool(), pageKey: pageKey(options, n)}
  const drawing = needsDrawing(layer.stats) ? await measureDrawing(pdfPage, cache) : NOT_MEASURED
  const route = routePage({...layer.stats, ...drawing}, options.ocr)
  if (route.method === 'empty' && pdfPage.ref === null) throw new Error(LOST_IN_PAGE_TREE)
  if (route.warning) report(file, route.warning, warningText(route), n)
  const size = {width: layer.width, height: layer.height}
  if (route.method === 'ocr') return {pending: readOcrPage(pdfPage, n, file, options, route)}
  if (route.method === 'empty') return {node: pageNode([], pageData(n, 'empty', route.reason, size))}
  return {node: pageNode(layer.blocks, pageData(n, 'text-layer', route.reason, size))}
}

/** OCRs a page; if OCR fails the page is left empty with an `ocr-failed` warning. */
async function readOcrPage(pdfPage: PDFPageProxy, n: number, file: VFile, options: PdfReadOptions, route: PageRoute): Promise<Page> {
  try {
    const node = await ocrPage(pdfPage, n, options.getOcrPool(), file, pageKey(options, n))
    node.data.reason = route.reason
    return node
  } catch (error) {
    report(file, 'ocr-failed', 'OCR of page ' + n + ' failed: ' + errorLine(error), n)
    return emptyPage(n, route.reason + '; OCR failed', pdfPage)
  }
}

/** Names page `n` for a caching OCR pool: the document's content hash and the page number. */
function pageKey(options: PdfReadOptions, n: number): string | null {
  return options.documentHash ? `${options.documentHash}#${n}` : null
}

function emptyPage(n: number, reason: string, pdfPage: PDFPageProxy | undefined): Page {
  let size: {width?: number; height?: number} = {}
  try {
    if (pdfPage) {
      const viewport = pdfPage.getViewport({scale: 1})
      size = {width: viewport.width, height: viewport.height}
    }
  } catch {
    size = {}
  }
  return pageNode([], pageData(n, 'empty', reason, size))
}

function pageData(n: number, method: PageData['method'], reason: string, size: {width?: number; height?: number}): PageData {
  return {
    page: n,
    method,
    reason,
    ...(size.width !== undefined ? {width: round(size.width)} : {}),
    ...(size.height !== undefined ? {height: round(size.height)} : {}),
    ocrConfidence: null,
    printedPage: null
  }
}

/** The warning sentence for a routing decision. */
function warningText(route: PageRoute): string {
  if (route.warning === 'ocr-unavailable') return 'Page needs OCR (' + route.reason.replace(/; OCR switched off$/, '') + ') but OCR is switched off'
  if (route.warning === 'empty-page') return 'Page carries no text and draws nothing'
  return 'Page read by OCR: ' + route.reason
}

function errorLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim()
  return text.length > MAX_WARNING_CHARS ? text.slice(0, MAX_WARNING_CHARS - 1) + '…' : text || 'unknown error'
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
