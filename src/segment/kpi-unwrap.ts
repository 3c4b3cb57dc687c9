// Puts back together a table row that a PDF printer wrapped at the right margin: the figures that
// did not fit ("… 90% 9% |" / "77% | 74% 70% 69%") continue the line above, as in the text it was printed from.
import {isValueToken, type KpiLine, type Segment} from './kpi-segments.js'

/** Space between words, as a share of the line height, when testing whether a word would have fitted. */
const SPACE_HEIGHTS = 0.3
/** The line above counts as full when the first word below would have overrun the page's right edge by less than this… (points; text set ragged) */
const FIT_SLACK_PT = 1

/**
 * Joins each positioned loose line that is a wrap of the row above into it: same block, same page,
 * figures (or "|" rules) above, and the first word of the lower line too wide
 * to have fitted after the upper line's last word before the right edge of the page's text, and
 * the lower line mostly figures.
 * @param lines the document's KPI lines in reading order
 * @returns the lines with wrapped rows joined (the others unchanged, in order)
 */
export function unwrapRows(lines: KpiLine[]): KpiLine[] {
  const right = rightEdges(lines)
  const out: KpiLine[] = []
  for (const line of lines) {
    const above = out[out.length - 1]
    if (above && isWrapOf(line, above, right.get(line.line.page) ?? null)) out[out.length - 1] = join(above, line)
    else out.push(line)
  }
  return out
}

/** Rightmost word edge of each page's lines (points). */
function rightEdges(lines: KpiLine[]): Map<number, number> {
  const right = new Map<number, number>()
  for (const line of lines) {
    for (const s of line.segments) if (s.x1 !== null) right.set(line.line.page, Math.max(right.get(line.line.page) ?? 0, s.x1))
  }
  return right
}

function isWrapOf(line: KpiLine, above: KpiLine, right: number | null): boolean {
  if (right === null || line.mode !== 'loose' || above.mode !== 'loose' || line.line.first) return false
  if (line.line.block !== above.line.block || line.line.page !== above.line.page) return false
  const first = line.segments[0]
  const last = above.segments[above.segments.length - 1]
  if (!first || !last || first.x0 === null || first.x1 === null || last.x1 === null) return false
  const height = above.line.height ?? 0
  const wouldEnd = last.x1 + SPACE_HEIGHTS * height + (first.x1 - first.x0)
  if (wouldEnd <= right + FIT_SLACK_PT) return false
  return mostlyFigures(line.segments) && (above.segments.some((s) => isValueToken(s.text)) || above.line.text.includes('|'))
}

/** More than half the words (rules left out) are figures: the rest of a row, not the next line of a name ("taken place within last 2", "per 10,000"). */
function mostlyFigures(segments: Segment[]): boolean {
  const words = segments.filter((s) => s.text.replace(/\|/g, ''))
  const figures = words.filter((s) => isValueToken(s.text.replace(/\|/g, ''))).length
  return figures * 2 > words.length
}

/** The upper line continued by the lower one, its words moved on past the right edge as if the
 * page had been wide enough (x-aligned runs dropped: the two were not side by side). */
function join(above: KpiLine, line: KpiLine): KpiLine {
  const end = above.segments[above.segments.length - 1]?.x1 ?? 0
  const shift = end + SPACE_HEIGHTS * (above.line.height ?? 0) - (line.segments[0]?.x0 ?? 0)
  const moved = line.segments.map((s) => ({...s, x0: s.x0 === null ? null : s.x0 + shift, x1: s.x1 === null ? null : s.x1 + shift}))
  const lastTop = line.lastTop ?? line.line.y0
  return {line: {...above.line, text: `${above.line.text} ${line.line.text}`}, mode: 'loose', segments: [...above.segments, ...moved], ...(lastTop === null ? {} : {lastTop})}
}
