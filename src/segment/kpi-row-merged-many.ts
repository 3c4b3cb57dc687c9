// Cuts a word OCR read out of three or more cells of a row ("11111999" for "111 | 119 | 99"): how many
// figures it holds is told by its width, the gaps between the row's figures it swallowed; where it is cut, by size.
import {median} from '../normalise/median.js'
import type {RowToken} from './kpi-merged.js'

/** Digits only: the words cut here (percentages and marks are split elsewhere). */
const DIGITS = /^\d{3,}$/
/** A whole figure of the row whose size per character is measured (the gaps are measured after every word of the run). */
const WHOLE_FIGURE = /^\d[\d,]*%?$/
/** A part starting with a zero ("05") is no printed figure: never cut there. */
const LEADING_ZERO = /^0\d/
/** Fewest figures besides the wide ones needed to measure the row's character width. */
const MIN_MEASURED = 2
/** A wide word is taken to have swallowed gaps when its width leaves room for more than this many (below, its width is OCR's box, not a gap). */
const MIN_SWALLOWED = 0.6

/**
 * The run with its wide digit words cut into as many figures as their widths show, when those cuts
 * add up to exactly the figures missing; else null. Every cut is a guess (`guessedFrom` on each part but the last).
 * @param run the figures of one row in order, with widths and left edges where OCR gave them
 * @param missing how many figures the row is short of its columns
 * @param wide which tokens of the run are wider than their characters
 */
export function splitManyMerged(run: readonly RowToken[], missing: number, wide: readonly boolean[]): RowToken[] | null {
  const measure = rowMeasure(run, wide)
  if (!measure) return null
  const estimates = run.map((t, k) => (wide[k] && DIGITS.test(t.text) && t.width !== null ? (t.width - t.text.length * measure.char) / measure.gap : null))
  const counts = swallowedCounts(estimates, missing)
  if (!counts) return null
  const sizes = run.filter((t, k) => !wide[k] && /^\d[\d,]*$/.test(t.text)).map((t) => Math.log10(Number(t.text.replace(/,/g, '')) + 1))
  const size = sizes.length ? median(sizes) : null
  if (size === null) return null
  const out: RowToken[] = []
  for (const [k, token] of run.entries()) {
    const parts = counts[k] ? bestCut(token.text, counts[k]! + 1, size) : [token.text]
    if (!parts) return null
    parts.forEach((text, p) => out.push(p < parts.length - 1 ? {text, confidence: token.confidence, width: null, guessedFrom: token.text} : {text, confidence: token.confidence, width: null}))
  }
  return out
}

/** The row's width per character and gap between figures (points), from its figures that are not wide; null when too few. */
function rowMeasure(run: readonly RowToken[], wide: readonly boolean[]): {char: number; gap: number} | null {
  const chars: number[] = []
  const gaps: number[] = []
  run.forEach((t, k) => {
    if (wide[k] || t.width === null) return
    if (WHOLE_FIGURE.test(t.text)) chars.push(t.width / t.text.length)
    const next = run[k + 1]
    if (next && !wide[k + 1] && next.x0 !== undefined && next.x0 !== null && t.x0 !== undefined && t.x0 !== null) {
      const gap = next.x0 - (t.x0 + t.width)
      if (gap > 0) gaps.push(gap)
    }
  })
  if (chars.length < MIN_MEASURED || !gaps.length) return null
  return {char: median(chars), gap: median(gaps)}
}

/**
 * How many gaps each wide word swallowed: each estimate rounded down or up (at least one) so that they
 * add up to `missing`, nearest the estimates; null when no choice does.
 */
function swallowedCounts(estimates: ReadonlyArray<number | null>, missing: number): Array<number | null> | null {
  const at = estimates.flatMap((e, k) => (e !== null && e > MIN_SWALLOWED ? [k] : []))
  if (!at.length || at.length > missing) return null
  let best: {counts: number[]; off: number} | null = null
  for (let mask = 0; mask < 1 << at.length; mask++) {
    const counts = at.map((k, i) => Math.max(1, (mask >> i) & 1 ? Math.ceil(estimates[k]!) : Math.floor(estimates[k]!)))
    if (counts.reduce((a, b) => a + b, 0) !== missing) continue
    const off = counts.reduce((sum, c, i) => sum + Math.abs(c - estimates[at[i]!]!), 0)
    if (!best || off < best.off) best = {counts, off}
  }
  if (!best) return null
  const out: Array<number | null> = estimates.map(() => null)
  at.forEach((k, i) => (out[k] = best!.counts[i]!))
  return out
}

/** The digits cut into `parts` figures each nearest the row's typical size (log10), or null when they cannot be. */
function bestCut(text: string, parts: number, size: number): string[] | null {
  let best: {cut: string[]; distance: number} | null = null
  const walk = (from: number, left: number, cut: string[]): void => {
    if (left === 1) {
      const last = text.slice(from)
      if (!last || LEADING_ZERO.test(last)) return
      const all = [...cut, last]
      const distance = all.reduce((sum, part) => sum + Math.abs(Math.log10(Number(part) + 1) - size), 0)
      if (!best || distance < best.distance) best = {cut: all, distance}
      return
    }
    for (let end = from + 1; end <= text.length - left + 1; end++) {
      const part = text.slice(from, end)
      if (!LEADING_ZERO.test(part)) walk(end, left - 1, [...cut, part])
    }
  }
  walk(0, parts, [])
  return best ? (best as {cut: string[]}).cut : null
}
