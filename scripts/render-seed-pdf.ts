// Prints seed pages into a PDF with pdfkit as a checker plausibly would: Helvetica on A4, long
// lines wrapped, tables autofit (columns sized to their content, wide ones shrunk), one PDF page per
// seed page (shrunk a little to fit, spilling over) or flowed, "Page N" footers; page images (scanned twin) in place of chosen pages.
import PDFDocument from 'pdfkit'
import {FIXED_DATE} from './fixtures/render-pdf.js'
import {wrapWords} from './fixtures/metrics.js'
import type {SeedLayout, SeedLine, SeedPage} from './render-seed-pages.js'

/** A4 in points. */
const A4: [number, number] = [595.28, 841.89]
/** Page margins, points. */
const MARGIN_X = 56
const MARGIN_TOP = 56
const MARGIN_BOTTOM = 64
/** Footer baseline distance from the bottom edge, points. */
const FOOTER_GAP = 36
/** Body size, points, and the smallest a crowded page is shrunk to (a printer's "fit" stays legible; past it the page spills over). */
const BODY_SIZE = 10
const MIN_SIZE = 8
/** Line height as a multiple of the font size. */
const LEADING = 1.22
/** Gap between table columns at body size, points (scaled with the table's type). */
const CELL_GAP = 8
/** Smallest type a wide table is shrunk to so that its columns fit. */
const TABLE_MIN_SIZE = 6

/** Type (points): the body size and the smallest a crowded page is shrunk to (other printers set larger and never shrink); the face, Helvetica unless a serif printer is imitated. */
export interface SeedType {
  body: number
  min: number
  face?: 'Helvetica' | 'Times'
  /** Where a table cell's lines sit in a row of several lines: at the top (word processors) or in the middle (HTML). */
  cells?: 'top' | 'middle'
  /** Space between table rows, points (cell padding and rules). */
  rowGap?: number
}

export const DEFAULT_TYPE: SeedType = {body: BODY_SIZE, min: MIN_SIZE}

/** A line as set: its runs at x offsets, in one font. */
interface SetLine {
  runs: Array<{x: number; text: string}>
  bold: boolean
  size: number
}

/**
 * Prints a laid-out seed.
 * @param layout the seed's pages
 * @param images page images by 0-based PDF page index, drawn instead of that page's text
 * @param type body and smallest type size (default 10 pt shrinking to 8 pt)
 * @returns the PDF bytes
 */
export async function renderSeedPdf(layout: SeedLayout, images?: Map<number, Buffer>, type: SeedType = DEFAULT_TYPE): Promise<Buffer> {
  const doc = new PDFDocument({autoFirstPage: false, compress: true,
    info: {Title: 'seed rendering', Producer: 'PDFKit', CreationDate: FIXED_DATE, ModDate: FIXED_DATE}})
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  const pages = setPages(doc, layout, type)
  pages.forEach(function draw(page, index) {
    doc.addPage({size: A4, margin: 0})
    const image = images?.get(index)
    if (image) doc.image(image, 0, 0, {width: A4[0], height: A4[1]})
    else drawPage(doc, page)
  })
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** How many PDF pages a layout prints to. */
export function seedPageCount(layout: SeedLayout, type: SeedType = DEFAULT_TYPE): number {
  return setPages(new PDFDocument({autoFirstPage: false}), layout, type).length
}

function setPages(doc: PDFKit.PDFDocument, layout: SeedLayout, type: SeedType): SetPage[] {
  return layout.flow ? flowPages(doc, layout.pages, type) : layout.pages.flatMap((p) => fitPage(doc, p, type))
}

interface SetPage {
  lines: SetLine[]
  face: Face
  footer: string | null
}

/**
 * One seed page on one PDF page: body size, or smaller until the wrapped lines fit; a page still
 * too long at the smallest size spills onto as many further PDF pages as it needs (each with its footer).
 */
function fitPage(doc: PDFKit.PDFDocument, page: SeedPage, type: SeedType): SetPage[] {
  const room = A4[1] - MARGIN_TOP - MARGIN_BOTTOM
  const face = type.face ?? 'Helvetica'
  let size = type.body
  let lines = setLines(doc, page.lines, size, type)
  while (size > type.min && height(lines) > room) {
    size -= 0.5
    lines = setLines(doc, page.lines, size, type)
  }
  return cutLines(lines, room).map((cut) => ({lines: cut, face, footer: page.footer}))
}

/** Set lines cut into page-sized runs (at least one, possibly empty). */
function cutLines(lines: SetLine[], room: number): SetLine[][] {
  const out: SetLine[][] = []
  let current: SetLine[] = []
  for (const line of lines) {
    if (current.length && height([...current, line]) > room) {
      out.push(current)
      current = []
    }
    if (current.length || line.runs.length) current.push(line)
  }
  if (current.length || out.length === 0) out.push(current)
  return out
}

/** A flow of lines cut into pages at body size, numbered "Page N". */
function flowPages(doc: PDFKit.PDFDocument, pages: SeedPage[], type: SeedType): SetPage[] {
  const face = type.face ?? 'Helvetica'
  const room = A4[1] - MARGIN_TOP - MARGIN_BOTTOM
  const lines = setLines(doc, pages.flatMap((p) => p.lines), type.body, type)
  return cutLines(lines, room).map((cut, i) => ({lines: cut, face, footer: `Page ${i + 1}`}))
}

function height(lines: SetLine[]): number {
  return lines.reduce((sum, l) => sum + l.size * LEADING, 0)
}

function setLines(doc: PDFKit.PDFDocument, lines: SeedLine[], size: number, type: SeedType): SetLine[] {
  const face = type.face ?? 'Helvetica'
  const width = A4[0] - 2 * MARGIN_X
  const out: SetLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const lineSize = size * line.scale
    if (line.cells) {
      let end = i + 1
      while (lines[end]?.cells && lines[end]!.table === line.table) end++
      out.push(...setTable(doc, lines.slice(i, end), width, {...type, face}, lineSize))
      i = end - 1
      continue
    }
    font(doc, face, line.bold, lineSize)
    if (!line.text.trim()) out.push({runs: [], bold: false, size: lineSize})
    else out.push(...wrap(doc, line.text, width).map((text) => ({runs: [{x: 0, text}], bold: line.bold, size: lineSize})))
  }
  return out
}

/**
 * A table as a word processor's autofit sets it: each column as wide as its content allows, the
 * type shrunk (down to TABLE_MIN_SIZE) until the longest word of every column fits.
 */
function setTable(doc: PDFKit.PDFDocument, rows: SeedLine[], width: number, type: SeedType & {face: Face}, size: number): SetLine[] {
  const face = type.face
  let widths = columnWidths(doc, rows, width, face, size)
  while (!widths && size > TABLE_MIN_SIZE) {
    size -= 0.5
    widths = columnWidths(doc, rows, width, face, size)
  }
  const columns = widths ?? columnWidths(doc, rows, Infinity, face, size)!
  const gap: SetLine = {runs: [], bold: false, size: (type.rowGap ?? 0) / LEADING}
  return rows.flatMap((row, k) => [...(k && type.rowGap ? [gap] : []), ...setRow(doc, row, columns, type, size)])
}

/** Column widths (gap included) sharing out the room as an HTML auto layout does, or null when the longest words do not fit. */
function columnWidths(doc: PDFKit.PDFDocument, rows: SeedLine[], width: number, face: Face, size: number): number[] | null {
  const count = Math.max(...rows.map((r) => r.cells!.length))
  const least = new Array<number>(count).fill(0)
  const most = new Array<number>(count).fill(0)
  for (const row of rows) {
    font(doc, face, row.bold, size)
    row.cells!.forEach(function measure(cell, k) {
      const words = cell.split(/\s+/).filter(Boolean).map((w) => doc.widthOfString(w))
      least[k] = Math.max(least[k]!, ...words)
      most[k] = Math.max(most[k]!, doc.widthOfString(cell.trim()))
    })
  }
  const gap = CELL_GAP * size / BODY_SIZE
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b + gap, 0)
  if (sum(least) > width) return null
  if (sum(most) <= width || sum(most) === sum(least)) return most.map((w) => w + gap)
  const share = (width - sum(least)) / (sum(most) - sum(least))
  return least.map((w, k) => w + (most[k]! - w) * share + gap)
}

/** A table row: each cell wrapped in its column; one set line per printed line. */
function setRow(doc: PDFKit.PDFDocument, row: SeedLine, widths: number[], type: SeedType & {face: Face}, size: number): SetLine[] {
  font(doc, type.face, row.bold, size)
  const lefts = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0))
  const gap = CELL_GAP * size / BODY_SIZE
  const wrapped = row.cells!.map((c, k) => c.trim() ? wrap(doc, c, widths[k]! - gap) : [])
  const depth = Math.max(1, ...wrapped.map((w) => w.length))
  const out: SetLine[] = []
  const drop = wrapped.map((w) => (type.cells === 'middle' ? Math.floor((depth - w.length) / 2) : 0))
  for (let i = 0; i < depth; i++) {
    const runs = wrapped.flatMap((w, c) => w[i - drop[c]!] ? [{x: lefts[c]!, text: w[i - drop[c]!]!}] : [])
    out.push({runs, bold: row.bold, size})
  }
  return out
}

/** Greedy word wrap in the document's current font. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  return wrapWords(text, width, (line) => doc.widthOfString(line))
}

type Face = NonNullable<SeedType['face']>

function font(doc: PDFKit.PDFDocument, face: Face, bold: boolean, size: number): void {
  const name = face === 'Times' ? (bold ? 'Times-Bold' : 'Times-Roman') : (bold ? 'Helvetica-Bold' : 'Helvetica')
  doc.font(name).fontSize(size)
}

function drawPage(doc: PDFKit.PDFDocument, page: SetPage): void {
  doc.fillColor('#000000')
  let y = MARGIN_TOP
  for (const line of page.lines) {
    font(doc, page.face, line.bold, line.size)
    for (const run of line.runs) doc.text(safe(run.text), MARGIN_X + run.x, y, {lineBreak: false})
    y += line.size * LEADING
  }
  if (page.footer) {
    font(doc, page.face, false, 9)
    const w = doc.widthOfString(page.footer)
    doc.text(page.footer, (A4[0] - w) / 2, A4[1] - FOOTER_GAP, {lineBreak: false})
  }
}

/** Characters Helvetica (WinAnsi) cannot show are replaced by "?" as a PDF printer would. */
function safe(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff‘’“”–—•…€™]/g, '?')
}
