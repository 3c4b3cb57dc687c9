// Tests KPI cards: a title with its RAG badge over a chart, and a caption line of labelled figures
// ("Latest: 94%  Target: 90%, Floor: 85%  Previous: 89% (Amber)"), from PDF layout, markdown and text.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {readMarkdown} from '../../src/read/markdown.js'
import {readText} from '../../src/read/text.js'
import {captionFigures} from '../../src/segment/kpi-cards.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Page, Root} from '../../src/tree/types.js'

const CHAR_PT = 5

/** Pieces of one printed line: [x, text], each piece's words 3 pt apart. */
type Pieces = Array<[number, string]>

/** OCR confidence of the words of an OCR'd page. */
const READ = 0.9

function pdfLine(y: number, pieces: Pieces, size: number, ocr: boolean): Line {
  const words = pieces.flatMap(([x, text]) => {
    let at = x
    return text.split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + 3
      return word(value, {page: 1, bbox: [x0, y, x0 + CHAR_PT * value.length, y + size], font: {size, bold: false}, ...(ocr ? {confidence: READ} : {})})
    })
  })
  return line(words, ocr ? {page: 1, confidence: READ} : {page: 1})
}

/** One page of lines, each [y, pieces, size?] its own paragraph: a text layer, or OCR'd when `ocr`. */
function pdfPage(lines: Array<[number, Pieces, number?]>, ocr = false): Page {
  const blocks = lines.map(([y, pieces, size]) => paragraph([pdfLine(y, pieces, size ?? 10, ocr)], {page: 1}))
  const how = ocr ? {method: 'ocr', ocrConfidence: READ} as const : {method: 'text', ocrConfidence: null} as const
  return page(blocks, {page: 1, ...how, reason: 'test', width: 595, height: 842, printedPage: null})
}

function tablesOf(tree: Root, path: string): KpiTable[] {
  const file = new VFile({path})
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const summary = (table: KpiTable): string => `${table.rag} ${table.rows[0]!.indicator} :: ${table.rows[0]!.cells.map((c) => `${c.column}=${c.raw}`).join(' ')}`

describe('KPI card captions', () => {
  it('reads labelled figures written with and without colons and commas, and the RAG after a figure', () => {
    expect(captionFigures('Latest:0.04%   Target: 0.02%, Floor: 0.04%   Previous: 0.04% (Amber)')).toEqual([
      {label: 'Latest', raw: '0.04%'}, {label: 'Target', raw: '0.02%'}, {label: 'Floor', raw: '0.04%'},
      {label: 'Previous', raw: '0.04%'}, {label: 'Previous RAG', raw: 'Amber'}])
    expect(captionFigures('Latest: 422 Target: 400, Floor 360 Previous 493 (Green)')?.map((f) => f.raw)).toEqual(['422', '400', '360', '493', 'Green'])
  })

  it('takes no sentence for a caption, nor a line without a latest figure', () => {
    expect(captionFigures('Latest figures show the target of 90% was met')).toBeNull()
    expect(captionFigures('Target: 90% Floor: 85%')).toBeNull()
    expect(captionFigures('Latest: 94% against a Target: 90%')).toBeNull()
  })
})

describe('KPI cards from PDF layout', () => {
  const PAGE: Array<[number, Pieces, number?]> = [
    [40, [[50, 'Key Performance Indicators']]],
    [70, [[50, 'Percentage of callers who rated the advisor who dealt with'], [480, 'GREEN']], 11],
    [84, [[50, 'their call as good']], 10],
    // the chart (an image) between the title and its caption; a label printed on it
    [160, [[260, 'Floor: 90%']]],
    [220, [[100, 'Latest: 97%'], [230, 'Target: 97%, Floor: 90%'], [390, 'Previous: 96% (Green)']]],
    [260, [[480, 'AMBER']]],
    [266, [[50, 'Percentage of case holding posts filled by permanent qualified social']]],
    [279, [[50, 'workers']]],
    [420, [[100, 'Latest: 75.2%'], [230, 'Target: 85%, Floor 75%'], [390, 'Previous: 74.7% (Red)']]],
    [460, [[50, 'Admissions to care homes of people aged 65 and over, per 100,000'], [480, 'RED']]],
    [600, [[100, 'Latest: 553'], [230, 'Target: 588, Floor: 617'], [390, 'Previous: 562 (Green)']]]
  ]

  it('reads each card: title lines up to the badge, badge as the table RAG, figures typed by column', () => {
    const tables = tablesOf(root([pdfPage(PAGE)], 'pdf'), 'qpr.pdf')
    expect(tables.map(summary)).toEqual([
      'Green Percentage of callers who rated the advisor who dealt with their call as good :: Latest=97% Target=97% Floor=90% Previous=96% Previous RAG=Green',
      'Amber Percentage of case holding posts filled by permanent qualified social workers :: Latest=75.2% Target=85% Floor=75% Previous=74.7% Previous RAG=Red',
      'Red Admissions to care homes of people aged 65 and over, per 100,000 :: Latest=553 Target=588 Floor=617 Previous=562 Previous RAG=Green'
    ])
    expect(tables[0]!.title).toBe(tables[0]!.rows[0]!.indicator)
    expect(tables[0]!.columns.map((c) => c.kind)).toEqual(['other', 'target', 'target', 'other', 'other'])
    expect(tables[1]!.rows[0]!.cells.map((c) => c.value)).toEqual([75.2, 85, 75, 74.7, null])
    expect(tables.map((t) => t.rows[0]!.measure)).toEqual(['percentage', 'percentage', 'rate'])
  })

  it('reads OCR cards: chart axes and legend passed over, a misread badge read or left out of the title', () => {
    const tables = tablesOf(root([pdfPage([
      [40, [[50, 'Key Performance Indicators']]],
      // a heading a paragraph's space above the first title; its lines 15 pt apart, like the prose lines of the page
      [62, [[50, 'Percentage of routine pothole repairs completed within 28']]],
      [77, [[50, 'days'], [480, 'ANEER']]],
      [92, [[60, '100']]],
      [107, [[60, '80']]],
      [122, [[60, 'Sep-23 Dec-23 Mar-24 Jun-24 Sep-24 Dec-24']]],
      [137, [[120, 'Actual —— Target']]],
      [160, [[100, 'Latest: 94%'], [230, 'Target: 90%, Floor: 80%'], [390, 'Previous: 97% (Green)']]],
      [200, [[50, 'Emergency highway incidents attended within 2 hours'], [480, 'IN']]],
      [215, [[50, 'of notification']]],
      [230, [[60, '100']]],
      [360, [[100, 'Latest; 89%'], [230, 'Target: 90%, Floor: 80%'], [390, 'Previous: 91% (Green)']]],
      [375, [[50, 'Prose on the page goes on here with many words in it']]],
      [390, [[50, 'and here, one line under another at the page pitch.']]]
    ], true)], 'pdf'), 'qpr.pdf')
    expect(tables.map(summary)).toEqual([
      'Amber Percentage of routine pothole repairs completed within 28 days :: Latest=94% Target=90% Floor=80% Previous=97% Previous RAG=Green',
      'null Emergency highway incidents attended within 2 hours of notification :: Latest=89% Target=90% Floor=80% Previous=91% Previous RAG=Green'
    ])
  })

  it('reads no card from a caption with no title over it', () => {
    expect(tablesOf(root([pdfPage([[220, [[100, 'Latest: 97%'], [230, 'Target: 97%'], [390, 'Previous: 96%']]]])], 'pdf'), 'qpr.pdf')).toEqual([])
  })
})

describe('KPI cards from markdown and text', () => {
  const CARDS = [
    'GREEN', '', 'Percentage of phone calls to Contact Point which were answered', '',
    'Latest: 94%   Target: 90%, Floor: 85%   Previous: 89% (Amber)', '',
    'Percentage of complaints responded to within timescale RED', '',
    'Latest: 71% Target: 85%, Floor: 80% Previous: 71% (Red)'
  ].join('\n')

  it.each([['markdown', readMarkdown, 'test.md'], ['text', readText, 'test.txt']] as const)('reads the badge on its own line or after the title (%s)', (_, read, path) => {
    const tables = tablesOf(read(CARDS, new VFile({path})), path)
    expect(tables.map(summary)).toEqual([
      'Green Percentage of phone calls to Contact Point which were answered :: Latest=94% Target=90% Floor=85% Previous=89% Previous RAG=Amber',
      'Red Percentage of complaints responded to within timescale :: Latest=71% Target=85% Floor=80% Previous=71% Previous RAG=Red'
    ])
  })
})
