// The piscina worker of a batch run: extracts one pack in its own thread (its own pdf.js), sends
// OCR work to the run's one OCR pool over the task's port, and returns the serialised pack.
import type {MessagePort} from 'node:worker_threads'
import {extract} from '../extract.js'
import type {OcrMode} from '../read/pdf/index.js'
import {packJson} from '../write/json.js'
import {kpiCsvRows} from '../write/kpi-csv.js'
import {packNdjsonLine} from '../write/ndjson.js'
import {failureReason} from './failure.js'
import {hashText} from './journal.js'
import {withPageCache, type OcrCacheStats} from './ocr-cache.js'
import {remoteOcrPool} from './ocr-port.js'
import {reclaimMemory} from './reclaim-memory.js'
import {interpretRareRegexps} from './regexp-tiering.js'

/** One pack to extract. */
export interface PackTask {
  path: string
  ocr: OcrMode
  text: boolean
  format: 'json' | 'ndjson'
  kpiRows: boolean
  /** `source.path` to record, or null for the path as given. */
  recordAs: string | null
  /** Where OCR sessions go (the main thread's pool). */
  ocrPort: MessagePort
  /** OCR cache folder: whole pages read before are answered from it in this thread, unrendered. */
  cacheDir: string | null
}

/**
 * What came of it: the output text (and its sha256, for the journal) and the figures of the
 * summary, or the reason it failed. `sha256` is the input's, as extracted.
 */
export type PackOutcome =
  | {ok: true; text: string; sha256: string; textSha256: string; pages: number; methods: Record<string, number>; warnings: Record<string, number>; kpiRows: string[] | null
    /** Pages answered whole from the page cache (no image decoded, nothing sent to OCR). */
    pageCacheHits: number}
  | {ok: false; reason: string}

// Before any pack: a fresh worker would otherwise spend ~0.2 s compiling date patterns it runs a few times.
interpretRareRegexps()

/** Extracts `task.path`; never throws for a bad input. */
export default async function packWorker(task: PackTask): Promise<PackOutcome> {
  const remote = remoteOcrPool(task.ocrPort)
  const pageCache: OcrCacheStats = {hits: 0, misses: 0}
  const ocrPool = task.cacheDir ? withPageCache(remote, task.cacheDir, undefined, pageCache) : remote
  // The time limit runs from here: a worker thread's start-up (loading pdf.js) is not the pack's fault.
  task.ocrPort.postMessage({type: 'started'})
  try {
    const {pack} = await extract(task.path, {ocr: task.ocr, text: task.text, ocrPool, ...(task.recordAs ? {path: task.recordAs} : {})})
    const methods: Record<string, number> = {}
    for (const page of pack.pages) methods[page.method] = (methods[page.method] ?? 0) + 1
    const warnings: Record<string, number> = {}
    for (const warning of pack.warnings) warnings[warning.code] = (warnings[warning.code] ?? 0) + 1
    const text = task.format === 'ndjson' ? packNdjsonLine(pack) : packJson(pack)
    return {
      ok: true,
      text,
      sha256: pack.source.sha256,
      textSha256: hashText(text),
      pages: pack.pages.length,
      methods,
      warnings,
      kpiRows: task.kpiRows ? kpiCsvRows(pack.source.path, pack) : null,
      pageCacheHits: pageCache.hits
    }
  } catch (error) {
    return {ok: false, reason: failureReason(error)}
  } finally {
    task.ocrPort.close()
    reclaimMemory()
  }
}
