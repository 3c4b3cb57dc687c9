// Reads KPI cards: one indicator's title (with its RAG badge) over a chart, and a caption line of
// labelled figures below it ("Latest: 97%  Target: 97%, Floor: 90%  Previous: 97% (Green)").
import type {KpiLine} from './kpi-segments.js'
import type {DocLine} from './lines.js'
import {tidyName} from './kpi-names.js'
import {periodIn} from './kpi-columns.js'
import {withinEdits} from '../normalise/edit-distance.js'

/** One labelled figure of a caption, with the RAG printed after it ("Previous: 97% (Green)"); OCR may read the colon as ";". */
const LABELLED_FIGURE = /\b(latest|current|actual|target|floor|previous|baseline)\b\s*[:;]?\s*((?:[<>≤≥~]\s*)?-?[£$€]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|k|m|bn)?|n\/a|tbc)(?:\s*\((red|amber|green)\))?/gi
/** A line opening with a labelled figure: a caption, or a piece of one ("Floor: 90%"). */
const LABELLED_START = /^\s*(?:latest|current|actual|target|floor|previous|baseline)\b\s*[:;]?\s*[\d£$<>]/i
/** Words of a chart's legend (the series drawn), not of a title. */
const LEGEND_WORD = /^(?:actual|target|floor|previous|latest|average|ave\.?|nat\.?|national|england|benchmark|trend|forecast|baseline)$/i
/** What may stand between a caption's labelled figures. */
const BETWEEN_FIGURES = /^[\s,;|–—-]*$/
/** A RAG badge standing alone, or at the end of a title line. */
const BADGE = /^(?:red|amber|green)$/i
/** The title's last line is at most this many line heights above the caption (a chart between them). */
const MAX_CHART_HEIGHTS = 25
/** Chart labels passed over between a caption and its title, at most (where positions are unknown, the only bound). */
const MAX_CHART_LINES = 12
/** Title lines are at most this many line heights apart, top to top. */
const TITLE_PITCH_HEIGHTS = 1.6
/** A badge at the end of a title line stands at least this many line heights after its last word (a cell gap, as in kpi-segments). */
const BADGE_GAP_HEIGHTS = 0.75
/** OCR'd title lines are at most this many of the page's line pitches apart, middle to middle (a heading above stands further). */
const TITLE_OCR_PITCHES = 1.4
/** A badge on a line of its own stands at most this many line heights over the title, top to top. */
const BADGE_REACH_HEIGHTS = 2.5
/** A title runs to this many lines at most. */
const MAX_TITLE_LINES = 4

/** A card as read: where its title starts, the indicator, its badge and its labelled figures. */
export interface KpiCard {
  /** Index of the card's first line (its title, else its caption) in the lines read. */
  top: number
  page: number
  indicator: string
  rag: 'Red' | 'Amber' | 'Green' | null
  figures: Array<{label: string; raw: string}>
}

/**
 * The labelled figures of a caption line, or null when the line is anything else: it must hold
 * a latest (or current) figure and a target or previous one, and nothing but labelled figures.
 */
export function captionFigures(text: string): KpiCard['figures'] | null {
  const figures: KpiCard['figures'] = []
  let rest = ''
  let from = 0
  for (const match of text.matchAll(LABELLED_FIGURE)) {
    rest += text.slice(from, match.index)
    from = match.index + match[0].length
    const label = capitalised(match[1]!)
    figures.push({label, raw: match[2]!.replace(/\s+/g, '')})
    if (match[3]) figures.push({label: `${label} RAG`, raw: capitalised(match[3])})
  }
  rest += text.slice(from)
  const labels = new Set(figures.map((figure) => figure.label))
  const latest = labels.has('Latest') || labels.has('Current') || labels.has('Actual')
  const compared = labels.has('Target') || labels.has('Previous')
  return latest && compared && labels.size === figures.length && BETWEEN_FIGURES.test(rest) ? figures : null
}

/**
 * Every KPI card among the lines: each caption line, with the title above it (the lines just over
 * the chart, up to the badge) where one is found; a caption without a title is no card.
 * @param lines the document's KPI lines
 */
export function readKpiCards(lines: readonly KpiLine[]): KpiCard[] {
  const cards: KpiCard[] = []
  for (const [at, line] of lines.entries()) {
    const figures = captionFigures(line.line.text)
    const title = figures ? titleAbove(lines, at) : null
    if (figures && title) cards.push({top: title.top, page: line.line.page, indicator: title.indicator, rag: title.rag, figures})
  }
  return cards
}

/** The card's title over its chart: its first line's index, the name and the badge; null when none is found. */
function titleAbove(lines: readonly KpiLine[], caption: number): {top: number; indicator: string; rag: KpiCard['rag']} | null {
  const below = lines[caption]!.line
  const above = (k: number): boolean => k >= 0 && isAbove(lines[k]!, below)
  // chart labels between the title and the caption ("Floor: 90%", axis figures) are passed over; a short last line of the title ("workers") is not
  const titleEnd = (k: number): boolean => /\p{L}{2}/u.test(lines[k]!.line.text) && above(k - 1) && !isChartLabel(lines[k - 1]!) && continuesTitle(lines[k - 1]!, lines[k]!)
  let at = caption - 1
  while (above(at) && isChartLabel(lines[at]!) && !titleEnd(at) && caption - at <= MAX_CHART_LINES) at--
  if (!above(at) || isBadge(lines[at]!) || tooFarAbove(lines[at]!.line, below)) return null
  const parts: string[] = []
  let rag: KpiCard['rag'] = null
  let top = at
  for (let k = at; k >= 0 && parts.length < MAX_TITLE_LINES; k--) {
    const line = lines[k]!
    if (k < at && (!continuesTitle(line, lines[k + 1]!) || isBadge(line))) break
    const read = titleLine(line)
    parts.unshift(read.text)
    top = k
    rag ??= read.rag
  }
  // a badge on a line of its own just over the title
  const badgeLine = lines[top - 1]
  const badge = badgeLine ? badgeOf(badgeLine) : null
  if (!rag && badge && nextTo(badgeLine!.line, lines[top]!.line)) rag = badge
  const indicator = tidyName(parts, lines.slice(top, at + 1).some(isOcr))
  return indicator ? {top, indicator, rag} : null
}

/**
 * A title line's text and the badge at its end: a RAG word standing apart from the title; what
 * OCR made of a badge or an arrow there ("ANEER", "=>", "\\V/") is left out of the text too.
 */
function titleLine(line: KpiLine): {text: string; rag: KpiCard['rag']} {
  const segments = line.segments.filter((segment) => segment.text.trim())
  const last = segments[segments.length - 1]
  if (!last || segments.length < 2 || !badgeApart(line)) return {text: line.line.text, rag: null}
  const rag = ragWord(last.text, isOcr(line))
  if (!rag && !isOcr(line) && /[\p{L}\d]/u.test(last.text)) return {text: line.line.text, rag: null}
  return {text: segments.slice(0, -1).map((segment) => segment.text).join(' '), rag}
}

/** The RAG a badge word states: the word itself, or for OCR the one RAG word within an edit or two of it ("ANEER" → Amber). */
function ragWord(word: string, ocr: boolean): KpiCard['rag'] {
  const text = word.trim()
  if (BADGE.test(text)) return capitalised(text) as KpiCard['rag']
  if (!ocr || !/^[A-Z]{3,6}$/.test(text)) return null
  const near = ['GREEN', 'AMBER', 'RED'].filter((rag) => withinEdits(text, rag, rag.length >= 5 ? 2 : 1))
  return near.length === 1 ? capitalised(near[0]!) as KpiCard['rag'] : null
}

function isOcr(line: KpiLine): boolean {
  return line.line.confidence !== null
}

/** A line above the caption on its page that is no other card's caption. */
function isAbove(line: KpiLine, caption: DocLine): boolean {
  const higher = line.line.y0 === null || caption.y0 === null || line.line.y0 < caption.y0
  return line.line.page === caption.page && higher && !captionFigures(line.line.text)
}

/** True when the title's last line is further above the caption than a chart is high. */
function tooFarAbove(line: DocLine, caption: DocLine): boolean {
  return line.y0 !== null && caption.y0 !== null && caption.height !== null && caption.y0 - line.y0 > MAX_CHART_HEIGHTS * caption.height
}

/** The RAG of a line holding a badge alone (specks OCR read beside it, "© GREEN", "oo AMBER", left aside), else null. */
function badgeOf(line: KpiLine): KpiCard['rag'] {
  const words = line.segments.map((segment) => segment.text.trim()).filter(Boolean)
  const last = words[words.length - 1]
  return last && words.slice(0, -1).every((word) => word.length <= 2) ? ragWord(last, isOcr(line)) : null
}

function isBadge(line: KpiLine): boolean {
  return badgeOf(line) !== null
}

/**
 * A label printed in a chart, as a text layer or OCR gives it: a labelled figure, axis figures and
 * periods, legend words ("Sep-23 Dec-23 … Actual —— Target"); fewer than two other words of letters.
 */
function isChartLabel(line: KpiLine): boolean {
  const text = line.line.text
  if (LABELLED_START.test(text)) return true
  const words = text.split(/\s+/).filter((word) => /^[("'“‘]?\p{L}{2,}[)"'”’.,;:]*$/u.test(word) && !LEGEND_WORD.test(word) && !periodIn(word))
  return !isBadge(line) && words.length < 2
}

/**
 * True when `line` runs on into the title line below it: close above it in the same type size (where
 * it can be told) and weight; without positions (markdown, text), in the same paragraph.
 */
function continuesTitle(line: KpiLine, below: KpiLine): boolean {
  const [a, b] = [line.line, below.line]
  if (/[.:]$/.test(a.text) || a.page !== b.page || LABELLED_START.test(a.text)) return false
  // an OCR line's box is as tall as its ink (a badge beside it makes it taller): measured by the page's line pitch instead
  const pitch = line.pitch ?? below.pitch
  if (line.middle !== undefined && below.middle !== undefined && pitch) return below.middle - line.middle <= TITLE_OCR_PITCHES * pitch
  if (a.y0 === null || b.y0 === null || a.height === null || b.height === null) return a.block === b.block
  const sameSize = Math.abs(a.height - b.height) <= 0.25 * Math.max(a.height, b.height)
  return sameSize && a.bold === b.bold && b.y0 - a.y0 <= TITLE_PITCH_HEIGHTS * Math.max(a.height, b.height)
}

/** True when badge line `a` is just over title line `b`: a paragraph's space at most, or the line before it where positions are unknown. */
function nextTo(a: DocLine, b: DocLine): boolean {
  if (a.page !== b.page) return false
  if (a.y0 === null || b.y0 === null || b.height === null) return b.index - a.index === 1
  return b.y0 - a.y0 <= BADGE_REACH_HEIGHTS * b.height
}

/**
 * True when the line's last word stands apart from the rest (a badge at the right, not a word of
 * the title); without positions, when it is in capitals after words in lower case ("… timescale RED").
 */
function badgeApart(line: KpiLine): boolean {
  const segments = line.segments
  const last = segments[segments.length - 1]
  const before = segments[segments.length - 2]
  if (last && before && last.x0 !== null && before.x1 !== null) return last.x0 - before.x1 >= BADGE_GAP_HEIGHTS * (line.line.height ?? 0)
  const words = line.line.text.trim().split(/\s+/)
  return words.length > 1 && /^[A-Z]+$/.test(words[words.length - 1]!) && /\p{Ll}/u.test(words.slice(0, -1).join(' '))
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}
