// Mends the word-level damage OCR does to table lines before they are cut into cells: "|" rules read
// glued to a cell ("NA|", "125]", "[Neighbours"), a rule read as a letter between figures ("9% i 77%"), a word read in two ("Feb-" "22"),
// a quote speck around a figure ("‘TBC", "195°").
import type {Word} from '../tree/types.js'

/**
 * A "|" rule, and the brackets OCR reads a rule as when nothing in the word closes or opens a bracket
 * (a "[" the word closes with ")", "[WL%)", is a misread bracket: kpi-mend-marks.ts).
 */
const RULE = /[|]/
const OPEN_RULE = /^\[(?=[^\])]*$)/
const CLOSE_RULE = /(?<=^[^[(]*)\]$/
/**
 * One character a rule between two figures is read as ("9% i 77%", "12 ! 14"); never a digit. Only on
 * a line with rules read as such: on an unruled line a lone "l" or "I" between figures may be a "1" cell.
 */
const RULE_LIKE = /^[|!¦iIl[\]{}]$/
/** Two words closer than this share of their height were one word read in two ("Feb-" "22"): a space is ~0.25 of it. */
const SPLIT_GAP_HEIGHTS = 0.12
/** A word broken after a hyphen or slash, and the piece that finishes it (starting with a letter or digit). */
const BROKEN_END = /[-/–]$/
const PIECE_START = /^[\p{L}\d]/u

/**
 * The words of one OCR'd line with rule and split-word damage mended (order kept; words without a
 * box are only split, never joined).
 * @param words the line's words in x order
 * @param isFigure true for a word that is a table figure (a number or a "no figure" mark)
 */
export function mendOcrWords(words: readonly Word[], isFigure: (text: string) => boolean): Word[] {
  const split = words
    .flatMap(splitRules)
    .flatMap((w) => splitGluedCells(w, isFigure))
    .map((w) => withoutQuoteSpeck(w, isFigure))
  const hasRules = split.some((w) => w.value === '|')
  const ruled = split.map((w, k) => (hasRules && isRuleBetweenFigures(split, k, isFigure) ? {...w, value: '|'} : w))
  return joinBroken(ruled)
}

/** Quote marks OCR reads from a speck before a word ("‘TBC", "“82%"); no cell starts with one. */
const QUOTE_SPECK = /^[‘’'"“”`]+/
/**
 * Marks OCR reads from a speck after a word ("195°", "82%’", "511:", "N/A."); no cell ends with one. A
 * colon, semicolon or point ends a label or a sentence ("Target:"), never a figure, so after one it is a
 * speck too (a point only counts where the word is no figure with it, as "12." is).
 */
const END_SPECK = /[°’'"”`:;.]+$/

/** A word that is a figure once quote specks around it are dropped ("‘TBC" → "TBC", "195°" → "195"); other words as read. */
function withoutQuoteSpeck(w: Word, isFigure: (text: string) => boolean): Word {
  const value = w.value.replace(QUOTE_SPECK, '').replace(END_SPECK, '')
  return value !== w.value && value && !isFigure(w.value) && isFigure(value) ? {...w, value} : w
}

/** A word with rules glued to it cut into the word and its rules ("NA|" → "NA", "|"), boxes shared out by characters. */
function splitRules(w: Word): Word[] {
  const value = w.value.replace(OPEN_RULE, '|').replace(CLOSE_RULE, '|')
  if (!RULE.test(value) || value === '|') return [w]
  const pieces = value.split(/(\|)/).filter(Boolean)
  if (!pieces.every((p) => p === '|' || /[\p{L}\d]/u.test(p))) return [w]
  return shareBox(w, pieces)
}

/** Cells that end where the next starts, as OCR glues them when a table is set tight ("N/AN/AN/A", "24%25%"). */
const GLUED_CELL = /N\/A|n\/a|NA|TBC|\d[\d,]*(?:\.\d+)?%/g

/** A word of two or more such cells cut into them, boxes shared out by characters; other words as read. */
function splitGluedCells(w: Word, isFigure: (text: string) => boolean): Word[] {
  if (isFigure(w.value)) return [w]
  const pieces = w.value.match(GLUED_CELL)
  if (!pieces || pieces.length < 2 || pieces.join('') !== w.value || !pieces.every(isFigure)) return [w]
  return shareBox(w, pieces)
}

/** A word cut into pieces (their text joined is its text), its box shared out by characters. */
function shareBox(w: Word, pieces: readonly string[]): Word[] {
  const box = w.data.bbox
  if (!box) return pieces.map((p) => ({...w, value: p}))
  const perChar = (box[2] - box[0]) / pieces.join('').length
  let at = 0
  return pieces.map((p) => {
    const x0 = box[0] + at * perChar
    at += p.length
    return {...w, value: p, data: {...w.data, bbox: [x0, box[1], box[0] + at * perChar, box[3]]}}
  })
}

function isRuleBetweenFigures(words: readonly Word[], k: number, isFigure: (text: string) => boolean): boolean {
  const before = words[k - 1]
  const after = words[k + 1]
  return RULE_LIKE.test(words[k]!.value) && Boolean(before && after && isFigure(before.value) && isFigure(after.value))
}

/** Words read in two with no space between ("Feb-" "22") joined again. */
function joinBroken(words: Word[]): Word[] {
  const out: Word[] = []
  for (const w of words) {
    const last = out[out.length - 1]
    if (last && isBrokenPair(last, w)) out[out.length - 1] = joined(last, w)
    else out.push(w)
  }
  return out
}

function isBrokenPair(a: Word, b: Word): boolean {
  const [boxA, boxB] = [a.data.bbox, b.data.bbox]
  if (!boxA || !boxB || !BROKEN_END.test(a.value) || !PIECE_START.test(b.value)) return false
  const height = Math.min(boxA[3] - boxA[1], boxB[3] - boxB[1])
  return height > 0 && boxB[0] - boxA[2] <= SPLIT_GAP_HEIGHTS * height
}

function joined(a: Word, b: Word): Word {
  const [boxA, boxB] = [a.data.bbox!, b.data.bbox!]
  const bbox: [number, number, number, number] = [boxA[0], Math.min(boxA[1], boxB[1]), boxB[2], Math.max(boxA[3], boxB[3])]
  const confidence = a.data.confidence !== undefined && b.data.confidence !== undefined ? Math.min(a.data.confidence, b.data.confidence) : a.data.confidence
  const data = {...a.data, bbox}
  if (confidence !== undefined) data.confidence = confidence
  return {...a, value: a.value + b.value, data}
}
