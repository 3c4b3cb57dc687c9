// A bounded pool of tesseract.js workers, started lazily, running fully offline from the
// @tesseract.js-data/eng LSTM model; a worker's results depend on the image only, so workers are reused.
import {constants as fsConstants} from 'node:fs'
import {access} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {createWorker, OEM} from 'tesseract.js'
import type {Page as TesseractPage, RecognizeOptions, Worker} from 'tesseract.js'
import {splitSpacedFigures} from './ocr-figure-gaps.js'
import {withSoundBox} from './ocr-word-boxes.js'

/** Longest wait for a worker to load the model (ms); tesseract.js can hang forever on bad data. */
const WORKER_START_TIMEOUT_MS = 60_000
/**
 * Tesseract page segmentation per layout: 3 = fully automatic without OSD (tesseract's own default
 * for pages); 7 = the image is one text line (for re-reading a crop the page read passed over).
 */
const PAGE_SEGMENTATION_MODES: Record<OcrLayout, string> = {page: '3', 'page-local': '3', line: '7'}
/** How tesseract binarises before finding lines: Otsu's one global threshold ('0'), or Sauvola's local one ('2'). */
const THRESHOLDING_METHODS: Record<OcrLayout, string> = {page: '0', 'page-local': '2', line: '0'}
/** Where tesseract's own diagnostics ("Detected 5 diacritics") go: nowhere, a library never writes to stderr. */
const TESSERACT_DEBUG_FILE = '/dev/null'
/**
 * Model folder inside @tesseract.js-data/eng: the LSTM "best int" English model. It carries no
 * legacy (adaptive) classifier, so with OEM LSTM_ONLY a worker keeps no state from one image to the
 * next: 12 bench pages read by fresh workers and by one worker in three page orders gave the same
 * words and boxes byte for byte, and the scanned fixtures the same packs under -j 1 and -j 2 — so
 * workers are not reinitialised between pages (that cost 0.25–0.6 s a page).
 */
const MODEL_FOLDER = '4.0.0_best_int'
const MODEL_FILE = 'eng.traineddata.gz'

/** A raster image handed to OCR: 8-bit grey pixels, row-major, 0 = black. */
export interface OcrImage {
  width: number
  height: number
  /** `width * height` grey values. */
  data: Uint8Array
  /** Resolution the image stands for (dots per inch), told to tesseract. */
  dpi: number
}

/**
 * What an image holds, telling tesseract how to segment it: a whole page, one text line, or a whole
 * page binarised by local (Sauvola) thresholds, for a light or speckled scan whose ink tesseract's
 * one global threshold lost.
 */
export type OcrLayout = 'page' | 'line' | 'page-local'

/** Box in image pixels: [x0, y0, x1, y1], top-left origin. */
export type PixelBox = [number, number, number, number]

/** One recognised word, confidence 0–1. */
export interface OcrWord {
  text: string
  bbox: PixelBox
  confidence: number
}

/** One text line in reading order, with the paragraph (0-based, page-wide) it belongs to. */
export interface OcrLine {
  words: OcrWord[]
  bbox: PixelBox
  confidence: number
  paragraph: number
}

export interface OcrResult {
  lines: OcrLine[]
  /** Mean word confidence 0–1 (0 when no words). */
  confidence: number
  wordCount: number
}

/** A worker lent to one page job; every call within a job runs on the same worker. */
export interface OcrSession {
  /** Reads `image`, laid out as `layout` (default `'page'`). */
  recognise(image: OcrImage, layout?: OcrLayout): Promise<OcrResult>
}

export interface OcrPool {
  /** How many sessions can run at once (workers); readers may keep this many pages in flight. */
  readonly size?: number
  /**
   * Runs `task` on one worker (an LSTM-only worker's result depends on the image only, never on
   * what it read before). Waits while all workers are busy.
   */
  session<T>(task: (session: OcrSession) => Promise<T>): Promise<T>
  /** One image in its own session. */
  recognise(image: OcrImage, layout?: OcrLayout): Promise<OcrResult>
  /**
   * Optional, for pools backed by a cache: the whole-page result stored under `key`, or `read()`'s
   * result stored there — so a page read before is not even rendered again.
   */
  readPage?<T>(key: string, read: () => Promise<T>): Promise<T>
  /** Stops every worker (awaited); pending and later jobs reject. */
  terminate(): Promise<void>
}

export interface OcrPoolOptions {
  /** Number of tesseract.js workers; defaults to the number of cores. */
  size?: number
  /** Folder holding `eng.traineddata.gz`; defaults to the bundled @tesseract.js-data/eng model. */
  langPath?: string
  /** Longest wait for one worker to start, in ms (default 60 000). */
  startTimeout?: number
}

interface Slot {
  worker: Worker
}

interface Waiter {
  resolve: (slot: Slot) => void
  reject: (error: unknown) => void
}

/** The folder of the bundled English model, as a plain path (tesseract.js rejects file:// URLs). */
export function defaultLangPath(): string {
  const packageJson = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')
  return path.join(path.dirname(packageJson), MODEL_FOLDER)
}

/** Creates a pool whose workers start on first use, at most `size` of them. */
export function createOcrPool(options?: Readonly<OcrPoolOptions> | null): OcrPool {
  const size = Math.max(1, options?.size ?? availableParallelism())
  const langPath = options?.langPath ?? defaultLangPath()
  const startTimeout = options?.startTimeout ?? WORKER_START_TIMEOUT_MS
  const all = new Set<Slot>()
  const idle: Slot[] = []
  const waiters: Waiter[] = []
  const starts = new Set<Promise<unknown>>()
  let failure: unknown = null
  let closed = false
  let signalClosed: (error: Error) => void = () => {}
  const closedSignal = new Promise<never>((_resolve, reject) => { signalClosed = reject })
  closedSignal.catch(() => {})

  function dispatch(): void {
    while (waiters.length > 0) {
      if (failure !== null || closed) {
        const error = closed ? new Error('the OCR pool was terminated') : failure
        for (const waiter of waiters.splice(0)) waiter.reject(error)
        return
      }
      const slot = idle.pop()
      if (slot) {
        waiters.shift()!.resolve(slot)
        continue
      }
      if (all.size + starts.size >= size) return
      start(waiters.shift()!)
    }
  }

  function start(waiter: Waiter): void {
    const started = startWorker(langPath, startTimeout).then(
      (worker) => {
        starts.delete(started)
        const slot: Slot = {worker}
        all.add(slot)
        if (closed) waiter.reject(new Error('the OCR pool was terminated'))
        else waiter.resolve(slot)
      },
      (error: unknown) => {
        starts.delete(started)
        failure = error
        waiter.reject(error)
        dispatch()
      }
    )
    starts.add(started)
  }

  function acquire(): Promise<Slot> {
    return new Promise<Slot>((resolve, reject) => {
      waiters.push({resolve, reject})
      dispatch()
    })
  }

  function release(slot: Slot, broken: boolean): void {
    if (broken || closed) {
      all.delete(slot)
      void slot.worker.terminate()
    } else {
      idle.push(slot)
    }
    dispatch()
  }

  async function session<T>(task: (session: OcrSession) => Promise<T>): Promise<T> {
    const slot = await acquire()
    // A tesseract failure may leave the worker in any state: it is replaced, never reused.
    let broken = false
    const guard = async <R>(work: Promise<R>): Promise<R> => {
      try {
        return await Promise.race([work, closedSignal])
      } catch (error) {
        broken = true
        throw error
      }
    }
    try {
      return await task({recognise: (image, layout) => guard(recogniseOn(slot.worker, image, layout))})
    } finally {
      release(slot, broken)
    }
  }

  async function terminate(): Promise<void> {
    closed = true
    signalClosed(new Error('the OCR pool was terminated'))
    dispatch()
    await Promise.allSettled([...starts])
    const slots = [...all]
    all.clear()
    idle.length = 0
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  return {size, session, recognise: (image, layout) => session((s) => s.recognise(image, layout)), terminate}
}

/** Starts one offline worker, or rejects (missing model, timeout). */
async function startWorker(langPath: string, timeout: number): Promise<Worker> {
  try {
    await access(path.join(langPath, MODEL_FILE), fsConstants.R_OK)
  } catch {
    throw new Error(`the OCR language data (${MODEL_FILE}) is missing`)
  }
  const created = createWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    logger() {},
    // Without a handler a failed load is an uncaught exception; failures surface through the job promises.
    errorHandler() {}
  })
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      created.then((late) => late.terminate(), () => {})
      reject(new Error(`the OCR worker did not start within ${Math.round(timeout / 1000)} s`))
    }, timeout)
  })
  try {
    return await Promise.race([created, timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/** Recognises one grey image laid out as `layout` and flattens tesseract's blocks into lines of words (figures set apart split). */
async function recogniseOn(worker: Worker, image: OcrImage, layout: OcrLayout = 'page'): Promise<OcrResult> {
  const options = {
    tessedit_pageseg_mode: PAGE_SEGMENTATION_MODES[layout],
    thresholding_method: THRESHOLDING_METHODS[layout],
    debug_file: TESSERACT_DEBUG_FILE,
    user_defined_dpi: String(Math.max(70, Math.round(image.dpi)))
  } as Partial<RecognizeOptions>
  const {data} = await worker.recognize(toPgm(image), options, {blocks: true, text: false})
  return flatten(data)
}

/** Binary PGM (P5): tesseract's leptonica reads it directly, far cheaper than PNG encoding. */
export function toPgm(image: OcrImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii')
  const out = Buffer.allocUnsafe(header.length + image.data.length)
  header.copy(out, 0)
  out.set(image.data, header.length)
  return out
}

function flatten(data: TesseractPage): OcrResult {
  const lines: OcrLine[] = []
  let paragraphIndex = 0
  let sum = 0
  let count = 0
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        // A word tesseract made of figures printed apart ("2 4 2 22" read "24222") is cut at its spaces.
        const words = splitSpacedFigures(line.words.filter((w) => w.text.trim() !== '').map(withSoundBox))
        if (words.length === 0) continue
        for (const w of words) sum += w.confidence
        count += words.length
        lines.push({words, bbox: box(line.bbox), confidence: line.confidence / 100, paragraph: paragraphIndex})
      }
      paragraphIndex++
    }
  }
  return {lines, confidence: count === 0 ? 0 : sum / count, wordCount: count}
}

function box(b: {x0: number; y0: number; x1: number; y1: number}): PixelBox {
  return [b.x0, b.y0, b.x1, b.y1]
}
