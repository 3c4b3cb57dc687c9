// Caches OCR results on disk per page image: the key is the image's bytes hash plus the OCR
// engine's versions and options, so a re-run of a scanned pack reads its pages without tesseract.
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {OcrImage, OcrLayout, OcrPool, OcrResult, OcrSession} from '../read/pdf/ocr-pool.js'
import {DRAWING_ENTRY} from '../read/pdf/page-drawing.js'
import {writeAtomic} from '../write/atomic.js'
import {fileFingerprint, filesFingerprint} from './fingerprint.js'
import {holdSession, type HeldSession} from './ocr-port.js'

/** Layout version of the cache entries; bump when OcrResult changes shape. */
const CACHE_LAYOUT = 'ocr-v1'

/** Hit and miss counts of a cached pool. */
export interface OcrCacheStats {
  hits: number
  misses: number
}

/** An OcrPool that answers from the cache first. */
export interface CachedOcrPool extends OcrPool {
  stats: OcrCacheStats
}

/** Everything besides the pixels that decides what tesseract reads: engine, model and agendapack versions. */
export function ocrEngineKey(): string {
  engineKeyMemo ??= computeEngineKey()
  return engineKeyMemo
}

let engineKeyMemo: string | undefined
let pipelineKeyMemo: string | undefined

function computeEngineKey(): string {
  const require = createRequire(import.meta.url)
  const version = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as {version: string}).version
    } catch {
      return 'unknown'
    }
  }
  const own = (require('../../package.json') as {version: string}).version
  return [CACHE_LAYOUT, `tesseract.js@${version('tesseract.js')}`, `tesseract.js-core@${version('tesseract.js-core')}`,
    `eng@${version('@tesseract.js-data/eng')}`, `agendapack@${own}`,
    // The pool's recognise options (page segmentation, dpi) and how it cuts words (figures set apart)
    // live in its code: a change there is a new engine.
    `ocr-pool:${fileFingerprint('read/pdf/ocr-pool.js')}`, `ocr-figure-gaps:${fileFingerprint('read/pdf/ocr-figure-gaps.js')}`].join('|')
}

/**
 * Wraps `pool` so that every image already read (same pixels, size, dpi and engine) comes from
 * `dir`; a worker is only taken when a session meets its first uncached image.
 * @param dir cache folder (entries under `<dir>/ocr-v1/ab/<hash>.json`)
 */
export function cachedOcrPool(pool: OcrPool, dir: string, engineKey: string = ocrEngineKey()): CachedOcrPool {
  const stats: OcrCacheStats = {hits: 0, misses: 0}
  const entryPath = (image: OcrImage, layout: OcrLayout): string => {
    // A whole page keeps its old key; a crop read as a line or word is keyed by that layout too.
    const read = layout === 'page' ? '' : ` ${layout}`
    const hash = createHash('sha256')
      .update(`${engineKey}\n${image.width}x${image.height}@${image.dpi}${read}\n`)
      .update(image.data)
      .digest('hex')
    return join(dir, CACHE_LAYOUT, hash.slice(0, 2), hash + '.json')
  }

  async function session<T>(task: (session: OcrSession) => Promise<T>): Promise<T> {
    let held: Promise<HeldSession> | null = null
    const recognise = async (image: OcrImage, layout: OcrLayout = 'page'): Promise<OcrResult> => {
      const path = entryPath(image, layout)
      const cached = await readEntry(path)
      if (cached) {
        stats.hits++
        return cached
      }
      stats.misses++
      held ??= holdSession(pool)
      const result = await (await held).session.recognise(image, layout)
      await writeAtomic(path, JSON.stringify(result)).catch(() => {})
      return result
    }
    try {
      return await task({recognise})
    } finally {
      if (held) void (held as Promise<HeldSession>).then((h) => h.close(), () => {})
    }
  }

  const cachedPool: OcrPool = {session, recognise: (image, layout) => session((s) => s.recognise(image, layout)), terminate: () => pool.terminate()}
  return {...withPageCache(cachedPool, dir, engineKey, stats), stats}
}

/** The compiled files whose code shapes a cached page: rendering, deskewing, orientation, OCR and its helpers, the drawing measure. */
const PAGE_PIPELINE_FILES = /^(?:render|deskew.*|orientation|ocr.*|page-drawing)\.js$/

/** What shapes a page's entry besides the engine: pdf.js (it draws and decodes the page) and the page pipeline's code. */
export function pagePipelineKey(): string {
  pipelineKeyMemo ??= computePipelineKey()
  return pipelineKeyMemo
}

function computePipelineKey(): string {
  const require = createRequire(import.meta.url)
  let pdfjs = 'unknown'
  try {
    pdfjs = (require('pdfjs-dist/package.json') as {version: string}).version
  } catch {
    // an unknown version still keys the entries consistently
  }
  return `pdfjs-dist@${pdfjs}|${filesFingerprint('read/pdf', PAGE_PIPELINE_FILES)}`
}

/**
 * Adds `readPage` to `pool`: whole-page results (OCR, and the drawing measure that routes the
 * page) kept in `dir` under the page's key (document hash and page number) and everything that
 * shapes them (engine, pdf.js, rendering, orientation), so a page read before is answered without
 * decoding or rendering it. Used in pack worker threads too.
 */
export function withPageCache(pool: OcrPool, dir: string, engineKey: string = ocrEngineKey(), stats?: OcrCacheStats): OcrPool {
  const pipeline = pagePipelineKey()
  const entryPath = (key: string): string => {
    const hash = createHash('sha256').update(`${engineKey}\npage|${pipeline}\n${key}`).digest('hex')
    return join(dir, CACHE_LAYOUT, 'pages', hash.slice(0, 2), hash + '.json')
  }
  async function readPage<T>(key: string, read: () => Promise<T>): Promise<T> {
    const path = entryPath(key)
    const cached = await readJson<T>(path)
    if (cached !== null) {
      if (stats && !key.endsWith(DRAWING_ENTRY)) stats.hits++ // pages OCR'd, not their drawing measure
      return cached
    }
    const result = await read()
    await writeAtomic(path, JSON.stringify(result)).catch(() => {})
    return result
  }
  return {...pool, readPage}
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return null
  }
}

/** The cached result, or null when missing or unreadable (a damaged entry is simply recomputed). */
async function readEntry(path: string): Promise<OcrResult | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as OcrResult
    return Array.isArray(value.lines) && typeof value.confidence === 'number' ? value : null
  } catch {
    return null
  }
}
