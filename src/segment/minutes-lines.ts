// Where the minutes are in a pack: the lines of each minutes part (from file.data.parts, or found
// from "MINUTES OF THE MEETING HELD ON …" headings when no parts were made), markers put back.
import type {Part} from '../compile/model.js'
import type {Root} from '../tree/types.js'
import {documentLines, type DocLine} from './lines.js'

/** A body line of the minutes with its list marker put back and markdown emphasis taken off. */
export interface MinuteLine {
  line: DocLine
  text: string
}

/** The lines of one minutes part, from its heading to where the minutes end. */
export interface MinutesRegion {
  part: string
  /** The heading lines ("MINUTES OF THE MEETING HELD ON …" and a date line after it), may be empty. */
  heading: MinuteLine[]
  /** Everything after the heading: attendance, items, resolutions. */
  body: MinuteLine[]
}

/** Lines (≤) from the top of a minutes part in which its heading is looked for. */
const HEADING_SEARCH_LINES = 12
/** Lines (≤) from the top of a page in which a minutes heading can open minutes without parts. */
const HEADING_TOP_LINES = 6
/** Lines (≤) a minutes heading can run over ("MINUTES of a meeting … held in …" / "… on 13 March 2025"). */
const HEADING_MAX_LINES = 3
/** Lines (≤) after a heading in which "Present:" confirms minutes start there. */
const PRESENT_AFTER_HEADING = 6

const MINUTES_HEADING = /^(?:(?:draft|printed|confirmed|unconfirmed|signed|public)\s+)?minutes\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?!(?:previous|last|earlier)\b)\S/i
const BARE_HEADING = /^(?:(?:draft|printed|confirmed|unconfirmed|signed|public)\s+)?minutes:?$/i
const NOT_HEADING = /\b(?:previous|last)\s+meeting\b|\bbe\s+(?:approved|noted|signed|agreed)\b/i
const PRESENT = /^(?:members\s+|councillors\s+)?present\b/i
const END_OF_MINUTES = /^this\s+page\s+is\s+intentionally\s+left\s+blank\.?$|^decision[-\s–]*maker\s*[:|]|^agenda\s+item\s*(?:no\.?\s*)?\d{0,3}[a-z]?\.?$/i

/**
 * True for a minutes heading line: "MINUTES OF THE MEETING HELD ON 6 JULY 2023", "MINUTES of a meeting …";
 * with `bare`, a lone "MINUTES" / "Draft Minutes" too (trusted only at the top of a minutes part).
 */
export function isMinutesHeading(text: string, bare = false): boolean {
  const value = text.trim()
  if (bare && BARE_HEADING.test(value)) return true
  return MINUTES_HEADING.test(value) && !NOT_HEADING.test(value)
}

/** The minutes regions of the tree: one per minutes part, or found from headings when there are no parts. */
export function minutesRegions(tree: Root, parts: readonly Part[] | undefined, fallbackId: (n: number) => string): MinutesRegion[] {
  const lines = minuteLines(tree)
  const minuteParts = (parts ?? []).filter((part) => part.kind === 'minutes')
  if (parts && parts.length) return minuteParts.map((part) => regionOfPart(lines, part))
  return headingStarts(lines).map((start, n, starts) => {
    const end = starts[n + 1] ?? lines.length
    return splitHeading(fallbackId(n + 1), cutAtEnd(lines.slice(start, end), 1))
  })
}

/** Body lines of the tree (numbered list markers already in front, from documentLines) with `**` emphasis removed. */
export function minuteLines(tree: Root): MinuteLine[] {
  return documentLines(tree)
    .map((line) => ({line, text: line.text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim()}))
    .filter((entry) => entry.text.length > 0)
}

/**
 * The lines of a minutes part from its heading on. When the part's top has no heading but the page
 * before ends with one (the part was made to start a page late), the minutes start at that heading.
 */
function regionOfPart(lines: readonly MinuteLine[], part: Part): MinutesRegion {
  const own = lines.filter((entry) => entry.line.page >= part.pages.from && entry.line.page <= part.pages.to)
  let at = own.slice(0, HEADING_SEARCH_LINES).findIndex((entry) => isMinutesHeading(entry.text))
  if (at < 0) at = own.slice(0, HEADING_SEARCH_LINES).findIndex((entry) => isMinutesHeading(entry.text, true))
  if (at < 0) {
    const before = lines.filter((entry) => entry.line.page === part.pages.from - 1)
    const back = before.findLastIndex((entry) => isMinutesHeading(entry.text))
    if (back >= 0) return splitHeading(part.id, cutAtEnd([...before.slice(back), ...own], 1))
  }
  return splitHeading(part.id, cutAtEnd(at > 0 ? own.slice(at) : own, at >= 0 ? 1 : 0))
}

/** Where minutes start in a pack without parts: a heading near a page top or followed by "Present". */
function headingStarts(lines: readonly MinuteLine[]): number[] {
  const out: number[] = []
  let pageStart = 0
  lines.forEach(function check(entry, i) {
    if (i > 0 && entry.line.page !== lines[i - 1]!.line.page) pageStart = i
    if (!isMinutesHeading(entry.text)) return
    const nearTop = i - pageStart < HEADING_TOP_LINES
    const present = lines.slice(i + 1, i + 1 + PRESENT_AFTER_HEADING).some((next) => PRESENT.test(next.text))
    if (nearTop || present) out.push(i)
  })
  return out
}

/** Cuts the lines at a blank-page notice, a report cover or an "Agenda Item" stamp after `from`. */
function cutAtEnd(lines: MinuteLine[], from: number): MinuteLine[] {
  const end = lines.findIndex((entry, i) => i >= from && END_OF_MINUTES.test(entry.text))
  return end >= 0 ? lines.slice(0, end) : lines
}

/** Splits off the heading line and its continuation: the rest of its block, or a date or "held on" line. */
function splitHeading(part: string, lines: MinuteLine[]): MinutesRegion {
  if (!lines.length || !isMinutesHeading(lines[0]!.text, true)) return {part, heading: [], body: lines}
  let count = 1
  while (count < HEADING_MAX_LINES && continuesHeading(lines[count - 1]!, lines[count])) count++
  return {part, heading: lines.slice(0, count), body: lines.slice(count)}
}

function continuesHeading(previous: MinuteLine, next: MinuteLine | undefined): boolean {
  if (!next || PRESENT.test(next.text) || /^\d{1,3}[.)]?\s/.test(next.text)) return false
  if (next.line.block === previous.line.block) return true
  return /^(?:held|on|at)\b/i.test(next.text) || /\bheld(?:\s+(?:on|at))?$|\bon$/i.test(previous.text) ||
    /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4}/i.test(next.text)
}
