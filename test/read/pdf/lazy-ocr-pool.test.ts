// lazyOcrPool: tesseract.js's pool is imported and created on the first OCR request only, once,
// so a batch run of text-layer packs never loads it.
import {describe, expect, it, vi} from 'vitest'
import type {OcrImage, OcrPool} from '../../../src/read/pdf/ocr-pool.js'

const created = vi.hoisted(() => ({pools: [] as Array<{size: number | undefined; terminated: boolean}>}))

vi.mock('../../../src/read/pdf/ocr-pool.js', () => ({
  createOcrPool(options: {size?: number}): OcrPool {
    const record = {size: options.size, terminated: false}
    created.pools.push(record)
    const result = {lines: [], confidence: 0, wordCount: 0}
    return {
      session: (task) => task({recognise: async () => result}),
      recognise: async () => result,
      terminate: async () => { record.terminated = true }
    }
  }
}))

const {lazyOcrPool} = await import('../../../src/read/pdf/lazy-ocr-pool.js')
const image: OcrImage = {width: 1, height: 1, data: new Uint8Array([255]), dpi: 300}

describe('lazyOcrPool', () => {
  it('should create no pool when nothing is OCR\'d, and terminate cleanly', async () => {
    created.pools.length = 0
    await lazyOcrPool({size: 2}).terminate()
    expect(created.pools).toEqual([])
  })

  it('should create the pool once, with its options, on the first request, and terminate it', async () => {
    created.pools.length = 0
    const pool = lazyOcrPool({size: 3})
    const [a, b] = await Promise.all([pool.recognise(image), pool.session((s) => s.recognise(image))])
    expect([a.wordCount, b.wordCount]).toEqual([0, 0])
    await pool.terminate()
    expect(created.pools).toEqual([{size: 3, terminated: true}])
  })
})
