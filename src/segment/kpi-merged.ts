// Splits figures that OCR read as one word out of two cells ("11999" for "119 | 99", "62%45%"): such a
// word is wider than its characters by the gap it swallowed, and its row is short of that many figures.
import {splitManyMerged} from './kpi-row-merged-many.js'
import {median} from '../normalise/median.js'
import {isValueToken} from './kpi-segments.js'

/** One token of a row: its text, OCR confidence, and width (points) where it was one positioned word. */
export interface RowToken {
  text: string
  confidence: number | null
  width: number | null
  /** Left edge (points) where OCR gave the word its own box. */
  x0?: number | null
  /** On the first half of plain digits cut by size ("11598" → "115" + "98"): the word as read, the cut being a guess. */
  guessedFrom?: string
}

/** A word at least this many times wider per character than the row's other figures swallowed a gap. */
const WIDE_SHARE = 1.3
/** Figures of the row needed besides the wide ones to judge their width. */
const MIN_OTHERS = 3
/** Plain figures whose width per character is compared (digits with their marks). */
const PLAIN_FIGURE = /^[<>]?[£$€]?\d[\d,.]*%?$/
/** Two percentages run together ("62%45%"), split after the first "%". */
const TWO_PERCENTAGES = /^(\d[\d.]*%)(\d[\d.]*%)$/
/** Digits only: cut where both halves come nearest in size to the figures beside them. */
const DIGITS = /^\d{2,}$/
/** A second half starting with a zero ("1|05") is no printed figure: never cut there. */
const LEADING_ZERO = /^0\d/
/** A plain whole figure ("98", "1,203") whose size a cut is measured against. */
const WHOLE_FIGURE = /^\d[\d,]*$/

/** Two figures OCR joined over the rule between them with a dash ("554-518"): both halves plain figures of one kind.
 * Two "no figure" marks run together ("N/ANJA") are split the same way, each half a mark starting with "N". */
const DASHED_PAIR = /^(\d[\d,.]*%?)[-–—](\d[\d,.]*%?)$/
/** Two percentages OCR joined by a speck read as a point or comma ("97%.53%"): no figure goes on after its "%". */
const POINTED_PERCENTS = /^(\d[\d,.]*%)[.,](\d[\d,.]*%)$/

/** True for a word that is two figures joined by a dash ("554-518"), two percentages by a point ("97%.53%") or two "no figure" marks run together ("N/ANJA"). */
export function isDashedPair(text: string): boolean {
  return pairOf(text) !== null
}

/** The two cells of a joined pair, or null. */
function pairOf(text: string): [string, string] | null {
  const pair = DASHED_PAIR.exec(text)
  if (pair) return pair[1]!.endsWith('%') === pair[2]!.endsWith('%') ? [pair[1]!, pair[2]!] : null
  const pointed = POINTED_PERCENTS.exec(text)
  if (pointed) return [pointed[1]!, pointed[2]!]
  for (let cut = 2; cut <= text.length - 2; cut++) {
    const [a, b] = [text.slice(0, cut), text.slice(cut)]
    if (/^n/i.test(a) && /^n/i.test(b) && isValueToken(a) && isValueToken(b) && !/\d/.test(text)) return [a, b]
  }
  return null
}

/**
 * The run with each dashed pair ("554-518") split in two, when the pairs number exactly the figures
 * the row is short of (a range printed in one cell would leave the row full); else null.
 * @param run the figures of one row in order
 * @param missing how many figures the row is short of its columns
 */
export function splitDashed(run: readonly RowToken[], missing: number): RowToken[] | null {
  if (missing < 1 || run.filter((t) => isDashedPair(t.text)).length !== missing) return null
  return run.flatMap((token) => {
    const pair = pairOf(token.text)
    return pair ? pair.map((text) => ({text, confidence: token.confidence, width: null})) : [token]
  })
}

/** True for a word that is two percentages run together ("62%45%"): a figure of the row's run, though no one figure. */
export function isMergedPercentages(text: string): boolean {
  return TWO_PERCENTAGES.test(text)
}

/**
 * The run of figures with each merged word split in two, when the words wider than their characters
 * number exactly the figures missing and every one splits; else null. Two percentages split after
 * the first "%" are certain; plain digits cut by size are a guess, marked by `guessedFrom` on the first half.
 * @param run the figures of one row in order
 * @param missing how many figures the row is short of its columns
 */
export function splitMerged(run: readonly RowToken[], missing: number): RowToken[] | null {
  if (missing < 1) return null
  const rates = run.map((t) => (t.width !== null && (PLAIN_FIGURE.test(t.text) || TWO_PERCENTAGES.test(t.text)) ? t.width / t.text.length : null))
  const known = rates.filter((r): r is number => r !== null)
  if (known.length < 1 + MIN_OTHERS) return null
  const typical = median(known)
  const wide = rates.map((r) => r !== null && r >= WIDE_SHARE * typical)
  const wideCount = wide.filter(Boolean).length
  if (known.length < wideCount + MIN_OTHERS) return null
  // fewer wide words than figures missing: some swallowed more than one gap (kpi-row-merged-many.ts)
  if (wideCount > 0 && wideCount < missing) return splitManyMerged(run, missing, wide)
  if (wideCount !== missing) return null
  const out: RowToken[] = []
  for (const [k, token] of run.entries()) {
    if (!wide[k]) {
      out.push(token)
      continue
    }
    const halves = splitOne(token.text, run[k - 1]?.text, run[k + 1]?.text)
    if (!halves) return null
    const [first, second] = halves.map((text) => ({text, confidence: token.confidence, width: null}))
    out.push(TWO_PERCENTAGES.test(token.text) ? first! : {...first!, guessedFrom: token.text}, second!)
  }
  return out
}

/** The two figures of a merged word, or null when it cannot be cut with any sense. */
function splitOne(text: string, before: string | undefined, after: string | undefined): [string, string] | null {
  const percentages = TWO_PERCENTAGES.exec(text)
  if (percentages) return [percentages[1]!, percentages[2]!]
  if (!DIGITS.test(text)) return null
  const left = sizeOf(before)
  const right = sizeOf(after)
  if (left === null || right === null) return null
  let best: {cut: number; distance: number} | null = null
  for (let cut = 1; cut < text.length; cut++) {
    const [a, b] = [text.slice(0, cut), text.slice(cut)]
    if (LEADING_ZERO.test(b)) continue
    const distance = Math.abs(Math.log10(Number(a) + 1) - left) + Math.abs(Math.log10(Number(b) + 1) - right)
    if (!best || distance < best.distance) best = {cut, distance}
  }
  return best ? [text.slice(0, best.cut), text.slice(best.cut)] : null
}

/** The order of magnitude of a plain whole figure beside the merged one, or null. */
function sizeOf(text: string | undefined): number | null {
  if (!text || !WHOLE_FIGURE.test(text)) return null
  return Math.log10(Number(text.replace(/,/g, '')) + 1)
}
