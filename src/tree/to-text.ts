// Canonical serialisation of the page tree into cleaned text: furniture left out, hyphenated
// line ends joined, words joined by one space, lines by "\n", blocks by a blank line, cells by a tab.
import type {Block, Line, Page, TableRow} from './types.js'

/** Text of one line's body words, joined by single spaces ("" when all are furniture). */
export function lineText(line: Line): string {
  if (line.data.layer === 'furniture') return ''
  let out = ''
  for (const w of line.children) {
    if (w.data.layer === 'furniture' || w.value === '') continue
    out += out ? ' ' + w.value : w.value
  }
  return out
}

/** Joins lines, honouring hyphenation marks: "recom-" + "mendation" → "recommendation". */
export function linesText(lines: Line[]): string {
  let out = ''
  let glue = ''
  for (const l of lines) {
    let text = lineText(l)
    if (!text) continue
    const mark = l.data.hyphenated
    if (mark === 'drop') text = text.slice(0, -1)
    out += (out ? glue : '') + text
    glue = mark ? '' : '\n'
  }
  return out
}

/** Text of a table row: cells separated by a tab, each cell's lines joined by spaces. */
export function rowText(row: TableRow): string {
  return row.children.map((cell) => linesText(cell.children).replace(/\n/g, ' ')).join('\t')
}

/** Text of any block. */
export function blockText(block: Block): string {
  if (block.type === 'table') return block.children.map(rowText).filter((t) => t.trim()).join('\n')
  const text = linesText(block.children)
  return block.type === 'listItem' && block.marker && /\w/.test(block.marker) && text
    ? block.marker + ' ' + text
    : text
}

/** The page's cleaned text in reading order (what `pages[].text` holds). */
export function pageText(page: Page): string {
  return page.children.map(blockText).filter(Boolean).join('\n\n')
}
