// Builds page-tree blocks from ordered regions of line segments: tables by column alignment,
// then paragraphs, headings (larger or bold type) and list items (bullet or "1."/"a)"/"(i)" markers).
import {heading, line, listItem, paragraph, table, tableCell, tableRow, unionBBox, word} from '../../tree/build.js'
import type {BBox, Block, Line, TableRow, Word} from '../../tree/types.js'
import {bandOf, findTables} from './text-tables.js'
import type {Row, TableRun} from './text-tables.js'
import type {Region} from './text-columns.js'
import {baselineRows, rowSegments} from './text-words.js'
import type {PdfWord, Segment} from './text-words.js'

/** A line about to be grouped into a block, with the layout facts the grouping needs. */
interface LineInfo {
  node: Line
  words: PdfWord[]
  x0: number
  x1: number
  top: number
  bottom: number
  size: number
  bold: boolean
  region: number
}

/** Typical body text of a page: font size, whether it is bold, usual gap between lines (pt). */
export interface BodyStyle {
  size: number
  bold: boolean
  gap: number
}

/** A gap this much (em) wider than the page's usual line gap starts a new paragraph. */
const PARAGRAPH_EXTRA_GAP_EM = 0.45
/** Lines whose left edges differ by more than this (em) are in different blocks (unless centred). */
const INDENT_EM = 1
/** A paragraph's first line may be indented by up to this (em) beyond the lines that follow. */
const FIRST_LINE_INDENT_MAX_EM = 4
/** Font sizes differing by more than this share belong to different blocks. */
const SIZE_STEP_SHARE = 0.1
/** A block at least this much larger than body text is a heading... */
const HEADING_SIZE_RATIO = 1.15
/** ...of depth 1 from this ratio, depth 2 from the next, depth 3 below. */
const HEADING_DEPTH1_RATIO = 1.6
const HEADING_DEPTH2_RATIO = 1.3
/** Headings are short: at most this many lines and words. */
const MAX_HEADING_LINES = 3
const MAX_HEADING_WORDS = 30
/** A table line this close (em) below the previous one may continue its cells (wrapped text). */
const WRAPPED_LINE_GAP_EM = 0.5
/** Bullet glyphs (incl. Symbol/Wingdings private-use bullets) and "1." / "1.2" / "a)" / "(i)" markers. */
const MARKER =
  /^(?:[•◦▪▫■□●○‣∙·⁃➢➤►▶✓✔❖o*\-–—\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8]|\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[a-z][.)]|\((?:[a-zA-Z]|[ivxlc]{1,6}|\d{1,3})\)|[ivxlc]{1,6}[.)]|[A-Z]\))$/u

/**
 * Blocks of one page in reading order.
 * @param regions ordered regions from the column finder
 * @param page 1-based page number
 * @param body the page's body text style
 * @returns paragraphs, headings, list items and tables
 */
export function buildBlocks(regions: Region[], page: number, body: BodyStyle): Block[] {
  const blocks: Block[] = []
  let pending: LineInfo[] = []
  regions.forEach((region, index) => {
    for (const item of findTables(regionRows(region.segments))) {
      if (item.kind === 'row') {
        pending.push(lineInfo(item.row.segments.flatMap((s) => s.words), page, index))
        continue
      }
      blocks.push(...groupLines(pending, page, body))
      pending = []
      blocks.push(tableNode(item.table, page))
    }
  })
  blocks.push(...groupLines(pending, page, body))
  return blocks
}

/** Rows of a region: its segments clustered by baseline. */
function regionRows(segments: Segment[]): Row[] {
  return baselineRows(segments).map((row) => ({
    segments: rowSegments(row.flatMap((s) => s.words)),
    top: Math.min(...row.map((s) => s.top)),
    bottom: Math.max(...row.map((s) => s.bottom)),
    size: Math.max(...row.map((s) => s.size))
  }))
}

/**
 * A word node from a positioned word.
 * @param w the word
 * @param page 1-based page number
 * @returns the tree node, bbox rounded to 0.01 pt
 */
export function wordNode(w: PdfWord, page: number): Word {
  return word(w.value, {page, bbox: box(w.x0, w.top, w.x1, w.bottom), font: {size: round(w.size), bold: w.bold}})
}

/** A line node over words (left to right), font from the words covering most characters. */
export function lineNode(words: PdfWord[], page: number): Line {
  return line(words.map((w) => wordNode(w, page)), {page, font: dominantFont(words)})
}

function lineInfo(words: PdfWord[], page: number, region: number): LineInfo {
  const font = dominantFont(words)
  return {
    node: lineNode(words, page),
    words,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.bottom)),
    size: font.size,
    bold: font.bold,
    region
  }
}

function dominantFont(words: PdfWord[]): {size: number; bold: boolean} {
  const weight = new Map<string, number>()
  let boldChars = 0
  let chars = 0
  for (const w of words) {
    const key = String(round(w.size))
    weight.set(key, (weight.get(key) ?? 0) + w.value.length)
    chars += w.value.length
    if (w.bold) boldChars += w.value.length
  }
  const size = [...weight].sort((p, q) => q[1] - p[1] || Number(q[0]) - Number(p[0]))[0]?.[0]
  return {size: Number(size ?? 0), bold: chars > 0 && boldChars * 2 > chars}
}

/** Groups consecutive lines into blocks. */
function groupLines(lines: LineInfo[], page: number, body: BodyStyle): Block[] {
  const groups: LineInfo[][] = []
  for (const current of lines) {
    const group = groups.at(-1)
    if (group && continuesBlock(group, current, body)) group.push(current)
    else groups.push([current])
  }
  return groups.map((group) => blockNode(group, page, body))
}

/** Whether `current` continues the block made of `group` (same region, close, same type, aligned). */
function continuesBlock(group: LineInfo[], current: LineInfo, body: BodyStyle): boolean {
  const previous = group.at(-1)!
  if (current.region !== previous.region || markerOf(current) !== null) return false
  const em = Math.max(current.size, previous.size)
  const gap = current.top - previous.bottom
  if (gap > body.gap + PARAGRAPH_EXTRA_GAP_EM * em || gap < -0.5 * em) return false
  if (Math.abs(current.size - previous.size) > SIZE_STEP_SHARE * em || current.bold !== previous.bold) return false
  return aligned(group, current, em)
}

/** Left edges line up, or the lines are centred on each other, or the first line was indented. */
function aligned(group: LineInfo[], current: LineInfo, em: number): boolean {
  const previous = group.at(-1)!
  const first = group[0]!
  const marker = markerOf(first)
  const textX0 = marker !== null ? (first.words[1]?.x0 ?? first.x0) : first.x0
  if (group.length > 1 || marker !== null) {
    const anchor = group.length > 1 ? previous.x0 : textX0
    if (Math.abs(current.x0 - anchor) <= INDENT_EM * em) return true
  }
  if (Math.abs(current.x0 - previous.x0) <= INDENT_EM * em) return true
  if (Math.abs((current.x0 + current.x1) / 2 - (previous.x0 + previous.x1) / 2) <= INDENT_EM * em) return true
  return group.length === 1 && current.x0 < previous.x0 && previous.x0 <= current.x0 + FIRST_LINE_INDENT_MAX_EM * em
}

/** The list marker a line starts with, or null. */
function markerOf(info: LineInfo): string | null {
  const first = info.words[0]
  if (!first || info.words.length < 2) return null
  return MARKER.test(first.value) ? first.value : null
}

function blockNode(group: LineInfo[], page: number, body: BodyStyle): Block {
  const bbox = unionBBox(group.map((g) => g.node.data.bbox))
  const font = dominantFont(group.flatMap((g) => g.words))
  const data = {page, ...(bbox ? {bbox} : {}), font}
  const marker = markerOf(group[0]!)
  if (marker !== null) {
    const [head, ...rest] = group
    const firstLine = lineNode(head!.words.slice(1), page)
    return listItem(marker, [firstLine, ...rest.map((g) => g.node)], data)
  }
  const lines = group.map((g) => g.node)
  const depth = headingDepth(group, font, body)
  return depth > 0 ? heading(depth, lines, data) : paragraph(lines, data)
}

/** Heading depth 1–3 for short blocks in larger or bold type; 0 for body text. */
function headingDepth(group: LineInfo[], font: {size: number; bold: boolean}, body: BodyStyle): number {
  const words = group.reduce((n, g) => n + g.words.length, 0)
  if (group.length > MAX_HEADING_LINES || words > MAX_HEADING_WORDS) return 0
  if (!group.some((g) => g.words.some((w) => /\p{L}/u.test(w.value)))) return 0
  const ratio = body.size > 0 ? font.size / body.size : 1
  if (ratio >= HEADING_DEPTH1_RATIO) return 1
  if (ratio >= HEADING_DEPTH2_RATIO) return 2
  if (ratio >= HEADING_SIZE_RATIO || (font.bold && !body.bold && ratio > 1 - SIZE_STEP_SHARE)) return 3
  return 0
}

/** A table node: one tableRow per row (wrapped lines joined into their cells), one cell per band. */
function tableNode(run: TableRun, page: number): Block {
  const rows: Array<Array<Segment[]>> = []
  let above: Row | undefined
  for (const row of run.rows) {
    const cells = run.bands.map((): Segment[] => [])
    for (const s of row.segments) cells[bandOf(run.bands, s)]!.push(s)
    const previous = rows.at(-1)
    if (previous && above && isWrappedLine(row, cells, above)) {
      cells.forEach((c, k) => previous[k]!.push(...c))
    } else rows.push(cells)
    above = row
  }
  return table(rows.map((cells) => rowNode(cells, run.bands, page)), {page})
}

/**
 * A row that continues the cells of the row above (wrapped cell text): first column empty, at most
 * half the columns filled, text rather than figures, set at ordinary line spacing.
 */
function isWrappedLine(row: Row, cells: Segment[][], above: Row): boolean {
  if (cells[0]!.length > 0 || cells.filter((c) => c.length > 0).length * 2 > cells.length) return false
  if (row.top - above.bottom > WRAPPED_LINE_GAP_EM * Math.max(row.size, above.size)) return false
  return row.segments.every((s) => s.words.some((w) => /\p{L}/u.test(w.value)))
}

function rowNode(cells: Segment[][], bands: Array<[number, number]>, page: number): TableRow {
  const top = Math.min(...cells.flat().map((s) => s.top))
  const bottom = Math.max(...cells.flat().map((s) => s.bottom))
  return tableRow(
    cells.map((segments, k) => {
      const band = bands[k]!
      return tableCell(segments.map((s) => lineNode(s.words, page)), {page, bbox: box(band[0], top, band[1], bottom)})
    }),
    {page, bbox: box(bands[0]![0], top, bands.at(-1)![1], bottom)}
  )
}

/** A bbox rounded to 0.01 pt (stable, compact output). */
export function box(x0: number, y0: number, x1: number, y1: number): BBox {
  return [round(x0), round(y0), round(x1), round(y1)]
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
