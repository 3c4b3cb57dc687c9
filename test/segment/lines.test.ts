// Tests the document lines every segmenter reads: page furniture the cleaners marked (page stamps,
// running heads) is left out of OCR'd pages as it is of text-layer pages.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import {documentLines} from '../../src/segment/lines.js'
import type {Root} from '../../src/tree/types.js'
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
})
