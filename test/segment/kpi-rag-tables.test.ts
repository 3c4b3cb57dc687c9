// Tests RAG rating tables: RED / AMBER / GREEN under "Latest" / "Previous" headings, names wrapped
// around their row's ratings, from text-layer and OCR'd PDFs, markdown and text.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {PageMessage} from '../../src/messages.js'
import {readMarkdown} from '../../src/read/markdown.js'
import {readText} from '../../src/read/text.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Page, Root} from '../../src/tree/types.js'

const CHAR_PT = 5
const READ = 0.91

/** Pieces of one printed line: [x, text], each piece's words 3 pt apart. */
type Pieces = Array<[number, string]>

function pdfLine(y: number, pieces: Pieces, ocr: boolean, bold = false): Line {
  const words = pieces.flatMap(([x, text]) => {
    let at = x
    return text.split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + 3
      return word(value, {page: 1, bbox: [x0, y, x0 + CHAR_PT * value.length, y + 9], font: {size: 10, bold}, ...(ocr ? {confidence: READ} : {})})
    })
  })
  return line(words, ocr ? {page: 1, confidence: READ} : {page: 1})
}

/** One page of lines, each [y, pieces, bold?], each line its own paragraph. */
function pdfPage(lines: Array<[number, Pieces, boolean?]>, ocr = false): Page {
  const blocks = lines.map(([y, pieces, bold]) => paragraph([pdfLine(y, pieces, ocr, bold)], {page: 1}))
  const how = ocr ? {method: 'ocr', ocrConfidence: READ} as const : {method: 'text', ocrConfidence: null} as const
  return page(blocks, {page: 1, ...how, reason: 'test', width: 595, height: 842, printedPage: null})
}

function tablesOf(tree: Root, path: string): {tables: KpiTable[]; messages: PageMessage[]} {
  const file = new VFile({path})
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

/** A Kent-style table: a spanned "RAG rating" heading, the stub heading beside "DoT", names wrapped around their ratings. */
const RAG_PAGE: Array<[number, Pieces, boolean?]> = [
  [40, [[50, 'Customer services improved and the percentage of calls answered is rated Green']]],
  [80, [[300, 'RAG rating']], true],
  [88, [[50, 'Customer Services KPIs'], [420, 'DoT']], true],
  [96, [[280, 'Latest'], [340, 'Previous']], true],
  [110, [[50, '% of callers who rated the advisor who']]],
  [116, [[280, 'GREEN'], [340, 'AMBER']], true],
  [122, [[50, 'dealt with their call as good']]],
  // the direction-of-travel arrow after the ratings, as OCR reads it
  [140, [[50, '% of calls answered'], [280, 'GREEN'], [340, 'RED'], [420, 'W']]],
  [160, [[50, 'Proportion of older people who were still']]],
  [172, [[50, 'at home 91 days after discharge'], [280, 'AMBER'], [340, 'AMBER']]],
  [184, [[50, 'into reablement services']]],
  [220, [[50, 'Governance and Law - requests responded to in timescale both improved but remain below floor.']], true]
]

const rowsOf = (table: KpiTable | undefined): string[] | undefined => table?.rows.map((r) => `${r.indicator} :: ${r.cells.map((c) => c.raw).join(' | ')}`)

describe('RAG rating tables from PDF layout', () => {
  it('reads each row with the name lines wrapped above and below its ratings, under the spanned heading', () => {
    const {tables, messages} = tablesOf(root([pdfPage(RAG_PAGE)], 'pdf'), 'qpr.pdf')
    expect(tables).toHaveLength(1)
    expect(tables[0]!.title).toBe('Customer Services KPIs')
    expect(tables[0]!.columns).toEqual([
      {label: 'RAG rating Latest', kind: 'other', period: null}, {label: 'RAG rating Previous', kind: 'other', period: null}])
    expect(rowsOf(tables[0])).toEqual([
      '% of callers who rated the advisor who dealt with their call as good :: GREEN | AMBER',
      '% of calls answered :: GREEN | RED',
      'Proportion of older people who were still at home 91 days after discharge into reablement services :: AMBER | AMBER'
    ])
    expect(tables[0]!.rows.every((r) => r.measure === null && r.cells.every((c) => c.value === null))).toBe(true)
    // a rating is no figure left unread
    expect(messages.filter((m) => m.ruleId === 'kpi-cell-unparsed')).toEqual([])
  })

  it('keeps the OCR confidence of each rating cell', () => {
    const {tables} = tablesOf(root([pdfPage(RAG_PAGE, true)], 'pdf'), 'qpr.pdf')
    expect(rowsOf(tables[0])?.[1]).toBe('% of calls answered :: GREEN | RED')
    expect(tables[0]!.rows[1]!.cells.map((c) => c.confidence)).toEqual([READ, READ])
  })

  it('reads no table where rating words head a table of counts', () => {
    const {tables} = tablesOf(root([pdfPage([
      [80, [[160, 'RAG rating by service area this quarter']], true],
      [96, [[50, 'KPI Summary'], [160, 'GREEN'], [220, 'AMBER'], [290, 'RED']]],
      [112, [[170, '2'], [230, '1'], [300, '2']]]
    ])], 'pdf'), 'qpr.pdf')
    expect(tables).toEqual([])
  })

  it('reads no table from prose ending in a rating with no heading over it', () => {
    const {tables} = tablesOf(root([pdfPage([
      [80, [[50, 'The percentage of complaints responded to within timescale is rated'], [400, 'Red']]],
      [92, [[50, 'and the service expects this to improve next quarter.']]]
    ])], 'pdf'), 'qpr.pdf')
    expect(tables).toEqual([])
  })
})

describe('RAG rating tables from markdown and text', () => {
  const TABLE = [
    '| Indicator | Latest | Previous | DoT |', '|---|---|---|---|',
    '| % of calls answered | GREEN | AMBER | ↑ |', '| % of complaints answered in time | RED | RED | → |', '| Number of web visits | Amber | | |'
  ].join('\n')

  it.each([['markdown', readMarkdown, 'test.md'], ['text', readText, 'test.txt']] as const)('reads a pipe table of ratings from %s, arrows in the DoT column left out, "Indicator" no title', (_, read, path) => {
    {
      const {tables} = tablesOf(read(TABLE, new VFile({path})), path)
      expect(tables).toHaveLength(1)
      expect(tables[0]!.title).toBeNull()
      expect(tables[0]!.columns.map((c) => c.label)).toEqual(['Latest', 'Previous'])
      expect(rowsOf(tables[0])).toEqual(['% of calls answered :: GREEN | AMBER', '% of complaints answered in time :: RED | RED', 'Number of web visits :: Amber | '])
    }
  })

  it('reads no ratings table where the rating words head columns of counts', () => {
    const {tables} = tablesOf(readMarkdown('| KPI Summary | GREEN | AMBER | RED |\n|---|---|---|---|\n| Customer Services | 2 | 1 | 2 |', new VFile({path: 'test.md'})), 'test.md')
    expect(tables.filter((t) => t.rows.some((r) => r.cells.some((c) => /green/i.test(c.raw))))).toEqual([])
  })
})
