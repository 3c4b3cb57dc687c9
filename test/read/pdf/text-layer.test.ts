// Tests for the PDF text-layer reader: word/line order, two columns, /Rotate 90, tables, headings,
// list items and character statistics, on small PDFs made in memory with pdfkit (invented text).
import {describe, expect, it} from 'vitest'
import {openPdf, closePdf} from '../../../src/read/pdf/open.js'
import {measureDrawing} from '../../../src/read/pdf/page-drawing.js'
import {readTextLayer, textStats} from '../../../src/read/pdf/text-layer.js'
import type {TextLayerPage} from '../../../src/read/pdf/text-layer.js'
import {blockText, pageText} from '../../../src/tree/to-text.js'
import type {Block, Page} from '../../../src/tree/types.js'
import {makePdf} from '../../util/make-pdf.js'


/** Reads page 1 of a PDF's text layer (operator list first, as readPdf does, so bold is known). */
async function readFirstPage(bytes: Uint8Array): Promise<TextLayerPage> {
  const doc = await openPdf(bytes)
  try {
    const pdfPage = await doc.getPage(1)
    await measureDrawing(pdfPage)
    return await readTextLayer(pdfPage, 1)
  } finally {
    await closePdf(doc)
  }
}

function text(layer: TextLayerPage): string {
  const node: Page = {type: 'page', children: layer.blocks, data: {page: 1, method: 'text-layer', reason: '', ocrConfidence: null, printedPage: null}}
  return pageText(node)
}

function allWords(blocks: Block[]): Array<{value: string; data: {page: number; bbox?: number[]}}> {
  const out: Array<{value: string; data: {page: number; bbox?: number[]}}> = []
  const visit = (node: {type: string; children?: unknown[]; value?: string; data?: unknown}): void => {
    if (node.type === 'word') out.push(node as never)
    for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
  }
  blocks.forEach((b) => visit(b as never))
  return out
}

const LEFT = ['Amber lanterns glow over quiet harbour walls tonight', 'while ferrymen count copper tokens slowly', 'and gulls argue about the last herring', 'beside the shuttered chandlery door']
const RIGHT = ['Northern orchards report early frost damage', 'so cider makers expect thinner barrels', 'though pear growers remain cautiously hopeful', 'about a warmer second half of spring']

describe('readTextLayer', () => {
  it('should read words and lines of a simple page in order, with top-left boxes', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(12)
      doc.text('Parish lantern committee meets on Tuesday', 60, 80)
      doc.text('Second line about the orchard fund', 60, 100)
      doc.text('Third line closes the short notice', 60, 120)
    })
    const layer = await readFirstPage(bytes)
    expect(text(layer)).toBe('Parish lantern committee meets on Tuesday\nSecond line about the orchard fund\nThird line closes the short notice')
    const words = allWords(layer.blocks)
    expect(words[0]!.value).toBe('Parish')
    const box = words[0]!.data.bbox!
    expect(box[0]).toBeCloseTo(60, 0)
    expect(box[1]).toBeGreaterThan(75)
    expect(box[3]).toBeLessThan(100)
    expect(words.every((w) => w.data.page === 1)).toBe(true)
    expect(layer.width).toBeCloseTo(595.28, 1)
  })

  it('should read the left column fully before the right one on a two-column page', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text('Harbour and Orchard Bulletin', 50, 50, {lineBreak: false})
      doc.font('Helvetica').fontSize(10)
      LEFT.forEach((line, i) => doc.text(line, 50, 100 + i * 14, {lineBreak: false}))
      RIGHT.forEach((line, i) => doc.text(line, 320, 100 + i * 14, {lineBreak: false}))
      doc.text('Printed for the harbour and orchard committees across the whole page width', 50, 200, {lineBreak: false})
    })
    const out = text(await readFirstPage(bytes))
    const order = [LEFT[0]!, LEFT[3]!, RIGHT[0]!, RIGHT[3]!].map((line) => out.indexOf(line))
    expect(order.every((at) => at >= 0)).toBe(true)
    expect([...order].sort((p, q) => p - q)).toEqual(order)
    expect(out.startsWith('Harbour and Orchard Bulletin')).toBe(true)
    expect(out.trimEnd().endsWith('across the whole page width')).toBe(true)
  })

  it('should read a /Rotate 90 page upright with boxes inside the rotated page', async () => {
    const bytes = await makePdf((doc) => {
      const page = doc.page as unknown as {dictionary: {data: Record<string, unknown>}}
      page.dictionary.data.Rotate = 90
      doc.font('Helvetica').fontSize(12)
      // Drawn running up the portrait page, so it reads left to right once the viewer turns it 90° clockwise.
      const lines = ['Sideways minutes of the lantern committee', 'were approved without any amendment']
      lines.forEach((line, i) => {
        doc.save()
        doc.rotate(-90, {origin: [100 + i * 20, 700]})
        doc.text(line, 100 + i * 20, 700, {lineBreak: false})
        doc.restore()
      })
    })
    const layer = await readFirstPage(bytes)
    expect(layer.width).toBeCloseTo(841.89, 1)
    expect(layer.height).toBeCloseTo(595.28, 1)
    expect(text(layer)).toBe('Sideways minutes of the lantern committee\nwere approved without any amendment')
    for (const w of allWords(layer.blocks)) {
      const [x0 = NaN, y0 = NaN, x1 = NaN, y1 = NaN] = w.data.bbox!
      expect(x0).toBeGreaterThanOrEqual(0)
      expect(y0).toBeGreaterThanOrEqual(0)
      expect(x1).toBeLessThanOrEqual(layer.width)
      expect(y1).toBeLessThanOrEqual(layer.height)
      expect(x1 - x0).toBeGreaterThan(y1 - y0 - 20)
    }
  })

  it('should turn an aligned block of 3+ cells per row into a table with positions', async () => {
    const rows = [['Measure', 'Target', 'Actual'], ['Lanterns lit', '120', '118'], ['Ferries run', '40', '42'], ['Nets mended', '75', '60']]
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10)
      doc.text('Quarterly harbour figures are set out below', 50, 60, {lineBreak: false})
      rows.forEach((row, i) => row.forEach((cell, k) => doc.text(cell, 60 + k * 150, 100 + i * 16, {lineBreak: false})))
      doc.text('The figures were noted by the committee', 50, 200, {lineBreak: false})
    })
    const layer = await readFirstPage(bytes)
    const tableBlock = layer.blocks.find((b) => b.type === 'table')
    expect(tableBlock).toBeDefined()
    expect(blockText(tableBlock!)).toBe(rows.map((r) => r.join('\t')).join('\n'))
    if (tableBlock?.type !== 'table') return
    expect(tableBlock.children).toHaveLength(4)
    expect(tableBlock.children[1]!.children.map((c) => c.data.bbox![0])).toEqual([...tableBlock.children[1]!.children.map((c) => c.data.bbox![0])].sort((p, q) => p - q))
    expect(tableBlock.data.bbox).toBeDefined()
    expect(layer.blocks[0]!.type).toBe('paragraph')
    expect(layer.blocks.at(-1)!.type).toBe('paragraph')
  })

  it('should mark larger or bold short blocks as headings and marker lines as list items', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text('Lantern Committee', 50, 50, {lineBreak: false})
      doc.font('Helvetica').fontSize(11)
      doc.text('The committee considered the following matters at length.', 50, 90, {lineBreak: false})
      doc.text('1. Apologies for absence were received', 50, 120, {lineBreak: false})
      doc.text('2. The minutes of the last meeting were agreed', 50, 136, {lineBreak: false})
      doc.text('\u2022 Harbour wall repairs were noted', 50, 152, {lineBreak: false})
    })
    const {blocks} = await readFirstPage(bytes)
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'listItem', 'listItem', 'listItem'])
    expect(blocks[0]!.data.font).toEqual({size: 18, bold: true})
    const markers = blocks.flatMap((b) => (b.type === 'listItem' ? [b.marker] : []))
    expect(markers).toEqual(['1.', '2.', '\u2022'])
    expect(blockText(blocks[2]!)).toBe('1. Apologies for absence were received')
  })

  it('should count characters, letters and bad characters', () => {
    expect(textStats([{str: 'Ab 1'}, {str: ' '}, {str: '\uFFFD\uE001.'}, {str: '........'}])).toEqual({
      chars: 6, letters: 2, digits: 1, letterShare: 2 / 6, badChars: 2, latinLetters: 2, vowels: 1, items: 3, latinWords: 1, commonWords: 0
    })
  })

  it('counts common words, which a text layer whose letters were all shifted has none of', () => {
    const prose = textStats([{str: 'Minutes of the Meeting of the Council'}, {str: 'held at the Guildhall'}])
    expect(prose).toMatchObject({latinWords: 11, commonWords: 9})
    const shifted = textStats([{str: 'Njovuft pg uif Nffujoh pg uif Dpvodjm'}])
    expect(shifted).toMatchObject({latinWords: 7, commonWords: 0})
  })
})
