// Titles of pack parts (report subjects, appendix lists) and the word-overlap test that matches
// a report's subject to an agenda item's title.
import {normaliseWhitespace} from '../normalise/whitespace.js'
import {upperShare, type MarkedLine} from './agenda-lines.js'

/** Lines (≤) a cover sheet's subject may run onto. */
const MAX_SUBJECT_LINES = 3
/** Share of the shorter title's words (≥) found in the other for a subject to match an agenda title. */
const MIN_TITLE_OVERLAP = 0.7
/** Words (≤) in a first line used as a part's title. */
const MAX_TITLE_WORDS = 14

const SUBJECT = /^(?:subject|title of report|report title)\s*[:|]\s*(.*)$/i
const LABEL = /^[\p{L}][\p{L} /'’&()-]{1,40}\s*[:|]/u
const APPENDICES = /^(?:appendices|appendix)\s*:?$/i
const LIST_ENTRY = /^(\d{1,2}|[A-Z])[.)]?\s+(\S.*)$/
const LIST_NUMBER = /^(\d{1,2}|[A-Z])[.)]?$/
const STAMP_PREFIX = /^agenda\s+item\s*(?:no\.?\s*)?\d{1,3}[a-z]?\s*[:.\-–—]\s*/i
const STOP_WORDS = new Set(['the', 'and', 'of', 'for', 'a', 'an', 'to', 'in', 'on', 'report', 'item'])

/** The subject a report's cover sheet prints ("SUBJECT: CHILDREN'S SERVICES … AND" + "PERFORMANCE"). */
export function subjectOf(lines: readonly MarkedLine[]): string | null {
  const index = lines.findIndex((line) => SUBJECT.test(line.text.trim()))
  if (index === -1) return null
  const parts = [SUBJECT.exec(lines[index]!.text.trim())![1]!]
  const caps = upperShare(parts[0]!) >= 0.8
  for (const line of lines.slice(index + 1, index + 1 + MAX_SUBJECT_LINES)) {
    const text = line.text.trim()
    if (LABEL.test(text) || line.block !== lines[index]!.block && !caps) break
    if (caps && upperShare(text) < 0.8) break
    parts.push(text)
  }
  const subject = normaliseWhitespace(parts.join(' '))
  return subject || null
}

/** The report's list of appendices ("Appendices" then "1. Title" lines) as number → title. */
export function appendixList(lines: readonly MarkedLine[]): Map<string, string> {
  const out = new Map<string, string>()
  const index = lines.findIndex((line) => APPENDICES.test(line.text.trim()))
  if (index === -1) return out
  let pending: string | null = null
  for (const line of lines.slice(index + 1)) {
    const text = line.text.trim()
    const entry = LIST_ENTRY.exec(text)
    const alone = LIST_NUMBER.exec(text)
    if (alone) pending = alone[1]!
    else if (entry) out.set(entry[1]!, normaliseWhitespace(entry[2]!))
    else if (pending) out.set(pending, normaliseWhitespace(text))
    else break
    if (!alone) pending = null
  }
  return out
}

/** A short first line to name a part by when nothing better is printed. */
export function firstLineTitle(lines: readonly MarkedLine[]): string | null {
  const line = lines.find((l) => /\p{L}{3}/u.test(l.text) && l.cells === null)
  if (!line) return null
  const text = normaliseWhitespace(line.text).replace(STAMP_PREFIX, '')
  return text && text.split(' ').length <= MAX_TITLE_WORDS ? text : null
}

/** True when two titles share most of their words ("EARLY HELP AND PREVENTION" ↔ "Early Help and Prevention"). */
export function titlesMatch(a: string, b: string): boolean {
  const left = words(a)
  const right = words(b)
  if (left.size < 1 || right.size < 1) return false
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared >= Math.min(2, left.size, right.size) && shared / Math.min(left.size, right.size) >= MIN_TITLE_OVERLAP
}

function words(text: string): Set<string> {
  const cleaned = text.toLowerCase().replace(/^\s*\d+\/\d+\s*[-–—]\s*/, '').replace(/['’]s\b/g, '')
  return new Set(cleaned.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && !STOP_WORDS.has(word)))
}
