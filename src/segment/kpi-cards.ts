// Reads KPI cards: one indicator's title (with its RAG badge) over a chart, and a caption line of
// labelled figures below it ("Latest: 97%  Target: 97%, Floor: 90%  Previous: 97% (Green)").
import type {KpiLine} from './kpi-segments.js'
import type {DocLine} from './lines.js'
import {tidyName} from './kpi-names.js'

/** One labelled figure of a caption, with the RAG printed after it ("Previous: 97% (Green)"); OCR may read the colon as ";". */
const LABELLED_FIGURE = /\b(latest|current|actual|target|floor|previous|baseline)\b\s*[:;]?\s*((?:[<>≤≥~]\s*)?-?[£$€]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|k|m|bn)?|n\/a|tbc)(?:\s*\((red|amber|green)\))?/gi
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
  const titleEnd = (k: number): boolean => above(k - 1) && !isChartLabel(lines[k - 1]!) && continuesTitle(lines[k - 1]!, lines[k]!)
  let at = caption - 1
  while (above(at) && isChartLabel(lines[at]!) && !titleEnd(at) && caption - at <= MAX_CHART_LINES) at--
  if (!above(at) || isBadge(lines[at]!) || tooFarAbove(lines[at]!.line, below)) return null
  const parts: string[] = []
  let rag: KpiCard['rag'] = null
  let top = at
  for (let k = at; k >= 0 && parts.length < MAX_TITLE_LINES && !rag; k--) {
    const line = lines[k]!
    if (k < at && (!continuesTitle(line, lines[k + 1]!) || isBadge(line))) break
    const words = line.line.text.split(/\s+/)
    const badge = BADGE.test(words[words.length - 1]!) && badgeApart(line)
    parts.unshift(badge ? words.slice(0, -1).join(' ') : line.line.text)
    top = k
    if (badge) rag = capitalised(words[words.length - 1]!) as KpiCard['rag']
  }
  // a badge on a line of its own just over the title
  const badgeLine = lines[top - 1]
  const badge = badgeLine ? badgeOf(badgeLine) : null
  if (!rag && badge && nextTo(badgeLine!.line, lines[top]!.line)) rag = capitalised(badge) as KpiCard['rag']
  const indicator = tidyName(parts, false)
  return indicator ? {top, indicator, rag} : null
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

/** The RAG word of a line holding a badge alone (specks OCR read beside it, "© GREEN", "oo AMBER", left aside), else null. */
function badgeOf(line: KpiLine): string | null {
  const words = line.segments.map((segment) => segment.text.trim()).filter(Boolean)
  const last = words[words.length - 1]
  return last && BADGE.test(last) && words.slice(0, -1).every((word) => word.length <= 2) ? last : null
}

function isBadge(line: KpiLine): boolean {
  return badgeOf(line) !== null
}

/** A label printed in a chart: a labelled figure or figures only, or fewer than two words of letters. */
function isChartLabel(line: KpiLine): boolean {
  const text = line.line.text
  if (/^\s*(?:latest|current|actual|target|floor|previous|baseline)\b\s*[:;]?\s*[\d£$<>]/i.test(text)) return true
  return !isBadge(line) && text.split(/\s+/).filter((word) => /^[("'“‘]?\p{L}{2,}[)"'”’.,;:]*$/u.test(word)).length < 2
}

/**
 * True when `line` runs on into the title line below it: close above it in the same type size and
 * weight; without positions (markdown, text), in the same paragraph.
 */
function continuesTitle(line: KpiLine, below: KpiLine): boolean {
  const [a, b] = [line.line, below.line]
  if (/[.:]$/.test(a.text) || a.page !== b.page) return false
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
