// Tests that `extract --kpi-csv` writes a CSV DuckDB loads as it is (read_csv_auto) with typed
// columns, one row per KPI cell, awkward raw text (commas, quotes, £, %) kept whole.
import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {DuckDBInstance} from '@duckdb/node-api'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Pack} from '../../src/compile/model.js'
import {REPO, runCli, type CliRun} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

/** A pack of the bundled fixtures whose KPI table is on an OCR'd page (so confidences are filled). */
const MIXED = join(REPO, 'fixtures', 'pdf-mixed', 'harbourside-housing.pdf')

/** An invented finance panel whose KPI cells hold commas, quotes, pounds and percentages. */
const AWKWARD_MD = `# Fenbury District Council

## Finance Panel

### Budget monitoring

| Indicator | Q1 2023/24 | Q2 2023/24 | Target |
| --- | --- | --- | --- |
| Spend on "agency, interim" staff | £1,200 | £1.2m | £900 |
| Invoices paid within 30 days | 96% | 97.5% | 95% |
| Rent arrears, per 1,000 tenancies | 35.6 per 1,000 | N/A | 30 |
`

interface Loaded {
  types: Record<string, string>
  rows: Array<Record<string, unknown>>
}

async function loadCsv(path: string): Promise<Loaded> {
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  try {
    const result = await connection.runAndReadAll(`SELECT * FROM read_csv_auto('${path.replace(/'/g, "''")}')`)
    const names = result.columnNames()
    const types = Object.fromEntries(names.map((name, k) => [name, String(result.columnTypes()[k])]))
    return {types, rows: result.getRowObjectsJS() as Array<Record<string, unknown>>}
  } finally {
    connection.closeSync()
  }
}

function cellCount(pack: Pack): number {
  return pack.kpiTables.reduce((sum, table) => sum + table.rows.reduce((n, row) => n + row.cells.length, 0), 0)
}

describe('extract --kpi-csv loaded into DuckDB', () => {
  let dir = ''
  let run: CliRun
  let loaded: Loaded
  let packs: Pack[] = []

  beforeAll(async () => {
    dir = await makeTempDir('kpi-duckdb')
    await writeFile(join(dir, 'finance.md'), AWKWARD_MD)
    const csv = join(dir, 'kpi.csv')
    run = runCli(['extract', MIXED, join(dir, 'finance.md'), '-o', join(dir, 'out'), '--kpi-csv', csv, '-j', '1', '--cache-dir', join(dir, 'cache'), '--quiet'])
    const written = (await readdir(join(dir, 'out'), {recursive: true})).filter((name) => name.endsWith('.json'))
    packs = await Promise.all(written.map(async (name) => JSON.parse(await readFile(join(dir, 'out', name), 'utf8')) as Pack))
    loaded = await loadCsv(csv)
  }, 300_000)

  it('should type page as an integer, value and confidence as doubles, raw and period as text', () => {
    expect(run.code).toBe(0)
    expect(loaded.types).toMatchObject({page: 'BIGINT', value: 'DOUBLE', confidence: 'DOUBLE', raw: 'VARCHAR', period: 'VARCHAR', indicator: 'VARCHAR'})
  })

  it('should give one row per KPI cell of the packs', () => {
    expect(packs).toHaveLength(2)
    const cells = packs.reduce((sum, pack) => sum + cellCount(pack), 0)
    expect(cells).toBeGreaterThan(0)
    expect(loaded.rows).toHaveLength(cells)
  })

  it('should keep raw text with commas, quotes, pounds and percentages whole', () => {
    const finance = loaded.rows.filter((row) => String(row.pack).endsWith('finance.md'))
    const agency = finance.filter((row) => row.indicator === 'Spend on "agency, interim" staff')
    expect(agency.map((row) => row.raw)).toEqual(['£1,200', '£1.2m', '£900'])
    expect(agency.map((row) => row.value)).toEqual([1200, 1200000, 900])
    expect(finance.find((row) => row.raw === '35.6 per 1,000')?.value).toBe(35.6)
    expect(finance.find((row) => row.raw === '97.5%')?.value).toBe(97.5)
  })

  it('should hold an OCR confidence between 0 and 1 for cells read from a scanned page, and none for markdown', () => {
    const scanned = loaded.rows.filter((row) => String(row.pack).endsWith('harbourside-housing.pdf'))
    expect(scanned.length).toBeGreaterThan(0)
    expect(scanned.every((row) => typeof row.confidence === 'number' && row.confidence >= 0 && row.confidence <= 1)).toBe(true)
    const finance = loaded.rows.filter((row) => String(row.pack).endsWith('finance.md'))
    expect(finance.every((row) => row.confidence === null)).toBe(true)
  })
})
