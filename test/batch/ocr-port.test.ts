// Tests for the OCR port between a pack worker and the run's pool: a session's reads, with the
// layout each image is read as, reach the pool and their results come back.
import {MessageChannel} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {remoteOcrPool, serveOcr} from '../../src/batch/ocr-port.js'
import type {OcrImage, OcrLayout, OcrPool, OcrResult, OcrSession, PixelBox} from '../../src/read/pdf/ocr-pool.js'

/** A pool that answers each read with the layout it was asked for. */
const layoutPool: OcrPool = {
  session: <T>(task: (session: OcrSession) => Promise<T>) => task({
    recognise: async (_image: OcrImage, layout?: OcrLayout): Promise<OcrResult> => {
      const bbox: PixelBox = [0, 0, 1, 1]
      return {lines: [{words: [{text: layout ?? 'none', bbox, confidence: 1}], bbox, confidence: 1, paragraph: 0}], confidence: 1, wordCount: 1}
    }
  }),
  recognise: () => Promise.reject(new Error('not used')),
  terminate: async () => {}
}

describe('remoteOcrPool over serveOcr', () => {
  it('should carry each read\'s layout to the pool (a page by default) and its result back', async () => {
    const {port1, port2} = new MessageChannel()
    const stop = serveOcr(port1, layoutPool, () => {})
    const remote = remoteOcrPool(port2)
    try {
      const image: OcrImage = {width: 1, height: 1, data: new Uint8Array([0]), dpi: 300}
      const texts = await remote.session(async (session) => {
        const results = [await session.recognise(image), await session.recognise(image, 'line')]
        return results.map((r) => r.lines[0]!.words[0]!.text)
      })
      expect(texts).toEqual(['page', 'line'])
    } finally {
      stop()
      await remote.terminate()
    }
  })
})
