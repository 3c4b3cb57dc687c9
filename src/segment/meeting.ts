// Finds the meeting the pack is for (authority, committee, date, time, venue, publication date)
// from the front sheet and agenda; minutes headings and report cover sheets are fallbacks only.
// Names are kept as printed (ALL CAPS stays ALL CAPS), with whitespace collapsed.
import type {Meeting} from '../compile/model.js'
import {findDates} from '../normalise/date.js'
import {normaliseWhitespace} from '../normalise/whitespace.js'
import {publicationText, type MarkedLine} from './agenda-lines.js'
import {agendaContext, type AgendaContext} from './agenda-items.js'
import {
  DATE_TIME_LABEL, DECISION_DATE, DECISION_MAKER, VENUE_LABEL, datedHeading, isAuthorityLine, isCommitteeLine,
  labelValue, sighting, type Sighting
} from './meeting-fields.js'
import type {Stage} from './types.js'

/** Pages (≤) read as the front sheet when the pack has no agenda. */
const FRONT_PAGES = 2
/** Lines (≤) from the top of a page where its council and committee names are printed. */
const NAME_TOP_LINES = 15
/** Lines (≤) from the top of a minutes page where the council and committee names sit. */
const MINUTES_TOP_LINES = 4
/** Lines (≤) after a date line that can give its time or venue. */
const FOLLOW_LINES = 3
/** Words (≤) of a capitals heading printed on the same line as a bare meeting date ("BOARD OF ESTIMATES"). */
const BARE_DATE_HEADING_WORDS = 4
/** Times and their joining words, left out when judging what else a date line prints. */
const TIME_WORDS = /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s*[ap]\.?\s?m\b\.?|\b(?:at|noon|midday)\b/gi

const STRONG_BODY = /\b(?:committee|sub-committee|sub committee|panel|cabinet|commission|executive|assembly|forum|tribunal)\b/i
const NOT_COMMITTEE = /\b(?:agenda|minutes|notice|summons|report)\b/i
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i
/** Where a side column (contact box) printed beside the venue begins on the same line. */
const SIDE_COLUMN = /\s*\b(?:ask\s+for|telephone|tel|e-?mail|contact|direct\s+dial)\b\s*:.*$/i
/** The heading of a set of minutes ("Minutes of the meeting held on …", "Draft minutes …"). */
const MINUTES_HEADING = /^(?:[\p{L}]+\s+)?minutes\b/iu
const VENUE_WORDS = /\b(?:room|chamber|hall|house|centre|center|offices?|civic|building|library|suite|online|virtual|teams|zoom|street|road)\b/i

/** Finds the meeting the pack is for (authority, committee, date, time, venue, publication date). */
export const segmentMeeting: Stage = function segmentMeeting() {
  return function meetingTransform(tree, file) {
    file.data.meeting = readMeeting(agendaContext(tree))
  }
}

function readMeeting(context: AgendaContext): Meeting {
  const minutesOnly = isMinutesOnly(context)
  const front = frontLines(context, minutesOnly)
  const head = headLines(context, front)
  const when = bestSighting(front, head, minutesOnly) ?? decisionDate(context.lines)
  return {
    authority: authorityOf(head) ?? minutesHeadName(context, isAuthorityLine),
    committee: committeeOf(head) ?? minutesHeadName(context, isCommitteeName) ?? decisionMaker(context.lines),
    date: when?.date ?? null,
    time: when?.date ? when.time : null,
    venue: venueOf(front),
    publishedOn: publishedOf(front, context)
  }
}

/**
 * Lines of the front sheet and agenda (up to the agenda's closing line), minutes pages left out:
 * they record an earlier meeting. A pack that opens with minutes and has no agenda is itself the
 * minutes of its meeting, so its first pages are its front sheet.
 */
function frontLines(context: AgendaContext, minutesOnly: boolean): MarkedLine[] {
  const {lines, agenda, signals} = context
  const firstPage = lines[0]?.page ?? 1
  const minutesPages = new Set(minutesOnly ? [] : signals.filter((s) => s.minutes).map((s) => s.page))
  const end = agenda ? (agenda.closing ?? agenda.end - 1) + 1 : lines.findIndex((line) => line.page >= firstPage + FRONT_PAGES)
  return lines.slice(0, end === -1 ? lines.length : end).filter((line) => !minutesPages.has(line.page))
}

/** A pack that opens with minutes and has no agenda: it is the minutes of the meeting it is for. */
function isMinutesOnly(context: AgendaContext): boolean {
  const firstPage = context.lines[0]?.page ?? 1
  return !context.agenda && context.signals.some((s) => s.minutes && s.page === firstPage)
}

/** Where names and the meeting date are printed: the top of the first page and the agenda before its items. */
function headLines(context: AgendaContext, front: MarkedLine[]): MarkedLine[] {
  const agenda = context.agenda
  const firstItem = agenda?.indices[0] ?? Number.POSITIVE_INFINITY
  const firstPage = front[0]?.page
  const top = front.filter((line) => line.page === firstPage).slice(0, NAME_TOP_LINES)
  const beforeItems = agenda ? front.filter((line) => line.index >= agenda.start && line.index < firstItem) : []
  const seen = new Set(top.map((line) => line.index))
  return [...top, ...beforeItems.filter((line) => !seen.has(line.index))]
}

function authorityOf(head: MarkedLine[]): string | null {
  const line = head.find((l) => isAuthorityLine(l.text))
  return line ? normaliseWhitespace(line.text) : null
}

function isCommitteeName(text: string): boolean {
  return isCommitteeLine(text) && !isAuthorityLine(text) && !NOT_COMMITTEE.test(text)
}

/** The first committee name at the head, preferring committee/panel/cabinet names to boards or councils. */
function committeeOf(head: MarkedLine[]): string | null {
  const names: string[] = []
  for (const line of head) {
    const dated = datedHeading(line.text)
    if (dated) names.push(dated.committee)
    else if (isCommitteeName(line.text)) names.push(line.text)
  }
  const name = names.find((n) => STRONG_BODY.test(n)) ?? names[0]
  return name ? normaliseWhitespace(name) : null
}

/** A name from the top of the first minutes page (the minutes of an earlier meeting of the same body). */
function minutesHeadName(context: AgendaContext, test: (text: string) => boolean): string | null {
  const page = context.signals.find((s) => s.minutes)
  const line = page?.lines.slice(0, MINUTES_TOP_LINES).find((l) => test(l.text))
  return line ? normaliseWhitespace(line.text) : null
}

/** The decision-maker most report cover sheets name (the committee the reports go to). */
function decisionMaker(lines: MarkedLine[]): string | null {
  return mostCommon(lines.flatMap((line) => {
    const value = DECISION_MAKER.exec(line.text.trim())?.[1]?.trim()
    return value ? [normaliseWhitespace(value)] : []
  }))
}

/** The meeting's date and time: a DATE AND TIME box, a "COMMITTEE - THURSDAY, …" heading, or a dated line at the head. */
function bestSighting(front: MarkedLine[], head: MarkedLine[], minutesOnly: boolean): Sighting | null {
  const found: Sighting[] = []
  front.forEach(function label(line, index) {
    if (!DATE_TIME_LABEL.test(line.text.trim())) return
    const seen = sighting(labelValue(front, index, DATE_TIME_LABEL), 1)
    if (seen) found.push(seen)
  })
  for (const line of head) {
    const dated = datedHeading(line.text)
    const seen = dated ? sighting(dated.rest, 2) : null
    if (seen) found.push(seen)
  }
  found.push(...datedLines(head), ...bareDateLines(head, minutesOnly))
  const dated = found.filter((s) => s.date !== null).sort((a, b) => a.rank - b.rank)
  return dated[0] ?? null
}

/** Head lines printing a weekday and a full date ("Thursday, 30th January, 2025, at 10.00 am"), time maybe on the next line. */
function datedLines(head: MarkedLine[]): Sighting[] {
  const out: Sighting[] = []
  head.forEach(function dated(line, index) {
    if (!WEEKDAY.test(line.text) || publicationText(line.text) !== null || DATE_TIME_LABEL.test(line.text.trim())) return
    const seen = sighting(line.text, 3)
    if (!seen?.date) return
    const next = head[index + 1]
    if (!seen.time && next && next.text.length < 30) seen.time = sighting(next.text, 3)?.time ?? null
    out.push(seen)
  })
  return out
}

/**
 * Head lines that are a full date with at most a time and a short capitals heading ("BOARD OF
 * ESTIMATES March 17, 2010", "January 27, 2020, 7:00 p.m."), or, when the pack is a set of minutes,
 * their heading ("MINUTES OF THE MEETING HELD ON 6 JULY 2023").
 */
function bareDateLines(head: MarkedLine[], minutesOnly: boolean): Sighting[] {
  return head.flatMap(function bare(line) {
    const text = normaliseWhitespace(line.text)
    const date = findDates(text)[0]
    if (!date || publicationText(text) !== null || DATE_TIME_LABEL.test(text)) return []
    const rest = (text.slice(0, date.index) + ' ' + text.slice(date.index + date.text.length)).replace(TIME_WORDS, ' ')
    const words = rest.split(/[\s,]+/).filter((word) => /\p{L}/u.test(word))
    const heading = words.length <= BARE_DATE_HEADING_WORDS && words.every((word) => word === word.toUpperCase())
    const seen = heading || minutesOnly && MINUTES_HEADING.test(text) ? sighting(text, 4) : null
    return seen ? [seen] : []
  })
}

/** Fallback: the date of decision most report cover sheets give (the date of the meeting they go to). */
function decisionDate(lines: MarkedLine[]): Sighting | null {
  const date = mostCommon(lines.flatMap((line) => {
    const value = DECISION_DATE.exec(line.text.trim())?.[1]
    const iso = value ? findDates(value)[0]?.iso : undefined
    return iso ? [iso] : []
  }))
  return date ? {date, time: null, rank: 4} : null
}

/** The VENUE box, or the place printed under the meeting's date line. */
function venueOf(front: MarkedLine[]): string | null {
  const labelled = front.findIndex((line) => VENUE_LABEL.test(line.text.trim()) && line.text.trim().length > 0)
  if (labelled !== -1) {
    const value = labelValue(front, labelled, VENUE_LABEL)
    if (value) return value
  }
  return venueUnderDate(front)
}

function venueUnderDate(front: MarkedLine[]): string | null {
  const dateLine = front.findIndex((line) => WEEKDAY.test(line.text) && findDates(line.text).length > 0 && publicationText(line.text) === null)
  if (dateLine === -1) return null
  const out: string[] = []
  for (const line of front.slice(dateLine + 1, dateLine + 1 + FOLLOW_LINES)) {
    if (findDates(line.text).length > 0 || !(VENUE_WORDS.test(line.text) || out.length > 0 && /,\s*$/.test(out[out.length - 1]!))) break
    if (/^\d{1,2}[.:]\d\d|^\d{1,2}\s*[ap]\.?m/i.test(line.text.trim())) continue
    out.push(line.text.replace(SIDE_COLUMN, '').trim())
  }
  return out.length ? normaliseWhitespace(out.join(' ')).replace(/,$/, '') : null
}

/** "This agenda was published on …", "Date of Publication: …", or the date the agenda is signed off with. */
function publishedOf(front: MarkedLine[], context: AgendaContext): string | null {
  for (const line of front) {
    const text = publicationText(line.text)
    const iso = text ? findDates(text)[0]?.iso : undefined
    if (iso) return iso
  }
  const closing = context.agenda?.closing
  if (closing === null || closing === undefined) return null
  return findDates(context.lines[closing]!.text)[0]?.iso ?? null
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: string | null = null
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value
  return best
}
