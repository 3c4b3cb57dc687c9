// What each page's top says about where a part of the pack begins: report cover sheets,
// minutes headings, appendix and glossary headings, "Agenda Item N" stamps, trackers, slides, KPI pages.
import type {Page, Root} from '../tree/types.js'
import {isAgendaHeading, itemStart, type MarkedLine} from './agenda-lines.js'
import {captionFigures} from './kpi-cards.js'

/** Facts about one page that can open a part. */
export interface PageSignals {
  page: number
  /** Body lines of the page (markers put back). */
  lines: MarkedLine[]
  /** "Agenda Item 9" stamp: the number, '' for a stamp whose number was lost, null for none. */
  stamp: string | null
  /** Report cover sheet at the top (DECISION-MAKER:, or Subject: with From:/To:). */
  cover: boolean
  /** Minutes heading at the top, as printed. */
  minutes: string | null
  /** Appendix heading at the top ("Appendix 2", "APPENDIX A: Glossary"), as printed. */
  appendix: string | null
  /** Glossary heading at the top, as printed. */
  glossary: string | null
  /** AGENDA heading at the top. */
  agenda: boolean
  /** Recommendation-tracker table header or heading near the top. */
  tracker: boolean
  /** Most of the page is rows of figures. */
  kpi: boolean
  /** The page looks like a slide (landscape, or a few short lines). */
  slide: boolean
  /** The page closes a report's cover-sheet template (background papers, Schedule 12A). */
  reportEnd: boolean
}

/** Body lines (≤) from the top of a page in which a heading opens a part. */
const TOP_LINES = 6
/** Lines (≤) from the top where a tracker's table header sits. */
const TRACKER_TOP_LINES = 12
/** Body lines (≤) on a page of plain text that can still be a slide. */
const SLIDE_MAX_LINES = 22
/** Body lines (≤) on a landscape PDF page that can still be a slide (more is a wide table). */
const SLIDE_MAX_PDF_LINES = 45
/** Mean characters per line (≤) of a slide page. */
const SLIDE_MAX_MEAN_CHARS = 60
/** Share of a page's lines (≥) that must be rows of figures for a KPI page. */
const KPI_MIN_SHARE = 0.35
/** Rows of figures (≥) on a KPI page. */
const KPI_MIN_ROWS = 5

const STAMP = /^agenda\s+item\s*(?:no\.?\s*)?(\d{1,3}[a-z]?)?\.?$/i
const DECISION_MAKER = /^decision[-\s–]*maker\s*[:|]?/i
const SUBJECT = /^(?:subject|title of report|report title)\s*[:|]/i
const FROM_TO = /^(?:from|to|report of|report to|report by|date of decision|meeting date)\s*[:|]/i
const MINUTES = /^(?:(?:draft|printed|confirmed|unconfirmed|public|signed)\s+)?minutes(?:\s+of\s+(?:the\s+|a\s+)?(?:[\p{L}'’-]+\s+){0,5}(?:meeting|proceedings)\b.*)?:?$/iu
const APPENDIX = /^(?:appendix|annex|annexe|attachment|enclosure)\s+(?:no\.?\s*)?([0-9]{1,2}[a-z]?|[A-Z]|[IVX]{1,4})\b\.?(.*)$/i
const GLOSSARY = /\bglossary\b|^(?:list\s+of\s+)?(?:abbreviations|acronyms)(?:\s+and\s+(?:abbreviations|acronyms|terms))?$/i
const TRACKER_HEADER = /\baction\s+(?:proposed|taken)\b|\brecommendations?\s+tracker\b/i
const TRACKER_HEADING = /\bscrutiny\s+monitoring\b|\bmonitoring\s+(?:of\s+)?(?:scrutiny\s+)?recommendations\b|\brecommendations?\s+tracker\b/i
const TRACKER_COLUMN = /\b(?:status|progress|response|action)\b/i
const REPORT_END = /^(?:other\s+)?background\s+(?:papers?|documents)\b|^title\s+of\s+background|\baccess\s+to\s+information\s+procedure\s+rules\b|^documents\s+in\s+members['’]?\s+rooms\b/i
const FIGURE = /^[-+]?[£$€]?\d[\d,]*(?:\.\d+)?%?$|^n\/?a$|^-$|^tbc$/i

/** The signals of every page of the tree, in page order. */
export function pageSignals(tree: Root, lines: readonly MarkedLine[]): PageSignals[] {
  const byPage = new Map<number, MarkedLine[]>()
  for (const line of lines) {
    const list = byPage.get(line.page) ?? []
    list.push(line)
    byPage.set(line.page, list)
  }
  return tree.children.map((page) => signalsOf(page, byPage.get(page.data.page) ?? []))
}

function signalsOf(page: Page, lines: MarkedLine[]): PageSignals {
  const top = lines.slice(0, TOP_LINES).map((line) => line.text.trim())
  return {
    page: page.data.page,
    lines,
    stamp: stampOf(page),
    cover: isCover(top),
    minutes: top.find((text) => MINUTES.test(text) && !itemStart(text)) ?? null,
    appendix: top.slice(0, 4).find(isAppendixHeading) ?? null,
    glossary: top.slice(0, 4).find((text) => GLOSSARY.test(text) && text.split(/\s+/).length <= 8 && !/[.;]$/.test(text)) ?? null,
    agenda: top.slice(0, 3).some(isAgendaHeading),
    tracker: isTracker(lines),
    kpi: isKpiPage(lines),
    slide: isSlide(page, lines) && !isKpiPage(lines),
    reportEnd: lines.some((line) => REPORT_END.test(line.text))
  }
}

/** The "Agenda Item N" stamp anywhere on the page, furniture included (cleaners may mark it). */
function stampOf(page: Page): string | null {
  for (const block of page.children) {
    const rows = block.type === 'table' ? block.children.flatMap((row) => row.children.flatMap((cell) => cell.children)) : block.children
    for (const line of rows) {
      const match = STAMP.exec(line.children.map((word) => word.value).join(' ').trim())
      if (match) return match[1] ?? ''
    }
  }
  return null
}

function isCover(top: string[]): boolean {
  if (top.some((text) => DECISION_MAKER.test(text))) return true
  return top.some((text) => SUBJECT.test(text)) && top.some((text) => FROM_TO.test(text))
}

/** "Appendix 2", "APPENDIX A – Glossary", "Annex 1: Action plan"; not "Appendix 1 of the report sets out…". */
function isAppendixHeading(text: string): boolean {
  const match = APPENDIX.exec(text)
  if (!match) return false
  const rest = match[2]!.trim()
  if (!rest || /^[:\-–—.|(]/.test(rest)) return true
  const words = rest.split(/\s+/)
  return words.length <= 8 && /^\p{Lu}/u.test(rest) && !/[.;,]$/.test(rest)
}

/** A tracker's column header near the top, or a tracker heading over a table with status columns. */
function isTracker(lines: MarkedLine[]): boolean {
  const top = lines.slice(0, TRACKER_TOP_LINES)
  if (top.some((line) => TRACKER_HEADER.test(line.text) && (line.cells !== null || line.text.length < 80))) return true
  const heading = top.slice(0, 3).some((line) => TRACKER_HEADING.test(line.text) && !/^subject\b/i.test(line.text))
  return heading && top.some((line) => line.cells !== null && TRACKER_COLUMN.test(line.text))
}

function isKpiPage(lines: MarkedLine[]): boolean {
  if (lines.some((line) => captionFigures(line.text))) return true // a KPI card: "Latest: 94% Target: 90% …"
  const figures = lines.filter(function figureRow(line) {
    const cells = line.cells ?? line.text.split(/\s+/)
    return cells.filter((cell) => FIGURE.test(cell.trim())).length >= 3
  }).length
  return figures >= KPI_MIN_ROWS && figures / Math.max(lines.length, 1) >= KPI_MIN_SHARE
}

function isSlide(page: Page, lines: MarkedLine[]): boolean {
  const {width, height} = page.data
  if (width !== undefined && height !== undefined && width > height) return lines.length > 0 && lines.length <= SLIDE_MAX_PDF_LINES
  if (lines.length === 0 || lines.length > SLIDE_MAX_LINES) return false
  const mean = lines.reduce((sum, line) => sum + line.text.length, 0) / lines.length
  return mean <= SLIDE_MAX_MEAN_CHARS
}
