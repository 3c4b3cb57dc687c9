// Finds the agenda where a reader sees one (an AGENDA heading, or a cover letter's "Agenda Item No"
// list, followed by numbered items; else a meeting notice's numbered items, see agenda-headless.ts)
// and reads its items; shared by the meeting and parts segmenters.
import type {AgendaItem} from '../compile/model.js'
import type {Root} from '../tree/types.js'
import {findDates} from '../normalise/date.js'
import {
  isAgendaHeading, isSignatureDate, itemStart, markedLines, opensPageRange, pageRange, publicationText,
  strayNumber, upperShare, withoutPageRange, type MarkedLine, type PrintedRange
} from './agenda-lines.js'
import {headlessAgendaStart} from './agenda-headless.js'
import {joinLines} from './lines.js'
import {pageSignals, type PageSignals} from './parts-signals.js'

/** The agenda as found: its items, where it sits, and which numbers were inferred. */
export interface FoundAgenda {
  items: AgendaItem[]
  /** Index (in the marked lines) of the heading, and of the first line after the agenda. */
  start: number
  end: number
  /** Index of the publication or signature line that closes the agenda, or null. */
  closing: number | null
  /** Items whose number was inferred, with the page the item is on. */
  inferred: Array<{number: string; page: number}>
  /** Page of each item's first line (same order as items). */
  pages: number[]
  /** Index of each item's first line (same order as items). */
  indices: number[]
}

/** What the segmenters share about a tree: its marked lines, page signals and agenda. */
export interface AgendaContext {
  lines: MarkedLine[]
  signals: PageSignals[]
  agenda: FoundAgenda | null
}

/** Lines (≤) between an agenda heading and its first numbered item. */
const HEADING_LOOKAHEAD = 30
/** Words (≤) in a title printed in mixed case whose number was lost. */
const MAX_TITLE_WORDS = 14
/** Lines (≤) at the top of the next page that may still hold the agenda's closing date. */
const CLOSING_TOP_LINES = 5
/** Share of upper-case letters (≥) for a line to count as printed in capitals. */
const CAPS_SHARE = 0.8
/** Letters (≥) in a line standing as an unnumbered item title. */
const MIN_TITLE_LETTERS = 6

const SEPARATOR = /^(?:(?:un)?restricted|exempt|confidential|public|private|open|closed)\s+(?:items?|business|session)\b|^part\s+(?:a|b|i|ii|1|2)\b(?!\S)|^items?\s+(?:to\s+be\s+)?(?:considered|taken)\b/i
const COVER_LIST = /^agenda\s+item\s+no\.?$/i
const LETTER_END = /^yours\s+(?:sincerely|faithfully)\b/i
/** A line that may begin with a date: figures, a weekday or a month (or "the"/"on") before any other word. */
const DATE_FIRST = /^[^\p{L}]*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the|on)\p{L}*\b)/iu
const DESCRIPTION_START = /^(?:to|report|members|the|this|in|a|an|for|any|note|it|please)\b/i

const cache = new WeakMap<Root, AgendaContext>()

/** Lines, page signals and agenda of the tree (computed once per tree). */
export function agendaContext(tree: Root): AgendaContext {
  const known = cache.get(tree)
  if (known) return known
  const lines = markedLines(tree)
  const signals = pageSignals(tree, lines)
  const context = {lines, signals, agenda: findAgenda(lines, signals)}
  cache.set(tree, context)
  return context
}

/** The first agenda in the lines (under its heading, else a heading-less one), or null when there is none. */
export function findAgenda(lines: MarkedLine[], signals: PageSignals[]): FoundAgenda | null {
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text.trim()
    if (!isAgendaHeading(text) && !COVER_LIST.test(text)) continue
    if (!hasItemSoon(lines, index)) continue
    const found = readAgenda(lines, signals, index)
    if (found.items.some((item) => item.number !== null)) return found
  }
  const first = headlessAgendaStart(lines)
  return first === null ? null : readAgenda(lines, signals, first, first)
}

function hasItemSoon(lines: MarkedLine[], heading: number): boolean {
  return lines.slice(heading + 1, heading + 1 + HEADING_LOOKAHEAD).some((line) => itemStart(line.text) !== null || strayNumber(line.text) !== null)
}

interface Draft {
  number: string | null
  /** The number was printed away from its title and matched to it by sequence. */
  displaced: boolean
  title: MarkedLine[]
  titleOpen: boolean
  description: MarkedLine[]
  range: PrintedRange | null
  page: number
  index: number
}

/** A number OCR left on a line of its own. */
interface Stray {
  number: string
  index: number
  used: boolean
}

interface ReadState {
  drafts: Draft[]
  /** Numbers standing alone, waiting for their title. */
  stray: Stray[]
  skipping: boolean
}

/** Reads the agenda whose heading is line `start`, from line `first` (the line after the heading, or item 1 when it has none). */
function readAgenda(lines: MarkedLine[], signals: PageSignals[], start: number, first = start + 1): FoundAgenda {
  const state: ReadState = {drafts: [], stray: [], skipping: false}
  let end = lines.length
  let closing: number | null = null
  for (let index = first; index < lines.length; index++) {
    const line = lines[index]!
    if (index > first && line.page !== lines[index - 1]!.page && !continuesOn(line.page, signals)) {
      closing = opensPart(line.page, signals) ? null : closingAtTop(lines, index)
      end = closing ?? index
      break
    }
    if (closesAgenda(line.text)) {
      end = index
      closing = index
      break
    }
    readLine(state, lines, index)
  }
  return finish(state, start, end, closing)
}

/** True when the agenda can go on onto `page`: no other part starts there and items follow. */
function continuesOn(page: number, signals: PageSignals[]): boolean {
  const signal = signals.find((s) => s.page === page)
  if (!signal || opensPart(page, signals)) return false
  return signal.lines.some((line) => itemStart(line.text) !== null || pageRange(line.text) !== null)
}

/** True when the page's top opens another part (cover sheet, minutes, appendix, glossary, stamp). */
function opensPart(page: number, signals: PageSignals[]): boolean {
  const signal = signals.find((s) => s.page === page)
  return signal !== undefined && (signal.cover || signal.minutes !== null || signal.appendix !== null || signal.glossary !== null || signal.stamp !== null)
}

/** A closing line among the first lines of the page after the agenda (the date printed under the signature). */
function closingAtTop(lines: MarkedLine[], index: number): number | null {
  for (let i = index; i < lines.length && i < index + CLOSING_TOP_LINES && lines[i]!.page === lines[index]!.page; i++) {
    if (closesAgenda(lines[i]!.text)) return i
  }
  return null
}

/** The publication line, the signing-off date or the letter's close ends the agenda. */
function closesAgenda(text: string): boolean {
  if (publicationText(text) !== null || LETTER_END.test(text.trim())) return true
  if (!DATE_FIRST.test(text)) return false // a signing-off date comes first on its line; the parser is slow
  const date = findDates(text)[0]
  return date !== undefined && isSignatureDate(text, date.text, date.index)
}

function readLine(state: ReadState, lines: MarkedLine[], index: number): void {
  const line = lines[index]!
  const text = line.text.trim()
  const current = state.drafts[state.drafts.length - 1]
  if (SEPARATOR.test(text) || COVER_LIST.test(text)) {
    if (current) current.titleOpen = false
    state.skipping = true
    return
  }
  if (current?.titleOpen && continuesTitle(current, lines, index)) return addTitleLine(current, line)
  if (current) current.titleOpen = false
  const stray = strayNumber(text)
  if (stray !== null) {
    state.stray.push({number: stray, index, used: false})
    return
  }
  const start = itemStart(text)
  if (start && looksLikeTitle(start.rest)) return openItem(state, start.number, start.rest, line)
  readOtherLine(state, lines, index)
}

/** A line that is neither a numbered item nor a stray number: a range, a title whose number strayed, or description. */
function readOtherLine(state: ReadState, lines: MarkedLine[], index: number): void {
  const line = lines[index]!
  const text = line.text.trim()
  const current = state.drafts[state.drafts.length - 1]
  const range = pageRange(text)
  if (current && range && !current.range && !/[\p{L}\p{N}]/u.test(withoutPageRange(text))) {
    current.range = range
    return
  }
  const direct = state.stray.find((s) => s.index === index - 1 && !s.used)
  const taken = direct && looksLikeTitle(text) || !state.skipping && isUnnumberedTitle(state, lines, index) ? takeStray(state, index) : undefined
  if (taken !== undefined && (taken !== null || !direct || isUnnumberedTitle(state, lines, index))) {
    return openItem(state, taken?.number ?? null, text, line, taken !== null && taken.index !== index - 1)
  }
  if (current && !state.skipping) current.description.push(line)
}

/**
 * The stray number that belongs to a title opening at `index`: the one the sequence expects
 * next, or the smallest waiting when no item came yet; null when none fits.
 */
function takeStray(state: ReadState, index: number): Stray | null {
  const after = state.drafts[state.drafts.length - 1]?.index ?? -1
  const waiting = state.stray.filter((s) => !s.used && s.index > after && s.index < index)
  const last = lastNumber(state.drafts)
  const found = last === null
    ? waiting.sort((x, y) => Number.parseInt(x.number, 10) - Number.parseInt(y.number, 10))[0]
    : waiting.find((s) => Number.parseInt(s.number, 10) === last + 1)
  if (!found) return null
  found.used = true
  return found
}

function looksLikeTitle(text: string): boolean {
  return /^[\p{Lu}\p{N}"'“‘(]/u.test(text)
}

function lastNumber(drafts: Draft[]): number | null {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const number = drafts[i]!.number
    if (number !== null) return Number.parseInt(number, 10) + (drafts.length - 1 - i)
  }
  return null
}

function openItem(state: ReadState, number: string | null, rest: string, line: MarkedLine, displaced = false): void {
  state.skipping = false
  const draft: Draft = {number, displaced, title: [{...line, text: rest}], titleOpen: true, description: [], range: null, page: line.page, index: line.index}
  settleRange(draft)
  state.drafts.push(draft)
}

/**
 * A line opening an item whose number was lost: it opens its block or follows a finished
 * sentence, is short, has no closing full stop, and is printed in capitals or followed by
 * the item's range or description. Before the first item only when numbers wait above it or
 * item 2 follows.
 */
function isUnnumberedTitle(state: ReadState, lines: MarkedLine[], index: number): boolean {
  const line = lines[index]!
  const text = withoutPageRange(line.text.trim())
  const previous = lines[index - 1]?.text.trim() ?? ''
  if (line.cells !== null || !(line.first || /[.!?]["”’)]?$/.test(previous))) return false
  if (text.replace(/[^\p{L}]/gu, '').length < MIN_TITLE_LETTERS || /[.;,:]$/.test(text) || !looksLikeTitle(text)) return false
  if (state.drafts.length === 0 && !state.stray.some((s) => !s.used) && itemStart(lines[index + 1]?.text ?? '')?.number !== '2') return false
  if (upperShare(text) >= CAPS_SHARE) return true
  if (DESCRIPTION_START.test(text.replace(/^["'“‘]/, '')) || text.split(/\s+/).length > MAX_TITLE_WORDS) return false
  const next = lines[index + 1]
  const nextText = next?.text.trim() ?? ''
  if (pageRange(line.text) !== null || !next) return true
  if (next.block === line.block && pageRange(nextText) === null && !DESCRIPTION_START.test(nextText)) return false
  return !/^\p{Ll}/u.test(nextText)
}

/**
 * The next line still belongs to the title: an unfinished page range, a page range later in the
 * same block, or capitals going on in the block.
 */
function continuesTitle(draft: Draft, lines: MarkedLine[], index: number): boolean {
  const line = lines[index]!
  const previous = draft.title[draft.title.length - 1]!
  if (opensPageRange(joinLines(draft.title))) return true
  if (draft.range || itemStart(line.text)) return false
  if (rangeLaterInBlock(lines, index)) return true
  if (line.block !== previous.block) return false
  const titleCaps = upperShare(joinLines(draft.title)) >= CAPS_SHARE
  return titleCaps && upperShare(line.text) >= CAPS_SHARE
}

/** True when this line or a later one of its block (before the next item) gives a page range. */
function rangeLaterInBlock(lines: MarkedLine[], index: number): boolean {
  const {block, page} = lines[index]!
  for (let i = index; i < lines.length && (lines[i]!.block === block || i === index) && lines[i]!.page === page; i++) {
    const text = lines[i]!.text
    if (i > index && (itemStart(text) || strayNumber(text) || closesAgenda(text))) return false
    if (pageRange(text)) return true
    if (lines[i]!.block !== block && lines[i]!.first && (DESCRIPTION_START.test(text) || upperShare(text) >= CAPS_SHARE)) return false
  }
  return false
}

function addTitleLine(draft: Draft, line: MarkedLine): void {
  draft.title.push(line)
  settleRange(draft)
}

/** Takes the page range out of the title once it is complete; the title then closes. */
function settleRange(draft: Draft): void {
  const text = joinLines(draft.title)
  if (opensPageRange(text)) return
  const range = pageRange(text)
  if (!range) return
  draft.range = range
  draft.titleOpen = false
}

function finish(state: ReadState, start: number, end: number, closing: number | null): FoundAgenda {
  const inferred = inferNumbers(state.drafts)
  const items = state.drafts.map(function toItem(draft): AgendaItem {
    const description = joinLines(draft.description)
    return {
      number: draft.number,
      title: withoutPageRange(joinLines(draft.title)).replace(/[\s(,;:|\-–—]+$/, ''),
      printedPages: draft.range,
      description: description || null
    }
  })
  return {items, start, end, closing, inferred, pages: state.drafts.map((draft) => draft.page), indices: state.drafts.map((draft) => draft.index)}
}

/** Numbers for items printed without one, from the items around them; returns those inferred. */
function inferNumbers(drafts: Draft[]): Array<{number: string; page: number}> {
  if (!drafts.some((draft) => draft.number !== null)) return []
  const out: Array<{number: string; page: number}> = []
  drafts.forEach(function infer(draft, index) {
    if (draft.number !== null) {
      if (draft.displaced) out.push({number: draft.number, page: draft.page})
      return
    }
    const guess = fromPrevious(drafts, index) ?? fromNext(drafts, index)
    if (guess === null || guess < 1) return
    draft.number = String(guess)
    out.push({number: draft.number, page: draft.page})
  })
  return out
}

function fromPrevious(drafts: Draft[], index: number): number | null {
  const previous = drafts[index - 1]?.number
  return previous ? Number.parseInt(previous, 10) + 1 : null
}

function fromNext(drafts: Draft[], index: number): number | null {
  for (let i = index + 1; i < drafts.length; i++) {
    const number = drafts[i]!.number
    if (number !== null) return Number.parseInt(number, 10) - (i - index)
  }
  return null
}
