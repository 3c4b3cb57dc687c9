// Tests the document lines every segmenter reads: page furniture the cleaners marked (page stamps,
// running heads) is left out of OCR'd pages as it is of text-layer pages.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import {documentLines} from '../../src/segment/lines.js'
import {line, page, root, table, tableCell, tableRow, word} from '../../src/tree/build.js'
import type {Root, TableCell} from '../../src/tree/types.js'
import {treeFromText} from '../util/tree-from-text.js'

const PAGES = [
  'Housing Committee, 3 September 2024\n\nThe Committee noted the report.\n\nPage 7',
  'Housing Committee, 3 September 2024\n\nReport back on the review of part-time timetables.\n\nPage 8'
]

function cleaned(tree: Root): Root {
  cleanTree(tree, new VFile({path: 'invented.pdf'}))
  return tree
}

function texts(tree: Root): string[] {
  return documentLines(tree).map((line) => line.text)
}

describe('documentLines', () => {
  it('should leave an OCR\'d page stamp line out, as on a text layer', () => {
    const tree = cleaned(treeFromText(PAGES, {ocr: true}))
    const stamp = tree.children[1]!.children.at(-1)!.children[0]!
    expect(stamp.type === 'line' && stamp.data.layer).toBe('furniture')
    expect(texts(tree)).not.toContain('Page 8')
    expect(texts(tree)).toContain('Report back on the review of part-time timetables.')
  })

  it('should give the same lines for the same pages read by OCR and from a text layer', () => {
    const scanned = texts(cleaned(treeFromText(PAGES, {ocr: true})))
    expect(scanned).toEqual(texts(cleaned(treeFromText(PAGES))))
    expect(scanned.some((text) => /^Page \d$/.test(text))).toBe(false)
  })

  it('should leave out an OCR\'d line marked as a running head', () => {
    const tree = treeFromText(PAGES, {ocr: true})
    const head = tree.children[0]!.children[0]!.children[0]!
    if (head.type === 'line') head.data = {...head.data, layer: 'furniture', furniture: 'running-head'}
    expect(texts(tree).slice(0, 2)).toEqual(['The Committee noted the report.', 'Page 7'])
  })

  it('should give a table row the font of its first cell\'s first word (a bold section heading row)', () => {
    const cell = (text: string, x: number, bold: boolean): TableCell =>
      tableCell([line([word(text, {page: 1, bbox: [x, 100, x + 30, 110], font: {size: 10, bold}})], {page: 1})], {page: 1})
    const rows = [tableRow([cell('Gender', 50, true)], {page: 1}), tableRow([cell('Male', 50, false), cell('64', 200, false)], {page: 1})]
    const made = page([table(rows, {page: 1})], {page: 1, method: 'text', reason: 'test', width: 595, height: 842, ocrConfidence: null, printedPage: null})
    expect(documentLines(root([made], 'pdf')).map((l) => [l.text, l.bold])).toEqual([['Gender', true], ['Male 64', false]])
  })
})
