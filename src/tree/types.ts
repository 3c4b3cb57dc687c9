// The page tree: one unist-compatible intermediate representation that every reader produces
// and every cleaner and segmenter reads. Layout facts (bbox, font, confidence) stay on the nodes.
import type {Data as UnistData, Node, Parent, Position} from 'unist'

/** Box in PDF points, top-left origin, scale 1: [x0, y0, x1, y1]. */
export type BBox = [x0: number, y0: number, x1: number, y1: number]

/** How a page's text was obtained (the Pack's `pages[].method`). */
export type PageMethod = 'text-layer' | 'ocr' | 'text' | 'empty'

/** Why a cleaner took a line or word out of the body text. */
export type FurnitureKind =
  | 'page-number'
  | 'running-head'
  | 'running-foot'
  | 'page-stamp'
  | 'bullet'
  | 'blank-page-notice'

/** Facts every node of the tree can carry. */
export interface NodeData extends UnistData {
  /** 1-based PDF page index (or page of a text/markdown file). */
  page: number
  /** Geometry where the reader knows it. */
  bbox?: BBox
  /** OCR confidence, 0–1. */
  confidence?: number
  /** Font size (pt) and weight where known. */
  font?: {size: number; bold: boolean}
  /** `furniture` once a cleaner has marked the node as page furniture; absent means body. */
  layer?: 'body' | 'furniture'
  /** What kind of furniture, when `layer` is `furniture`. */
  furniture?: FurnitureKind
}

/** A word: the smallest unit with a position. `value` is what the reader saw. */
export interface Word extends Node {
  type: 'word'
  value: string
  data: NodeData
  position?: Position
}

export interface LineData extends NodeData {
  /** Set by the hyphenation cleaner: this line ends in a broken word that continues on the next line. */
  hyphenated?: 'drop' | 'keep'
}

/** A line of words in reading order. */
export interface Line extends Parent {
  type: 'line'
  children: Word[]
  data: LineData
}

export interface Paragraph extends Parent {
  type: 'paragraph'
  children: Line[]
  data: NodeData
}

export interface Heading extends Parent {
  type: 'heading'
  depth: number
  children: Line[]
  data: NodeData
}

export interface ListItem extends Parent {
  type: 'listItem'
  /** The bullet or number printed before the item, when the reader saw one ("•", "1.", "a)"). */
  marker: string | null
  children: Line[]
  data: NodeData
}

export interface TableCell extends Parent {
  type: 'tableCell'
  children: Line[]
  data: NodeData
}

export interface TableRow extends Parent {
  type: 'tableRow'
  children: TableCell[]
  data: NodeData
}

export interface Table extends Parent {
  type: 'table'
  children: TableRow[]
  data: NodeData
}

export type Block = Paragraph | Heading | ListItem | Table

export interface PageData extends NodeData {
  /** How the text was obtained. */
  method: PageMethod
  /** Why the router chose that method (e.g. "text layer sound", "no text layer", "garbled text layer"). */
  reason: string
  /** Page size in points after rotation, where known. */
  width?: number
  height?: number
  /** Mean OCR word confidence, 0–1; null when not OCR'd. */
  ocrConfidence: number | null
  /** The page number printed on the page (set by the furniture cleaner), or null. */
  printedPage: string | null
  /** The PDF's page label for this page (/PageLabels), when the PDF defines one. */
  label?: string
}

export interface Page extends Parent {
  type: 'page'
  children: Block[]
  data: PageData
}

export type SourceFormat = 'pdf' | 'markdown' | 'text'

export interface Root extends Parent {
  type: 'root'
  children: Page[]
  data: {format: SourceFormat}
}

export type AnyNode = Root | Page | Block | TableRow | TableCell | Line | Word
