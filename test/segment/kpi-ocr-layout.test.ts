// Tests KPI tables read from OCR damage that depends on the page's layout: periods cut at their hyphen,
// label rows missing a rule, figures joined by a dash, garbled cells, specks, and labels mended from sibling tables.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import type {KpiColumnDraft} from '../../src/segment/kpi-header.js'
import {classifyColumn} from '../../src/segment/kpi-columns.js'
import {joinSplitPeriods} from '../../src/segment/kpi-header.js'
import {isDashedPair, splitDashed} from '../../src/segment/kpi-merged.js'
import {mendLabelsFromSiblings} from '../../src/segment/kpi-mend-labels.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'

const CHAR_PT = 5
const BOX_PT = 8

/** One OCR'd line of words placed at the given x (or 3 pt after the word before), each `[text, x?, confidence?]`. */
function placed(y: number, words: Array<string | [string, (number | null)?, number?]>, height = BOX_PT): Line {
  let at = 50
  const made = words.map((spec) => {
    const [text, x, confidence] = typeof spec === 'string' ? [spec] : spec
    const x0 = x ?? (at === 50 ? 50 : at + 3)
    at = x0 + CHAR_PT * text.length
    return word(text, {page: 1, bbox: [x0, y, at, y + height], confidence: confidence ?? 0.9})
  })
  const confidences = made.map((w) => w.data.confidence ?? 0.9)
  return line(made, {page: 1, confidence: confidences.reduce((a, b) => a + b, 0) / confidences.length})
}

/** Tables read from one OCR'd page; each line its own block unless grouped. */
function fromOcr(blocks: Line[][]): KpiTable[] {
  const file = new VFile({path: 'scan.pdf'})
  const made = page(blocks.map((lines) => paragraph(lines, {page: 1})), {page: 1, method: 'ocr', reason: 'test', width: 595, height: 842, ocrConfidence: 0.9, printedPage: null})
  const tree = root([made], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const cellsOf = (table: KpiTable | undefined, indicator: string): string[] | undefined =>
  table?.rows.find((r) => r.indicator === indicator)?.cells.map((c) => c.raw)

describe('KPI tables on scanned pages laid out at another size', () => {
  describe('a header with a period cut at its hyphen and a label row missing a rule', () => {
    const table = fromOcr([
      [placed(80, ['Homes', 'and', 'Lettings'])],
      // labels over two lines, the upper above the main header line, the lower below it
      [placed(100, [['Southampt', 300], ['|', 348], ['Southampt', 356], ['|', 404], ['Statistical', 412]])],
      // the year OCR cut from "May-" a word space off (a split word's pieces touch)
      [placed(120, ['Indicator', '|', 'Apr-24', '|', 'May-', '-24', '|', 'Target'])],
      // OCR read specks as "¥8" before the label's second line, and missed the rule before "Neighbours"
      [placed(135, [['¥80n22/23', 296], ['|', 345], ['0n23/24', 355], ['Neighbours', 400]], 14)],
      [placed(160, ['Homes', 'let', '10', '11', '12', '13', '14', '15'])]
    ])[0]

    it('should read a period OCR cut at its hyphen into two words a space apart ("May-" "-24") as one heading, not a figure', () => {
      expect(table?.columns.slice(0, 3).map((c) => [c.label, c.kind])).toEqual([['Apr-24', 'period'], ['May-24', 'period'], ['Target', 'target']])
    })

    it('should part a label row missing a rule by where its words stand under the row above, specks before "0n" dropped', () => {
      expect(table?.columns.slice(3).map((c) => c.label)).toEqual(['Southampton 22/23', 'Southampton 23/24', 'Statistical Neighbours'])
    })

    it('should read the rows under it', () => {
      expect(cellsOf(table, 'Homes let')).toEqual(['10', '11', '12', '13', '14', '15'])
    })
  })

  describe('a header whose measure label OCR joined to the first period by a speck, over a row ending in a speck', () => {
    const table = fromOcr([
      [placed(80, ['Homes', 'and', 'Lettings'])],
      // "Outturn type" cut short to "Outturn t", a speck read as a point before "Apr-24"
      [placed(120, ['Indicator', 'Outturn', 't.Apr-24', 'May-24', 'Jun-24', 'Target'])],
      // a speck after the last cell read as a point
      [placed(160, ['Homes', 'let', 'NUMBER', '10', '11', '12', 'N/A.'])]
    ])[0]

    it('should part the measure label from the period, so the period heads its own column', () => {
      expect(table?.columns.map((c) => [c.label, c.kind])).toEqual([['Apr-24', 'period'], ['May-24', 'period'], ['Jun-24', 'period'], ['Target', 'target']])
    })

    it('should read the cell without the point after it', () => {
      expect(cellsOf(table, 'Homes let')).toEqual(['10', '11', '12', 'N/A'])
    })
  })

  describe('rows damaged by OCR under a plain header', () => {
    const table = fromOcr([
      [placed(120, ['Indicator', '|', 'Apr-24', '|', 'May-24', '|', 'Jun-24', '|', 'Jul-24', '|', 'Target', '|', 'England'])],
      [placed(160, ['Homes', 'let', '10', '11', '12', '13', '14-15'])],
      [placed(180, ['Ages', '16-18', 'housed', '1', '2', '3', '4', '5', '6'])],
      [placed(200, ['Checks', 'done', '85%', '92%', 'ain', '90%', '79%', '80%'])],
      [placed(220, ['Visits', 'made', '58%', '70%', '50%', '53%', 'N/ANJA'])],
      [placed(240, ['Plans', 'reviewed', '71%', '63%', '65%'])],
      [placed(252, ['N/A', 'N/A', 'N/A', ['Co', 236]])],
      [placed(270, ['Repairs', 'due', '96%', '90%', '73%', '83%'])],
      [placed(282, ['‘TBC', '97%'])],
      [placed(300, ['Care', 'leavers', 'seen', '82%', '0%', '59%', '27%', '25%', '25%'])],
      [placed(312, ['in', '|', 'time'])]
    ])[0]

    it('should split two figures OCR joined with a dash where the row is that many figures short, and only there', () => {
      expect(cellsOf(table, 'Homes let')).toEqual(['10', '11', '12', '13', '14', '15'])
      expect(cellsOf(table, 'Ages 16-18 housed')).toEqual(['1', '2', '3', '4', '5', '6'])
    })

    it('should keep a short lower-case non-word between figures as the cell OCR garbled when with it the row is full', () => {
      expect(cellsOf(table, 'Checks done')).toEqual(['85%', '92%', 'ain', '90%', '79%', '80%'])
    })

    it('should split two "no figure" marks run together ("N/ANJA") where the row is a figure short', () => {
      expect(cellsOf(table, 'Visits made')).toEqual(['58%', '70%', '50%', '53%', 'N/A', 'NJA'])
    })

    it('should take figures wrapped onto the next line past a speck after the last one ("N/A N/A N/A Co")', () => {
      expect(cellsOf(table, 'Plans reviewed')).toEqual(['71%', '63%', '65%', 'N/A', 'N/A', 'N/A'])
    })

    it('should drop a quote speck before a wrapped figure ("‘TBC")', () => {
      expect(cellsOf(table, 'Repairs due')).toEqual(['96%', '90%', '73%', '83%', 'TBC', '97%'])
    })

    it('should leave a rule OCR read as "|" out of a name wrapped below its figures', () => {
      expect(table?.rows.map((r) => r.indicator)).toContain('Care leavers seen in time')
    })
  })

  describe('joinSplitPeriods', () => {
    it('should join a month and year cut at the hyphen, and nothing else', () => {
      expect(joinSplitPeriods(['Apr-', '-22', 'May-22'])).toEqual(['Apr-22', 'May-22'])
      expect(joinSplitPeriods(['Apr-', '22'])).toEqual(['Apr-22'])
      expect(joinSplitPeriods(['May', '22'])).toEqual(['May', '22'])
      expect(joinSplitPeriods(['Age', '-16'])).toEqual(['Age', '-16'])
    })
  })

  describe('dashed pairs', () => {
    const token = (text: string): {text: string; confidence: number | null; width: number | null} => ({text, confidence: 0.9, width: null})

    it('should take two figures of one kind joined by a dash, or two "no figure" marks run together, as a pair', () => {
      expect(['554-518', '12%-15%', 'N/ANJA', 'N/AN/A'].map(isDashedPair)).toEqual([true, true, true, true])
      expect(['12%-15', '2019-20'.replace('-', ''), 'Apr-22', 'N/A', 'NA'].map(isDashedPair)).toEqual([false, false, false, false, false])
    })

    it('should split only when the pairs number the missing figures', () => {
      expect(splitDashed([token('1'), token('2-3')], 1)?.map((t) => t.text)).toEqual(['1', '2', '3'])
      expect(splitDashed([token('1'), token('2-3')], 2)).toBeNull()
    })
  })

  describe('a table one cell per line with a word OCR doubted', () => {
    const rows: Array<[string, number, number?]> = [
      ['Indicator', 100], ['Apr-24', 120], ['May-24', 140], ['Jun-24', 160], ['Target', 180],
      ['Homes let', 210], ['120', 230], ['abil', 250, 0.3], ['125', 270], ['118', 290],
      ['Rent due', 320], ['97%', 340], ['195°', 360, 0.3], ['98%', 380], ['96%', 400]
    ]
    const lines = rows.map(([text, y, confidence]) => placed(y, text.split(' ').map((t): [string, null, number] => [t, null, confidence ?? 0.9])))
    const table = fromOcr([lines])[0]

    it('should keep a word OCR doubted (confidence under one half) alone between figures as its cell', () => {
      expect(cellsOf(table, 'Homes let')).toEqual(['120', 'abil', '125', '118'])
    })

    it('should drop a speck after a figure alone on its line ("195°")', () => {
      expect(cellsOf(table, 'Rent due')).toEqual(['97%', '195', '98%', '96%'])
    })
  })

  describe('mendLabelsFromSiblings', () => {
    const draft = (label: string): KpiColumnDraft => ({label, ...classifyColumn(label), role: 'value', index: null, x0: null, x1: null})

    it('should give a label OCR damaged the spelling more tables of the pack print, with the same figures', () => {
      const headers = [[draft('Southampton 19/20'), draft('England')], [draft('Southampton 19/20'), draft('England')], [draft('Southamon 19/20'), draft('Scuthampton 20/21'), draft('Englnd')]]
      mendLabelsFromSiblings(headers)
      expect(headers[2]!.map((c) => c.label)).toEqual(['Southampton 19/20', 'Scuthampton 20/21', 'England'])
      expect(headers[2]![0]!.kind).toBe(classifyColumn('Southampton 19/20').kind)
    })

    it('should leave labels no other table comes near as read', () => {
      const headers = [[draft('Apr-24'), draft('Target')], [draft('May-24'), draft('Tenants')]]
      mendLabelsFromSiblings(headers)
      expect(headers.map((h) => h.map((c) => c.label))).toEqual([['Apr-24', 'Target'], ['May-24', 'Tenants']])
    })
  })
})
