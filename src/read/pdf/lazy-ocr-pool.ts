// The run's OCR pool, loaded on first use: tesseract.js and its workers come into the main thread
// only when a page of some pack needs OCR, so a run of text-layer packs never loads them.
import type {OcrPool, OcrPoolOptions} from './ocr-pool.js'

/** An OcrPool that imports and creates the real pool (with `options`) when first asked for work. */
export function lazyOcrPool(options: OcrPoolOptions): OcrPool {
  let pool: Promise<OcrPool> | null = null
  const started = (): Promise<OcrPool> => {
    pool ??= import('./ocr-pool.js').then((module) => module.createOcrPool(options))
    return pool
  }
  return {
    session: async (task) => (await started()).session(task),
    recognise: async (image, layout) => (await started()).recognise(image, layout),
    async terminate() {
      if (pool) await (await pool).terminate()
    }
  }
}
