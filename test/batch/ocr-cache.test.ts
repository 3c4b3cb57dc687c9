// Tests for the OCR caches: whole pages kept under their document key and engine, and single
// images (whole pages or crops read as lines) kept under their pixels, engine and layout.
import {describe, expect, it} from 'vitest'
import {cachedOcrPool, withPageCache} from '../../src/batch/ocr-cache.js'
import type {OcrImage, OcrLayout, OcrPool, OcrResult, OcrSession, PixelBox} from '../../src/read/pdf/ocr-pool.js'
import {makeTempDir} from '../util/temp-dir.js'

const noPool: OcrPool = {
  session: () => Promise.reject(new Error('no OCR expected')),
  recognise: () => Promise.reject(new Error('no OCR expected')),
  terminate: async () => {}
}

describe('withPageCache', () => {
  it('should answer a page read before from the cache without reading it again', async () => {
    const dir = await makeTempDir('cache')
    const pool = withPageCache(noPool, dir, 'engine-a')
    let reads = 0
    const read = async () => ({page: 3, reads: ++reads})
    expect(await pool.readPage!('doc#3', read)).toEqual({page: 3, reads: 1})
    expect(await pool.readPage!('doc#3', read)).toEqual({page: 3, reads: 1})
    expect(await pool.readPage!('doc#4', read)).toEqual({page: 3, reads: 2})
    expect(reads).toBe(2)
  })

  it('should not share entries between engines (another model or agendapack version reads again)', async () => {
    const dir = await makeTempDir('cache')
    let reads = 0
    const read = async () => ++reads
    await withPageCache(noPool, dir, 'engine-a').readPage!('doc#1', read)
    await withPageCache(noPool, dir, 'engine-b').readPage!('doc#1', read)
    expect(reads).toBe(2)
  })
})

describe('cachedOcrPool', () => {
  /** A pool that answers with the layout it was asked for and counts its reads. */
  function layoutPool(): OcrPool & {reads: number} {
    const counted = {
      reads: 0,
      session: <T>(task: (session: OcrSession) => Promise<T>) => task({
        recognise: async (_image: OcrImage, layout?: OcrLayout): Promise<OcrResult> => {
          counted.reads++
          const bbox: PixelBox = [0, 0, 1, 1]
          return {lines: [{words: [{text: layout ?? 'page', bbox, confidence: 1}], bbox, confidence: 1, paragraph: 0}], confidence: 1, wordCount: 1}
        }
      }),
      recognise: () => Promise.reject(new Error('not used')),
      terminate: async () => {}
    }
    return counted
  }

  it('should keep a crop read as a line apart from the same pixels read as a page, and answer both again from the cache', async () => {
    const dir = await makeTempDir('cache')
    const inner = layoutPool()
    const pool = cachedOcrPool(inner, dir, 'engine-a')
    const image: OcrImage = {width: 2, height: 1, data: new Uint8Array([0, 255]), dpi: 200}
    const read = (layout?: OcrLayout) => pool.session((s) => s.recognise(image, layout)).then((r) => r.lines[0]!.words[0]!.text)
    expect([await read(), await read('line'), await read('page'), await read('line')]).toEqual(['page', 'line', 'page', 'line'])
    expect(inner.reads).toBe(2)
    expect(pool.stats).toEqual({hits: 2, misses: 2})
  })
})
