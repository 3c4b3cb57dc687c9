// Mends words OCR was unsure of in an indicator name from the sibling row of the same table that
// prints the same name around them ("… for pho a visit has taken RE within …" → "whom", "place").
import type {KpiRowDraft, NameWord} from './kpi-body.js'
import {wordsOf} from './kpi-mend-names.js'
import {namesApart} from './kpi-names-apart.js'

/**
 * A word OCR read with less confidence than this (0–1) may be misread: tesseract gives words it read
 * right 0.9 or more and seldom under 0.75 (a smudged "visited" 0.77), while misreads such as "pho"
 * for "whom" and "RE" for "place" come out at 0.36 and 0.20.
 */
export const LOW_CONFIDENCE = 0.6
/**
 * A word read with at least this confidence was read as printed (words read right: 0.9 and more):
 * a sibling's word is taken only when read so, and a word read so is never replaced, even one the
 * pack prints nowhere else ("Care Leaver" beside "CPP", read at 0.96).
 */
const HIGH_CONFIDENCE = 0.85
/**
 * The two names must agree on at least this share of the longer one's words: sibling rows of a KPI
 * table differ in a few words ("2 weeks (10 Working Days)" / "4 weeks (20 Working Days)"), and
 * names alike in fewer words are different indicators.
 */
const MIN_AGREEMENT = 0.7
/** A word the pack uses at least this often is a known word, not OCR damage (as kpi-mend-names.ts judges). */
const MIN_KNOWN_COUNT = 2
/** Words with a figure are where sibling rows differ by design ("2 weeks" / "4 weeks"): never taken from a sibling. */
const FIGURE = /\d/

/** Two names aligned word by word: the index pairs of the words put against each other (equal or not). */
type Pairs = Array<[number, number]>

/** One row's name as words with each word's OCR confidence (null where unknown). */
export interface Name {
  tokens: string[]
  confidences: Array<number | null>
}

/**
 * Mends, in place, the OCR'd rows of one table whose names have words OCR was unsure of, from the
 * sibling row most alike in words. A word is replaced only where it was read with low confidence
 * (or not confidently and is unknown to the pack), the sibling's word was read with high confidence,
 * neither has a figure, and the names agree on most other words; a mend that would repeat another
 * row's name is not made.
 * Rows not read by OCR (text layers, markdown) are left as printed.
 * @param rows the rows of one table, in order
 * @param words how often each lower-case word occurs in the pack's text
 */
export function mendFromSiblings(rows: KpiRowDraft[], words: ReadonlyMap<string, number>): void {
  const names = rows.map((row) => (isOcrName(row) ? nameOf(row) : null))
  const mended = namesApart(rows.map((row) => row.indicator), rows.map((row, k) => mendedName(k, names, words) ?? row.indicator))
  rows.forEach((row, k) => {
    row.indicator = mended[k]!
  })
}

/** True for a row whose name words carry OCR confidences (text layers and markdown give none). */
export function isOcrName(row: KpiRowDraft): boolean {
  return (row.nameWords ?? []).some((w) => w.confidence !== null)
}

/** The row's name as words, each with the confidence of the word it was read from (matched in order; null when tidying changed it). */
export function nameOf(row: KpiRowDraft): Name {
  const tokens = row.indicator.split(' ').filter(Boolean)
  const read: readonly NameWord[] = row.nameWords ?? []
  let at = 0
  const confidences = tokens.map((token) => {
    const found = read.findIndex((w, k) => k >= at && w.text === token)
    if (found < 0) return null
    at = found + 1
    return read[found]!.confidence
  })
  return {tokens, confidences}
}

/** Row k's name mended from its most alike sibling, or null when nothing is mended. */
function mendedName(k: number, names: ReadonlyArray<Name | null>, words: ReadonlyMap<string, number>): string | null {
  const name = names[k]
  if (!name || !name.tokens.some((token, i) => isUnsure(token, name.confidences[i] ?? null, words))) return null
  const sibling = likestSibling(k, names)
  if (!sibling) return null
  const tokens = [...name.tokens]
  let changed = false
  for (const [i, j] of sibling.pairs) {
    const [ours, theirs] = [name.tokens[i]!, sibling.name.tokens[j]!]
    if (key(ours) === key(theirs) || FIGURE.test(ours) || FIGURE.test(theirs)) continue
    if (!isUnsure(ours, name.confidences[i] ?? null, words) || (sibling.name.confidences[j] ?? 0) < HIGH_CONFIDENCE) continue
    tokens[i] = theirs
    changed = true
  }
  return changed ? tokens.join(' ') : null
}

/** A word OCR may have misread: read with low confidence, or not read confidently and used nowhere else in the pack. */
function isUnsure(token: string, confidence: number | null, words: ReadonlyMap<string, number>): boolean {
  if (confidence === null || confidence >= HIGH_CONFIDENCE) return false
  return confidence < LOW_CONFIDENCE || wordsOf(token).some((word) => (words.get(word) ?? 0) < MIN_KNOWN_COUNT)
}

/** The OCR'd sibling agreeing with row k on the most words (at least MIN_AGREEMENT of them), nearest first on ties. */
function likestSibling(k: number, names: ReadonlyArray<Name | null>): {name: Name; pairs: Pairs} | null {
  const name = names[k]!
  let best: {name: Name; pairs: Pairs; agreement: number; distance: number} | null = null
  for (const [j, other] of names.entries()) {
    if (!other || j === k) continue
    const pairs = alignWords(name.tokens.map(key), other.tokens.map(key))
    const same = pairs.filter(([a, b]) => key(name.tokens[a]!) === key(other.tokens[b]!)).length
    const agreement = same / Math.max(name.tokens.length, other.tokens.length)
    const distance = Math.abs(j - k)
    if (agreement < MIN_AGREEMENT || (best && (agreement < best.agreement || (agreement === best.agreement && distance >= best.distance)))) continue
    best = {name: other, pairs, agreement, distance}
  }
  return best
}

/** A word compared without case or marks ("(20" and "20" agree). */
function key(token: string): string {
  return token.toLowerCase().replace(/[^\p{L}\d]+/gu, '')
}

/**
 * Aligns two word lists by the fewest insertions, deletions and substitutions (Levenshtein over
 * words) and returns the pairs of words put against each other, equal or substituted, in order.
 * Example: ["for", "pho", "a"] / ["for", "whom", "a"] → [[0, 0], [1, 1], [2, 2]].
 */
export function alignWords(a: readonly string[], b: readonly string[]): Pairs {
  const cost = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      cost[i]![j] = Math.min(substitution, cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1)
    }
  }
  const pairs: Pairs = []
  let [i, j] = [a.length, b.length]
  while (i > 0 && j > 0) {
    const here = cost[i]![j]!
    if (here === cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) pairs.push([--i, --j])
    else if (here === cost[i - 1]![j]! + 1) i--
    else j--
  }
  return pairs.reverse()
}
