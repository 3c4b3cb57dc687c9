// Tests KPI headers OCR'd from tables set in a narrow face: headings closer than a cell gap, and the
// labels of the last columns printed over two "|"-ruled lines above the main header line, at the left.
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {KpiTable} from '../../src/compile/model.js'
import {segmentKpiTables} from '../../src/segment/kpi-tables.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'

const CHAR_PT = 5
const READ = 0.93

/** An OCR'd line at height `y` of words set from `x`, `gap` points apart (a run of words per entry). */
function ocrLine(y: number, runs: Array<[x: number, text: string, gap?: number]>): Line {
  const words = runs.flatMap(([x, text, gap = 3]) => {
    let at = x
    return text.split(' ').map((value) => {
      const x0 = at
      at += CHAR_PT * value.length + gap
      return word(value, {page: 1, bbox: [x0, y, x0 + CHAR_PT * value.length, y + 10], confidence: READ})
    })
  })
  return line(words, {page: 1, confidence: READ})
}

function tablesOf(lines: Line[]): KpiTable[] {
  const file = new VFile({path: 'scan.pdf'})
  const body = lines.map((l) => paragraph([l], {page: 1}))
  const tree = root([page(body, {page: 1, method: 'ocr', reason: 'test', width: 595, height: 842, ocrConfidence: READ, printedPage: null})], 'pdf')
  cleanTree(tree, file)
  segmentKpiTables()(tree, file)
  return file.data.kpiTables ?? []
}

const HEADINGS = 'Oct-21 Nov-21 Dec-21 lan-22 Target'
const ROWS = [
  ocrLine(200, [[50, 'Visits on time'], [150, 'PERCENTAGE'], [210, '58% 62% 71% 45% 90% N/A 81% 77% 74% 70%', 14]]),
  ocrLine(230, [[50, 'Plans reviewed'], [150, 'PERCENTAGE'], [210, '78% 91% 93% 93% 100% N/A 92% 88% 90% 91%', 14]])
]

describe('KPI headers of narrow OCR\'d tables', () => {
  it('should read headings set closer than a cell gap as one column each, a garbled month mended', () => {
    const tables = tablesOf([
      ocrLine(170, [[50, 'Indicator'], [210, HEADINGS]]),
      ocrLine(200, [[50, 'Visits on time'], [210, '58%'], [241, '62%'], [272, '71%'], [303, '45%'], [334, '90%']]),
      ocrLine(230, [[50, 'Plans reviewed'], [210, '78%'], [241, '91%'], [272, '93%'], [303, '93%'], [334, '100%']])
    ])
    expect(tables[0]?.columns.map((c) => c.label)).toEqual(['Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Target'])
    expect(tables[0]?.rows.find((r) => r.indicator === 'Plans reviewed')?.cells.map((c) => c.raw)).toEqual(['78%', '91%', '93%', '93%', '100%'])
  })

  it('should slot the labels of "|"-ruled rows printed above at the left after the last heading, reading figures in order', () => {
    const tables = tablesOf([
      ocrLine(110, [[50, 'Southampt | Southampt | Statistical']]),
      ocrLine(130, [[50, 'on19/20 | on20/21 | Neighbours | South East | England']]),
      ocrLine(170, [[50, 'Indicator Outturn'], [210, HEADINGS]]),
      ...ROWS
    ])
    expect(tables[0]?.columns.map((c) => c.label)).toEqual([
      'Oct-21', 'Nov-21', 'Dec-21', 'Jan-22', 'Target', 'Southampton 19/20', 'Southampton 20/21', 'Statistical Neighbours', 'South East', 'England'
    ])
    const visits = tables[0]?.rows.find((r) => r.indicator === 'Visits on time')
    expect(visits?.measure).toBe('percentage')
    expect(visits?.cells.find((c) => c.column === 'Southampton 20/21')?.raw).toBe('81%')
    expect(visits?.cells.find((c) => c.column === 'England')?.raw).toBe('70%')
  })
})
