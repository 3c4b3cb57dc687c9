// The cleaned tree as one list of body lines in reading order, with page, block and layout
// facts: the common ground every segmenter reads, whatever format the pack came from.
import type {Block, Line, Root, TableRow} from '../tree/types.js'
import {lineText, rowText} from '../tree/to-text.js'
import {splitBlocksAtGaps} from './gap-blocks.js'
import {ocrLineText} from './ocr-line-text.js'

/** One body line of the pack (a table row counts as one line with cells). */
export interface DocLine {
  /** Position in the whole list. */
  index: number
  /** 1-based page index. */
  page: number
  /** The page number printed on that page, where the cleaners found one. */
  printedPage: string | null
  /** Cleaned text of the line (furniture words left out); never empty. */
  text: string
  /** Global index of the block holding the line, and its type. */
  block: number
  blockType: Block['type']
  /** Heading depth where blockType is 'heading'. */
  depth: number | null
  /** True for the first line of its block. */
  first: boolean
  /** The printed marker of a list item ("38.", "a)", "•"), on its first line only; else null. */
  marker: string | null
  /** The line ends in a word broken by a hyphen: 'drop' the hyphen or 'keep' it when joining. */
  hyphenated: 'drop' | 'keep' | null
  /** Cell texts when the line is a table row, else null. */
  cells: string[] | null
  /** Left edge, top and height in points where the reader knew the geometry, else null. */
  x0: number | null
  y0: number | null
  height: number | null
  /** Font size in points (null where unknown) and boldness. */
  fontSize: number | null
  bold: boolean
  /** OCR confidence 0–1 where OCR'd. */
  confidence: number | null
  /** The node the line came from. */
  node: Line | TableRow
}

const cache = new WeakMap<Root, DocLine[]>()

/** All body lines of the tree in reading order (computed once per tree). */
export function documentLines(tree: Root): DocLine[] {
  const known = cache.get(tree)
  if (known) return known
  const out: DocLine[] = []
  let block = 0
  for (const page of tree.children) {
    for (const node of page.children) {
      const rows: Array<Line | TableRow> = node.type === 'table' ? node.children : node.children
      let first = true
      for (const row of rows) {
        const line = toDocLine(row, node, page.data.printedPage, block, first, out.length)
        if (!line) continue
        out.push(line)
        first = false
      }
      block++
    }
  }
  splitBlocksAtGaps(out)
  cache.set(tree, out)
  return out
}

function toDocLine(row: Line | TableRow, block: Block, printedPage: string | null, blockIndex: number, first: boolean, index: number): DocLine | null {
  const isRow = row.type === 'tableRow'
  const cells = isRow ? row.children.map((cell) => cell.children.map(lineText).filter(Boolean).join(' ')) : null
  const marker = block.type === 'listItem' && first ? block.marker : null
  const body = isRow ? rowText(row).replace(/\t+/g, ' ').trim() : row.data.confidence !== undefined ? ocrLineText(row) : lineText(row)
  // Numbered markers ("38.", "(a)") are content a segmenter needs; bullet glyphs are not.
  const text = marker && /\w/.test(marker) && body ? `${marker} ${body}` : body
  if (!text) return null
  const box = row.data.bbox
  const words = isRow ? row.children.flatMap((cell) => cell.children.flatMap((l) => l.children)) : row.children
  const firstWord = words.find((w) => w.data.layer !== 'furniture')
  const font = firstWord?.data.font ?? row.data.font ?? block.data.font
  return {
    index, page: row.data.page, printedPage, text, block: blockIndex, blockType: block.type,
    depth: block.type === 'heading' ? block.depth : null, first, marker,
    hyphenated: isRow ? null : row.data.hyphenated ?? null, cells,
    x0: box ? box[0] : null, y0: box ? box[1] : null, height: box ? box[3] - box[1] : null,
    fontSize: font?.size ?? null, bold: font?.bold ?? false,
    confidence: row.data.confidence ?? null, node: row
  }
}

/** Joins lines into running text, honouring hyphenation marks ("recom-" + "mendation"). */
export function joinLines(lines: readonly DocLine[]): string {
  let out = ''
  let glue = ''
  for (const line of lines) {
    const text = line.hyphenated === 'drop' ? line.text.slice(0, -1) : line.text
    out += (out ? glue : '') + text
    glue = line.hyphenated ? '' : ' '
  }
  return out.replace(/\s+/g, ' ').trim()
}
