// Runs extract over many inputs: packs in piscina worker threads (-j), OCR through one bounded
// tesseract.js pool (optionally cached), each pack alone with its time limit, outputs written
// atomically and journaled so a re-run skips what is up to date and an interrupted run resumes.
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import {join, relative, sep} from 'node:path'
import {MessageChannel} from 'node:worker_threads'
import {Piscina} from 'piscina'
import type {Pack} from '../compile/model.js'
import {PackError} from '../errors.js'
import {ioReason} from '../read/load.js'
import type {OcrPool} from '../read/pdf/ocr-pool.js'
import type {OcrMode} from '../read/pdf/index.js'
import {writeAtomic} from '../write/atomic.js'
import {kpiCsvRows} from '../write/kpi-csv.js'
import type {DiscoveredInput} from './discover.js'
import {buildFingerprint} from './fingerprint.js'
import {hashFile, openJournal, type Journal, type JournalRecord} from './journal.js'
import {lazyOcrPool} from '../read/pdf/lazy-ocr-pool.js'
import {cachedOcrPool, type OcrCacheStats} from './ocr-cache.js'
import {serveOcr} from './ocr-port.js'
import type {PackOutcome, PackTask} from './pack-worker.js'
import {workerRamp, type WorkerRamp} from './worker-ramp.js'

export {failureReason} from './failure.js'

/** A worker thread idle this long (ms) is stopped; the next pack starts a fresh one. */
const WORKER_IDLE_MS = 5_000

/** Heap limit of one pack's worker thread (MB): a runaway pack fails alone instead of taking the run down. */
const WORKER_HEAP_MB = 2048

/** Longest start-up of a pack's worker thread (ms) before its time limit runs anyway. */
const WORKER_START_GRACE_MS = 30_000

/** Options of a batch run. */
export interface BatchOptions {
  /** Output folder; null keeps each output text in its result (for stdout). */
  outDir: string | null
  /** `json`: one pretty file per pack; `ndjson`: one line per pack (`<name>.ndjson` files when outDir is set). */
  format: 'json' | 'ndjson'
  ocr: OcrMode
  text: boolean
  /** Most packs extracted at once, each in its own worker thread (default: the cores); a few quick packs use fewer (see worker-ramp). */
  jobs?: number
  /** tesseract.js workers shared by every pack (default: the cores). */
  ocrWorkers?: number
  /** OCR cache folder, or null for none. */
  cacheDir: string | null
  /** Longest time one pack may take (ms), or null for no limit. */
  timeoutMs: number | null
  /** Redo packs even when their output is up to date. */
  force: boolean
  /** Keep each pack's KPI CSV rows in its result (for `--kpi-csv`). */
  kpiRows: boolean
  /** Record `source.path` relative to this folder instead of the working folder (for golden files). */
  recordRoot?: string
  /** Told apart the journal file of this run (e.g. the shard), so runs sharing a folder never write one file. */
  journalSuffix: string
  /** Aborting it stops the run: running packs are dropped (never half-written), the rest not started. */
  signal?: AbortSignal
  /** Called for every result in input order (an early finisher waits for those before it). */
  onResult?: (result: FileResult) => void
  /** Called as each pack finishes, in finishing order (for progress). */
  onFinish?: (result: FileResult) => void
  /** Called when a page starts OCR. */
  onOcrPage?: () => void
}

/** What happened to one input. */
export interface FileResult {
  input: string
  /** `done`: extracted now; `up-to-date`: skipped, output already matches; `failed`. */
  status: 'done' | 'up-to-date' | 'failed'
  ok: boolean
  /** Written file, or null (failure, or outDir null). */
  output: string | null
  /** One-line reason when the file failed. */
  reason: string | null
  pages: number
  methods: Record<string, number>
  /** Warning counts by code. */
  warnings: Record<string, number>
  /** The output text when outDir is null (dropped after onResult). */
  text: string | null
  /** The pack's KPI CSV rows (no header) when asked for, else null (dropped after onResult). */
  kpiRows: string[] | null
  /** Wall time of the pack (ms). */
  ms: number
}

/** The outcome of a run. */
export interface BatchRun {
  /** Results in input order; inputs not reached before an interruption have none. */
  results: FileResult[]
  interrupted: boolean
  ocrCache: OcrCacheStats | null
}

/** Extracts every input; never throws for a bad input. */
export async function runBatch(inputs: readonly DiscoveredInput[], options: Readonly<BatchOptions>): Promise<BatchRun> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.max(1, inputs.length)))
  // tesseract.js is loaded and its workers started on first use, so a run of text-layer packs starts none.
  const basePool = lazyOcrPool({size: options.ocrWorkers ?? availableParallelism()})
  const cached = options.cacheDir ? cachedOcrPool(basePool, options.cacheDir) : null
  const ocrPool: OcrPool = cached ?? basePool
  const piscina = new Piscina<PackTask, PackOutcome>({
    filename: new URL('./pack-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: jobs,
    idleTimeout: WORKER_IDLE_MS,
    resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB}
  })
  const journal = options.outDir !== null ? await openJournal(options.outDir, options.journalSuffix) : null
  const results: Array<FileResult | undefined> = new Array(inputs.length)
  const emitter = inOrder(results, options.onResult)
  let next = 0
  // Workers start as the packs prove worth it: a few quick packs are done by one (see worker-ramp).
  const runners: Array<Promise<void>> = []
  const addRunner = (): void => {
    const running = runner()
    running.catch(() => {}) // awaited below; marked handled in case it fails before then
    runners.push(running)
  }
  const ramp = workerRamp({jobs, packs: inputs.length, waiting: () => inputs.length - next, addWorker: addRunner})
  const runner = async (): Promise<void> => {
    while (next < inputs.length && !options.signal?.aborted) {
      const index = next++
      const result = await runOne(inputs[index]!, options, {piscina, ocrPool, journal, ramp, cacheStats: cached?.stats ?? null})
      if (result === null) break
      options.onFinish?.(result)
      results[index] = result
      emitter()
    }
  }
  try {
    for (let i = 0; i < ramp.initial; i++) addRunner()
    // A runner may be added while others run: wait again until none was added meanwhile.
    for (let waited = 0; waited < runners.length;) {
      waited = runners.length
      await Promise.all(runners)
    }
    await journal?.compact().catch(() => {})
  } finally {
    await piscina.destroy()
    await ocrPool.terminate()
  }
  return {results: results.filter((r): r is FileResult => r !== undefined), interrupted: Boolean(options.signal?.aborted), ocrCache: cached?.stats ?? null}
}

/** Calls `onResult` for each result in input order as soon as every earlier one is there. */
function inOrder(results: Array<FileResult | undefined>, onResult: ((result: FileResult) => void) | undefined): () => void {
  let emitted = 0
  return () => {
    while (emitted < results.length && results[emitted] !== undefined) {
      const result = results[emitted++]!
      onResult?.(result)
      // What is kept for the summary is small; the text and KPI rows went to their writer above.
      result.text = null
      result.kpiRows = null
    }
  }
}

interface Shared {
  piscina: Piscina<PackTask, PackOutcome>
  ocrPool: OcrPool
  journal: Journal | null
  ramp: WorkerRamp
  /** The run's OCR cache counts (pages answered whole in the workers are added as hits), or null without a cache. */
  cacheStats: OcrCacheStats | null
}

/** One input: skipped when up to date, else extracted in a worker and written; null when the run was stopped. */
async function runOne(input: DiscoveredInput, options: Readonly<BatchOptions>, shared: Shared): Promise<FileResult | null> {
  const started = performance.now()
  const name = options.format === 'ndjson' && options.outDir !== null ? input.outputName.replace(/\.json$/, '.ndjson') : input.outputName
  const output = options.outDir === null ? null : join(options.outDir, name)
  const key = optionsKey(options)
  if (shared.journal && output && !options.force) {
    const record = shared.journal.get(name)
    if (record && await upToDate(record, output, input.path, key)) {
      return {input: input.path, status: 'up-to-date', ok: true, output, reason: null, pages: record.pages, methods: record.methods,
        warnings: record.warnings, text: null, kpiRows: options.kpiRows ? await storedKpiRows(output) : null, ms: performance.now() - started}
    }
  }
  const outcome = await extractInWorker(input, options, shared)
  if (outcome === null) return null
  const elapsed = (): number => performance.now() - started
  if (!outcome.ok) return failed(input, outcome.reason, elapsed())
  if (shared.cacheStats) shared.cacheStats.hits += outcome.pageCacheHits
  try {
    if (output) await writeOutput(output, outcome.text)
    if (shared.journal) {
      // Hashes made in the worker: the input as it was extracted, the output as it is written.
      const record: JournalRecord = {output: name, input: outcome.sha256, options: key, sha256: outcome.textSha256,
        pages: outcome.pages, methods: outcome.methods, warnings: outcome.warnings}
      await shared.journal.add(record).catch(() => {})
    }
  } catch (error) {
    return failed(input, error instanceof PackError ? error.message : String(error), elapsed())
  }
  return {input: input.path, status: 'done', ok: true, output, reason: null, pages: outcome.pages, methods: outcome.methods,
    warnings: outcome.warnings, text: output ? null : outcome.text, kpiRows: outcome.kpiRows, ms: elapsed()}
}

/** Runs the pack in a worker thread with its own OCR port; null when the run was stopped meanwhile. */
async function extractInWorker(input: DiscoveredInput, options: Readonly<BatchOptions>, shared: Shared): Promise<PackOutcome | null> {
  const channel = new MessageChannel()
  const abort = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let begun = false
  let packEnded = (): void => {}
  const started = (): void => {
    if (options.timeoutMs && !timer) timer = setTimeout(() => abort.abort('timeout'), options.timeoutMs)
    if (!begun) packEnded = shared.ramp.packBegun()
    begun = true
  }
  const stopServing = serveOcr(channel.port1, shared.ocrPool, () => options.onOcrPage?.(), started)
  // A worker that never reports its start (stuck loading) is timed from this grace on.
  const grace = setTimeout(started, WORKER_START_GRACE_MS)
  const onStop = (): void => abort.abort('interrupted')
  options.signal?.addEventListener('abort', onStop, {once: true})
  try {
    const task: PackTask = {path: input.path, ocr: options.ocr, text: options.text, format: options.format, kpiRows: options.kpiRows, ocrPort: channel.port2, cacheDir: options.cacheDir,
      recordAs: options.recordRoot === undefined ? null : relative(options.recordRoot, input.path).split(sep).join('/')}
    return await shared.piscina.run(task, {transferList: [channel.port2], signal: abort.signal})
  } catch (error) {
    if (options.signal?.aborted) return null
    if (abort.signal.reason === 'timeout') {
      return {ok: false, reason: `timed out after ${Math.round(options.timeoutMs! / 1000)} s (--timeout); the pack was stopped`}
    }
    if ((error as {code?: string} | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return {ok: false, reason: `out of memory: the pack needed more than ${WORKER_HEAP_MB} MB and was stopped`}
    }
    const text = error instanceof Error ? error.message : String(error)
    return {ok: false, reason: `worker failed: ${text.split('\n')[0]} (this is a bug, please report it)`}
  } finally {
    clearTimeout(grace)
    if (timer) clearTimeout(timer)
    packEnded()
    options.signal?.removeEventListener('abort', onStop)
    stopServing()
  }
}

/** The KPI rows of a pack already written (its JSON file or NDJSON line). */
async function storedKpiRows(output: string): Promise<string[]> {
  const pack = JSON.parse(await readFile(output, 'utf8')) as Pack
  return kpiCsvRows(pack.source.path, pack)
}

/** The journal's record still describes the output: same options, same input bytes, the output file unchanged. */
async function upToDate(record: JournalRecord, output: string, input: string, key: string): Promise<boolean> {
  if (record.options !== key || record.input !== await hashFile(input)) return false
  return (await hashFile(output)) === record.sha256
}

/** What shapes an output besides the input: agendapack's version and the options. */
export function optionsKey(options: Pick<BatchOptions, 'ocr' | 'text' | 'format' | 'recordRoot'>): string {
  return JSON.stringify({agendapack: VERSION, build: buildFingerprint(), ocr: options.ocr, text: options.text, format: options.format, recordRoot: options.recordRoot ?? null})
}

const VERSION = (createRequire(import.meta.url)('../../package.json') as {version: string}).version

function failed(input: DiscoveredInput, reason: string, ms: number): FileResult {
  return {input: input.path, status: 'failed', ok: false, output: null, reason, pages: 0, methods: {}, warnings: {}, text: null, kpiRows: null, ms}
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeAtomic(path, text)
  } catch (error) {
    throw new PackError('io-error', `cannot write ${path}: ${ioReason(error)}`, {cause: error})
  }
}
