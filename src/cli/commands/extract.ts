// `agendapack extract [inputs...]`: packs to validated JSON files, an NDJSON file or stdout, in
// parallel worker threads; one line per file and a summary on stderr; exit 0 / 1 (some failed) / 130 (stopped).
import {fileURLToPath} from 'node:url'
import {existsSync} from 'node:fs'
import {basename, dirname, join, relative} from 'node:path'
import {discoverInputs} from '../../batch/discover.js'
import {runBatch} from '../../batch/run-batch.js'
import {pickShard, type Shard} from '../../batch/shard.js'
import {ioReason} from '../../read/load.js'
import {openKpiCsvFile} from '../../batch/kpi-csv-file.js'
import {writeAtomic} from '../../write/atomic.js'
import {writeNdjsonFile} from '../../write/ndjson.js'
import type {OcrMode} from '../../read/pdf/index.js'
import {formatProblem, formatResult, formatSkipped, formatSummary} from '../../report/format-results.js'
import {buildRunReport} from '../../report/run-report.js'
import {DEFAULT_TIMEOUT_S} from '../defaults.js'
import type {CliIo} from '../io.js'

/** Flags of `extract` as commander gives them. */
export interface ExtractFlags {
  out: string
  ocr: OcrMode
  text: boolean
  format?: 'json' | 'ndjson'
  jobs?: number
  quiet?: boolean
  ocrWorkers?: number
  kpiCsv?: string
  /** Per-pack time limit in seconds; 0 for none. */
  timeout?: number
  /** false with --no-cache. */
  cache?: boolean
  cacheDir?: string
  force?: boolean
  shard?: Shard
  report?: string
}

/** Fixture folders extracted when no input is given (the packs bundled with agendapack). */
const BUNDLED_FOLDERS = ['pdf-text', 'pdf-mixed', 'pdf-scanned', 'markdown', 'text']
/** Exit code of a run stopped by Ctrl-C or kill (128 + SIGINT, the shell convention). */
const EXIT_INTERRUPTED = 130
/** File names that make `-o` name the NDJSON file itself rather than a folder. */
const NDJSON_FILE = /\.(?:ndjson|jsonl)$/i

type Target =
  | {kind: 'stdout'}
  | {kind: 'folder'; dir: string}
  | {kind: 'ndjson-file'; file: string; partsDir: string}

/** Runs the command; returns the exit code. */
export async function runExtract(inputs: string[], flags: ExtractFlags, io: CliIo): Promise<number> {
  const started = performance.now()
  const format = flags.format ?? 'json'
  const discovery = await discoverInputs(inputs.length ? inputs : bundledInputs())
  const shard = flags.shard ?? null
  const files = pickShard(discovery.files, shard)
  // Problems belong to the whole input list: only the first shard names them, so shards add up to the whole.
  const ownsProblems = shard === null || shard.index === 0
  const problems = ownsProblems ? discovery.problems : []
  const skipped = ownsProblems ? discovery.skipped : []
  const target = outputTarget(flags.out, format, shard)
  if (target.kind === 'stdout' && format === 'json' && files.length > 1) {
    io.err(`agendapack: -o - writes one pack to stdout, but ${files.length} inputs were given; name an output folder or use --format ndjson\n`)
    return 2
  }
  for (const problem of problems) io.err(formatProblem(problem, io.colour) + '\n')
  if (!flags.quiet) for (const skip of skipped) io.err(formatSkipped(skip, io.colour) + '\n')

  // The progress display's library is loaded only when it is shown (a terminal).
  const progress = io.interactive && io.errStream && files.length > 0 ? (await import('../progress.js')).createProgress(files.length, io.errStream) : null
  const log = progress ? progress.log : (line: string): void => io.err(line + '\n')
  const stop = new AbortController()
  const unsubscribe = io.onInterrupt(() => stop.abort())
  // KPI rows go to the CSV's temporary file as each pack comes in, never all held at once.
  const kpiCsv = flags.kpiCsv ? await openKpiCsvFile(flags.kpiCsv) : null
  let run
  try {
    run = await runBatch(files, {
      outDir: target.kind === 'stdout' ? null : target.kind === 'folder' ? target.dir : target.partsDir,
      format,
      ocr: flags.ocr,
      text: flags.text,
      ...(flags.jobs ? {jobs: flags.jobs} : {}),
      ...(flags.ocrWorkers ? {ocrWorkers: flags.ocrWorkers} : {}),
      cacheDir: flags.cache === false ? null : (flags.cacheDir ?? io.cacheHome),
      timeoutMs: (flags.timeout ?? DEFAULT_TIMEOUT_S) > 0 ? (flags.timeout ?? DEFAULT_TIMEOUT_S) * 1000 : null,
      force: Boolean(flags.force),
      kpiRows: Boolean(flags.kpiCsv),
      journalSuffix: shard ? `.shard-${shard.index}-of-${shard.count}` : '',
      signal: stop.signal,
      onResult(result) {
        if (result.text) io.out(result.text)
        if (!flags.quiet || !result.ok) log(formatResult(result, io.colour))
        if (result.kpiRows) kpiCsv?.add(result.kpiRows)
      },
      onFinish: (result) => progress?.packDone(result.pages),
      onOcrPage: () => progress?.ocrPage()
    })
  } finally {
    progress?.stop()
    unsubscribe()
    if (!run || run.interrupted) await kpiCsv?.discard()
  }
  let writeFailed = false
  if (target.kind === 'ndjson-file' && !run.interrupted) {
    // every good pack's line, in input order, written atomically
    const lines = run.results.filter((r) => r.ok && r.output).map((r) => r.output!)
    writeFailed = await writeRunFile(target.file, 'NDJSON file', () => writeNdjsonFile(target.file, lines), io)
  }
  // the KPI CSV of every pack that succeeded (header even when none has a table)
  if (kpiCsv && flags.kpiCsv && !run.interrupted) writeFailed = (await writeRunFile(flags.kpiCsv, 'KPI CSV', () => kpiCsv.commit(), io)) || writeFailed
  const report = buildRunReport(run.results, {problems, skipped}, {
    total: files.length,
    shard: shard ? `${shard.index}/${shard.count}` : null,
    interrupted: run.interrupted,
    ocrCache: run.ocrCache,
    seconds: (performance.now() - started) / 1000
  })
  if (flags.report) {
    const path = flags.report
    writeFailed = (await writeRunFile(path, 'report', () => writeAtomic(path, JSON.stringify(report, null, 2) + '\n'), io)) || writeFailed
  }
  if (!flags.quiet && !(target.kind === 'stdout' && format === 'json')) io.err(formatSummary(report, io.colour) + '\n')
  if (files.length === 0 && problems.length === 0 && ownsProblems) io.err('agendapack: no PDF, markdown or text files found in the inputs\n')
  if (run.interrupted) return EXIT_INTERRUPTED
  return run.results.some((r) => !r.ok) || problems.length > 0 || writeFailed ? 1 : 0
}

/** Where the outputs go: stdout (`-`), a folder, or one NDJSON file (`x.ndjson`, or `<folder>/packs.ndjson`). */
function outputTarget(out: string, format: 'json' | 'ndjson', shard: Shard | null): Target {
  if (out === '-') return {kind: 'stdout'}
  if (format === 'json') return {kind: 'folder', dir: out}
  const file = NDJSON_FILE.test(out) ? out : join(out, shard ? `packs.shard-${shard.index}-of-${shard.count}.ndjson` : 'packs.ndjson')
  // Each pack's line is kept in a hidden folder beside the file: it is what an interrupted run resumes from.
  return {kind: 'ndjson-file', file, partsDir: join(dirname(file), `.${basename(file)}.parts`)}
}

/**
 * Writes one of the run's own files (NDJSON, KPI CSV, report); a failure is one error line naming it.
 * @returns true when the write failed
 */
async function writeRunFile(path: string, what: string, write: () => Promise<void>, io: CliIo): Promise<boolean> {
  try {
    await write()
    return false
  } catch (error) {
    io.err(`${io.colour.red('error')} ${path}: cannot write the ${what}: ${ioReason(error)}\n`)
    return true
  }
}

function bundledInputs(): string[] {
  const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
  return BUNDLED_FOLDERS.map((name) => root + name).filter((p) => existsSync(p)).map((p) => relative(process.cwd(), p) || '.')
}
