// Compares two Packs of the same seed section by section (agenda, parts, minutes items,
// attendance, reports, KPI cells, glossary, trackers, meeting): each section becomes a multiset of keys and
// the score is F1 against the reference Pack (the seed text's own result).
import type {Pack} from '../src/compile/model.js'

export type Section = 'meeting' | 'agenda' | 'parts' | 'minutesItems' | 'attendance' | 'reports' | 'kpiCells' | 'glossary' | 'trackers'

export const SECTIONS: Section[] = ['meeting', 'agenda', 'parts', 'minutesItems', 'attendance', 'reports', 'kpiCells',
  'glossary', 'trackers']

/** One section's score, with the keys each side has that the other lacks. */
export interface SectionScore {
  f1: number
  reference: number
  candidate: number
  missing: string[]
  extra: string[]
}

export interface CompareOptions {
  /** Compare part page ranges too (only when both Packs have the same pages). */
  pages: boolean
}

/**
 * Scores a candidate Pack against a reference Pack.
 * @returns an F1 per section (1 when both sides are empty)
 */
export function comparePacks(reference: Pack, candidate: Pack, options: CompareOptions): Record<Section, SectionScore> {
  const ref = sectionKeys(reference, options)
  const cand = sectionKeys(candidate, options)
  return Object.fromEntries(SECTIONS.map((s) => [s, score(ref[s], cand[s])])) as Record<Section, SectionScore>
}

/** The keys of every section of a Pack (exported for reports and debugging). */
export function sectionKeys(pack: Pack, options: CompareOptions): Record<Section, string[]> {
  const m = pack.meeting
  return {
    meeting: [m.authority, m.committee, m.date, m.time, m.venue, m.publishedOn].map((v, i) => `${i}:${norm(v)}`),
    agenda: pack.agenda.map((a) => key(a.number, a.title, a.printedPages ? `${a.printedPages.from}-${a.printedPages.to}` : null)),
    parts: pack.parts.map((p) => key(p.kind, p.agendaItem, options.pages ? `${p.pages.from}-${p.pages.to}` : null)),
    minutesItems: pack.minutes.flatMap((mi) => mi.items.map((i) => key(i.number, i.title))),
    attendance: pack.minutes.flatMap((mi) => [
      ...mi.present.map((p) => key('present', p.name)),
      ...mi.apologies.map((p) => key('apologies', p.name)),
      ...mi.appointedMembers.map((p) => key('appointed', p.name))
    ]),
    reports: pack.reports.map((r) => key(r.subject, r.decisionMaker, r.dateOfDecision, r.agendaItem,
      String(r.recommendations.length))),
    // A KPI cell as a person reads it off the page: its row's indicator, its column and what it prints.
    kpiCells: pack.kpiTables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => key(r.indicator, c.column, c.raw)))),
    glossary: pack.glossary.map((g) => key(g.term, g.abbreviation)),
    trackers: pack.trackers.flatMap((t) => t.rows.map((r) => key(r.date, r.title, r.status)))
  }
}

function key(...values: Array<string | null>): string {
  return values.map(norm).join(' | ')
}

/** Case, quotes, dashes and spacing do not count. */
function norm(value: string | null): string {
  if (value === null) return '∅'
  return value.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"')
    .replace(/[‐-―−]/g, '-').replace(/\s+/g, ' ').trim()
}

function score(reference: string[], candidate: string[]): SectionScore {
  const left = new Map<string, number>()
  for (const k of reference) left.set(k, (left.get(k) ?? 0) + 1)
  const extra: string[] = []
  let matched = 0
  for (const k of candidate) {
    const n = left.get(k) ?? 0
    if (n > 0) {
      left.set(k, n - 1)
      matched++
    } else {
      extra.push(k)
    }
  }
  const missing = [...left].flatMap(([k, n]) => Array<string>(n).fill(k))
  const f1 = reference.length + candidate.length === 0 ? 1 : (2 * matched) / (reference.length + candidate.length)
  return {f1, reference: reference.length, candidate: candidate.length, missing, extra}
}
