// The summary of a batch run as data: packs ok / failed / up to date / skipped, pages by method,
// OCR pages, warnings by code, failures with their reasons and the time taken (for --report).
import type {Discovery} from '../batch/discover.js'
import type {FileResult} from '../batch/run-batch.js'

/** The run summary written by `--report` (and printed as text at the end of a run). */
export interface RunReport {
  report: 'agendapack-run'
  version: 1
  packs: {total: number; ok: number; failed: number; upToDate: number; notRun: number}
  pages: {total: number; byMethod: Record<string, number>}
  warnings: Record<string, number>
  failures: Array<{input: string; reason: string}>
  /** Inputs that could not be listed (missing, link loops): counted as failures. */
  problems: Array<{input: string; reason: string}>
  /** Files met in folders or globs that are not packs. */
  unsupported: Array<{input: string; reason: string}>
  shard: string | null
  interrupted: boolean
  ocrCache: {hits: number; misses: number} | null
  seconds: number
}

/** Extra facts of the run for the report. */
export interface RunFacts {
  /** Inputs of this run (after sharding). */
  total: number
  shard: string | null
  interrupted: boolean
  ocrCache: {hits: number; misses: number} | null
  seconds: number
}

/** Builds the report from the results (input order) and discovery. */
export function buildRunReport(results: readonly FileResult[], discovery: Pick<Discovery, 'problems' | 'skipped'>, facts: RunFacts): RunReport {
  const byMethod: Record<string, number> = {}
  const warnings: Record<string, number> = {}
  let pages = 0
  for (const r of results) {
    pages += r.pages
    for (const [m, n] of Object.entries(r.methods)) byMethod[m] = (byMethod[m] ?? 0) + n
    for (const [c, n] of Object.entries(r.warnings)) warnings[c] = (warnings[c] ?? 0) + n
  }
  const failures = results.filter((r) => !r.ok).map((r) => ({input: r.input, reason: r.reason ?? 'failed'}))
  return {
    report: 'agendapack-run',
    version: 1,
    packs: {
      total: facts.total,
      ok: results.filter((r) => r.ok).length,
      failed: failures.length + discovery.problems.length,
      upToDate: results.filter((r) => r.status === 'up-to-date').length,
      notRun: facts.total - results.length
    },
    pages: {total: pages, byMethod: sortedRecord(byMethod)},
    warnings: sortedRecord(warnings),
    failures,
    problems: discovery.problems.map((p) => ({input: p.path, reason: p.reason})),
    unsupported: discovery.skipped.map((p) => ({input: p.path, reason: p.reason})),
    shard: facts.shard,
    interrupted: facts.interrupted,
    ocrCache: facts.ocrCache,
    seconds: Math.round(facts.seconds * 10) / 10
  }
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
