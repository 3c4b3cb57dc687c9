// Decides what kind of input a file is from its bytes first and its name second, and refuses
// files that are none of PDF, markdown or text with a reason a person understands.
import {extname} from 'node:path'
import {PackError} from '../errors.js'
import type {SourceFormat} from '../tree/types.js'

/** Bytes looked at to decide whether a file is text (enough for a page or two). */
const SNIFF_BYTES = 8192
/** Share of control bytes (other than tab, CR, LF, FF) above which a file is binary, not text. */
const MAX_CONTROL_SHARE = 0.02

/** Bytes of a .txt file searched for markdown signs (exports put tables and HTML well down). */
const MARKDOWN_SNIFF_BYTES = 65536

/** A PDF header: "%PDF-1.7"; readers accept junk before it within the first kilobyte. */
const PDF_HEADER = /%PDF-\d\.\d/
const PDF_HEADER_WITHIN = 1024

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd'])

/**
 * Works out the format of an input.
 * @param bytes the whole file
 * @param path its name, used for the extension and in messages
 * @returns 'pdf' | 'markdown' | 'text'
 * @throws PackError when the file is empty, binary or an HTML page
 */
export function sniffFormat(bytes: Uint8Array, path: string): SourceFormat {
  if (bytes.length === 0) throw new PackError('empty-file', 'file is empty (0 bytes)')
  if (PDF_HEADER.test(Buffer.from(bytes.subarray(0, PDF_HEADER_WITHIN)).toString('latin1'))) return 'pdf'
  const start = (length: number): Buffer => Buffer.from(utf16Encoding(bytes) ? decodeText(bytes.subarray(0, 2 * length)) : bytes.subarray(0, length))
  const head = start(SNIFF_BYTES)
  const ext = extname(path).toLowerCase()
  if (isHtml(head)) {
    throw new PackError('not-supported', `not a PDF: the file is an HTML/XML page${ext ? ` saved as ${ext}` : ''}`)
  }
  if (ext === '.pdf') throw new PackError('pdf-corrupt', 'not a PDF: no %PDF- header (damaged or not a PDF file)')
  if (isBinary(head)) throw new PackError('not-supported', 'binary file: not a PDF, markdown or text file')
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown'
  return looksLikeMarkdown(start(MARKDOWN_SNIFF_BYTES).toString('utf8')) ? 'markdown' : 'text'
}

/** The UTF-16 encoding a byte-order mark announces (Windows "Unicode" text exports), or null. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** Decodes text: UTF-16 after its byte-order mark, else UTF-8 (with or without BOM), else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes)
  if (utf16) return new TextDecoder(utf16).decode(bytes)
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Markdown signs that OCR text exports do not show: ATX headings, GFM table rules, bold runs. */
const MARKDOWN_SIGNS = [/^#{1,6} \S/m, /^\s*\|?\s*:?-{3,}:?\s*\|/m, /\*\*[^*\n]+\*\*|(?:^|\s)[*_][^*_\s][^*_\n]*[*_](?=[\s.,;:)]|$)/m, /^\s*[-*] \S.*\n\s*[-*] \S/m, /<(?:p|br|sup|ul|li)\b[^>]*>/i]
/** Distinct signs needed before a .txt file is read as markdown (one alone can be chance). */
const MIN_MARKDOWN_SIGNS = 2

/** True when text named .txt is really a markdown export (headings, tables, bold). */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.filter((sign) => sign.test(text)).length >= MIN_MARKDOWN_SIGNS
}

/** Tags an HTML or XML page starts with (saved error pages, login pages, redirects). */
const HTML_START = /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<\?xml)/
/** An `<html>` tag or doctype anywhere in the head of a file that starts with a tag or comment. */
const HTML_TAG = /<html[\s>]|<!doctype html/

/** Characters of the file's start looked at for HTML (after a byte-order mark and blank space). */
const HTML_SNIFF_CHARS = 1024

/** True when the file is an HTML/XML page, with or without a byte-order mark, in any letter case. */
function isHtml(head: Buffer): boolean {
  const start = head.toString('utf8').replace(/^\ufeff/, '').trimStart().slice(0, HTML_SNIFF_CHARS).toLowerCase()
  return HTML_START.test(start) || (start.startsWith('<') && HTML_TAG.test(start))
}

function isBinary(head: Buffer): boolean {
  let control = 0
  for (const byte of head) {
    if (byte === 0) return true
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++
  }
  if (control > head.length * MAX_CONTROL_SHARE) return true
  return !isUtf8(head) && !looksLatin1Text(head)
}

function isUtf8(head: Buffer): boolean {
  const text = new TextDecoder('utf-8', {fatal: false}).decode(head)
  const bad = text.split('\ufffd').length - 1
  // A cut at the end of the sniffed bytes can split one multi-byte character.
  return bad <= 1
}

function looksLatin1Text(head: Buffer): boolean {
  let high = 0
  for (const byte of head) if (byte >= 0x80 && byte < 0xa0) high++
  return high < head.length * MAX_CONTROL_SHARE
}
