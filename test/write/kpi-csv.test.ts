// Tests the tidy KPI CSV: header, one line per cell, RFC 4180 quoting, empty field for null (value, confidence),
// deterministic order whatever order the packs come in.
import {describe, expect, it} from 'vitest'
import type {KpiTable, Pack} from '../../src/compile/model.js'
import {csvField, kpiCsv} from '../../src/write/kpi-csv.js'

function packWith(tables: KpiTable[]): Pack {
  return {kpiTables: tables} as unknown as Pack
}

const TABLE: KpiTable = {
  part: 'p5', page: 7, title: 'Performance', rag: null,
  columns: [{label: 'Oct-23', kind: 'period', period: '2023-10'}, {label: 'England, "latest"', kind: 'benchmark', period: null}],
  rows: [{indicator: 'Care leavers in education, employment or training', measure: 'percentage', cells: [
    {column: 'Oct-23', raw: '60%', value: 60, confidence: 0.87}, {column: 'England, "latest"', raw: 'N/A', value: null, confidence: null}
  ]}]
}

describe('kpiCsv', () => {
  it('should write one quoted row per cell under the header', () => {
    expect(kpiCsv([{path: 'packs/a.pdf', pack: packWith([TABLE])}])).toBe([
      'pack,table,page,indicator,column,kind,period,raw,value,confidence',
      'packs/a.pdf,1,7,"Care leavers in education, employment or training",Oct-23,period,2023-10,60%,60,0.87',
      'packs/a.pdf,1,7,"Care leavers in education, employment or training","England, ""latest""",benchmark,,N/A,,',
      ''
    ].join('\n'))
  })

  it('should order packs by path so the bytes never depend on finishing order', () => {
    const a = {path: 'a.md', pack: packWith([TABLE])}
    const b = {path: 'b.md', pack: packWith([TABLE])}
    expect(kpiCsv([b, a])).toBe(kpiCsv([a, b]))
    expect(kpiCsv([b, a]).split('\n')[1]?.startsWith('a.md,')).toBe(true)
  })

  it('should give just the header for packs without KPI tables', () => {
    expect(kpiCsv([{path: 'x.txt', pack: packWith([])}])).toBe('pack,table,page,indicator,column,kind,period,raw,value,confidence\n')
  })
})

describe('csvField', () => {
  it('should quote fields with commas, quotes, line breaks or edge spaces only', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(' padded')).toBe('" padded"')
  })
})
