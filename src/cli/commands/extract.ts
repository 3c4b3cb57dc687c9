// `agendapack extract [inputs...]`: packs to validated JSON files (or stdout with `-o -`), one
// line per file on stderr, a summary, exit code 0 (all ok) or 1 (some failed).
import {fileURLToPath} from 'node:url'
import {existsSync} from 'node:fs'
import {relative} from 'node:path'
import {discoverInputs} from '../../batch/discover.js'
import {runBatch, type FileResult} from '../../batch/run-batch.js'
import {ioReason} from '../../read/load.js'
import {writeAtomic} from '../../write/atomic.js'
import {KPI_CSV_HEADER} from '../../write/kpi-csv.js'
import type {OcrMode} from '../../read/pdf/index.js'
import {formatProblem, formatResult, formatSummary} from '../../report/format-results.js'
import type {CliIo} from '../io.js'

/** Flags of `extract` as commander gives them. */
export interface ExtractFlags {
  out: string
  ocr: OcrMode
  text: boolean
  quiet?: boolean
  ocrWorkers?: number
  kpiCsv?: string
}

/** Fixture folders extracted when no input is given (the packs bundled with agendapack). */
const BUNDLED_FOLDERS = ['pdf-text', 'pdf-mixed', 'pdf-scanned', 'markdown', 'text']

/** Runs the command; returns the exit code. */
export async function runExtract(inputs: string[], flags: ExtractFlags, io: CliIo): Promise<number> {
  const {files, problems} = await discoverInputs(inputs.length ? inputs : bundledInputs())
  const toStdout = flags.out === '-'
  if (toStdout && files.length > 1) {
    io.err(`agendapack: -o - writes one pack to stdout, but ${files.length} inputs were given; name an output folder\n`)
    return 2
  }
  for (const problem of problems) io.err(formatProblem(problem, io.colour) + '\n')
  const results = await runBatch(files, {
    outDir: toStdout ? null : flags.out,
    ocr: flags.ocr,
    text: flags.text,
    ...(flags.ocrWorkers ? {ocrWorkers: flags.ocrWorkers} : {}),
    kpiRows: Boolean(flags.kpiCsv),
    onResult(result) {
      if (result.json) io.out(result.json)
      if (!flags.quiet || !result.ok) io.err(formatResult(result, io.colour) + '\n')
    }
  })
  const csvFailed = flags.kpiCsv ? await writeKpiCsv(flags.kpiCsv, results, io) : false
  if (!flags.quiet && !toStdout) io.err(formatSummary(results, problems.length, io.colour) + '\n')
  if (files.length === 0 && problems.length === 0) io.err('agendapack: no PDF, markdown or text files found in the inputs\n')
  return results.some((r) => !r.ok) || problems.length > 0 || csvFailed ? 1 : 0
}

/** Writes the KPI CSV of every pack that succeeded (header even when none has a table); true on failure. */
async function writeKpiCsv(path: string, results: readonly FileResult[], io: CliIo): Promise<boolean> {
  const lines = [KPI_CSV_HEADER.join(','), ...results.flatMap((r) => r.kpiRows ?? [])]
  try {
    await writeAtomic(path, lines.join('\n') + '\n')
    return false
  } catch (error) {
    io.err(`${io.colour.red('error')} ${path}: cannot write the KPI CSV: ${ioReason(error)}\n`)
    return true
  }
}

function bundledInputs(): string[] {
  const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
  return BUNDLED_FOLDERS.map((name) => root + name).filter((p) => existsSync(p)).map((p) => relative(process.cwd(), p) || '.')
}
