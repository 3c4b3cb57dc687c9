// Where each officer report lies: the parts segmenter's 'report' parts when it found any, else the
// report cover sheets themselves (a cluster of DECISION-MAKER / SUBJECT / From / To rows).
import type {Part} from '../compile/model.js'
import {matchLabel, type LabelKey} from './report-labels.js'
import type {ReportLine} from './report-lines.js'

/** One report's lines and what the parts segmenter knew about it. */
export interface ReportSpan {
  part: string
  agendaItem: string | null
  lines: ReportLine[]
  /** True when the span was found by its cover sheet or a report part (not the whole document). */
  covered: boolean
}

/** Labels that make a cover sheet when two different ones are close together. */
const COVER_KEYS: ReadonlySet<LabelKey> = new Set<LabelKey>(['decisionMaker', 'subject', 'dateOfDecision', 'reportOf', 'from', 'to'])
/** Lines (≤) between two cover labels of the same cover sheet. */
const COVER_WINDOW = 10
/** Lines (≤) before a cover sheet, on its page, still taken into the report (the "Agenda Item 9" stamp, a value OCR put first). */
const LEAD_LINES = 3

/**
 * The reports of a pack: one per report part when the parts segmenter ran, else one per cover sheet
 * found, else (when allowed) the whole document as one report.
 * @param lines every report line of the pack
 * @param parts the parts segmenter's result (may be empty)
 * @param wholeDocument treat the whole document as one report when no cover sheet is found
 */
export function reportSpans(lines: readonly ReportLine[], parts: readonly Part[], wholeDocument: boolean): ReportSpan[] {
  const fromParts = parts.filter((p) => p.kind === 'report').map((p) => ({
    part: p.id, agendaItem: p.agendaItem, covered: true,
    lines: lines.filter((l) => l.page >= p.pages.from && l.page <= p.pages.to)
  }))
  if (parts.length) return fromParts.filter((s) => s.lines.length)
  const starts = coverStarts(lines)
  if (!starts.length) return wholeDocument && lines.length ? [{part: 'report-1', agendaItem: null, lines: [...lines], covered: false}] : []
  return starts.map((start, n) => ({
    part: partFor(parts, lines[start] as ReportLine) ?? `report-${n + 1}`,
    agendaItem: null,
    covered: true,
    lines: lines.slice(leadStart(lines, start, n ? starts[n - 1] as number : -1), starts[n + 1] !== undefined ? leadStart(lines, starts[n + 1] as number, start) : lines.length)
  }))
}

/** Indices of the first label of each cover sheet. */
function coverStarts(lines: readonly ReportLine[]): number[] {
  const labelled = lines.map((l, i) => ({i, key: matchLabel(l.text)?.key})).filter((l) => l.key && COVER_KEYS.has(l.key))
  const out: number[] = []
  let clusterEnd = -1
  labelled.forEach((label, n) => {
    const next = labelled[n + 1]
    const near = next && next.i - label.i <= COVER_WINDOW && next.key !== label.key
    if (label.i <= clusterEnd) { if (near && next) clusterEnd = next.i; return }
    if (!near || !next) return
    out.push(label.i)
    clusterEnd = next.i
  })
  return out
}

/** The start of a report including the lines just before its cover on the same page. */
function leadStart(lines: readonly ReportLine[], start: number, previous: number): number {
  let at = start
  const page = (lines[start] as ReportLine).page
  while (at - 1 > previous && start - (at - 1) <= LEAD_LINES && (lines[at - 1] as ReportLine).page === page) at--
  return at
}

function partFor(parts: readonly Part[], line: ReportLine): string | null {
  return parts.find((p) => line.page >= p.pages.from && line.page <= p.pages.to)?.id ?? null
}
