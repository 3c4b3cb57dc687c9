// `--format ndjson` loaded as it is by DuckDB's read_json_auto (the README's recipe): one row per
// pack, nested columns typed the same way in the whole file and in its shards, shards adding up to it.
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REPO, runCli} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

/** The fixture packs extracted (OCR off, so the test stays fast; the mixed pack still gives warnings). */
const INPUTS = ['text', 'markdown', 'pdf-text', 'pdf-mixed'].map((kind) => join(REPO, 'fixtures', kind))
const SHARDS = 3
/** The README's options for shards: every file's rows typed alike (whole-file sample, columns by name). */
const READ_OPTIONS = "format = 'newline_delimited', union_by_name = true, sample_size = -1"

describe('NDJSON in DuckDB', () => {
  let dir: string
  let packs: number
  let instance: DuckDBInstance
  let db: DuckDBConnection
  beforeAll(async () => {
    dir = await makeTempDir('duckdb')
    const whole = runCli(['extract', ...INPUTS, '--ocr', 'never', '--format', 'ndjson', '-o', join(dir, 'whole.ndjson'), '-q', '--no-cache'])
    expect(whole.code, whole.stderr).toBe(0)
    packs = (await readFile(join(dir, 'whole.ndjson'), 'utf8')).split('\n').filter(Boolean).length
    for (let k = 0; k < SHARDS; k++) {
      const shard = runCli(['extract', ...INPUTS, '--ocr', 'never', '--format', 'ndjson', '-o', join(dir, 'shards'), '--shard', `${k}/${SHARDS}`, '-q', '--no-cache'])
      expect(shard.code, shard.stderr).toBe(0)
    }
    instance = await DuckDBInstance.create(':memory:')
    db = await instance.connect()
    await db.run(`CREATE TABLE whole AS SELECT * FROM read_json_auto('${join(dir, 'whole.ndjson')}')`)
    await db.run(`CREATE TABLE shards AS SELECT * FROM read_json_auto('${join(dir, 'shards', `packs.shard-*-of-${SHARDS}.ndjson`)}', ${READ_OPTIONS})`)
  })
  afterAll(() => {
    db?.closeSync()
    instance?.closeSync()
  })

  it('should load one row per pack with the packs in input order', async () => {
    expect(packs).toBe(10)
    const rows = await rowsOf('SELECT source.path AS path, source.pageCount AS pages FROM whole')
    expect(rows).toHaveLength(packs)
    expect(rows.map((r) => r['path'])).toEqual([...rows.map((r) => r['path'])].sort())
    expect(rows.every((r) => Number(r['pages']) >= 1)).toBe(true)
  })

  it('should type the nested columns: dates as DATE, counts as integers, KPI values as numbers, lists of structs', async () => {
    expect(await typeOf('whole', 'meeting.date')).toBe('DATE')
    expect(await typeOf('whole', 'source.pageCount')).toBe('BIGINT')
    expect(await typeOf('whole', 'pages')).toMatch(/^STRUCT\(page BIGINT, .*\)\[\]$/)
    expect(await typeOf('whole', 'kpiTables')).toMatch(/cells STRUCT\("column" VARCHAR, raw VARCHAR, "value" DOUBLE/)
    expect(await typeOf('whole', 'warnings')).toBe('STRUCT(code VARCHAR, message VARCHAR, page BIGINT)[]')
    const dates = await rowsOf("SELECT count(*) AS n FROM whole WHERE meeting.date BETWEEN DATE '2000-01-01' AND DATE '2100-01-01'")
    expect(Number(dates[0]!['n'])).toBe(packs)
  })

  it('should read the shards with the same column types as the whole file', async () => {
    const columns = async (table: string): Promise<string[]> =>
      (await rowsOf(`DESCRIBE ${table}`)).map((r) => `${String(r['column_name'])} ${String(r['column_type'])}`)
    expect(await columns('shards')).toEqual(await columns('whole'))
  })

  it('should give back exactly the whole run from the union of the shards', async () => {
    const missing = await rowsOf('SELECT count(*) AS n FROM (SELECT * FROM whole EXCEPT ALL SELECT * FROM shards)')
    const extra = await rowsOf('SELECT count(*) AS n FROM (SELECT * FROM shards EXCEPT ALL SELECT * FROM whole)')
    expect([Number(missing[0]!['n']), Number(extra[0]!['n'])]).toEqual([0, 0])
    expect(await rowsOf('SELECT count(*) AS n FROM shards')).toEqual([{n: String(packs)}])
  })

  /** Rows as plain JSON values (DuckDB's BIGINT comes back as a string). */
  async function rowsOf(sql: string): Promise<Array<Record<string, unknown>>> {
    return (await db.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>
  }

  async function typeOf(table: string, column: string): Promise<string> {
    const rows = await rowsOf(`SELECT typeof(${column}) AS t FROM ${table} LIMIT 1`)
    return String(rows[0]!['t'])
  }
})
