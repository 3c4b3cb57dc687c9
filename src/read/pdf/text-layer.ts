// Reads one PDF page's text layer with pdf.js into page-tree blocks in reading order (columns,
// tables, headings, list items), plus the character statistics the page router decides on.
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {paragraph} from '../../tree/build.js'
import type {Block} from '../../tree/types.js'
import {buildBlocks, lineNode} from './text-blocks.js'
import type {BodyStyle} from './text-blocks.js'
import {countCommonWords} from './common-words.js'
import {orderColumns} from './text-columns.js'
import type {Region} from './text-columns.js'
import {baselineRows, itemWords, wordSegments} from './text-words.js'
import type {BoldLookup, PdfWord, TextItem} from './text-words.js'

/** Character statistics of a page's text layer. */
export interface TextStats {
  /** Non-whitespace characters. */
  chars: number
  /** Letters (any script) and digits among them. */
  letters: number
  digits: number
  /** letters / chars (0 when there are no characters). */
  letterShare: number
  /** U+FFFD replacement, private-use and control characters: signs of a broken font encoding. */
  badChars: number
  /** Latin letters and the vowels among them (a cipher-like encoding has almost no vowels). */
  latinLetters: number
  vowels: number
  /** Non-empty text items (glyph runs) pdf.js returned. */
  items: number
  /** Runs of Latin letters, and how many of them are common words (a cipher-like encoding has none). */
  latinWords: number
  commonWords: number
}

/** A page's text layer: blocks for the tree, stats for the router, size after rotation. */
export interface TextLayerPage {
  blocks: Block[]
  stats: TextStats
  width: number
  height: number
}

/** Font-name words that mark a bold face (PostScript names such as "Arial-BoldMT"). */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|demi\b/i
/** Dot leaders and rules typed as characters ("......", "____"): layout, not text, so not counted. */
const LEADERS = /([.·…_\-–—=*])\1{2,}/gu
/** Lower-case a e i o u y, the vowels a cipher-like encoding lacks. */
const VOWEL_CODES = new Set([0x61, 0x65, 0x69, 0x6f, 0x75, 0x79])
/** Line gaps above this (em) are paragraph breaks, not the usual leading, when finding the body gap. */
const MAX_BODY_GAP_EM = 1.5

/** Bold or not, by pdf.js font id; one per document, so each font is looked up once. */
export type FontWeights = Map<string, boolean>

/**
 * Reads a page's text layer.
 * @param pdfPage the pdf.js page
 * @param pageNumber 1-based page number put on every node
 * @param weights the document's bold-by-font cache (pass the same map for every page of a document)
 * @returns blocks in reading order, text statistics and the upright page size
 */
export async function readTextLayer(pdfPage: PDFPageProxy, pageNumber: number, weights: FontWeights = new Map()): Promise<TextLayerPage> {
  const viewport = pdfPage.getViewport({scale: 1})
  const content = await pdfPage.getTextContent()
  const items = content.items.filter((item): item is TextItem => 'str' in item)
  await loadFontNames(pdfPage, items, weights)
  const words = itemWords(items, content.styles, viewport.transform, boldLookup(pdfPage, weights))
    .filter((w) => w.x1 > 0 && w.x0 < viewport.width && w.bottom > 0 && w.top < viewport.height)
  const upright = words.filter((w) => w.upright)
  const regions = orderColumns(wordSegments(upright))
  const blocks = buildBlocks(regions, pageNumber, bodyStyle(upright, regions))
  blocks.push(...sidewaysBlocks(words.filter((w) => !w.upright), pageNumber))
  return {blocks, stats: textStats(items), width: viewport.width, height: viewport.height}
}

/**
 * Makes sure pdf.js has handed over the font objects (with their PostScript names) of the page's
 * text. Only the operator list sends them, and building it costs as much as the text itself, so
 * it is built only when the page uses a font not seen on an earlier page of the document.
 */
async function loadFontNames(pdfPage: PDFPageProxy, items: TextItem[], weights: FontWeights): Promise<void> {
  const unseen = items.some((item) => item.str.trim() !== '' && !weights.has(item.fontName) && !pdfPage.commonObjs.has(item.fontName))
  if (unseen) await pdfPage.getOperatorList()
}

/** Tells bold faces from the font's PostScript name in pdf.js's common objects. */
function boldLookup(pdfPage: PDFPageProxy, cache: FontWeights): BoldLookup {
  return function isBold(fontName) {
    let bold = cache.get(fontName)
    if (bold === undefined) {
      bold = BOLD_NAME.test(fontObjectName(pdfPage, fontName))
      if (pdfPage.commonObjs.has(fontName)) cache.set(fontName, bold)
    }
    return bold
  }
}

function fontObjectName(pdfPage: PDFPageProxy, fontName: string): string {
  try {
    if (!pdfPage.commonObjs.has(fontName)) return ''
    const font = pdfPage.commonObjs.get(fontName) as {name?: unknown; bold?: unknown} | null
    if (font?.bold === true) return 'bold'
    return typeof font?.name === 'string' ? font.name : ''
  } catch {
    return ''
  }
}

/**
 * Counts characters by kind over the text items.
 * @param items pdf.js text items
 * @returns the statistics
 */
export function textStats(items: Array<{str: string}>): TextStats {
  const stats: TextStats = {chars: 0, letters: 0, digits: 0, letterShare: 0, badChars: 0, latinLetters: 0, vowels: 0, items: 0, latinWords: 0, commonWords: 0}
  for (const {str} of items) {
    if (!str.trim()) continue
    stats.items++
    countCommonWords(str, stats)
    for (const ch of str.replace(LEADERS, '')) countChar(stats, ch)
  }
  stats.letterShare = stats.chars > 0 ? stats.letters / stats.chars : 0
  return stats
}

function countChar(stats: TextStats, ch: string): void {
  const code = ch.charCodeAt(0)
  if (code < 0x80 && code > 0x20 && code !== 0x7f) return countAscii(stats, code)
  if (/\s/u.test(ch)) return
  stats.chars++
  if (/\p{L}/u.test(ch)) stats.letters++
  else if (/\p{Nd}/u.test(ch)) stats.digits++
  if (ch === '\uFFFD' || /[\p{Co}\p{Cc}]/u.test(ch)) stats.badChars++
}

/** The same counts for a printable ASCII character, without regular expressions (most text is ASCII). */
function countAscii(stats: TextStats, code: number): void {
  stats.chars++
  const lower = code | 0x20
  if (lower >= 0x61 && lower <= 0x7a) {
    stats.letters++
    stats.latinLetters++
    if (VOWEL_CODES.has(lower)) stats.vowels++
  } else if (code >= 0x30 && code <= 0x39) stats.digits++
}

/** Usual body font size and weight (by characters) and the usual gap between lines. */
function bodyStyle(words: PdfWord[], regions: Region[]): BodyStyle {
  const bySize = new Map<number, number>()
  let boldChars = 0
  let chars = 0
  for (const w of words) {
    const size = Math.round(w.size * 2) / 2
    bySize.set(size, (bySize.get(size) ?? 0) + w.value.length)
    chars += w.value.length
    if (w.bold) boldChars += w.value.length
  }
  const size = [...bySize].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]?.[0] ?? 0
  return {size, bold: chars > 0 && boldChars * 2 > chars, gap: usualGap(regions, size)}
}

/** Median gap (pt) between consecutive rows of the regions, ignoring paragraph-sized gaps. */
function usualGap(regions: Region[], size: number): number {
  const gaps: number[] = []
  for (const region of regions) {
    const rows = baselineRows(region.segments)
    for (let i = 1; i < rows.length; i++) {
      const gap = Math.min(...rows[i]!.map((s) => s.top)) - Math.max(...rows[i - 1]!.map((s) => s.bottom))
      if (gap >= 0 && gap <= MAX_BODY_GAP_EM * size) gaps.push(gap)
    }
  }
  gaps.sort((p, q) => p - q)
  return gaps[Math.floor(gaps.length / 2)] ?? 0
}

/** Text running sideways or upside down (margin stamps): one paragraph per glyph run, after the body. */
function sidewaysBlocks(words: PdfWord[], page: number): Block[] {
  const runs = new Map<number, PdfWord[]>()
  for (const w of words) runs.set(w.item, [...(runs.get(w.item) ?? []), w])
  return [...runs.values()]
    .sort((p, q) => p[0]!.x0 - q[0]!.x0 || p[0]!.top - q[0]!.top)
    .map((run) => paragraph([lineNode(run, page)], {page}))
}
