// Lists inside a report: recommendation points ("(i)", "1.", "(a)", "A." and OCR'd "0]", "(iir)")
// and the appendices list ("1. Title", "Appendix A – Title", a lone "1." then its title).
import type {Report} from '../compile/model.js'
import {joinReportLines, type ReportLine} from './report-lines.js'

/** A recommendation point marker at the start of a line (OCR variants included). */
const POINT_MARKER = /^(?:(?:[(\[{]\s*)?(?:[ivxl]{1,5}r?|\d{1,2}|[a-z]|0)\s*[)\]}.:]|T[ivxl]{1,4}\))\s*(?=\S)/i
/** The same marker inside running text (a cover-sheet cell holding every point): " (ii) That …". */
const INLINE_MARKER = /\s(?=\((?:[ivxl]{1,5}|\d{1,2}|[a-z])\)\s+\p{Lu})/u
/** A line ending a lead-in ("Cabinet is asked to:"), not a point. */
const LEAD_IN = /:\s*$/
/** Trailing joiners of a point: "…from 1 April 2025; and". */
const TRAILING_JOINER = /\s*[;,]\s*(?:and|or)?\s*$/i

/** The recommendation points of a RECOMMENDATIONS section (its first line may be the label's own value). */
export function recommendationPoints(lines: readonly ReportLine[]): string[] {
  const marked = lines.some((l) => POINT_MARKER.test(l.text) || l.bullet)
  const points: ReportLine[][] = []
  let current: ReportLine[] | null = null
  lines.forEach((line, i) => {
    const starts = marked ? POINT_MARKER.test(line.text) || line.bullet : line.first || i === 0
    if (starts) points.push((current = [{...line, text: line.text.replace(POINT_MARKER, '')}]))
    else if (current) current.push(line)
  })
  return points.flatMap((p) => joinReportLines(p).split(INLINE_MARKER))
    .map((p) => p.replace(POINT_MARKER, '').replace(TRAILING_JOINER, '').trim())
    .filter((p) => p && !(LEAD_IN.test(p) && p.split(' ').length < 12))
}

type Appendix = Report['appendices'][number]

/** "Appendix A – Title", "Annex 2: Title". */
const NAMED_ENTRY = /^(?:appendix|annex)\s+([A-Z]|\d{1,2})\b\s*[-–—:.)]?\s*(.*)$/i
/** "1. Title", "A) Title", "(2) Title", "1 Title". */
const NUMBERED_ENTRY = /^\(?(\d{1,2}|[A-Z])(?:[.)]\s*|\s+(?=\p{Lu}))(.*)$/u
/** Entries that say there are none. */
const NO_ENTRY = /^(?:none|n\/a|not applicable|nil)\.?$/i

/** The entries of an appendices list. */
export function appendixEntries(lines: readonly ReportLine[]): Appendix[] {
  const out: Appendix[] = []
  let current: Appendix | null = null
  for (const line of lines) {
    const entry = NAMED_ENTRY.exec(line.text) ?? NUMBERED_ENTRY.exec(line.text)
    if (entry) {
      current = {number: (entry[1] as string).toUpperCase(), title: tidy(entry[2] as string)}
      out.push(current)
    } else if (current && (!current.title || !line.first || /^\p{Ll}/u.test(line.text))) {
      current.title = tidy(`${current.title} ${line.text}`)
    } else {
      current = {number: null, title: tidy(line.text)}
      out.push(current)
    }
  }
  return out.filter((a) => a.title && !NO_ENTRY.test(a.title))
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
