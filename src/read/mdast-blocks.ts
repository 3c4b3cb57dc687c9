// Turns parsed markdown (mdast) into page-tree blocks: headings, paragraphs (one line per source
// line), list items (nested lists flattened), GFM tables; HTML is reduced to its text.
import type {Position} from 'unist'
import type {
  List, ListItem as MdListItem, Nodes, PhrasingContent, RootContent, Table as MdTable
} from 'mdast'
import {heading, line, listItem, paragraph, table, tableCell, tableRow, word} from '../tree/build.js'
import type {Block, Line, TableCell} from '../tree/types.js'
import {htmlText, isBreakingTag, textLines} from './html-text.js'

/** Where a parsed chunk sits in the source, and what to tell about HTML. */
export interface MdastContext {
  /** 1-based page the blocks are on. */
  page: number
  /** Source line (1-based) of the chunk's first line, and its offset. */
  line: number
  offset: number
  /** The whole source's lines and the offset of each line's start. */
  source: string[]
  lineOffsets: number[]
  /** Called for each HTML node reduced to text, with its (source) position and first tag. */
  onHtml: (position: Position | undefined, tag: string) => void
}

/**
 * Converts mdast flow content to blocks.
 * @param nodes children of the mdast root (or of a container such as a blockquote)
 * @param context where the chunk sits, for positions and HTML warnings
 * @returns blocks in source order; thematic breaks, definitions and empty nodes give none
 */
export function mdastBlocks(nodes: RootContent[], context: MdastContext): Block[] {
  const out: Block[] = []
  for (const node of nodes) flow(node, context, out)
  return out
}

function flow(node: RootContent, context: MdastContext, out: Block[]): void {
  const data = {page: context.page}
  switch (node.type) {
    case 'heading':
      pushLines(out, phrasingLines(node.children, node, context), (lines) => heading(node.depth, lines, data))
      return
    case 'paragraph':
      pushLines(out, phrasingLines(node.children, node, context), (lines) => paragraph(lines, data))
      return
    case 'list':
      listBlocks(node, context, out)
      return
    case 'table':
      out.push(tableBlock(node, context))
      return
    case 'html':
      pushLines(out, htmlLines(node.value, node, context), (lines) => paragraph(lines, data))
      return
    case 'code':
      pushLines(out, plainLines(node.value.split('\n'), node, context), (lines) => paragraph(lines, data))
      return
    case 'blockquote':
    case 'footnoteDefinition':
      for (const child of node.children) flow(child as RootContent, context, out)
      return
    default:
      return // thematicBreak (`---`), definition, yaml: not page content
  }
}

/** One list item per mdast item; nested lists follow their parent item as items of their own. */
function listBlocks(list: List, context: MdastContext, out: Block[]): void {
  list.children.forEach(function item(node: MdListItem, index) {
    const marker = itemMarker(node, list, index, context)
    const lines: Line[] = []
    const rest: Block[] = []
    for (const child of node.children) {
      if (child.type === 'paragraph' && rest.length === 0) lines.push(...phrasingLines(child.children, child, context))
      else flow(child, context, rest)
    }
    if (lines.length) out.push(listItem(marker, lines, {page: context.page}))
    out.push(...rest)
  })
}

/** The marker as written ("38.", "1)", "-"), read from the source; computed when unreadable. */
function itemMarker(node: MdListItem, list: List, index: number, context: MdastContext): string {
  const start = shift(node.position, context)?.start
  const text = start ? context.source[start.line - 1]?.slice(start.column - 1) ?? '' : ''
  const written = /^\s*([*+-]|\d{1,9}[.)])/.exec(text)?.[1]
  if (written) return written
  return list.ordered ? `${(list.start ?? 1) + index}.` : '-'
}

function tableBlock(node: MdTable, context: MdastContext): Block {
  const data = {page: context.page}
  return table(node.children.map(function row(mdRow) {
    const cells: TableCell[] = mdRow.children.map((cell) => tableCell(phrasingLines(cell.children, cell, context), data))
    return tableRow(cells, data)
  }), data)
}

/** Lines of inline content: soft and hard breaks and breaking HTML tags end lines. */
function phrasingLines(nodes: PhrasingContent[], parent: Nodes, context: MdastContext): Line[] {
  return plainLines(phrasingText(nodes, context).split('\n'), parent, context)
}

function phrasingText(nodes: PhrasingContent[], context: MdastContext): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value
    else if (node.type === 'break') out += '\n'
    else if (node.type === 'html') out += inlineHtml(node.value, node.position, context)
    else if ('children' in node) out += phrasingText(node.children as PhrasingContent[], context)
  }
  return out
}

function inlineHtml(value: string, position: Position | undefined, context: MdastContext): string {
  const reduced = htmlText(value)
  if (reduced.tag) context.onHtml(shift(position, context), reduced.tag)
  return isBreakingTag(value) ? '\n' : reduced.lines.join(' ')
}

function htmlLines(value: string, node: Nodes, context: MdastContext): Line[] {
  const reduced = htmlText(value)
  if (reduced.tag) context.onHtml(shift(node.position, context), reduced.tag)
  return plainLines(reduced.lines, node, context)
}

/**
 * Page-tree lines from text lines; when they match the node's source lines one to one, each
 * line gets the position of its source line.
 */
function plainLines(texts: string[], node: Nodes, context: MdastContext): Line[] {
  const oneToOne = texts.map((text) => text.trim() !== '')
  const kept = texts.flatMap((text) => textLines(text).length ? [textLines(text).join(' ')] : [])
  const position = shift(node.position, context)
  const span = position ? position.end.line - position.start.line + 1 : -1
  return kept.map(function build(text, index) {
    const words = text.split(' ').map((value) => word(value, {page: context.page}))
    const out = line(words, {page: context.page})
    if (position && span === texts.length && oneToOne.every(Boolean)) out.position = linePosition(position, index, context)
    return out
  })
}

/** Position of the index-th source line of a block. */
function linePosition(block: Position, index: number, context: MdastContext): Position {
  const number = block.start.line + index
  const text = context.source[number - 1] ?? ''
  const startColumn = index === 0 ? block.start.column : text.search(/\S/) + 1
  const endColumn = number === block.end.line ? block.end.column : text.trimEnd().length + 1
  const offset = context.lineOffsets[number - 1] ?? 0
  return {
    start: {line: number, column: startColumn, offset: offset + startColumn - 1},
    end: {line: number, column: endColumn, offset: offset + endColumn - 1}
  }
}

/** A chunk position moved to its place in the whole source. */
function shift(position: Position | undefined, context: MdastContext): Position | undefined {
  if (!position) return undefined
  const move = (point: Position['start']) => ({
    line: point.line + context.line - 1,
    column: point.column,
    offset: (point.offset ?? 0) + context.offset
  })
  return {start: move(position.start), end: move(position.end)}
}

function pushLines(out: Block[], lines: Line[], make: (lines: Line[]) => Block): void {
  if (lines.length) out.push(make(lines))
}
