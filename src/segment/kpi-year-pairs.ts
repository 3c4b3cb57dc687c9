// Gives OCR'd year-pair headings back the stroke OCR lost ("1213" for "12/13"), where the header
// shows that style, so they read as headings of a KPI table rather than as figures.
import type {KpiLine} from './kpi-segments.js'

/** Two years run together, as a word of a segment: the second follows the first ("1213", "SN 1213"). */
const GLUED_YEAR_PAIR = /(?<=^|\s)(\d\d)(\d\d)(?=\s|$)/g
/** A year pair printed with its stroke ("12/13"), the evidence that a header uses that style. */
const YEAR_PAIR = /(?:^|\s)\d\d\/\d\d(?:\s|$)/
/** Lines above a line whose year pairs count as evidence for it (a header's second line). */
const EVIDENCE_LINES = 2

/**
 * Mends in place the glued year pairs of OCR'd lines that hold, or sit just under a line that
 * holds, a year pair with its stroke ("10/11 1112 1213 13/14"; "(Oct-Dec) 1213" under "SN 12/13").
 * @param lines the document's lines with their segments
 */
export function mendYearPairs(lines: KpiLine[]): void {
  lines.forEach(function mend(line, k) {
    if (line.line.confidence === null || !line.segments.some((s) => unglued(s.text) !== s.text)) return
    const evidence = lines.slice(Math.max(0, k - EVIDENCE_LINES), k + 1).filter((l) => l.line.page === line.line.page)
    if (!evidence.some((l) => l.segments.some((s) => YEAR_PAIR.test(s.text)))) return
    lines[k] = {...line, segments: line.segments.map((s) => ({...s, text: unglued(s.text)}))}
  })
}

function unglued(text: string): string {
  return text.replace(GLUED_YEAR_PAIR, (whole, a: string, b: string) => (Number(b) === (Number(a) + 1) % 100 ? `${a}/${b}` : whole))
}
