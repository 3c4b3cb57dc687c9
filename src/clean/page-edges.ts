// The lines at the top and bottom edge of a page, where page furniture lives: by geometry when
// the reader knew it (bands of the page height), else by order (the first and last body lines).
import {lineText} from '../tree/to-text.js'
import type {Line, Page} from '../tree/types.js'

/** Top and bottom bands, as a share of the page height, that hold running heads, feet and stamps. */
const EDGE_BAND = 0.1

/** A page's body lines and which of them sit at its edges. */
export interface PageEdges {
  /** Body lines (not yet furniture, with text) of paragraphs, headings and list items, in order. */
  lines: Line[]
  /** Lines at the top edge and at the bottom edge (top to bottom). */
  head: Line[]
  foot: Line[]
  /** True when the edges come from geometry (PDF), false when from line order (text, markdown). */
  geometric: boolean
}

/**
 * Finds the body lines at a page's edges.
 * @param page the page
 * @param edgeLines how many lines count as an edge when there is no geometry
 * @returns the body lines and the head and foot lines
 */
export function pageEdges(page: Page, edgeLines: number): PageEdges {
  const lines: Line[] = []
  for (const block of page.children) {
    if (block.type === 'table') continue
    for (const line of block.children) if (lineText(line)) lines.push(line)
  }
  const height = page.data.height
  if (height && lines.length && lines.every((line) => line.data.bbox)) {
    return {
      lines,
      head: lines.filter((line) => centre(line) < height * EDGE_BAND),
      foot: lines.filter((line) => centre(line) > height * (1 - EDGE_BAND)),
      geometric: true
    }
  }
  const head = lines.slice(0, edgeLines)
  const foot = lines.slice(Math.max(head.length, lines.length - edgeLines))
  return {lines, head, foot, geometric: false}
}

function centre(line: Line): number {
  const box = line.data.bbox
  return box ? (box[1] + box[3]) / 2 : 0
}
