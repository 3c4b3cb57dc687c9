// The BigQuery table schema of a Pack: derived from the model, within BigQuery's rules, and every
// fixture pack's NDJSON line fits it the way BigQuery's JSON loader checks a row.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packBigQuerySchema, type BigQueryField} from '../../src/compile/bigquery-schema.js'
import {runSchema} from '../../src/cli/commands/schema.js'
import type {CliIo} from '../../src/cli/io.js'

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname
/** BigQuery's limits: column names, and how deep RECORDs may nest. */
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/
const MAX_NESTING = 15

function packFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return packFiles(path)
    return entry.name.endsWith('.pack.json') ? [path] : []
  })
}

function column(fields: BigQueryField[], path: string): BigQueryField {
  const [head, ...rest] = path.split('.')
  const found = fields.find((f) => f.name === head)
  if (!found) throw new Error(`no column ${path}`)
  return rest.length ? column(found.fields ?? [], rest.join('.')) : found
}

/** Why `value` would be rejected for `field` by BigQuery's JSON loader (null when it loads). */
function rowProblem(field: BigQueryField, value: unknown, path: string): string | null {
  if (field.mode === 'REPEATED') {
    if (value === undefined || value === null) return null
    if (!Array.isArray(value)) return `${path}: REPEATED column given ${typeof value}`
    for (const [i, item] of value.entries()) {
      if (item === null) return `${path}[${i}]: null inside a REPEATED column`
      const problem = valueProblem(field, item, `${path}[${i}]`)
      if (problem) return problem
    }
    return null
  }
  if (value === null || value === undefined) return field.mode === 'REQUIRED' ? `${path}: REQUIRED column missing or null` : null
  return valueProblem(field, value, path)
}

function valueProblem(field: BigQueryField, value: unknown, path: string): string | null {
  switch (field.type) {
    case 'RECORD': return recordProblem(field.fields ?? [], value, path)
    case 'STRING': return typeof value === 'string' ? null : `${path}: STRING given ${typeof value}`
    case 'INTEGER': return Number.isInteger(value) ? null : `${path}: INTEGER given ${String(value)}`
    case 'FLOAT': return typeof value === 'number' && Number.isFinite(value) ? null : `${path}: FLOAT given ${String(value)}`
    case 'BOOLEAN': return typeof value === 'boolean' ? null : `${path}: BOOLEAN given ${String(value)}`
    case 'DATE': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : `${path}: DATE given ${String(value)}`
  }
}

function recordProblem(fields: BigQueryField[], value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: RECORD given ${typeof value}`
  for (const key of Object.keys(value)) if (!fields.some((f) => f.name === key)) return `${path}.${key}: no such column`
  for (const f of fields) {
    const problem = rowProblem(f, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`)
    if (problem) return problem
  }
  return null
}

function eachField(fields: BigQueryField[], depth: number, visit: (f: BigQueryField, depth: number) => void): void {
  for (const f of fields) {
    visit(f, depth)
    if (f.fields) eachField(f.fields, depth + 1, visit)
  }
}

describe('packBigQuerySchema', () => {
  it('should type dates as DATE, counts as INTEGER, cell values as FLOAT and lists as REPEATED records', () => {
    const schema = packBigQuerySchema()
    expect(schema.map((f) => f.name)).toEqual(['schemaVersion', 'source', 'pages', 'meeting', 'agenda', 'parts',
      'minutes', 'reports', 'kpiTables', 'glossary', 'trackers', 'warnings'])
    expect(column(schema, 'meeting.date')).toMatchObject({type: 'DATE', mode: 'NULLABLE'})
    expect(column(schema, 'meeting.time')).toMatchObject({type: 'STRING', mode: 'NULLABLE'})
    expect(column(schema, 'source.pageCount')).toMatchObject({type: 'INTEGER', mode: 'REQUIRED'})
    expect(column(schema, 'pages')).toMatchObject({type: 'RECORD', mode: 'REPEATED'})
    expect(column(schema, 'kpiTables.rows.cells.value')).toMatchObject({type: 'FLOAT', mode: 'NULLABLE'})
    expect(column(schema, 'kpiTables.rows.measure')).toMatchObject({type: 'STRING', mode: 'NULLABLE'})
    expect(column(schema, 'reports.keyDecision')).toMatchObject({type: 'BOOLEAN', mode: 'NULLABLE'})
    expect(column(schema, 'minutes.items.resolutions')).toMatchObject({type: 'STRING', mode: 'REPEATED'})
    expect(column(schema, 'agenda.printedPages')).toMatchObject({type: 'RECORD', mode: 'NULLABLE'})
  })

  it('should keep within BigQuery\'s rules for names, nesting and record fields', () => {
    eachField(packBigQuerySchema(), 1, (f, depth) => {
      expect(f.name).toMatch(COLUMN_NAME)
      expect(depth).toBeLessThanOrEqual(MAX_NESTING)
      expect(Boolean(f.fields?.length)).toBe(f.type === 'RECORD')
    })
  })

  it('should fit every fixture pack as BigQuery\'s JSON loader checks a row', () => {
    const files = packFiles(FIXTURES)
    expect(files.length).toBeGreaterThan(5)
    const schema = packBigQuerySchema()
    for (const file of files) {
      const pack = JSON.parse(readFileSync(file, 'utf8'))
      expect(recordProblem(schema, pack, file.slice(FIXTURES.length)), file).toBeNull()
    }
  })

  it('should report a row BigQuery would reject (the checker itself is not blind)', () => {
    const schema = packBigQuerySchema()
    const pack = JSON.parse(readFileSync(packFiles(FIXTURES)[0]!, 'utf8'))
    expect(recordProblem(schema, {...pack, meeting: {...pack.meeting, date: '4 June 2024'}}, 'row')).toMatch(/meeting\.date: DATE/)
    expect(recordProblem(schema, {...pack, extra: 1}, 'row')).toMatch(/no such column/)
    expect(recordProblem(schema, {...pack, agenda: [null]}, 'row')).toMatch(/null inside a REPEATED/)
  })

  it('should be what `agendapack schema --bigquery` prints', () => {
    let printed = ''
    const io = {out: (text: string) => { printed += text }} as CliIo
    expect(runSchema({bigquery: true}, io)).toBe(0)
    expect(JSON.parse(printed)).toEqual(packBigQuerySchema())
  })
})
