import {describe, expect, it} from 'vitest'
import {cleanFurniture} from '../../src/clean/furniture.js'
import {cleanPrintedPage} from '../../src/clean/printed-page.js'
import {root} from '../../src/tree/build.js'
import {pdfPage, textTree} from './make-tree.js'

describe('cleanPrintedPage', () => {
  it.each([
    ['Body\n\nPage 24', '24'],
    ['Body\n\n- 3 -', '3'],
    ['Slide\n6 abed\nMore', '9'],
    ['Body text\n\nEquality Impact Assessment Page 24', '24'],
    ['Body\n\nabed', null],
    ['Body only', null]
  ])('should record the printed page of %j as %j', (text, expected) => {
    const tree = textTree(text)
    cleanFurniture(tree)
    cleanPrintedPage(tree)
    expect(tree.children[0]!.data.printedPage).toBe(expected)
  })

  it('should fall back to a numeric page label when the page shows no stamp', () => {
    const tree = root([pdfPage([['Body', 300]], 1, '7'), pdfPage([['Body', 300]], 2, 'iv'), pdfPage([['Body', 300], ['Page 9', 820]], 3, '8')], 'pdf')
    cleanFurniture(tree)
    cleanPrintedPage(tree)
    expect(tree.children.map((p) => p.data.printedPage)).toEqual(['7', null, '9'])
  })
})
