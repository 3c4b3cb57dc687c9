// Recognisers for the meeting facts a front sheet prints: council names, committee names, the
// "DATE AND TIME" and "VENUE" boxes, "COMMITTEE - THURSDAY, 30 JANUARY 2025" headings.
import {findDates} from '../normalise/date.js'
import {normaliseTime} from '../normalise/time.js'
import {normaliseWhitespace} from '../normalise/whitespace.js'
import type {MarkedLine} from './agenda-lines.js'

/** Most words (≤) in a council or committee name line. */
const MAX_NAME_WORDS = 10
/** Lines (≤) after a label that its value may run onto. */
const MAX_VALUE_LINES = 3

const AUTHORITY = /^(?:the\s+)?(?:(?:london|royal)\s+borough\s+of\s+\S.*|(?:city|county|borough|district|town|township|municipality|village|parish|corporation|council)\s+of\s+(?:the\s+)?\S.*|\S.*\b(?:council|corporation|authority))$/i
/** An office held in a council ("President of Council"), not the council itself. */
const OFFICE = /^(?:the\s+)?(?:president|chair(?:man|woman)?|clerk|mayor|leader|members?|officers?|secretary|head|director|speaker)\b/i
const GENERIC_COUNCIL = /^(?:the\s+)?(?:(?:city|county|borough|district|town|parish|full|community|combined|metropolitan|unitary|local|and|&)\s+)*(?:council|authority|corporation)$/i
const BODY_WORDS = /\b(?:committee|sub-committee|subcommittee|panel|cabinet|board|commission|council|executive|forum|assembly|scrutiny|partnership|group|meeting|tribunal)\b/i
const NAME_CONNECTORS = /^(?:and|of|for|the|&|on|in|-|–|—|with|to)$/i
const NOT_A_NAME = /^(?:members?|role|terms|public|access|dates?|use|rules|details|contact|notice|agenda|minutes|present|apologies|report|please|any|all|this|to)\b/i
const DATE_TIME_LABEL = /^(?:date\s*(?:and|&)\s*time|date\/time|time\s*(?:and|&)\s*date|meeting\s+date|date\s+of\s+meeting)\b\s*:?\s*/i
const VENUE_LABEL = /^(?:venue\b|(?:place|location|where)\s*:)\s*:?\s*/i
const OTHER_LABEL = /^(?:contact|members?|membership|enquiries|ask\s+for|telephone|tel|e-?mail|public\s+information|agenda|date\s+of\s+publication|quorum|purpose)\b/i
/** Stray marks OCR leaves at the ends of a value (box rules read as "|", dots). */
const EDGE_JUNK = /^[\s|.:;,]+|[\s|.:;,]+$/g
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/
const DATED_HEADING = /^(.{3,80}?)\s+[-–—:]\s+((?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*)$/i
const DECISION_DATE = /^date\s+of\s+decision\s*[:|]?\s*(.*)$/i
const DECISION_MAKER = /^decision[-\s–]*maker\s*[:|]?\s*(.*)$/i

/** A date and time read from the page, with how strongly the source speaks for the meeting. */
export interface Sighting {
  date: string | null
  time: string | null
  rank: number
}

/** True for a line naming a council or other authority ("Wexmoor Borough Council", "City of Hermosa Beach"). */
export function isAuthorityLine(text: string): boolean {
  const value = normaliseWhitespace(text)
  if (!isNameShaped(value) || !AUTHORITY.test(value) || OFFICE.test(value)) return false
  return !GENERIC_COUNCIL.test(value)
}

/** True for a line naming a committee or other meeting body ("CHILDREN AND FAMILIES SCRUTINY PANEL", "Cabinet"). */
export function isCommitteeLine(text: string): boolean {
  const value = normaliseWhitespace(text)
  return isNameShaped(value) && BODY_WORDS.test(value) && !NOT_A_NAME.test(value) && !OFFICE.test(value)
}

/** A short name-like line: capitalised words (and connectors), no sentence punctuation, no label colon. */
function isNameShaped(value: string): boolean {
  const words = value.split(' ')
  if (words.length > MAX_NAME_WORDS || /[:;.,!?]$|:|\d/.test(value)) return false
  return words.every((word) => NAME_CONNECTORS.test(word) || /^[\p{Lu}('‘"“]/u.test(word))
}

/** "CABINET - THURSDAY, 30 JANUARY 2025" → the committee part and the date part. */
export function datedHeading(text: string): {committee: string; rest: string} | null {
  const match = DATED_HEADING.exec(normaliseWhitespace(text))
  if (!match || findDates(match[2]!).length === 0) return null
  return isCommitteeLine(match[1]!) || /^[\p{Lu}\s&'’-]+$/u.test(match[1]!) ? {committee: match[1]!, rest: match[2]!} : null
}

/** The value of a label such as "DATE AND TIME" or "VENUE": the rest of its line, or the lines under it. */
export function labelValue(lines: readonly MarkedLine[], index: number, label: RegExp): string {
  const first = normaliseWhitespace(lines[index]!.text.replace(label, ''))
  const out = first ? [first] : []
  for (let i = index + 1; i < lines.length && i <= index + MAX_VALUE_LINES; i++) {
    const line = lines[i]!
    const text = normaliseWhitespace(line.text)
    if (OTHER_LABEL.test(text) || DATE_TIME_LABEL.test(text) || VENUE_LABEL.test(text)) break
    const sameBlock = line.block === lines[i - 1]!.block
    if (!(sameBlock || out.length === 0 || POSTCODE.test(text) && text.split(' ').length <= 3)) break
    out.push(text)
  }
  return normaliseWhitespace(out.join(' ')).replace(EDGE_JUNK, '')
}

/** A date and time from one piece of text (time read after the date where both are printed). */
export function sighting(text: string, rank: number): Sighting | null {
  const date = findDates(text)[0]
  const time = normaliseTime(date ? text.slice(date.index) : text)
  if (!date && !time) return null
  return {date: date?.iso ?? null, time, rank}
}

export {DATE_TIME_LABEL, VENUE_LABEL, DECISION_DATE, DECISION_MAKER}
