// Tests running heads and feet on OCR'd pages: the same printed line read with OCR letter errors is
// furniture at the same edge; similar but different body lines and text-layer pages are left alone.
import {describe, expect, it} from 'vitest'
import {cleanFurniture} from '../../src/clean/furniture.js'
import {root} from '../../src/tree/build.js'
import {pageText} from '../../src/tree/to-text.js'
import type {Page, Root} from '../../src/tree/types.js'
import {allLines, ocrPage, pdfPage, raw} from './make-tree.js'

const HEAD = 'Fernleigh District Council - Planning and Licensing Committee'
/** The same head as OCR reads it page to page: a quote speck, a misread word, lost spaces. */
const OCR_HEADS = [HEAD, HEAD, 'Fernleigh District ‘Council - Planning and Licensing Committee',
  'Fernleigh Distnct Cavncil - Planning and Licensing Committee', HEAD, 'Fernleigh District Council - Planning and-Licensing Cornmittee.']
const BODY = ['Apologies for absence were received.', 'The minutes were agreed as a correct record.',
  'The Committee considered the application.', 'Members asked about parking on the estate.',
  'The licence was granted with conditions.', 'The meeting closed at 8.10 pm.']

type Maker = (lines: Array<[string, number]>, number?: number) => Page

/** Pages with `heads[i]` at the top, a body line, and `feet[i]` (when given) at the bottom. */
function pack(make: Maker, heads: string[], feet: string[] = []): Root {
  return root(heads.map((head, i) => make([[head, 20], [BODY[i % BODY.length]!, 300], ...(feet[i] ? [[feet[i], 815] as [string, number]] : [])], i + 1)), 'pdf')
}

/** Raw text of the lines marked as the given kind. */
function marked(tree: Root, kind: string): string[] {
  return allLines(tree).filter((l) => l.data.furniture === kind).map(raw)
}

describe('running heads and feet on OCR\'d pages', () => {
  it('should mark a running head read with letter errors on some pages', () => {
    const tree = pack(ocrPage, OCR_HEADS)
    cleanFurniture(tree)
    expect(marked(tree, 'running-head')).toEqual(OCR_HEADS)
    expect(tree.children.map((page) => pageText(page))).toEqual(BODY)
  })

  it('should mark a running foot read with letter errors on some pages', () => {
    const feet = ['Fernleigh District Council Planning Papers', 'Fernleigh District Council Planning Papers', 'Fernleigh District Council Planning Papers',
      '‘Fernleigh Distict Council Planning Papcrs', 'Femleigh District Council Planning Papers.', 'Fernleigh District Council Planning Papers']
    const tree = pack(ocrPage, BODY.map((_, i) => `Item ${i + 1}`), feet)
    cleanFurniture(tree)
    expect(marked(tree, 'running-foot')).toEqual(feet)
  })

  it('should leave damaged variants on text-layer pages alone (only exact repeats are running lines there)', () => {
    const tree = pack(pdfPage, OCR_HEADS)
    cleanFurniture(tree)
    expect(marked(tree, 'running-head')).toEqual([HEAD, HEAD, HEAD])
  })

  it('should not take a damaged head at the foot for the running head', () => {
    const tree = pack(ocrPage, OCR_HEADS, ['', '', '', 'Fernleigh Distnct Council - Planning and Licensing Committee'])
    cleanFurniture(tree)
    expect(allLines(tree).some((l) => raw(l).startsWith('Fernleigh Distnct Council') && l.data.furniture === 'running-foot')).toBe(false)
  })

  it.each([
    ['headings', ['Report of the Director of Housing Services', 'Report of the Director of Adult Services',
      'Report of the Director of Health Services', 'Report of the Director of Finance Services',
      'Report of the Director of Leisure Services', 'Report of the Director of Transport Services']],
    ['agenda item titles', ['Appendix A - Fernleigh housing indicators', 'Appendix B - Fernleigh housing indicators',
      'Appendix C - Fernleigh housing indicators', 'Appendix D - Fernleigh housing indicators',
      'Appendix E - Fernleigh housing indicators', 'Appendix F - Fernleigh housing indicators']],
    ['table rows', ['Children in care per 10,000 | 65 | 67', 'Children in need per 10,000 | 310 | 298',
      'Children on a plan per 10,000 | 41 | 44', 'Children in care placed out of area | 12% | 14%',
      'Children in need reviewed on time | 88% | 91%', 'Children in care with a plan | 97% | 98%']]
  ])('should keep similar but different %s that each head one page', (_name, headings) => {
    const tree = pack(ocrPage, headings)
    cleanFurniture(tree)
    expect(allLines(tree).some((l) => l.data.layer === 'furniture')).toBe(false)
  })

  it('should keep body lines close to a short repeated line', () => {
    const tree = pack(ocrPage, ['Appendix A', 'Appendix A', 'Appendix A', 'Appendix B', 'Appendix C', 'Appendices'])
    cleanFurniture(tree)
    expect(marked(tree, 'running-head')).toEqual(['Appendix A', 'Appendix A', 'Appendix A'])
  })

  it('should keep headings that differ from the running head by a whole phrase', () => {
    const heads = [HEAD, HEAD, HEAD, 'Fernleigh District Council - Housing Committee', 'Fernleigh District Council', HEAD]
    const tree = pack(ocrPage, heads)
    cleanFurniture(tree)
    expect(marked(tree, 'running-head')).toEqual([HEAD, HEAD, HEAD, HEAD])
  })

  it('should keep agenda item stamps at the top of OCR\'d pages', () => {
    const heads = ['Agenda Item 4', 'Agenda Item 5', 'Agenda ltem 6', 'Agenda Item 7', 'Agenda Item 8', 'Agenda Item 9']
    const tree = pack(ocrPage, heads)
    cleanFurniture(tree)
    expect(allLines(tree).filter((l) => l.data.layer === 'furniture').map(raw)).toEqual([])
  })
})
