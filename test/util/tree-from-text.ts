// Builds a cleaned-looking page tree from plain page strings for segmenter unit tests:
// one string per page, blank lines between paragraphs, "a | b | c" lines as table rows.
import {line, page, paragraph, root, table, tableCell, tableRow, textLine, word} from '../../src/tree/build.js'
import type {Block, Line, Root} from '../../src/tree/types.js'

/** Confidence given to every word and line of a page built as OCR'd. */
const OCR_CONFIDENCE = 0.95

/** Options: printed page numbers per page (index 0 = page 1); pages read by OCR (lines carry a confidence). */
export interface TreeFromTextOptions {
  printedPages?: Array<string | null>
  ocr?: boolean
}

/** One page per string; paragraphs split at blank lines; lines containing " | " become table rows. */
export function treeFromText(pages: string[], options: TreeFromTextOptions = {}): Root {
  const makeLine = options.ocr ? ocrTextLine : textLine
  return root(pages.map((text, i) => {
    const n = i + 1
    const blocks: Block[] = text.split(/\n\s*\n/).map((chunk) => chunk.split('\n').filter((l) => l.trim())).filter((l) => l.length)
      .map((lines) => lines.every((l) => l.includes(' | '))
        ? table(lines.map((l) => tableRow(l.split(' | ').map((c) => tableCell([textLine(c.trim(), n)], {page: n})), {page: n})), {page: n})
        : paragraph(lines.map((l) => makeLine(l, n)), {page: n}))
    const method = options.ocr ? 'ocr' : 'text'
    return page(blocks, {page: n, method, reason: 'test', ocrConfidence: options.ocr ? OCR_CONFIDENCE : null, printedPage: options.printedPages?.[i] ?? null})
  }), options.ocr ? 'pdf' : 'text')
}

/** A line as OCR gives it: words and line read with a confidence, no geometry. */
function ocrTextLine(text: string, page: number): Line {
  const words = text.split(/\s+/).filter(Boolean).map((value) => word(value, {page, confidence: OCR_CONFIDENCE}))
  return line(words, {page, confidence: OCR_CONFIDENCE})
}
