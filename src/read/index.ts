// Dispatches an input to its reader by format, so every format arrives as the same page tree.
// Only this layer and write/ touch the file system.
import type {VFile} from 'vfile'
import type {Root, SourceFormat} from '../tree/types.js'
import {readPdf, type PdfReadOptions} from './pdf/index.js'
import {readText} from './text.js'
import {decodeText} from './sniff.js'

/**
 * Reads input bytes of a known format into the page tree.
 * @param bytes the whole file
 * @param format as decided by sniffFormat
 * @param file carries messages for the input
 * @param pdfOptions OCR routing and the shared OCR pool for PDFs
 */
export async function readInput(bytes: Uint8Array, format: SourceFormat, file: VFile, pdfOptions: PdfReadOptions): Promise<Root> {
  if (format === 'pdf') return readPdf(bytes, file, pdfOptions)
  const text = decodeText(bytes)
  if (format !== 'markdown') return readText(text, file)
  const {readMarkdown} = await import('./markdown.js') // remark and micromark load only for markdown packs
  return readMarkdown(text, file)
}

