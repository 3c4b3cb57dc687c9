// Finds the officer reports: cover sheet fields, contacts, recommendations, paragraphs.
// Leaves its result on file.data.reports (one Report per report part, in pack order).
import type {VFile} from 'vfile'
import type {AgendaItem, Report} from '../compile/model.js'
import {report} from '../messages.js'
import {normaliseDate} from '../normalise/date.js'
import type {Root} from '../tree/types.js'
import {reportParagraphs} from './report-body.js'
import {reportContacts} from './report-contacts.js'
import {scanCover, type CoverScan} from './report-fields.js'
import {headingKind, matchLabel} from './report-labels.js'
import {joinReportLines, reportLines, type ReportLine} from './report-lines.js'
import {appendixEntries, recommendationPoints} from './report-points.js'
import {reportSpans, type ReportSpan} from './report-spans.js'
import type {Stage} from './types.js'

/** "Agenda Item 9", "Agenda Item No 7", "AGENDA ITEM 4a" stamped at the top of a report. */
const AGENDA_STAMP = /^agenda\s+item\s+(?:no\.?\s*)?(\d{1,2}[a-z]?(?:\.\d{1,2})?)\b/i
/** Share (0–1) of a subject's words an agenda title must hold to be the report's item. */
const AGENDA_MATCH_MIN = 0.6
/** Lines (≤) at the top of a report searched for its agenda stamp and, without a cover, its title. */
const TOP_LINES = 12
/** Words (≤) in a line at the top of a report that may state its date. */
const TITLE_MAX_WORDS = 8
/** Words (≤) in a value whose final full stop is dropped ("None." → "None"). */
const SHORT_VALUE_WORDS = 12

/** Finds the officer reports: cover sheet fields, contacts, recommendations, paragraphs. */
export const segmentReportCover: Stage = function segmentReportCover() {
  return function reportsTransform(tree: Root, file: VFile): void {
    const agenda = file.data.agenda ?? []
    const parts = file.data.parts ?? []
    const whole = agenda.length === 0 && !parts.some((p) => p.kind === 'minutes' || p.kind === 'agenda')
    const spans = reportSpans(reportLines(tree), parts, whole)
    file.data.reports = spans.map((span) => {
      const made = readReport(span, agenda)
      if (agenda.length && made.agendaItem === null) {
        report(file, 'agenda-item-unmatched', `Unexpected report "${made.subject ?? made.part}" without an agenda item, expected an "Agenda Item" stamp or a matching agenda title`, span.lines[0]?.page ?? null)
      }
      return made
    })
  }
}

function readReport(span: ReportSpan, agenda: readonly AgendaItem[]): Report {
  const scan = scanCover(span.lines)
  const cover = isCover(scan)
  const {values, sections} = scan
  const title = cover ? null : titleLine(span.lines)
  const subject = shortValue(values.subject) ?? (title !== null ? span.lines[title]?.text ?? null : null)
  const to = values.to ?? null
  const dateText = values.dateOfDecision ?? values.dateOfReport ?? to ?? (cover ? null : topText(span.lines))
  const bodyStart = cover ? scan.bodyStart : (title ?? -1) + 1
  const bodyEnd = cover ? scan.bodyEnd : Math.max(scan.bodyEnd, bodyStart ?? 0)
  return {
    part: span.part,
    agendaItem: span.agendaItem ?? stampedItem(span.lines) ?? agendaFor(subject, agenda),
    decisionMaker: shortValue(values.decisionMaker) ?? (to ? withoutDate(to) : null),
    subject,
    dateOfDecision: dateText ? normaliseDate(dateText) : null,
    reportOf: shortValue(values.reportOf ?? values.from),
    contacts: sections.contacts ? reportContacts(joinReportLines(sections.contacts)) : [],
    confidentiality: sectionText(sections.confidentiality) ?? shortValue(values.classification),
    briefSummary: sections.briefSummary?.length ? joinReportLines(sections.briefSummary) : null,
    recommendations: sections.recommendations ? recommendationPoints(sections.recommendations) : [],
    keyDecision: yesNo(values.keyDecision),
    wardsAffected: shortValue(values.wardsAffected),
    appendices: sections.appendices ? appendixEntries(sections.appendices) : [],
    paragraphs: bodyStart === null ? [] : reportParagraphs(span.lines.slice(bodyStart, bodyEnd))
  }
}

/** A cover sheet was read when it names the decision, the subject or who reports, or recommends. */
function isCover(scan: CoverScan): boolean {
  const {values, sections} = scan
  return Boolean(values.decisionMaker ?? values.subject ?? values.to ?? values.reportOf ?? values.from ?? (sections.recommendations && values.dateOfDecision))
}

/** Without a cover sheet: the report's title, the first heading-like line at its top. */
function titleLine(lines: readonly ReportLine[]): number | null {
  const top = lines.slice(0, TOP_LINES)
  const at = top.findIndex((l) => !matchLabel(l.text) && (l.blockType === 'heading' || headingKind(l) !== null))
  return at === -1 ? (lines.length ? 0 : null) : at
}

/** The short lines at the top of a report without a cover sheet, where its date is printed. */
function topText(lines: readonly ReportLine[]): string {
  return lines.slice(0, TOP_LINES).filter((l) => l.text.split(' ').length <= TITLE_MAX_WORDS && /\d{4}/.test(l.text)).map((l) => l.text).join('\n')
}

function stampedItem(lines: readonly ReportLine[]): string | null {
  for (const line of lines.slice(0, TOP_LINES)) {
    const found = AGENDA_STAMP.exec(line.text)
    if (found) return found[1] as string
  }
  return null
}

/** The agenda item whose title holds most of the subject's words. */
function agendaFor(subject: string | null, agenda: readonly AgendaItem[]): string | null {
  const wanted = words(subject ?? '')
  if (!wanted.size) return null
  let best: {number: string; score: number} | null = null
  for (const item of agenda) {
    if (!item.number) continue
    const have = words(item.title)
    const score = [...wanted].filter((w) => have.has(w)).length / wanted.size
    if (score >= AGENDA_MATCH_MIN && (!best || score > best.score)) best = {number: item.number, score}
  }
  return best?.number ?? null
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && w !== 'and' && w !== 'the'))
}

function withoutDate(text: string): string | null {
  const cut = text.replace(/\s*[-–—,]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+,?\s+\d{4}.*$/iu, '').trim()
  return cut || null
}

function sectionText(lines: ReportLine[] | undefined): string | null {
  return lines?.length ? shortValue(joinReportLines(lines)) : null
}

/** A value tidied: spaces collapsed, a lone final full stop dropped from a short value. */
function shortValue(value: string | undefined): string | null {
  if (!value) return null
  const text = value.replace(/\s+/g, ' ').trim()
  if (!text) return null
  const short = text.split(' ').length <= SHORT_VALUE_WORDS && !/\.\s/.test(text)
  return short ? text.replace(/\.$/, '') : text
}

function yesNo(value: string | undefined): boolean | null {
  const found = /^\W*(yes|no)\b/i.exec(value ?? '')
  return found ? (found[1] as string).toLowerCase() === 'yes' : null
}
