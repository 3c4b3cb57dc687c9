// Finds the parts of the pack (front sheet, agenda, minutes, reports, appendices…) covering every
// page in order, linked to agenda items; leaves them on file.data.parts, ids "p1", "p2"… in order.
// Titles: the agenda item's title where the part is linked (else the report subject or minutes
// heading), "Appendix N" for appendices, or the title the report's list of appendices gives.
import type {Part} from '../compile/model.js'
import {report} from '../messages.js'
import {normaliseWhitespace} from '../normalise/whitespace.js'
import {isAgendaHeading, type MarkedLine} from './agenda-lines.js'
import {agendaContext, type AgendaContext} from './agenda-items.js'
import type {PageSignals} from './parts-signals.js'
import {partStarts, type PartStart} from './parts-starts.js'
import {appendixList, firstLineTitle, subjectOf, titlesMatch} from './parts-title.js'
import type {Stage} from './types.js'

/** Kinds that belong to a report before them (its appendices). */
const CHILD_KINDS = new Set<Part['kind']>(['appendix', 'glossary', 'tracker', 'presentation', 'kpi-report'])
/** Share of a part's pages (≥) that must look like slides for it to be a presentation. */
const SLIDE_SHARE = 0.6
/** Share of a part's pages (≥) dominated by figures for a standalone part to be a KPI report. */
const KPI_SHARE = 0.5
/** Words that name a stand-alone document as a report when the pack has no cover sheets. */
const REPORT_WORDS = /\b(?:report|evaluation|assessment|review|strategy|plan|update|briefing|summary)\b/i

/** A part while it is being built. */
interface Draft extends Part {
  start: PartStart
}

/** Finds the parts of the pack (front sheet, agenda, minutes, reports, appendices…) covering every page. */
export const segmentParts: Stage = function segmentParts() {
  return function partsTransform(tree, file) {
    const context = agendaContext(tree)
    const pageCount = tree.children.length
    if (pageCount === 0) {
      file.data.parts = []
      return
    }
    const {starts, items} = partStarts(tree, context)
    const drafts = buildDrafts(starts, pageCount, context)
    linkItems(drafts, items, context)
    linkParents(drafts, context.signals)
    nameParts(drafts, context)
    for (const part of drafts) {
      if (part.kind !== 'report' || part.agendaItem !== null || !context.agenda?.items.length) continue
      report(file, 'agenda-item-unmatched', `Report${part.title ? ` "${part.title}"` : ''} on page ${part.pages.from} matches no agenda item`, part.pages.from)
    }
    file.data.parts = drafts.map(({start: _start, ...part}) => part)
  }
}

/** One draft per start, each running to the page before the next; pages before the first start are one part. */
function buildDrafts(starts: PartStart[], pageCount: number, context: AgendaContext): Draft[] {
  const all = [...starts]
  if (all.length === 0 || all[0]!.page > 1) all.unshift({page: 1, kind: leadingKind(context, all[0]?.page ?? pageCount + 1), item: null, source: 'signal'})
  return all.map(function draft(start, index): Draft {
    const to = (all[index + 1]?.page ?? pageCount + 1) - 1
    return {id: `p${index + 1}`, kind: refineKind(start, context.signals, start.page, to), title: null, agendaItem: start.item, pages: {from: start.page, to}, parent: null, start}
  })
}

/** Kind of the pages before any visible start: a stand-alone report, minutes, or something else. */
function leadingKind(context: AgendaContext, before: number): Part['kind'] {
  const pages = context.signals.slice(0, before - 1)
  const top = pages[0]?.lines.slice(0, 8).map((line) => line.text) ?? []
  if (pages.some((p) => p.minutes)) return 'minutes'
  if (share(pages, (p) => p.kpi) >= KPI_SHARE) return 'kpi-report'
  return top.some((text) => REPORT_WORDS.test(text)) ? 'report' : 'other'
}

/** Appendices made mostly of slides are presentations; a stamped page in a report's item is its appendix. */
function refineKind(start: PartStart, signals: readonly PageSignals[], from: number, to: number): Part['kind'] {
  const pages = signals.slice(from - 1, to)
  if (start.kind === 'appendix' && pages.length > 1 && share(pages, (p) => p.slide) >= SLIDE_SHARE) return 'presentation'
  if (start.kind === 'appendix' && !signals[from - 1]?.appendix && share(pages, (p) => p.kpi) >= KPI_SHARE) return 'appendix'
  return start.kind
}

function share(pages: readonly PageSignals[], test: (page: PageSignals) => boolean): number {
  return pages.length ? pages.filter(test).length / pages.length : 0
}

/** Agenda items: from the printed ranges and stamps already on the start, else by subject ↔ title. */
function linkItems(drafts: Draft[], items: ReturnType<typeof partStarts>['items'], context: AgendaContext): void {
  const agendaItems = context.agenda?.items ?? []
  for (const part of drafts) {
    if (part.kind === 'front-sheet' || part.kind === 'agenda') continue
    const inRange = items.find((item) => item.from <= part.pages.from && (item.to ?? item.from) >= part.pages.from)
    part.agendaItem ??= inRange?.number ?? null
    if (part.agendaItem !== null) continue
    const title = titleOf(part, context)
    const match = title ? agendaItems.find((item) => item.number !== null && titlesMatch(item.title, title)) : undefined
    if (match) part.agendaItem = match.number
    else if (part.kind === 'minutes') part.agendaItem = agendaItems.find((item) => /\bminutes\b/i.test(item.title))?.number ?? null
  }
}

/**
 * Appendices, glossaries, trackers and presentations after a report of the same item belong to it;
 * a KPI report standing alone (no report before it) owns those after it in the same way.
 */
function linkParents(drafts: Draft[], signals: readonly PageSignals[]): void {
  let owner: Draft | null = null
  for (const part of drafts) {
    if (part.kind === 'report' && isStampedAppendix(part, owner, signals)) part.kind = 'appendix'
    if (part.kind === 'kpi-report' && !owner) {
      owner = part
      continue
    }
    if (!CHILD_KINDS.has(part.kind)) {
      owner = part.kind === 'report' ? part : null
      continue
    }
    if (!owner || part.agendaItem !== null && owner.agendaItem !== null && part.agendaItem !== owner.agendaItem) continue
    part.parent = owner.id
    part.agendaItem ??= owner.agendaItem
  }
}

/** A page stamped "Agenda Item N" without a cover sheet, after a report of item N, is that report's appendix. */
function isStampedAppendix(part: Draft, owner: Draft | null, signals: readonly PageSignals[]): boolean {
  if (!owner || part.start.source !== 'signal' || signals[part.pages.from - 1]?.cover) return false
  return part.agendaItem !== null && part.agendaItem === owner.agendaItem
}

/** Titles: agenda heading, minutes heading, report subject, appendix heading or listed title. */
function nameParts(drafts: Draft[], context: AgendaContext): void {
  const owners = new Map(drafts.map((part) => [part.id, part]))
  const ordinal = new Map<string, number>()
  for (const part of drafts) {
    let title = titleOf(part, context)
    if (part.parent) {
      const count = (ordinal.get(part.parent) ?? 0) + 1
      ordinal.set(part.parent, count)
      title ??= appendixList(pageLines(owners.get(part.parent)!, context)).get(String(count)) ?? null
    }
    const fallback = part.kind === 'front-sheet' || part.kind === 'other' ? null : firstLineTitle(pageLines(part, context))
    part.title = (title ?? fallback) || null
  }
}

function titleOf(part: Draft, context: AgendaContext): string | null {
  const signal = context.signals[part.pages.from - 1]
  const lines = pageLines(part, context)
  const item = context.agenda?.items.find((i) => i.number !== null && i.number === part.agendaItem)
  switch (part.kind) {
    case 'agenda': return tidy(lines.find((line) => isAgendaHeading(line.text))?.text) ?? 'AGENDA'
    case 'minutes': return item?.title ?? tidy(signal?.minutes) ?? null
    case 'report': return item?.title ?? subjectOf(lines.slice(0, 40))
    case 'appendix': case 'glossary': case 'tracker': return appendixLabel(signal?.appendix) ?? (part.kind === 'glossary' ? tidy(signal?.glossary) : null)
    default: return null
  }
}

function pageLines(part: Part, context: AgendaContext): MarkedLine[] {
  return context.signals.slice(part.pages.from - 1, part.pages.to).flatMap((signal) => signal.lines)
}

/** "Appendix 2 - Glossary of terms" → "Appendix 2": the label an appendix is known by. */
function appendixLabel(heading: string | null | undefined): string | null {
  const match = heading ? /^\S+\s+(?:no\.?\s*)?[0-9A-Za-z]{1,4}\b/.exec(normaliseWhitespace(heading)) : null
  return match ? match[0] : null
}

function tidy(text: string | null | undefined): string | null {
  return text ? normaliseWhitespace(text) : null
}
