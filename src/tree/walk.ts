// Walks the page tree's fixed shape (root → page → block → [row → cell] → line → word) directly,
// for cleaners that touch every line: cheaper than a generic visit, which also steps into words.
import type {Heading, Line, ListItem, Page, Paragraph, Root, TableCell} from './types.js'

/** A node whose children are lines: paragraph, heading, list item or table cell. */
export type LineHolder = Paragraph | Heading | ListItem | TableCell

/**
 * Calls `each` for every node that holds lines, in document order.
 * @param node the whole tree or one page
 * @param each called with each paragraph, heading, list item and table cell
 */
export function eachLineHolder(node: Root | Page, each: (holder: LineHolder) => void): void {
  const pages = node.type === 'root' ? node.children : [node]
  for (const page of pages) {
    for (const block of page.children) {
      if (block.type !== 'table') each(block)
      else for (const row of block.children) for (const cell of row.children) each(cell)
    }
  }
}

/**
 * Calls `each` for every line, in document order.
 * @param node the whole tree or one page
 * @param each called with each line
 */
export function eachLine(node: Root | Page, each: (line: Line) => void): void {
  eachLineHolder(node, function lines(holder) {
    for (const line of holder.children) each(line)
  })
}
