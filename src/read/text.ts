// The plain-text reader (text and OCR exports): pages from form feeds, or from the page marks the
// export shows when its form feeds were lost (see text-pages.ts); then blocks, bullets and tab tables.
import type {VFile} from 'vfile'
import {heading, listItem, page, paragraph, root, table, tableCell, tableRow} from '../tree/build.js'
import type {Block, Line, Page, Root, Table, TableCell} from '../tree/types.js'
import {sourceLine, sourceLines, type SourceLine} from './source-lines.js'
import {findTabTables, tabCells} from './tab-table.js'
import {textPages} from './text-pages.js'

/**
 * A bullet at the start of a line: real glyphs, dashes, and the OCR debris bullets turn into
 * (e, o, ¢, », «, =), followed by a space and the item's first character.
 */
const BULLET_LINE = /^\s*(?:[•·▪●◦■□‣⁃➢►*»«¢=\-–]|[eo])\s+[\p{L}\p{N}"'“‘(|]/u
/** A lone line in capitals is a heading when it is at most this long (characters). */
const MAX_HEADING_CHARS = 80
/** …and has at least this many letters (so "A1" or "2014 — 2024." stay text). */
const MIN_HEADING_LETTERS = 4

/**
 * Reads plain text (including OCR exports) into the page tree.
 * @param text the file's text
 * @param _file the file being read (unused: this reader has nothing to warn about)
 * @returns the tree: one page per form-feed page, or per page found from page marks
 */
export function readText(text: string, _file: VFile): Root {
  const source = text.replace(/\r\n?/g, '\n')
  const pages = source.includes('\f') ? formFeedPages(source) : markedPages(source)
  return root(pages.map((lines, index) => textPage(lines, index + 1)), 'text')
}

/** Pages parted by form feeds; a trailing form feed does not make an empty last page. */
function formFeedPages(source: string): SourceLine[][] {
  const pages: SourceLine[][] = [[]]
  for (const record of sourceLines(source)) {
    const parts = record.text.split('\f')
    let column = record.column
    parts.forEach(function part(value, index) {
      if (index > 0) pages.push([])
      pages[pages.length - 1]?.push({...record, text: value, column, offset: record.offset + column - 1})
      column += value.length + 1
    })
  }
  const last = pages[pages.length - 1]
  if (pages.length > 1 && last && last.every((record) => !record.text.trim())) pages.pop()
  return pages
}

/** Pages split where the export's page marks say (a single page when it shows none). */
function markedPages(source: string): SourceLine[][] {
  const lines = sourceLines(source)
  const starts = textPages(lines.map((record) => record.text))
  if (starts.length === 0) return [lines]
  return starts.map((start, index) => lines.slice(index === 0 ? 0 : start, starts[index + 1] ?? lines.length))
}

/** One page: blocks from groups of lines parted by blank lines. */
function textPage(lines: SourceLine[], number: number): Page {
  const blocks: Block[] = []
  let group: SourceLine[] = []
  for (const record of [...lines, {text: '', line: 0, column: 1, offset: 0}]) {
    if (record.text.trim()) {
      group.push(record)
      continue
    }
    if (group.length) blocks.push(...groupBlocks(group, number))
    group = []
  }
  return page(blocks, {page: number, method: 'text', reason: 'text export', ocrConfidence: null, printedPage: null})
}

/** Blocks of one group of adjacent lines: tab tables, list items (a bullet starts one), paragraphs. */
function groupBlocks(group: SourceLine[], number: number): Block[] {
  const out: Block[] = []
  const tables = findTabTables(group.map((record) => record.text), 1)
  const tableAt = new Map(tables.map((found) => [found.rows[0] ?? -1, found.rows]))
  let open: {lines: Line[]; list: boolean} | null = null
  const close = function close(): void {
    if (open?.lines.length) out.push(open.list ? listItem('•', open.lines, {page: number}) : paragraph(open.lines, {page: number}))
    open = null
  }
  for (let index = 0; index < group.length; index++) {
    const record = group[index]
    if (!record) continue
    const rows = tableAt.get(index)
    if (rows) {
      close()
      out.push(tabTable(rows.map((row) => group[row]).filter((row) => row !== undefined), number))
      index = rows[rows.length - 1] ?? index
      continue
    }
    const bullet = BULLET_LINE.test(record.text)
    if (bullet || !open) {
      close()
      open = {lines: [], list: bullet}
    }
    const built = sourceLine(record, number)
    if (built) open.lines.push(built)
  }
  close()
  return out.length === 1 && group.length === 1 && isCapsHeading(group[0]?.text ?? '') && out[0]?.type === 'paragraph'
    ? [heading(2, out[0].children, {page: number})]
    : out
}

/** A table from tab-separated lines: one row per line, one cell per tab-separated part. */
function tabTable(records: SourceLine[], number: number): Table {
  return table(records.map(function row(record) {
    const cells: TableCell[] = tabCells(record.text).map(function cell(part) {
      const built = sourceLine(record, number, part.start, part.start + part.text.length)
      return tableCell(built ? [built] : [], {page: number})
    })
    return tableRow(cells, {page: number})
  }), {page: number})
}

/** "DISCLOSURE OF INTERESTS": short, no lower-case letters, enough letters, no closing stop. */
function isCapsHeading(text: string): boolean {
  const value = text.trim()
  const letters = value.match(/\p{L}/gu)?.length ?? 0
  return value.length <= MAX_HEADING_CHARS && letters >= MIN_HEADING_LETTERS &&
    !/\p{Ll}/u.test(value) && !/[.,;]$/.test(value)
}
