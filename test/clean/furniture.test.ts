// Tests the furniture cleaner: page numbers, stamps and running heads and feet marked as furniture,
// lone figures at a page edge kept as table cells unless they fit the page-number sequence.
import {describe, expect, it} from 'vitest'
import {cleanFurniture} from '../../src/clean/furniture.js'
import {pageText} from '../../src/tree/to-text.js'
import {root} from '../../src/tree/build.js'
import {cleanPrintedPage} from '../../src/clean/printed-page.js'
import {allLines, ocrPage, pdfPage, raw, textTree} from './make-tree.js'

/** Furniture kinds of a one-page text tree's lines, by raw line text. */
function marks(text: string): Record<string, string | undefined> {
  const tree = textTree(text)
  cleanFurniture(tree)
  return Object.fromEntries(allLines(tree).map((l) => [raw(l), l.data.furniture]))
}

const BODY = 'Report of the Director\n\nThe Panel noted the update.'

describe('cleanFurniture', () => {
  it.each([
    ['Page 24', 'page-number'],
    ['Page 3 of 10', 'page-number'],
    ['- 24 -', 'page-number'],
    ['-1-', 'page-number'],
    ['6 abed', 'page-stamp'],
    ['This page is intentionally left blank', 'blank-page-notice']
  ])('should mark the stamp line %j as %s', (stamp, kind) => {
    expect(marks(`${BODY}\n\n${stamp}`)[stamp]).toBe(kind)
  })

  it('should mark a stamp OCR read in the middle of a page', () => {
    expect(marks(`Slide title\n0T gPed\nSecond point\nThird point\nFourth point`)['0T gPed']).toBe('page-stamp')
  })

  it('should mark a bare number as the last line of a page', () => {
    expect(marks(`${BODY}\n\n24`)['24']).toBe('page-number')
  })

  it.each([
    ['at the top of the page', '10\n\nSAFEGUARDING REPORT\n\nText of the report.'],
    ['below a number-only line (a table printed one cell per line)', 'Referrals\n\n733\n\n794'],
    ['in the middle of the page', 'Intro\n\n12\n\nOutro words here']
  ])('should keep a bare number %s', (_name, text) => {
    const found = marks(text)
    expect(Object.values(found).every((kind) => kind === undefined)).toBe(true)
  })

  it('should keep "Agenda Item" stamps in the text', () => {
    const tree = textTree('Agenda Item 9\n\nReport body\n\nAgenda Item 9')
    cleanFurniture(tree)
    expect(pageText(tree.children[0]!)).toBe('Agenda Item 9\n\nReport body\n\nAgenda Item 9')
  })

  it('should mark a page stamp glued to the end of the last line', () => {
    const tree = textTree('Body text\n\nEquality Impact Assessment Page 24')
    cleanFurniture(tree)
    expect(pageText(tree.children[0]!)).toBe('Body text\n\nEquality Impact Assessment')
  })

  it('should mark a page number glued after the last sentence of a text page', () => {
    const tree = textTree('Body text\n\nWe will keep this under review. 6')
    cleanFurniture(tree)
    expect(pageText(tree.children[0]!)).toBe('Body text\n\nWe will keep this under review.')
  })

  it('should keep a number ending a sentence-less last line', () => {
    const tree = textTree('Body text\n\nThe total for the year was 6')
    cleanFurniture(tree)
    expect(pageText(tree.children[0]!)).toBe('Body text\n\nThe total for the year was 6')
  })

  it('should mark running heads and feet repeated on half the pages or more', () => {
    const body = ['Apologies were received.', 'The minutes were agreed.', 'The report was noted.', 'Questions were answered.']
    const pages = body.map((text, n) => `Cabinet 12 March 2024\nMinutes\n\n${text}\n\nSouthampton City Council ${n + 1}`)
    const tree = textTree(...pages, 'A last page with\n\nnothing repeated on it\n\nat all.')
    cleanFurniture(tree)
    expect(pageText(tree.children[1]!)).toBe('The minutes were agreed.')
    const kinds = allLines(tree).filter((l) => l.data.furniture).map((l) => l.data.furniture)
    expect(kinds.sort()).toEqual([...Array(4).fill('running-foot'), ...Array(8).fill('running-head')])
  })

  it('should compare a body line only once the lines above it proved to be furniture', () => {
    const pages = ['Introduction', 'Background', 'Finance', 'Risks'].map((title, n) => `${title}\nMinute No. ${n + 1}\n\nText about ${title}.`)
    const tree = textTree(...pages)
    cleanFurniture(tree)
    expect(allLines(tree).some((l) => l.data.layer === 'furniture')).toBe(false)
  })

  it('should not mark a line repeated on only two pages', () => {
    const tree = textTree('Right Service\n\nA', 'Right Service\n\nB', 'Other\n\nC', 'Other 2\n\nD')
    cleanFurniture(tree)
    expect(allLines(tree).some((l) => l.data.layer === 'furniture')).toBe(false)
  })

  it('should use the top and bottom bands of a page with geometry', () => {
    const page = pdfPage([['Cabinet report', 20], ['12', 400], ['Paragraph text', 420], ['12', 815]])
    const tree = root([page], 'pdf')
    cleanFurniture(tree)
    expect(allLines(tree).map((l) => l.data.furniture ?? null)).toEqual([null, null, null, 'page-number'])
  })

  describe('bare numbers at page edges with geometry', () => {
    /** Pages of body text with a footer at the foot of each; `extra` lines go on page `at` (0-based). */
    function pack(footer: (n: number) => string, at: number, extra: Array<[string, number]>) {
      const pages = [0, 1, 2, 3].map((i) => pdfPage([
        ...(i === at ? extra : []), ['The Panel noted the update.', 300], [footer(i + 1), 815]
      ], i + 1))
      const tree = root(pages, 'pdf')
      cleanFurniture(tree)
      return Object.fromEntries(allLines(tree).filter((l) => /^\d+$/.test(raw(l))).map((l) => [raw(l), l.data.furniture ?? null]))
    }

    it('should mark bare numbers that follow the page sequence', () => {
      expect(pack((n) => String(n + 10), -1, [])).toEqual({11: 'page-number', 12: 'page-number', 13: 'page-number', 14: 'page-number'})
    })

    it('should keep year headings carried to the top of a page numbered "Page N"', () => {
      expect(pack((n) => `Page ${n}`, 2, [['2020', 40], ['2021', 60]])).toEqual({2020: null, 2021: null})
    })

    it('should keep a lone table figure at the top of a page that breaks the sequence', () => {
      expect(pack((n) => String(n), 1, [['376', 40]])).toEqual({1: 'page-number', 2: 'page-number', 3: 'page-number', 4: 'page-number', 376: null})
    })

    it('should keep two number-only lines stacked at one edge of a lone page', () => {
      const tree = root([pdfPage([['Intro text', 300], ['17', 790], ['7', 815]])], 'pdf')
      cleanFurniture(tree)
      expect(allLines(tree).map((l) => l.data.furniture ?? null)).toEqual([null, null, null])
    })

    it('should mark a page number above an agenda section number at the top of a lone page', () => {
      const tree = root([pdfPage([['24', 20], ['11.', 45], ['Intro text', 300]])], 'pdf')
      cleanFurniture(tree)
      expect(allLines(tree).map((l) => l.data.furniture ?? null)).toEqual(['page-number', null, null])
    })
  })

  it.each(['Page 2 -', '‘Page 2', '- 2 -.', 'Page 2of 9'])('should mark the OCR\'d stamp %j with specks as the page number', (stamp) => {
    const tree = root([ocrPage([['Minutes of the meeting', 100], ['The Panel noted the update.', 400], [stamp, 815]], 2)], 'pdf')
    cleanFurniture(tree)
    cleanPrintedPage(tree)
    expect(allLines(tree).find((l) => raw(l) === stamp)?.data.furniture).toBe('page-number')
    expect(tree.children[0]!.data.printedPage).toBe('2')
  })

  it('should keep a stamp with specks on a text-layer page as it is', () => {
    const tree = root([pdfPage([['Minutes of the meeting', 100], ['Page 2 -', 815]], 2)], 'pdf')
    cleanFurniture(tree)
    expect(allLines(tree).some((l) => l.data.layer === 'furniture')).toBe(false)
  })
})
