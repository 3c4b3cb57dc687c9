// Splits a seed text into the pages a checker would print: a text export page by page as
// agendapack's own text reader splits it (stamps become a "Page N" footer), markdown as one flow.
import {VFile} from 'vfile'
import {normalisePageStamp} from '../src/normalise/page-stamp.js'
import {readMarkdown} from '../src/read/markdown.js'
import {textPages} from '../src/read/text-pages.js'
import {sniffFormat} from '../src/read/sniff.js'
import {lineText} from '../src/tree/to-text.js'
import type {Block} from '../src/tree/types.js'

/** One printed line: plain text, or table cells set in columns; blank text prints as a gap. */
export interface SeedLine {
  text: string
  bold: boolean
  /** Relative size: 1 for body text, more for markdown headings. */
  scale: number
  /** Table cells, set in columns sized to the table's content (then `text` is their tab-joined form). */
  cells?: string[]
  /** Which table of the seed the row belongs to (rows of one table share column widths). */
  table?: number
}

/** One seed page: its lines and the footer its stamp becomes (null when it has none; '' for a stamp without a number). */
export interface SeedPage {
  lines: SeedLine[]
  footer: string | null
}

/** A seed ready to print: `flow` pages are one long column the PDF writer paginates itself. */
export interface SeedLayout {
  flow: boolean
  pages: SeedPage[]
}

/** Heading scale by markdown depth (1 = body size). */
const HEADING_SCALE = [1.5, 1.3, 1.15, 1.05, 1, 1]

/**
 * Lays out a seed for printing.
 * @param text the seed file's text
 * @param path its name (the format is sniffed as agendapack does)
 */
export function seedLayout(text: string, path: string): SeedLayout {
  const format = sniffFormat(new TextEncoder().encode(text), path)
  return format === 'markdown' ? markdownLayout(text) : {flow: false, pages: textLayout(text)}
}

/** Text export: the text reader's page breaks; a stamp line on a page becomes its footer. */
function textLayout(text: string): SeedPage[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const starts = textPages(lines)
  if (starts.length === 0) return [{lines: [], footer: null}]
  return starts.map(function page(start, index) {
    const slice = lines.slice(index === 0 ? 0 : start, starts[index + 1] ?? lines.length)
    return textPage(slice)
  })
}

function textPage(lines: string[]): SeedPage {
  let footer: string | null = null
  const out: SeedLine[] = []
  for (const raw of lines) {
    const stamp = normalisePageStamp(raw)
    if (stamp && !stamp.bare && footer === null) {
      footer = stamp.number === null ? '' : `Page ${stamp.number}`
      continue
    }
    out.push({text: raw.trim(), bold: false, scale: 1})
  }
  while (out.length && !out[out.length - 1]?.text) out.pop()
  while (out.length && !out[0]?.text) out.shift()
  return {lines: out, footer}
}

/** Markdown: the markdown reader's blocks, headings larger and bold, tables in columns. */
function markdownLayout(text: string): SeedLayout {
  const tree = readMarkdown(text, new VFile())
  const lines: SeedLine[] = []
  let tables = 0
  for (const page of tree.children) {
    for (const block of page.children) {
      if (lines.length) lines.push({text: '', bold: false, scale: 1})
      lines.push(...blockLines(block, tables))
      if (block.type === 'table') tables++
    }
  }
  return {flow: true, pages: [{lines, footer: null}]}
}

function blockLines(block: Block, table: number): SeedLine[] {
  if (block.type === 'table') {
    return block.children.map(function row(r) {
      const cells = r.children.map((cell) => cell.children.map(lineText).filter(Boolean).join(' '))
      return {text: cells.join('\t'), bold: false, scale: 1, cells, table}
    })
  }
  const texts = block.children.map(lineText).filter(Boolean)
  if (block.type === 'heading') {
    return [{text: texts.join(' '), bold: true, scale: HEADING_SCALE[block.depth - 1] ?? 1}]
  }
  if (block.type === 'listItem') {
    const marker = block.marker && /\w/.test(block.marker) ? block.marker : '•'
    return [{text: `${marker} ${texts.join(' ')}`, bold: false, scale: 1}]
  }
  return texts.map((t) => ({text: t, bold: false, scale: 1}))
}
