// `agendapack regress <fixtures-dir> [--update]`: re-extracts every fixture pack and compares it
// field by field with its golden file (`<file>.pack.json`, or `<file>.error.json` for a pack that must fail).
import {existsSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import {basename, relative} from 'node:path'
import {discoverInputs} from '../../batch/discover.js'
import {runBatch, type FileResult} from '../../batch/run-batch.js'
import {formatDifference, jsonDiff} from '../../report/json-diff.js'
import {writeAtomic} from '../../write/atomic.js'
import type {CliIo} from '../io.js'

/** Flags of `regress`. */
export interface RegressFlags {
  update?: boolean
  jobs?: number
  ocrWorkers?: number
  cache?: boolean
  cacheDir?: string
}

/** Differences listed per pack before the rest are only counted. */
const MAX_DIFFS_SHOWN = 20
const GOLDEN_PACK = '.pack.json'
const GOLDEN_ERROR = '.error.json'
/** Files in a fixtures folder that document it rather than being fixtures. */
const NOT_A_FIXTURE = /^readme(\.[a-z]+)?$/i

/** Runs the command; returns the exit code (1 when any pack differs from its golden file). */
export async function runRegress(folder: string, flags: RegressFlags, io: CliIo): Promise<number> {
  const discovery = await discoverInputs([folder])
  for (const problem of discovery.problems) io.err(`${io.colour.red('error')} ${problem.path}: ${problem.reason}\n`)
  const files = discovery.files.filter((f) => !NOT_A_FIXTURE.test(basename(f.path)))
  const stop = new AbortController()
  const unsubscribe = io.onInterrupt(() => stop.abort())
  const pending: Array<Promise<boolean>> = []
  let differing = 0
  let checked = 0
  try {
    const run = await runBatch(files, {
      outDir: null, format: 'json', ocr: 'auto', text: true, force: true, kpiRows: false, journalSuffix: '',
      timeoutMs: null, recordRoot: folder, signal: stop.signal,
      cacheDir: flags.cache === false ? null : (flags.cacheDir ?? io.cacheHome),
      ...(flags.jobs ? {jobs: flags.jobs} : {}),
      ...(flags.ocrWorkers ? {ocrWorkers: flags.ocrWorkers} : {}),
      onResult(result) {
        // The runner drops the text after this call: it is taken now, the comparison awaited below.
        const got = result.ok ? result.text ?? '' : JSON.stringify({error: result.reason ?? 'failed'}, null, 2) + '\n'
        pending.push(compare(result, got, Boolean(flags.update), folder, io))
      }
    })
    const outcomes = await Promise.all(pending)
    checked = outcomes.length
    differing = outcomes.filter((same) => !same).length
    if (run.interrupted) return 130
  } finally {
    unsubscribe()
  }
  const verb = flags.update ? 'updated' : 'match their golden files'
  io.err(flags.update ? `agendapack regress: ${checked} golden files ${verb}\n`
    : `agendapack regress: ${checked - differing} of ${checked} packs ${verb}${differing ? io.colour.red(`, ${differing} differ`) : ''}\n`)
  return differing > 0 || discovery.problems.length > 0 ? 1 : 0
}

/** Compares (or, with update, rewrites) one pack's golden file; true when it matches. */
async function compare(result: FileResult, got: string, update: boolean, folder: string, io: CliIo): Promise<boolean> {
  const packGolden = result.input + GOLDEN_PACK
  const errorGolden = result.input + GOLDEN_ERROR
  const name = relative(folder, result.input)
  if (update) {
    await writeAtomic(result.ok ? packGolden : errorGolden, got)
    await rm(result.ok ? errorGolden : packGolden, {force: true})
    return true
  }
  const golden = existsSync(packGolden) ? packGolden : existsSync(errorGolden) ? errorGolden : null
  if (golden === null) {
    io.err(`${io.colour.red('differs')} ${name}: no golden file (${basename(packGolden)}); run agendapack regress --update\n`)
    return false
  }
  const expected = await readFile(golden, 'utf8')
  if (expected === got) return true
  const lines = golden === packGolden && !result.ok
    ? [`(outcome): expected a pack, got the failure ${JSON.stringify(result.reason)}`]
    : golden === errorGolden && result.ok
      ? [`(outcome): expected the failure ${JSON.stringify((JSON.parse(expected) as {error: string}).error)}, got a pack`]
      : jsonDiff(JSON.parse(expected), JSON.parse(got)).map(formatDifference)
  if (lines.length === 0) lines.push('(formatting): the same fields, other bytes')
  const shown = lines.slice(0, MAX_DIFFS_SHOWN).map((l) => `  ${l}\n`).join('')
  const more = lines.length > MAX_DIFFS_SHOWN ? `  … and ${lines.length - MAX_DIFFS_SHOWN} more\n` : ''
  io.err(`${io.colour.red('differs')} ${name}: ${lines.length} difference${lines.length === 1 ? '' : 's'}\n${shown}${more}`)
  return false
}
