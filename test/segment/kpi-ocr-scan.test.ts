// Tests KPI tables read from scanned pages (OCR words with boxes): rules glued to cells, words read
// in two, figures merged into one word, unreadable cells, speck-stretched boxes and uneven line heights.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {PageMessage} from '../../src/messages.js'
import type {KpiRowDraft} from '../../src/segment/kpi-body.js'
import {tidyLabel} from '../../src/segment/kpi-columns.js'
import {mendNames} from '../../src/segment/kpi-mend-names.js'
import {tidyName} from '../../src/segment/kpi-names.js'
import {splitMerged} from '../../src/segment/kpi-merged.js'
import {mendOcrWords} from '../../src/segment/kpi-ocr-words.js'
import {isUnreadCell, isValueToken} from '../../src/segment/kpi-segments.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line, Word} from '../../src/tree/types.js'

/** One OCR word: default width 5 pt a character, 3 pt after the word before, box 8 pt high from the line's top. */
interface Spec {
  text: string
  width?: number
  gap?: number
  top?: number
  bottom?: number
}

const CHAR_PT = 5
const SPACE_PT = 3
const BOX_PT = 8

function ocrWords(specs: Array<string | Spec>, y: number, x = 50): Word[] {
  let at = x
  return specs.map((spec) => {
    const s = typeof spec === 'string' ? {text: spec} : spec
    const x0 = at + (at === x ? 0 : s.gap ?? SPACE_PT)
    const x1 = x0 + (s.width ?? CHAR_PT * s.text.length)
    at = x1
    return word(s.text, {page: 1, bbox: [x0, s.top ?? y, x1, s.bottom ?? y + BOX_PT], confidence: 0.9})
  })
}

function ocrLine(y: number, specs: Array<string | Spec>): Line {
  return line(ocrWords(specs, y), {page: 1, confidence: 0.9})
}

interface Run {
  tables: KpiTable[]
  messages: PageMessage[]
}

/** Tables and warnings read from one page; `blocks` are the reader's paragraphs, each a list of lines (OCR'd unless `method` says otherwise). */
function read(blocks: Line[][], method: 'ocr' | 'text-layer' = 'ocr'): Run {
  const file = new VFile({path: 'scan.pdf'})
  const ocr = method === 'ocr' ? {ocrConfidence: 0.9} : {ocrConfidence: null}
  const made = page(blocks.map((lines) => paragraph(lines, {page: 1})), {page: 1, method, reason: 'test', width: 595, height: 842, ...ocr, printedPage: null})
  const tree = root([made], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return {tables: file.data.kpiTables ?? [], messages: file.messages as PageMessage[]}
}

/** Tables read from one OCR'd page. */
function fromOcr(blocks: Line[][]): KpiTable[] {
  return read(blocks).tables
}

/** The same words as a text layer prints them: boxes, no OCR confidence. */
function asTextLayer(l: Line): Line {
  return line(l.children.map((w) => word(w.value, {page: 1, bbox: w.data.bbox!})), {page: 1})
}

/** A ruled OCR line: words and "|" rules between cells, set like running text. */
function ruled(y: number, cells: Array<string | Spec>): Line {
  const specs: Array<string | Spec> = []
  cells.forEach((cell, k) => {
    if (k > 0) specs.push('|')
    specs.push(cell)
  })
  return ocrLine(y, specs)
}

const cellsOf = (table: KpiTable | undefined, indicator: string): string[] | undefined =>
  table?.rows.find((r) => r.indicator === indicator)?.cells.map((c) => c.raw)

describe('KPI tables on scanned pages', () => {
  describe('ruled tables read as running text', () => {
    const blocks = [
      [ocrLine(100, ['Housing', 'repairs'])],
      [headerWithSplitWord(130)],
      [ocrLine(160, ['Repairs', 'done'])],
      // a speck stretches the first figure's box up to the name line above: still a line of its own
      [ruled(171, [{text: '120', top: 158}, {text: '11598', width: CHAR_PT * 5 + 10}, '131', '140', '150'])],
      [ocrLine(200, ['Calls', 'answered', '81%', '|', '84%', 'NA|', 'NA|', '80%', '|', '90%'])],
      [ocrLine(225, ['w.'])],
      [ocrLine(250, ['Complaints', 'upheld', '7', '|', '5', '|', 'IA', '|', '9', '|', '6', '|', '8'])],
      [ocrLine(280, ['Tenancies', 'started', '12', 'i', '15', '|', '14', '|', '13', '|', '11', '|', '10'])],
      [ruled(310, ['Visits', {text: '61%'}, {text: '62%45%', width: CHAR_PT * 6 + 15}, '70%', '71%', '72%'])],
      [ocrLine(340, ['Children', 'in', 'CP', '|', '7', '|', '5', '|', '9', '|', '6', '|', '8'])]
    ]
    const {tables, messages} = read(blocks)
    const table = tables[0]
    const guessed = messages.filter((m) => m.ruleId === 'kpi-cell-uncertain')

    it('should read a period heading OCR split in two ("Feb-" "24") as one column', () => {
      expect(table?.columns.map((c) => c.label)).toEqual(['Jan-24', 'Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Target'])
      expect(table?.columns[1]?.period).toBe('2024-02')
    })

    it('should keep a name line apart from the figures below it whose box a speck stretched up', () => {
      expect(table?.rows[0]?.indicator).toBe('Repairs done')
    })

    it('should split a figure merged out of two cells where the row is one figure short', () => {
      expect(cellsOf(table, 'Repairs done')).toEqual(['120', '115', '98', '131', '140', '150'])
      expect(cellsOf(table, 'Visits')).toEqual(['61%', '62%', '45%', '70%', '71%', '72%'])
    })

    it('should warn, with the page, the indicator, the word and both figures, where a cut was guessed by size', () => {
      expect(guessed.map((m) => [m.page, m.reason])).toEqual([
        [1, 'Unexpected "11598" for "Repairs done" read as one word where the row is a figure short, expected two figures; cut by size into "115" (Feb-24) and "98" (Mar-24), check them']
      ])
    })

    it('should split rules glued to cells ("NA|") and go on past a line of scan dirt', () => {
      expect(cellsOf(table, 'Calls answered')).toEqual(['81%', '84%', 'NA', 'NA', '80%', '90%'])
      expect(table?.rows.map((r) => r.indicator)).toContain('Tenancies started')
    })

    it('should keep a row with one unreadable cell ("IA") when with it the figures fill the columns', () => {
      expect(cellsOf(table, 'Complaints upheld')).toEqual(['7', '5', 'IA', '9', '6', '8'])
    })

    it('should take a short word into the figures only between two figures ("CP" ending a name is no cell)', () => {
      expect(table?.rows.map((r) => r.indicator)).not.toContain('Children in')
      expect(messages.some((m) => m.ruleId === 'kpi-table-uncertain' && m.reason.includes('"Children in CP"'))).toBe(true)
    })

    it('should read a rule OCR read as a letter between figures ("12 i 15") as a rule', () => {
      expect(cellsOf(table, 'Tenancies started')).toEqual(['12', '15', '14', '13', '11', '10'])
    })
  })

  describe('a row laid out by x under a ruled header', () => {
    const wide = (text: string): Spec => ({text, gap: 30})
    const table = fromOcr([
      [ocrLine(100, ['Indicator', '|', 'Type', '|', 'Apr-24', '|', 'May-24', '|', 'Jun-24', '|', 'Target'])],
      [ocrLine(130, ['Homes', 'built', wide('NLIMBER'), wide('40'), wide('42'), wide('44'), wide('45')])]
    ])[0]

    it('should part its cells as rules do, so that a misread measure cell leaves the name', () => {
      expect(table?.rows.map((r) => [r.indicator, r.cells.map((c) => c.raw)])).toEqual([['Homes built', ['40', '42', '44', '45']]])
    })
  })

  describe('a header over three lines with a rule OCR glued to a word', () => {
    const table = fromOcr([[
      ocrLine(70, ['Brackenf', '|', 'Brackenf', '|', 'Statistical']),
      ocrLine(82, ['ord', '22/23', '|', 'ord', '23/24', '[Neighbours']),
      ocrLine(94, ['Indicator', '|', 'Apr-24', '|', 'May-24', '|', 'Target'])
    ], [ruled(130, ['Streets graded clean', '91%', '92%', '95%', '89%', '88%', '90%'])]])[0]

    it('should part the labels at the rule read as a bracket', () => {
      expect(table?.columns.map((c) => c.label)).toEqual(['Apr-24', 'May-24', 'Target', 'Brackenford 22/23', 'Brackenford 23/24', 'Statistical Neighbours'])
    })
  })

  describe('the same ruled rows in a text layer', () => {
    const {tables, messages} = read([
      [ocrLine(130, ['Indicator', '|', 'Jan-24', '|', 'Feb-24', '|', 'Mar-24', '|', 'Apr-24', '|', 'May-24', 'Target'])].map(asTextLayer),
      [ruled(171, ['Repairs done', '120', {text: '11598', width: CHAR_PT * 5 + 10}, '131', '140', '150'])].map(asTextLayer),
      [ocrLine(200, ['Tenancies', 'started', '12', 'i', '15', '|', '14', '|', '13', '|', '11', '|', '10'])].map(asTextLayer),
      [ocrLine(230, ['Calls', 'answered', '81%', '|', '84%', '|', '82%', '|', '80%', '|', '90%', '|', '85%'])].map(asTextLayer)
    ], 'text-layer')

    it('should neither split wide figures nor read a letter as a rule where no OCR read the words', () => {
      expect(tables[0]?.rows.map((r) => r.indicator)).toEqual(['Calls answered'])
      const leftOut = messages.filter((m) => m.ruleId === 'kpi-table-uncertain').map((m) => m.reason)
      expect(leftOut).toEqual([expect.stringContaining('"Repairs done"'), expect.stringContaining('"Tenancies started')])
      expect(messages.some((m) => m.ruleId === 'kpi-cell-uncertain')).toBe(false)
    })
  })

  describe('tables one cell per line with uneven OCR boxes', () => {
    // cells 20 pt apart (a blank line between), lines of one cell 10 pt apart, boxes 6–8 pt high, all in one OCR block
    const items: Array<[string, number, number?]> = [
      ['Indicator', 100], ['Apr-24', 120], ['May-24', 140, 16], ['Target', 160], ['Statistical', 180], ['Neighbours', 190, 6],
      ['Homes let', 210], ['120', 230, 6], ['131 ©', 250, 6], ['125', 270, 6], ['118', 290, 6],
      ['Rent collected', 310], ['97%', 330, 6], ['a', 350, 5], ['98%', 370, 6], ['96%', 390, 6],
      ['Empty homes', 410], ['12', 430, 6], ['15', 450, 6], ['14', 470, 6], ['"NA', 490, 6],
      ['CIN', 510], ['40', 530, 6], ['-', 550, 6], ['42', 570, 6], ['43', 590, 6]
    ]
    const lines = items.map(([text, y, height]) => line(ocrWords(text.split(' ').map((t) => ({text: t, bottom: y + (height ?? BOX_PT)})), y), {page: 1, confidence: 0.9}))
    // a margin column the OCR read after the table, going back up the page: gaps upwards give no line pitch
    const margin = [['Margin', 300], ['note', 200], ['text', 100]].map(([text, y]) => line(ocrWords([String(text)], Number(y), 400), {page: 1, confidence: 0.9}))
    const table = fromOcr([lines, margin])[0]

    it('should join a label over two close lines although the lower box is short', () => {
      expect(table?.columns.map((c) => [c.label, c.kind])).toEqual([
        ['Apr-24', 'period'], ['May-24', 'period'], ['Target', 'target'], ['Statistical Neighbours', 'benchmark']
      ])
    })

    it('should keep an unreadable figure alone on its line as its cell, and drop quotes glued to a figure and specks beside one', () => {
      expect(cellsOf(table, 'Homes let')).toEqual(['120', '131', '125', '118'])
      expect(cellsOf(table, 'Rent collected')).toEqual(['97%', 'a', '98%', '96%'])
      expect(cellsOf(table, 'Empty homes')).toEqual(['12', '15', '14', 'NA'])
    })

    it('should take a short name after a full row for the next row, and keep a "-" cell', () => {
      expect(cellsOf(table, 'CIN')).toEqual(['40', '-', '42', '43'])
    })
  })

  describe('word mending', () => {
    const mend = (specs: Array<string | Spec>): string[] => mendOcrWords(ocrWords(specs, 100), isValueToken).map((w) => w.value)

    it('should split rules glued to words, brackets only where nothing opens or closes them', () => {
      expect(mend(['NA|', '|Neighbours|', '125]', '[Target', '(a)', '[1]'])).toEqual(['NA', '|', '|', 'Neighbours', '|', '125', '|', '|', 'Target', '(a)', '[1]'])
    })

    it('should read a one-letter word between two figures of a ruled line as a rule, and nowhere else', () => {
      expect(mend(['9%', 'i', '77%', '|', '80%', 'plan', 'i', 'visit', 'l', '12'])).toEqual(['9%', '|', '77%', '|', '80%', 'plan', 'i', 'visit', 'l', '12'])
    })

    it('should keep a one-letter word between figures of an unruled line (it may be a "1" cell)', () => {
      expect(mend(['9', 'l', '12', '14'])).toEqual(['9', 'l', '12', '14'])
    })

    it('should cut cells OCR glued end to end ("N/AN/AN/A", "24%25%"), and no other word', () => {
      expect(mend(['N/AN/AN/A', '24%25%', '1922', 'NAME', 'TBCs'])).toEqual(['N/A', 'N/A', 'N/A', '24%', '25%', '1922', 'NAME', 'TBCs'])
      const [first, , third] = mendOcrWords(ocrWords(['N/AN/AN/A'], 100), isValueToken)
      expect([first?.data.bbox?.[0], third?.data.bbox?.[2]]).toEqual([50, 95])
    })

    it('should join a word broken after a hyphen with no space, not one a space apart', () => {
      expect(mend(['Feb-', {text: '24', gap: 0}, 're-', {text: 'referrals', gap: 4}])).toEqual(['Feb-24', 're-', 'referrals'])
    })
  })

  describe('headings and names', () => {
    it('should drop an accent OCR put on a benchmark heading, and only there', () => {
      expect(tidyLabel('Statistical Néighbours')).toBe('Statistical Neighbours')
      expect(tidyLabel('Café visits')).toBe('Café visits')
    })

    it('should drop an opening quote OCR read from a speck before a name, not a quote the name closes', () => {
      expect(tidyName(['"assessments completed'])).toBe('assessments completed')
      expect(tidyName(['"Hard to reach" groups'])).toBe('"Hard to reach" groups')
    })

    it('should part a word that takes a number from the number OCR ran it into ("per10,000")', () => {
      expect(tidyName(['Rates of visits', 'per10,000 of', 'Under18 Population'])).toBe('Rates of visits per 10,000 of Under 18 Population')
      expect(tidyName(['Covid19 cases per 1,000'])).toBe('Covid19 cases per 1,000')
    })

    it('should drop a colon a speck made after a name line that runs on in lower case, not a comma printed there', () => {
      expect(tidyName(['% of re-', 'referrals:', 'within 1 year'])).toBe('% of re-referrals within 1 year')
      expect(tidyName(['Care leavers in education,', 'employment or training'])).toBe('Care leavers in education, employment or training')
      expect(tidyName(['Outcome:', 'Good'])).toBe('Outcome: Good')
      expect(tidyName(['Number of', 'Single', 'Assessments:', 'completed'])).toBe('Number of Single Assessments completed')
    })

    it('should drop dots run into a dash that open a line of a name (".- for a second"), not a dash between words', () => {
      expect(tidyName(['Children on a plan', '.- for a second time'])).toBe('Children on a plan for a second time')
      expect(tidyName(['Children and Learning -', 'Performance'])).toBe('Children and Learning - Performance')
    })

    it('should drop a letter with specks round it that ends a line of a name ("month w*"), not a one-letter word', () => {
      expect(tidyName(['Number of visits in', 'the month w*'])).toBe('Number of visits in the month')
      expect(tidyName(['Plans reviewed in a', 'week'])).toBe('Plans reviewed in a week')
    })
  })

  describe('name mending', () => {
    const draft = (indicator: string, scanned: boolean): KpiRowDraft => ({indicator, measureWord: null, cells: new Map(), page: 1, certain: true, scanned})
    const words = new Map([['contacts', 4], ['number', 5], ['eoniacts', 1], ['of', 9], ['made', 3]])

    it('should put back a word OCR misread letter for letter as the one frequent word it resembles, in OCR names only', () => {
      const rows = [draft('Number of eoniacts made', true)]
      mendNames([rows], words)
      expect(rows[0]?.indicator).toBe('Number of contacts made')
      const printed = [draft('Number of eoniacts made', false)]
      mendNames([printed], words)
      expect(printed[0]?.indicator).toBe('Number of eoniacts made')
    })

    it('should part two frequent words OCR ran together at a name\'s start ("Numberof"), not a word the pack knows', () => {
      const rows = [draft('Numberof contacts made', true), draft('Madeof contacts', true)]
      mendNames([rows], new Map([...words, ['numberof', 1], ['madeof', 2]]))
      expect(rows.map((row) => row.indicator)).toEqual(['Number of contacts made', 'Madeof contacts'])
    })

    it('should drop a short word a speck made where another row prints the name without it, not an abbreviation', () => {
      const counts = new Map([...words, ['visits', 3], ['ne', 1], ['cin', 1]])
      const rows = [draft('Visits Ne', true), draft('Visits', true), draft('Visits CIN', true)]
      mendNames([rows.slice(0, 1), rows.slice(1)], counts)
      expect(rows.map((row) => row.indicator)).toEqual(['Visits', 'Visits', 'Visits CIN'])
    })

    it('should put back a long word OCR read with one letter as two ("assessnients"), the only frequent word it resembles', () => {
      const rows = [draft('Number of initial assessnients made', true)]
      mendNames([rows], new Map([...words, ['assessments', 7], ['assessment', 3], ['initial', 3], ['assessnients', 1]]))
      expect(rows[0]?.indicator).toBe('Number of initial assessments made')
    })

    it('should part two frequent words OCR joined with a quote or point for the space ("CLA\'who", "CLA.who"), not "Children\'s"', () => {
      const rows = [draft('Percentage of CLA\'who had visits made', true), draft('Share of CLA.who had contacts made', true), draft('Children\'s contacts made', true)]
      mendNames([rows], new Map([...words, ['cla', 6], ['who', 8], ['children', 4], ['s', 3]]))
      expect(rows.map((row) => row.indicator)).toEqual(['Percentage of CLA who had visits made', 'Share of CLA who had contacts made', 'Children\'s contacts made'])
    })

    it('should give a figure OCR printed without its thousands space the grouping another name prints it with', () => {
      const rows = [draft('Core assessments per 10000', true), draft('Plans per 10 000', true), draft('Referrals per 10,000', true), draft('Contacts in 25000 homes', true)]
      mendNames([rows], words)
      expect(rows.map((row) => row.indicator)).toEqual(['Core assessments per 10 000', 'Plans per 10 000', 'Referrals per 10,000', 'Contacts in 25000 homes'])
    })

    it('should read a name OCR opened with a digit before its percent sign ("9% of") and closed with a stray quote', () => {
      expect(tidyName(['9% of child protection plans lasting 2 years or more”'])).toBe('% of child protection plans lasting 2 years or more')
      expect(tidyName(['Visits to the “Front Door”'])).toBe('Visits to the “Front Door”')
      expect(tidyName(['9% of plans'], false)).toBe('9% of plans')
    })

    it('should mend a garbled word ending in a digit ("a_%:1") from the word its siblings print there', () => {
      const rows = [draft('Homes visited a_%:1 inspected', true), draft('Flats visited and inspected', true)]
      mendNames([rows], words)
      expect(rows[0]?.indicator).toBe('Homes visited and inspected')
    })
  })

  describe('isValueToken', () => {
    it.each(['N/A', 'n/a', 'nja', 'Nj/a', '-', '12', '9%'])('should take %j for a figure or a "no figure" mark', (text) => {
      expect(isValueToken(text)).toBe(true)
    })
  })

  describe('isUnreadCell', () => {
    it.each([
      ['IA', true], ['¥', true], ['a', true], ['N/', true],
      ['on', false], ['the', false], ['NA', false], ['-', false], ['|', false], ['12', false], ['Total', false]
    ])('should take %j for a cell OCR could not read: %s', (text, expected) => {
      expect(isUnreadCell(text)).toBe(expected)
    })
  })

  describe('merged figures', () => {
    const token = (text: string, width: number | null = CHAR_PT * text.length): {text: string; confidence: number | null; width: number | null} => ({text, confidence: 0.9, width})

    it('should split the one word too wide for its characters, sized like its neighbours', () => {
      const run = [token('111'), token('11999', 35), token('125'), token('137'), token('140')]
      expect(splitMerged(run, 1)?.map((t) => t.text)).toEqual(['111', '119', '99', '125', '137', '140'])
    })

    it('should split two percentages run together after the first "%"', () => {
      const run = [token('61%'), token('62%45%', 45), token('70%'), token('71%')]
      expect(splitMerged(run, 1)?.map((t) => t.text)).toEqual(['61%', '62%', '45%', '70%', '71%'])
    })

    it('should never cut before a zero, a figure printing none', () => {
      const run = [token('2'), token('1050', 40), token('100'), token('3'), token('5')]
      expect(splitMerged(run, 1)?.map((t) => t.text)).toEqual(['2', '10', '50', '100', '3', '5'])
    })

    it('should split nothing without enough other figures to judge widths by', () => {
      expect(splitMerged([token('111'), token('11999', 35), token('125')], 1)).toBeNull()
    })

    it('should split nothing when the wide words do not number the missing figures', () => {
      expect(splitMerged([token('111'), token('11999'), token('125'), token('137')], 1)).toBeNull()
      expect(splitMerged([token('111'), token('11999', 35), token('12599', 35), token('137'), token('140')], 1)).toBeNull()
    })
  })
})

/** A header line in which OCR read "Feb-24" as "Feb-" and "24" with no space between. */
function headerWithSplitWord(y: number): Line {
  return ocrLine(y, ['Indicator', '|', 'Jan-24', '|', 'Feb-', {text: '24', gap: 0}, '|', 'Mar-24', '|', 'Apr-24', '|', 'May-24', 'Target'])
}
