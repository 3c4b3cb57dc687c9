// Formats batch results as the human report on stderr: one line per file (failures name the
// file and the reason) and a one-screen summary. Returns strings; the CLI writes them.
import type {ChalkInstance} from 'chalk'
import type {FileResult} from '../batch/run-batch.js'
import type {DiscoveryProblem} from '../batch/discover.js'
import type {RunReport} from './run-report.js'

/** One line for a finished file: `ok path → out (12 pages: 10 text-layer, 2 ocr; 1 warning)`. */
export function formatResult(result: FileResult, colour: ChalkInstance): string {
  if (!result.ok) return `${colour.red('error')} ${result.input}: ${result.reason}`
  const methods = Object.entries(result.methods).sort().map(([m, n]) => `${n} ${m}`).join(', ')
  const count = Object.values(result.warnings).reduce((a, b) => a + b, 0)
  const warnings = count ? `; ${plural(count, 'warning')}` : ''
  const target = result.output ? ` → ${result.output}` : ''
  const fresh = result.status === 'up-to-date' ? ', up to date' : ''
  return `${colour.green('ok')} ${result.input}${target} (${plural(result.pages, 'page')}${methods ? ': ' + methods : ''}${warnings}${fresh})`
}

/** One line for an input that could not even be listed. */
export function formatProblem(problem: DiscoveryProblem, colour: ChalkInstance): string {
  return `${colour.red('error')} ${problem.path}: ${problem.reason}`
}

/** One line for a file skipped as not a pack. */
export function formatSkipped(problem: DiscoveryProblem, colour: ChalkInstance): string {
  return `${colour.yellow('skip')} ${problem.path}: ${problem.reason}`
}

/** The closing summary: packs ok / failed, pages by method, warnings by code, time. */
export function formatSummary(report: RunReport, colour: ChalkInstance): string {
  const {packs} = report
  const parts = [`${plural(packs.ok, 'pack')} ok`, packs.failed ? colour.red(`${packs.failed} failed`) : '0 failed']
  if (packs.upToDate) parts.push(`${packs.upToDate} up to date (not redone)`)
  if (report.unsupported.length) parts.push(`${report.unsupported.length} skipped (not packs)`)
  if (report.interrupted) parts.push(colour.yellow(`interrupted: ${packs.notRun} not done, run again to resume`))
  const lines = [`${colour.bold('agendapack')}: ${parts.join(', ')}${report.shard ? ` (shard ${report.shard})` : ''} in ${duration(report.seconds)}`]
  const methods = Object.entries(report.pages.byMethod)
  if (methods.length) lines.push(`  pages: ${report.pages.total} — ${methods.map(([m, n]) => `${n} ${m}`).join(', ')}`)
  const codes = Object.entries(report.warnings)
  if (codes.length) lines.push(`  warnings: ${codes.map(([c, n]) => `${n} ${c}`).join(', ')}`)
  if (report.ocrCache && (report.ocrCache.hits || report.ocrCache.misses)) {
    lines.push(`  OCR cache: ${report.ocrCache.hits} hits, ${report.ocrCache.misses} misses`)
  }
  return lines.join('\n')
}

/** `75.2` → `1 min 15 s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const minutes = Math.floor(seconds / 60)
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
