// Runs extract over many inputs with one shared OCR pool: each file succeeds or fails alone
// (a one-line reason), outputs are validated and written atomically, and the run goes on.
import {join} from 'node:path'
import type {PackWarning} from '../compile/model.js'
import {PackError} from '../errors.js'
import {extract, type ExtractOptions} from '../extract.js'
import {ioReason} from '../read/load.js'
import {createOcrPool, type OcrPool} from '../read/pdf/ocr-pool.js'
import {writeAtomic} from '../write/atomic.js'
import {kpiCsvRows} from '../write/kpi-csv.js'
import {packJson} from '../write/json.js'
import type {DiscoveredInput} from './discover.js'

/** Options of a batch run. */
export interface BatchOptions extends Omit<ExtractOptions, 'ocrPool' | 'path'> {
  /** Output folder; null keeps the JSON in the results (for stdout). */
  outDir: string | null
  /** Keep each pack's KPI CSV rows in its result (for `--kpi-csv`). */
  kpiRows?: boolean
  /** Called after each file, in input order (for progress lines). */
  onResult?: (result: FileResult) => void
}

/** What happened to one input. */
export interface FileResult {
  input: string
  ok: boolean
  /** Written file, or null (failure, or outDir null). */
  output: string | null
  /** One-line reason when the file failed. */
  reason: string | null
  pages: number
  methods: Record<string, number>
  warnings: PackWarning[]
  /** The JSON text when outDir is null. */
  json: string | null
  /** The pack's KPI CSV rows (no header) when asked for, else null. */
  kpiRows: string[] | null
}

/** Extracts every input in order; never throws for a bad input. */
export async function runBatch(inputs: readonly DiscoveredInput[], options: Readonly<BatchOptions>): Promise<FileResult[]> {
  // The pool starts its workers on first use, so a run of text-layer packs starts none.
  const pool = createOcrPool(options.ocrWorkers ? {size: options.ocrWorkers} : null)
  const results: FileResult[] = []
  try {
    for (const input of inputs) {
      const result = await runOne(input, options, pool)
      results.push(result)
      options.onResult?.(result)
    }
  } finally {
    await pool.terminate()
  }
  return results
}

async function runOne(input: DiscoveredInput, options: Readonly<BatchOptions>, ocrPool: OcrPool): Promise<FileResult> {
  try {
    const {pack} = await extract(input.path, {...extractOptions(options), ocrPool})
    const json = packJson(pack)
    const output = options.outDir === null ? null : join(options.outDir, input.outputName)
    if (output) await writeOutput(output, json)
    const methods: Record<string, number> = {}
    for (const page of pack.pages) methods[page.method] = (methods[page.method] ?? 0) + 1
    const kpiRows = options.kpiRows ? kpiCsvRows(pack.source.path, pack) : null
    return {input: input.path, ok: true, output, reason: null, pages: pack.pages.length, methods, warnings: pack.warnings, json: output ? null : json, kpiRows}
  } catch (error) {
    return {input: input.path, ok: false, output: null, reason: failureReason(error), pages: 0, methods: {}, warnings: [], json: null, kpiRows: null}
  }
}

function extractOptions(options: Readonly<BatchOptions>): ExtractOptions {
  const out: ExtractOptions = {}
  if (options.ocr) out.ocr = options.ocr
  if (options.text !== undefined) out.text = options.text
  return out
}

async function writeOutput(path: string, json: string): Promise<void> {
  try {
    await writeAtomic(path, json)
  } catch (error) {
    throw new PackError('io-error', `cannot write ${path}: ${ioReason(error)}`, {cause: error})
  }
}

/** The one-line reason shown for a failed file. */
export function failureReason(error: unknown): string {
  if (error instanceof PackError) return error.message
  const text = error instanceof Error ? error.message : String(error)
  return `internal error: ${text.split('\n')[0]} (this is a bug, please report it)`
}
