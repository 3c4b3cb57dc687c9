// Mends an OCR'd row line that holds more figures than the table has columns because OCR read a lone
// "1" that is no cell: the rule printed before the first figure ("PERCENTAGE 1 85%"), or the leading "1" of a figure split off ("62 1 16" for "62 116").
import type {RowToken} from './kpi-merged.js'

/** A lone "1" OCR read: a thin upright stroke, a digit or a rule. */
const LONE_ONE = /^1$/
/** A plain whole figure a split-off "1" can lead ("16" → "116"), no mark after it: "1" + "85%" would make no percentage. */
const PLAIN_WHOLE = /^\d[\d,]*$/

/**
 * The figures of a row mended to the column count, or null when the lone "1"s do not account for
 * exactly the figures too many. A "1" starting the run right after the row's measure word is the
 * rule between the measure cell and the first figure ("PERCENTAGE | 85%"); a "1" between two figures
 * is the first digit of the next one, which OCR split off at the wide gap tabular figures leave round a "1" ("62 1 16").
 * @param run the figures ending the row line, in order
 * @param count the number of value columns
 * @param afterMeasure true when the run follows the row's measure word
 */
export function mendOverflow(run: readonly RowToken[], count: number, afterMeasure: boolean): RowToken[] | null {
  const extra = run.length - count
  if (extra < 1) return null
  const rule = afterMeasure && LONE_ONE.test(run[0]?.text ?? '') ? 1 : 0
  const splits = run.flatMap((token, k) => (k >= rule && k < run.length - 1 && isSplitOne(token, run[k + 1]!) ? [k] : []))
  if (rule + splits.length !== extra) return null
  const out: RowToken[] = []
  for (let k = rule; k < run.length; k++) {
    const token = run[k]!
    if (!splits.includes(k)) {
      out.push(token)
      continue
    }
    const next = run[++k]!
    out.push({text: token.text + next.text, confidence: lower(token.confidence, next.confidence), width: null})
  }
  return out
}

/** A lone "1" before a plain whole figure, itself after one (or starting the run): the split-off first digit of that figure. */
function isSplitOne(token: RowToken, next: RowToken): boolean {
  return LONE_ONE.test(token.text) && PLAIN_WHOLE.test(next.text)
}

function lower(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b)
}
