// The markdown reader: unified + remark-parse + remark-gfm → mdast → page tree; tab-separated
// table lines (which markdown would misread as code or HTML) are cut out first and read as tables.
//
// Pages: a markdown export is one page, unless it marks pages. A new page starts at
// - a line holding a form feed (the form feed is dropped),
// - a page comment line: `<!-- page 3 -->`, `<!-- page -->`, `<!-- pagebreak -->`, `<!-- new page -->`,
// - the line after a line that is only a page stamp ("Page 3", "Page 3 of 10", "- 3 -"; the
//   stamp stays on the page it ends, where the furniture cleaner finds it).
// Pages left with no content by two adjacent marks are dropped, so no page is empty (unless
// the whole file is). HTML is reduced to its text (markdown-html: one warning per page at most,
// because reports exported from Word carry it in many cells and one notice says it all).
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {normalisePageStamp} from '../normalise/page-stamp.js'
import {line, page, root, table, tableCell, tableRow, word} from '../tree/build.js'
import type {Block, Line, Page, Root, Table} from '../tree/types.js'
import {htmlText, textLines} from './html-text.js'
import {mdastBlocks, type MdastContext} from './mdast-blocks.js'
import {capNesting} from './markdown-nesting.js'
import {findTabTables, tabCells} from './tab-table.js'

const parser = unified().use(remarkParse).use(remarkGfm).freeze()
const PAGE_COMMENT = /^\s*<!--\s*(?:page(?:\s*break|\s+\d+)?|new\s*page)\s*-->\s*$/i

/** The source split into lines with the offset of each line start. */
interface Source {
  lines: string[]
  offsets: number[]
}

/**
 * Reads markdown text into the page tree.
 * @param text the file's markdown
 * @param file the file being read; gets a `markdown-html` warning per page where HTML was reduced
 * @returns the tree: one page unless the text marks pages (see the file comment)
 */
export function readMarkdown(text: string, file: VFile): Root {
  const capped = capNesting(text.replace(/\r\n?/g, '\n'))
  if (capped.flattened) report(file, 'markdown-nesting-flattened', `Unexpected nesting deeper than the parser handles on ${capped.flattened} line(s), flattened`, null)
  const normalised = capped.text
  const source = splitSource(normalised)
  const starts = pageStarts(normalised.split('\n'))
  const pages: Page[] = []
  starts.forEach(function each(start, index) {
    const end = starts[index + 1] ?? source.lines.length
    const blocks = pageBlocks(source, start, end, pages.length + 1, file)
    if (blocks.length || (pages.length === 0 && index === starts.length - 1)) pages.push(markdownPage(blocks, pages.length + 1))
  })
  return root(pages, 'markdown')
}

function splitSource(text: string): Source {
  const lines = text.split('\n')
  const offsets: number[] = []
  let offset = 0
  for (const value of lines) {
    offsets.push(offset)
    offset += value.length + 1
  }
  return {lines: lines.map((value) => value.replace(/\f/g, '')), offsets: lines.length ? offsets : [0]}
}

/** First line of each page (see the file comment); always starts with 0. */
function pageStarts(raw: string[]): number[] {
  const starts = new Set<number>([0])
  raw.forEach(function each(value, index) {
    if (value.includes('\f') || PAGE_COMMENT.test(value)) starts.add(index)
    const stamp = normalisePageStamp(value)
    if (stamp && !stamp.bare && stamp.kind === 'page-number') starts.add(index + 1)
  })
  return [...starts].filter((start) => start < raw.length).sort((a, b) => a - b)
}

function markdownPage(blocks: Block[], number: number): Page {
  return page(blocks, {page: number, method: 'text', reason: 'markdown', ocrConfidence: null, printedPage: null})
}

/** Blocks of lines [start, end): tab tables cut out, the markdown between them parsed. */
function pageBlocks(source: Source, start: number, end: number, number: number, file: VFile): Block[] {
  const lines = source.lines.slice(start, end)
  let warned = false
  const onHtml = function onHtml(position: Position | undefined, tag: string): void {
    if (warned) return
    warned = true
    report(file, 'markdown-html', `Unexpected HTML \`<${tag}>\` in markdown, expected markdown; kept its text`, number,
      position ? {type: 'html', position} : undefined)
  }
  const out: Block[] = []
  let from = 0
  for (const found of findTabTables(lines, 2)) {
    const first = found.rows[0] ?? from
    out.push(...markdownBlocks(source, start + from, start + first, number, onHtml))
    out.push(tabTable(source, found.rows.map((row) => start + row), number, onHtml))
    from = (found.rows[found.rows.length - 1] ?? first) + 1
  }
  out.push(...markdownBlocks(source, start + from, end, number, onHtml))
  return out
}

/** Parses source lines [start, end) as markdown. */
function markdownBlocks(source: Source, start: number, end: number, number: number, onHtml: MdastContext['onHtml']): Block[] {
  const text = source.lines.slice(start, end).join('\n')
  if (!text.trim()) return []
  const context: MdastContext = {
    page: number, line: start + 1, offset: source.offsets[start] ?? 0,
    source: source.lines, lineOffsets: source.offsets, onHtml
  }
  return mdastBlocks(parser.parse(text).children, context)
}

/** A table from tab-separated source lines; cells lose HTML and `**` emphasis. */
function tabTable(source: Source, rows: number[], number: number, onHtml: MdastContext['onHtml']): Table {
  return table(rows.map(function row(index) {
    const text = source.lines[index] ?? ''
    return tableRow(tabCells(text).map(function cell(part) {
      const position = cellPosition(source, index, part.start, part.text)
      const reduced = htmlText(part.text.replace(/\*\*|__/g, ''))
      if (reduced.tag) onHtml(position, reduced.tag)
      const lines = reduced.tag ? reduced.lines : textLines(part.text.replace(/\*\*|__/g, ''))
      return tableCell(lines.map((value) => cellLine(value, number, lines.length === 1 ? position : undefined)), {page: number})
    }), {page: number})
  }), {page: number})
}

function cellLine(text: string, number: number, position: Position | undefined): Line {
  const out = line(text.split(' ').map((value) => word(value, {page: number})), {page: number})
  if (position) out.position = position
  return out
}

function cellPosition(source: Source, index: number, start: number, text: string): Position | undefined {
  const lead = text.search(/\S/)
  if (lead === -1) return undefined
  const from = start + lead
  const to = start + text.trimEnd().length
  const offset = source.offsets[index] ?? 0
  return {
    start: {line: index + 1, column: from + 1, offset: offset + from},
    end: {line: index + 1, column: to + 1, offset: offset + to}
  }
}
