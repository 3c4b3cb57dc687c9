// Tiny constructors for page-tree nodes, so readers build the tree the same way.
// Each takes the children and the node's data; nothing here reads or cleans text.
import type {
  BBox, Heading, Line, ListItem, NodeData, Page, PageData, Paragraph, Root, SourceFormat,
  Table, TableCell, TableRow, Word
} from './types.js'

/** A word with its page and optional geometry/confidence. */
export function word(value: string, data: NodeData): Word {
  return {type: 'word', value, data}
}

/** A line of words; its bbox is the union of the words' boxes when they have them. */
export function line(children: Word[], data: NodeData): Line {
  const box = data.bbox ?? unionBBox(children.map((w) => w.data.bbox))
  return {type: 'line', children, data: box ? {...data, bbox: box} : data}
}

/** A line made from plain text (text and markdown readers): words split on whitespace. */
export function textLine(text: string, page: number): Line {
  const words = text.split(/\s+/).filter(Boolean).map((value) => word(value, {page}))
  return line(words, {page})
}

export function paragraph(children: Line[], data: NodeData): Paragraph {
  return {type: 'paragraph', children, data: withBox(children, data)}
}

export function heading(depth: number, children: Line[], data: NodeData): Heading {
  return {type: 'heading', depth, children, data: withBox(children, data)}
}

export function listItem(marker: string | null, children: Line[], data: NodeData): ListItem {
  return {type: 'listItem', marker, children, data: withBox(children, data)}
}

export function tableCell(children: Line[], data: NodeData): TableCell {
  return {type: 'tableCell', children, data: withBox(children, data)}
}

export function tableRow(children: TableCell[], data: NodeData): TableRow {
  return {type: 'tableRow', children, data: withBox(children, data)}
}

export function table(children: TableRow[], data: NodeData): Table {
  return {type: 'table', children, data: withBox(children, data)}
}

/** A page; `data` must say how its text was read. */
export function page(children: Page['children'], data: PageData): Page {
  return {type: 'page', children, data}
}

export function root(children: Page[], format: SourceFormat): Root {
  return {type: 'root', children, data: {format}}
}

/** Smallest box holding every given box; undefined when none is given. */
export function unionBBox(boxes: Array<BBox | undefined>): BBox | undefined {
  let out: BBox | undefined
  for (const b of boxes) {
    if (!b) continue
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b]
  }
  return out
}

function withBox(children: Array<{data: NodeData}>, data: NodeData): NodeData {
  if (data.bbox) return data
  const box = unionBBox(children.map((c) => c.data.bbox))
  return box ? {...data, bbox: box} : data
}
