import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {withPageCache} from '../../src/batch/ocr-cache.js'
import type {OcrPool} from '../../src/read/pdf/ocr-pool.js'

const noPool: OcrPool = {
  session: () => Promise.reject(new Error('no OCR expected')),
  recognise: () => Promise.reject(new Error('no OCR expected')),
  terminate: async () => {}
}

describe('withPageCache', () => {
  it('should answer a page read before from the cache without reading it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agendapack-cache-'))
    const pool = withPageCache(noPool, dir, 'engine-a')
    let reads = 0
    const read = async () => ({page: 3, reads: ++reads})
    expect(await pool.readPage!('doc#3', read)).toEqual({page: 3, reads: 1})
    expect(await pool.readPage!('doc#3', read)).toEqual({page: 3, reads: 1})
    expect(await pool.readPage!('doc#4', read)).toEqual({page: 3, reads: 2})
    expect(reads).toBe(2)
  })

  it('should not share entries between engines (another model or agendapack version reads again)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agendapack-cache-'))
    let reads = 0
    const read = async () => ++reads
    await withPageCache(noPool, dir, 'engine-a').readPage!('doc#1', read)
    await withPageCache(noPool, dir, 'engine-b').readPage!('doc#1', read)
    expect(reads).toBe(2)
  })
})
