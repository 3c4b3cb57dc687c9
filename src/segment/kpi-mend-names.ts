// Mends OCR-damaged indicator names from what the rest of the pack shows: a better-read copy of
// the same name elsewhere, words OCR ran together, a garbled word its sibling rows print plainly.
import type {KpiRowDraft} from './kpi-body.js'
import {editDistance} from '../normalise/edit-distance.js'
import {namesApart} from './kpi-names-apart.js'

/** Two names are copies of one when their letters differ by at most this share (edit distance / length). */
const MAX_COPY_DISTANCE = 0.2
/** A word seen at least this many times in the pack is a word, not OCR damage. */
const MIN_KNOWN_COUNT = 2
/** Each part of a split run-together word must be seen at least this often. */
const MIN_PART_COUNT = 3
/** Run-together words are at least this long (letters). */
const MIN_GLUED_LETTERS = 5
/** A name word with a mark inside it that no printed word has ("a_%:l", "a_%:1", "pld&isited"). */
const GARBLED = /[A-Za-z][^A-Za-z\s'’\-/]+[A-Za-z]|[A-Za-z][^A-Za-z\d\s'’\-/.,()]+\d|^[^A-Za-z0-9(]+[A-Za-z]/

/**
 * Mends damaged row names in place (only names with words seen nowhere else in the pack change); a
 * mend that would give two rows of one table one name, printed differently, is not made.
 * @param tables the rows of every KPI table of the pack, table by table (all of them: uncertain rows name indicators too)
 * @param words how often each lower-case word occurs in the pack's text
 */
export function mendNames(tables: ReadonlyArray<KpiRowDraft[]>, words: ReadonlyMap<string, number>): void {
  const rows = tables.flat()
  const names = [...new Set(rows.map((row) => row.indicator).filter(Boolean))]
  const scanned = new Set(rows.filter(isOcrRow).map((row) => row.indicator))
  const named = wordsInNames(rows)
  const mended = new Map<string, string>()
  for (const name of names) {
    let better = betterCopy(name, names, words) ?? name
    better = splitGlued(better, words)
    better = siblingWord(better, names)
    better = siblingSpeck(better, names, words, named)
    // letters misread one for one happen only in OCR: a rare word of a printed name is a real word
    if (scanned.has(name)) better = groupedFigure(knownLookalike(better, words), names)
    if (better !== name) mended.set(name, better)
  }
  for (const table of tables) {
    const apart = namesApart(table.map((row) => row.indicator), table.map((row) => mended.get(row.indicator) ?? row.indicator))
    table.forEach((row, k) => {
      row.indicator = apart[k]!
    })
  }
}

/** A figure of five digits or more, printed without its thousands space or comma. */
const UNGROUPED_FIGURE = /\b\d{5,}\b/g

/** "per 10000" → "per 10 000" where another name of the pack prints that figure grouped (OCR lost a thin space). */
function groupedFigure(name: string, names: readonly string[]): string {
  return name.replace(UNGROUPED_FIGURE, (figure) => {
    const grouped = figure.replace(/\B(?=(\d{3})+$)/g, ' ')
    const comma = grouped.replace(/ /g, ',')
    // OCR merges a thin space more often than it loses a comma: a name printing it spaced wins
    const others = names.filter((other) => other !== name)
    return others.some((other) => other.includes(grouped)) ? grouped : others.some((other) => other.includes(comma)) ? comma : figure
  })
}

/** True for a row read by OCR: flagged scanned, or with a cell's OCR confidence. */
function isOcrRow(row: KpiRowDraft): boolean {
  return Boolean(row.scanned) || [...(row.confidences?.values() ?? [])].some((c) => c !== null && c !== undefined)
}

/** Lower-case words (letters only) of a text. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? []
}

function unknownWords(name: string, words: ReadonlyMap<string, number>): string[] {
  return wordsOf(name).filter((word) => (words.get(word) ?? 0) < MIN_KNOWN_COUNT)
}

/**
 * The same indicator read better elsewhere: close in letters, fewer unknown words, and every word of
 * `name` that the copy lacks unknown (so "Care Leaver" never turns into "CLA").
 */
function betterCopy(name: string, names: string[], words: ReadonlyMap<string, number>): string | null {
  const unknown = unknownWords(name, words)
  if (!unknown.length) return null
  const letters = squash(name)
  let best: {name: string; distance: number} | null = null
  for (const other of names) {
    if (other === name) continue
    const theirs = squash(other)
    const limit = Math.floor(MAX_COPY_DISTANCE * Math.max(letters.length, theirs.length))
    if (Math.abs(theirs.length - letters.length) > limit) continue
    if (unknownWords(other, words).length >= unknown.length) continue
    const own = new Set(wordsOf(other))
    if (wordsOf(name).some((word) => !own.has(word) && (words.get(word) ?? 0) >= MIN_KNOWN_COUNT)) continue
    const distance = editDistance(letters, theirs, limit)
    if (distance <= limit && (!best || distance < best.distance)) best = {name: other, distance}
  }
  return best?.name ?? null
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\d]+/gu, '')
}

/**
 * "weeksor" → "weeks or", "CLA'who" → "CLA who": an unknown word that is two words the pack uses
 * often, run together (a quote or point OCR read from the space between them dropped; a mark after it kept).
 */
function splitGlued(name: string, words: ReadonlyMap<string, number>): string {
  const known = (word: string) => (words.get(word.toLowerCase()) ?? 0) >= MIN_PART_COUNT
  return name.split(' ').map((whole) => {
    const [, token = whole, mark = ''] = /^(.*?\p{L})([”"’'.,;:]*)$/u.exec(whole) ?? []
    const quoted = /^(\p{L}{2,})['’‘`.](\p{L}{2,})$/u.exec(token)
    if (quoted && !/^(?:ll|re|ve)$/i.test(quoted[2]!) && known(quoted[1]!) && known(quoted[2]!)) return `${quoted[1]} ${quoted[2]}${mark}`
    if (!/^\p{Lu}?\p{Ll}+$/u.test(token) || token.length < MIN_GLUED_LETTERS || (words.get(token.toLowerCase()) ?? 0) >= MIN_KNOWN_COUNT) return whole
    for (let cut = 2; cut <= token.length - 2; cut++) {
      if (known(token.slice(0, cut)) && known(token.slice(cut))) return `${token.slice(0, cut)} ${token.slice(cut)}${mark}`
    }
    return whole
  }).join(' ')
}

/** A misread word is at least this long (letters), and differs from the word meant in at most one letter in this many. */
const MIN_LOOKALIKE_LETTERS = 5
const LETTERS_PER_MISREAD = 4

/** A word this long (letters) may also be a misread one letter longer than the word meant ("assessnients": "m" read as "ni"). */
const MIN_SPLIT_LETTER_LETTERS = 8

/**
 * "eoniacts" → "contacts": a lower-case word of an OCR'd name seen nowhere else in the pack, of the
 * same length as exactly one word the pack uses often and a few edits from it (OCR misreads letters
 * one for one, or a long word's letter as two).
 */
function knownLookalike(name: string, words: ReadonlyMap<string, number>): string {
  return name.split(' ').map((token) => {
    if (!/^\p{Ll}+$/u.test(token) || token.length < MIN_LOOKALIKE_LETTERS || (words.get(token) ?? 0) >= MIN_KNOWN_COUNT) return token
    const limit = Math.floor(token.length / LETTERS_PER_MISREAD)
    const lengths = token.length >= MIN_SPLIT_LETTER_LETTERS ? [token.length, token.length - 1] : [token.length]
    const near = [...words].filter(([word, count]) => count >= MIN_PART_COUNT && lengths.includes(word.length) && editDistance(word, token, limit) <= limit)
    return near.length === 1 ? near[0]![0] : token
  }).join(' ')
}

/** A garbled word between two words that a sibling name prints with one plain word between them ("supervision a_%:l within" → "and"). */
function siblingWord(name: string, names: string[]): string {
  const tokens = name.split(' ')
  tokens.forEach((token, k) => {
    if (!GARBLED.test(token) || k === 0 || k === tokens.length - 1) return
    const found = new Set<string>()
    for (const other of names) {
      const theirs = other.split(' ')
      for (let j = 1; j + 1 < theirs.length; j++) {
        if (theirs[j - 1] === tokens[k - 1] && theirs[j + 1] === tokens[k + 1] && !GARBLED.test(theirs[j]!)) found.add(theirs[j]!)
      }
    }
    if (found.size === 1) tokens[k] = [...found][0]!
  })
  return tokens.join(' ')
}

/** A speck OCR read as a word is at most this many letters ("Ne", "Ii"). */
const MAX_SPECK_LETTERS = 3
/** Two or three capitals (in brackets or not): an abbreviation ("CIN", "(UK)"), a word of the name, not a speck. */
const ACRONYM = /^\W*\p{Lu}{2,3}\W*$/u

/** How often each lower-case word occurs in the rows' names, row by row (a name is printed once a row). */
function wordsInNames(rows: readonly KpiRowDraft[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of rows) for (const word of wordsOf(row.indicator)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/**
 * "Number of contacts Ne" → "Number of contacts": a word of at most three letters, no abbreviation,
 * that a speck made (the pack prints it nowhere but in row names), where another row of the pack
 * prints the name without it, word for word.
 */
function siblingSpeck(name: string, names: readonly string[], words: ReadonlyMap<string, number>, named: ReadonlyMap<string, number>): string {
  const tokens = name.split(' ')
  if (tokens.length < 2) return name
  for (const [k, token] of tokens.entries()) {
    const letters = wordsOf(token)
    if (letters.length !== 1 || letters[0]!.length > MAX_SPECK_LETTERS || /\d/.test(token) || ACRONYM.test(token)) continue
    if ((words.get(letters[0]!) ?? 0) > (named.get(letters[0]!) ?? 0)) continue
    const without = [...tokens.slice(0, k), ...tokens.slice(k + 1)].join(' ')
    if (without !== name && names.includes(without)) return without
  }
  return name
}
