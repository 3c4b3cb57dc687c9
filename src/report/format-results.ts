// Formats batch results as the human report on stderr: one line per file (failures name the
// file and the reason) and a short summary. Returns strings; the CLI writes them.
import type {ChalkInstance} from 'chalk'
import type {FileResult} from '../batch/run-batch.js'
import type {DiscoveryProblem} from '../batch/discover.js'

/** One line for a finished file: `ok path → out (12 pages: 10 text-layer, 2 ocr; 1 warning)`. */
export function formatResult(result: FileResult, colour: ChalkInstance): string {
  if (!result.ok) return `${colour.red('error')} ${result.input}: ${result.reason}`
  const methods = Object.entries(result.methods).sort().map(([m, n]) => `${n} ${m}`).join(', ')
  const warnings = result.warnings.length ? `; ${plural(result.warnings.length, 'warning')}` : ''
  const target = result.output ? ` → ${result.output}` : ''
  return `${colour.green('ok')} ${result.input}${target} (${plural(result.pages, 'page')}${methods ? ': ' + methods : ''}${warnings})`
}

/** One line for an input that could not even be listed. */
export function formatProblem(problem: DiscoveryProblem, colour: ChalkInstance): string {
  return `${colour.red('error')} ${problem.path}: ${problem.reason}`
}

/** Closing summary: counts of packs, pages by method and warnings by code. */
export function formatSummary(results: readonly FileResult[], problems: number, colour: ChalkInstance): string {
  const failed = results.filter((r) => !r.ok).length + problems
  const ok = results.length - results.filter((r) => !r.ok).length
  const methods = new Map<string, number>()
  const codes = new Map<string, number>()
  for (const r of results) {
    for (const [m, n] of Object.entries(r.methods)) methods.set(m, (methods.get(m) ?? 0) + n)
    for (const w of r.warnings) codes.set(w.code, (codes.get(w.code) ?? 0) + 1)
  }
  const lines = [`${colour.bold('agendapack')}: ${plural(ok, 'pack')} ok, ${failed ? colour.red(failed + ' failed') : '0 failed'}`]
  if (methods.size) lines.push(`  pages: ${[...methods].sort().map(([m, n]) => `${n} ${m}`).join(', ')}`)
  if (codes.size) lines.push(`  warnings: ${[...codes].sort().map(([c, n]) => `${n} ${c}`).join(', ')}`)
  return lines.join('\n')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
