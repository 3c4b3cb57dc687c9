// Finds an agenda printed without an "AGENDA" heading, as small councils print them: a meeting
// notice (a date and a start time) followed by items numbered 1, 2, 3, 4… near the pack's start.
import {itemStart, upperShare, type MarkedLine} from './agenda-lines.js'
import {isMinutesHeading} from './minutes-lines.js'

/** Pages (≤) from the start in which a heading-less agenda can begin. */
const MAX_START_PAGE = 3
/** Items numbered 1 to this (≥) in sequence, each a title, for a heading-less list to be an agenda. */
const MIN_ITEMS = 4
/** Lines (≤) over which those first items must follow one another. */
const MAX_SPAN_LINES = 60
/** Words (≤) of an item title's first line; longer is a numbered paragraph. */
const MAX_TITLE_WORDS = 16
/** Share of capitals (≥) for a title printed in capitals. */
const CAPS_SHARE = 0.8

/** A start time in the notice above the items: "6:30 p.m.", "5:00 PM", "7pm". */
const START_TIME = /\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b/i
/** Lines above the items that show the document is minutes or a report, not a meeting notice. */
const NOT_NOTICE = /^(?:members\s+|councillors\s+)?present\b|^decision[-\s–]*maker\b|^(?:subject|report\s+of|report\s+to|from)\s*:/i
/** A short title line naming minutes ("REGULAR MEETING MINUTES", "Minutes of Council"). */
const MINUTES_TITLE = /\bminutes\b/i
/** Words (≤) of a line above the items that can be the document's title. */
const MAX_TITLE_LINE_WORDS = 8
/** Lines between the items that record what was done (votes, motions): minutes, not an agenda. */
const RECORD_LINE = /^(?:result|motion(?:\s+by)?|moved(?:\s+by)?|second(?:ed)?(?:\s+by)?|ayes|nays|noes|carried|resolved|resolution\s+(?:no\.?\s*)?\d)\b\s*[:.-]?/i

/**
 * Index of item 1 of a heading-less agenda, or null when the lines show none. Rules: item 1 sits
 * on one of the first MAX_START_PAGE pages; items 1…MIN_ITEMS follow in order within
 * MAX_SPAN_LINES lines, each a short title, with no vote or motion recorded between them; the
 * lines above item 1 show a start time and no minutes title, attendance or cover-sheet label.
 */
export function headlessAgendaStart(lines: readonly MarkedLine[]): number | null {
  for (let index = 0; index < lines.length && lines[index]!.page <= MAX_START_PAGE; index++) {
    if (!isTitleItem(lines[index]!, '1')) continue
    const above = lines.slice(0, index)
    if (above.some(showsOtherDocument)) return null
    if (!above.some((line) => START_TIME.test(line.text))) continue
    if (followsInSequence(lines, index)) return index
  }
  return null
}

/** A line above the items naming minutes, attendance or a report's cover sheet. */
function showsOtherDocument(line: MarkedLine): boolean {
  const text = line.text.trim()
  if (isMinutesHeading(text, true) || NOT_NOTICE.test(text)) return true
  return MINUTES_TITLE.test(text) && text.split(/\s+/).length <= MAX_TITLE_LINE_WORDS
}

/** Items 2…MIN_ITEMS follow item 1 in order within MAX_SPAN_LINES lines, with no votes or motions recorded between them. */
function followsInSequence(lines: readonly MarkedLine[], first: number): boolean {
  let expected = 2
  for (let i = first + 1; i < lines.length && i - first <= MAX_SPAN_LINES && expected <= MIN_ITEMS; i++) {
    if (RECORD_LINE.test(lines[i]!.text.trim())) return false
    if (isTitleItem(lines[i]!, String(expected))) expected++
  }
  return expected > MIN_ITEMS
}

/** The line opens item `number` with a title: short, and in capitals or without a closing full stop. */
function isTitleItem(line: MarkedLine, number: string): boolean {
  const start = itemStart(line.text.trim())
  if (!start || start.number !== number || !/^[\p{Lu}"'“‘(]/u.test(start.rest)) return false
  if (start.rest.split(/\s+/).length > MAX_TITLE_WORDS) return false
  return upperShare(start.rest) >= CAPS_SHARE || !/[;,]$/.test(start.rest)
}
