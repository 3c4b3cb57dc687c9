// Small builders for cleaner tests: pages from invented lines, with or without geometry.
import {line, listItem, page, paragraph, root, textLine, word} from '../../src/tree/build.js'
import type {Block, Line, Page, Root} from '../../src/tree/types.js'

/** A text-export page: one paragraph per blank-line-separated group of lines. */
export function textPage(text: string, number = 1): Page {
  const blocks: Block[] = text.split(/\n\s*\n/).map((group) => group.split('\n').filter((l) => l.trim()))
    .filter((lines) => lines.length)
    .map((lines) => paragraph(lines.map((l) => textLine(l, number)), {page: number}))
  return page(blocks, {page: number, method: 'text', reason: 'test', ocrConfidence: null, printedPage: null})
}

/** A tree of text pages. */
export function textTree(...pages: string[]): Root {
  return root(pages.map((text, index) => textPage(text, index + 1)), 'text')
}

/** A list item of plain lines. */
export function item(lines: string[], number = 1): Block {
  return listItem('•', lines.map((l) => textLine(l, number)), {page: number})
}

/** A PDF-like page 842pt high: each entry is [text, top y]; every line one paragraph. */
export function pdfPage(lines: Array<[string, number]>, number = 1, label?: string): Page {
  const blocks: Block[] = lines.map(function block([text, y]) {
    const words = text.split(' ').map((value, index) => word(value, {page: number, bbox: [50 + index * 40, y, 85 + index * 40, y + 10]}))
    return paragraph([line(words, {page: number})], {page: number})
  })
  return page(blocks, {page: number, method: 'text-layer', reason: 'test', width: 595, height: 842, ocrConfidence: null, printedPage: null, ...(label ? {label} : {})})
}

/** All lines of a tree in order. */
export function allLines(tree: Root): Line[] {
  return tree.children.flatMap((p) => p.children.flatMap((b) => b.type === 'table' ? [] : b.children))
}

/** Text of a line's words, furniture included. */
export function raw(l: Line): string {
  return l.children.map((w) => w.value).join(' ')
}

/** An OCR'd page: a PDF-like page (see `pdfPage`) whose text came from OCR. */
export function ocrPage(lines: Array<[string, number]>, number = 1): Page {
  const made = pdfPage(lines, number)
  made.data.method = 'ocr'
  return made
}
