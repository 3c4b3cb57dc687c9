// Builds a cleaned-looking page tree from plain page strings for segmenter unit tests:
// one string per page, blank lines between paragraphs, "a | b | c" lines as table rows.
import {page, paragraph, root, table, tableCell, tableRow, textLine} from '../../src/tree/build.js'
import type {Block, Root} from '../../src/tree/types.js'

/** Options: printed page numbers per page (index 0 = page 1). */
export interface TreeFromTextOptions {
  printedPages?: Array<string | null>
}

/** One page per string; paragraphs split at blank lines; lines containing " | " become table rows. */
export function treeFromText(pages: string[], options: TreeFromTextOptions = {}): Root {
  return root(pages.map((text, i) => {
    const n = i + 1
    const blocks: Block[] = text.split(/\n\s*\n/).map((chunk) => chunk.split('\n').filter((l) => l.trim())).filter((l) => l.length)
      .map((lines) => lines.every((l) => l.includes(' | '))
        ? table(lines.map((l) => tableRow(l.split(' | ').map((c) => tableCell([textLine(c.trim(), n)], {page: n})), {page: n})), {page: n})
        : paragraph(lines.map((l) => textLine(l, n)), {page: n}))
    return page(blocks, {page: n, method: 'text', reason: 'test', ocrConfidence: null, printedPage: options.printedPages?.[i] ?? null})
  }), 'text')
}
