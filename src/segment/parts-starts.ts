// Where each part of the pack begins, and what kind it is: the front sheet and agenda, the pages
// the agenda's printed ranges point at, page-top signals, and the appendices after a report's close.
import type {Part} from '../compile/model.js'
import type {Root} from '../tree/types.js'
import type {AgendaContext} from './agenda-items.js'
import {itemPages, type ItemPages} from './parts-printed.js'
import type {PageSignals} from './parts-signals.js'

/** One part start: its first page, kind, agenda item where known, and what found it. */
export interface PartStart {
  page: number
  kind: Part['kind']
  item: string | null
  source: 'agenda' | 'range' | 'signal' | 'close'
}

/** What the starts were found from. */
export interface StartsResult {
  starts: PartStart[]
  /** First and last page of the agenda, or null. */
  agenda: {from: number; to: number} | null
  /** Page ranges of the agenda items that give printed pages. */
  items: ItemPages[]
}

/** Pages (≤) after a report's cover sheet over which its closing sections may run. */
const MAX_CLOSE_GAP = 1

/** All part starts, sorted by page, at most one per page. */
export function partStarts(tree: Root, context: AgendaContext): StartsResult {
  const starts = new Map<number, PartStart>()
  const agenda = agendaSpan(context)
  if (agenda) {
    if (agenda.from > 1) starts.set(1, {page: 1, kind: 'front-sheet', item: null, source: 'agenda'})
    starts.set(agenda.from, {page: agenda.from, kind: 'agenda', item: null, source: 'agenda'})
  }
  const after = agenda ? agenda.to + 1 : 1
  const items = agenda && context.agenda ? itemPages(tree, context.agenda.items, context.signals, after) : []
  for (const item of items) starts.set(item.from, {page: item.from, kind: rangeKind(context.signals[item.from - 1], item.title), item: item.number, source: 'range'})
  addSignalStarts(starts, context.signals, after)
  addCloseStarts(starts, context.signals, items)
  return {starts: [...starts.values()].sort((a, b) => a.page - b.page), agenda, items}
}

function agendaSpan(context: AgendaContext): {from: number; to: number} | null {
  const agenda = context.agenda
  if (!agenda) return null
  const from = context.lines[agenda.start]!.page
  const last = context.lines[agenda.closing ?? agenda.end - 1] ?? context.lines[context.lines.length - 1]!
  return {from, to: Math.max(from, last.page)}
}

/** Kind of the part an agenda range opens: what its first page shows, else what the item's title says. */
function rangeKind(signal: PageSignals | undefined, title: string): Part['kind'] {
  const shown = signal ? signalKind(signal) : null
  if (shown) return shown
  if (/\bminutes\b/i.test(title)) return 'minutes'
  if (signal?.slide) return 'presentation'
  return signal?.kpi ? 'kpi-report' : 'report'
}

/** Kind of part a page's top opens, or null when it opens none. */
export function signalKind(signal: PageSignals): Part['kind'] | null {
  if (signal.cover) return 'report'
  if (signal.minutes) return 'minutes'
  if (signal.appendix) return signal.glossary ? 'glossary' : signal.tracker ? 'tracker' : 'appendix'
  if (signal.glossary) return 'glossary'
  if (signal.stamp !== null) return 'report'
  return signal.tracker ? 'tracker' : null
}

function addSignalStarts(starts: Map<number, PartStart>, signals: readonly PageSignals[], after: number): void {
  let current: Part['kind'] | null = null
  let appendix: string | null = null
  for (const signal of signals) {
    if (signal.page < after) continue
    const kind = signalKind(signal)
    const known = starts.get(signal.page)
    if (known || kind && !continuesPart(signal, kind, current, appendix)) {
      current = known?.kind ?? kind
      appendix = appendixKey(signal.appendix) ?? signal.minutes
      if (!known && kind) starts.set(signal.page, {page: signal.page, kind, item: signal.stamp || null, source: 'signal'})
    }
  }
}

/** A tracker or glossary going on, or the same appendix or minutes heading repeated on each page, opens nothing new. */
function continuesPart(signal: PageSignals, kind: Part['kind'], current: Part['kind'] | null, appendix: string | null): boolean {
  if (signal.stamp !== null || signal.cover) return false
  if (signal.minutes) return current === 'minutes' && signal.minutes === appendix
  if (signal.appendix) return appendix !== null && appendixKey(signal.appendix) === appendix
  return kind === current && (kind === 'tracker' || kind === 'glossary')
}

/** "APPENDIX F: 2025-28 …" → "F"; the appendix's letter or number, upper-cased. */
function appendixKey(heading: string | null): string | null {
  const match = heading ? /^\S+\s+(?:no\.?\s*)?([0-9]{1,2}[a-z]?|[a-z]|[ivx]{1,4})\b/i.exec(heading.trim()) : null
  return match ? match[1]!.toUpperCase() : null
}

/** After a report's closing sections (background papers…), what follows in the same item is an appendix. */
function addCloseStarts(starts: Map<number, PartStart>, signals: readonly PageSignals[], items: readonly ItemPages[]): void {
  const sorted = [...starts.values()].sort((a, b) => a.page - b.page)
  sorted.forEach(function close(start, index) {
    if (start.kind !== 'report') return
    const item = items.find((range) => range.from <= start.page && (range.to ?? range.from) >= start.page)
    const limit = Math.min(sorted[index + 1]?.page ?? signals.length + 1, item?.to !== null && item ? item.to + 1 : signals.length + 1)
    const end = closingPage(signals, start.page, limit)
    if (end !== null && end + 1 < limit) starts.set(end + 1, {page: end + 1, kind: 'appendix', item: start.item, source: 'close'})
  })
}

/** Last page of a report's closing sections, chained over gaps of MAX_CLOSE_GAP pages, before `limit`. */
function closingPage(signals: readonly PageSignals[], from: number, limit: number): number | null {
  let end: number | null = null
  for (let page = from; page < limit; page++) {
    if (!signals[page - 1]?.reportEnd) continue
    if (end !== null && page - end > MAX_CLOSE_GAP + 1) break
    end = page
  }
  return end
}
