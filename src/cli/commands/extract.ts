// `agendapack extract [inputs...]`: packs to validated JSON files (or stdout with `-o -`), one
// line per file on stderr, a summary, exit code 0 (all ok) or 1 (some failed).
import {fileURLToPath} from 'node:url'
import {existsSync} from 'node:fs'
import {relative} from 'node:path'
import {discoverInputs} from '../../batch/discover.js'
import {runBatch} from '../../batch/run-batch.js'
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
    onResult(result) {
      if (result.json) io.out(result.json)
      if (!flags.quiet || !result.ok) io.err(formatResult(result, io.colour) + '\n')
    }
  })
  if (!flags.quiet && !toStdout) io.err(formatSummary(results, problems.length, io.colour) + '\n')
  if (files.length === 0 && problems.length === 0) io.err('agendapack: no PDF, markdown or text files found in the inputs\n')
  return results.some((r) => !r.ok) || problems.length > 0 ? 1 : 0
}

function bundledInputs(): string[] {
  const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
  return BUNDLED_FOLDERS.map((name) => root + name).filter((p) => existsSync(p)).map((p) => relative(process.cwd(), p) || '.')
}
