// Opens a PDF with pdf.js (legacy build, Node 20) and its bundled assets, and turns pdf.js's
// opening failures into PackErrors with a one-line human reason (encrypted, corrupt).
import {createRequire} from 'node:module'
import path from 'node:path'
import {getDocument, loadPdfWorker, VerbosityLevel} from './pdfjs.js'
import type {PDFDocumentLoadingTask, PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {PackError} from '../../errors.js'

export type {PDFDocumentProxy}

/** Directory of the installed pdfjs-dist package, with a trailing separator. */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + path.sep

/** pdf.js asset folders as plain directory paths (pdf.js in Node wants paths, not file:// URLs). */
const ASSETS = {
  standardFontDataUrl: PDFJS_DIR + 'standard_fonts' + path.sep,
  cMapUrl: PDFJS_DIR + 'cmaps' + path.sep,
  cMapPacked: true,
  wasmUrl: PDFJS_DIR + 'wasm' + path.sep,
  iccUrl: PDFJS_DIR + 'iccs' + path.sep
}

/** Longest pdf.js message kept in a PackError reason (characters): one readable line. */
const MAX_REASON_CHARS = 200

/**
 * Starts loading a PDF; the caller must `await task.destroy()` when done (see {@link withPdf}).
 * Prefer {@link openPdf}, which first loads pdf.js's worker code without its slow polyfills.
 * @param bytes the PDF file's bytes (copied, so pdf.js may detach its own buffer)
 * @returns the pdf.js loading task
 */
export function loadPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data: new Uint8Array(bytes),
    ...ASSETS,
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false
  })
}

/**
 * Opens a PDF document. Destroy it with {@link closePdf}.
 * @param bytes the PDF file's bytes
 * @returns the open pdf.js document
 * @throws PackError `pdf-encrypted` when a user password is needed, `pdf-corrupt` when pdf.js cannot open it
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  await loadPdfWorker()
  const task = loadPdf(bytes)
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(ignore)
    throw openError(error)
  }
}

/**
 * Releases a document and everything pdf.js holds for it; never throws.
 * @param doc the document from {@link openPdf}
 */
export async function closePdf(doc: PDFDocumentProxy): Promise<void> {
  await doc.loadingTask.destroy().catch(ignore)
}

/**
 * Opens a PDF, runs `use` on it, and destroys the loading task in `finally`.
 * @param bytes the PDF file's bytes
 * @param use what to do with the open document
 * @returns what `use` returns
 */
export async function withPdf<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const doc = await openPdf(bytes)
  try {
    return await use(doc)
  } finally {
    await closePdf(doc)
  }
}

/**
 * Maps an error thrown while opening a PDF to a PackError with a short human reason.
 * @param error what pdf.js threw
 * @returns the PackError to throw
 */
export function openError(error: unknown): PackError {
  if (error instanceof PackError) return error
  const name = error instanceof Error ? error.name : ''
  const message = oneLine(error instanceof Error ? error.message : String(error))
  if (name === 'PasswordException') {
    return new PackError('pdf-encrypted', 'encrypted PDF: it needs a password to open', {cause: error})
  }
  return new PackError('pdf-corrupt', corruptReason(name, message), {cause: error})
}

/** Short reasons for pdf.js's usual complaints about broken files. */
function corruptReason(name: string, message: string): string {
  if (/xref|trailer|startxref|invalid pdf structure/i.test(message)) return 'damaged PDF: no valid cross-reference table or trailer'
  if (/no pdf header|not a pdf/i.test(message)) return 'damaged PDF: not a PDF file'
  if (/empty|zero.?length/i.test(message)) return 'damaged PDF: the file is empty'
  if (name === 'InvalidPDFException') return 'damaged PDF: ' + (message || 'invalid PDF structure')
  if (/unexpected end|truncated|missing endstream|bad (?:xref|object)/i.test(message)) return 'damaged PDF: the file is truncated or malformed'
  return 'damaged PDF: ' + (message || name || 'pdf.js could not open it')
}

/** Collapses whitespace so the reason fits one line, and bounds its length. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_REASON_CHARS ? flat.slice(0, MAX_REASON_CHARS - 1) + '…' : flat
}

function ignore(): void {}
