// How one glossary entry's term text is read: "Child in Need (CIN)", "CIN – Child in Need",
// "CIN" beside "Child in Need …", and inline "Term – definition" lines; pure string functions.
import {normaliseWhitespace} from '../normalise/whitespace.js'

/** A term resolved into its parts. */
export interface ResolvedTerm {
  term: string
  abbreviation: string | null
  definition: string
}

/** Longest term (characters) a glossary prints; longer text is running prose. */
const MAX_TERM_CHARS = 90
/** Most words in a term. */
const MAX_TERM_WORDS = 12
/** Share (≥) of a term's long words that start with a capital ("Looked After Child"). */
const MIN_CAPITAL_SHARE = 0.5
/** Terms of at most this many words may be in sentence case ("Re-referral", "Statistical neighbours"). */
const SENTENCE_CASE_WORDS = 3

/** Small words that are not capitalised inside a title-case term and may be left out of an abbreviation. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', '&', '-', '–', '—', 'de', 'la'])
/** "(CIN)", "(LSCBs)", "(YOS or YOT)" at the end of a term. */
const TRAILING_ABBREVIATION = /^(.+?)\s*\(([^()]{2,20})\)$/
/** "CIN – Child in Need", "CIN: Child in Need", "CIN - Child in Need". */
const LEADING_ABBREVIATION = /^([\p{L}\p{N}&/]{2,12})\s*(?:[–—-]+|:)\s*(.+)$/u
/** Separators between a term and its definition on one line. */
const INLINE_SEPARATOR = /^(.{2,90}?)(?:\s+[–—-]+\s+|:\s+|\t+)(\S.*)$/

/**
 * True for text shaped like an abbreviation: one token with at least two capitals ("CIN", "CiN",
 * "LSCBs", "SEND", "A&E", "0-19").
 */
export function isAbbreviation(text: string): boolean {
  if (!/^[\p{L}\p{N}&/.-]{2,12}$/u.test(text)) return false
  const capitals = (text.match(/\p{Lu}/gu) ?? []).length
  return capitals >= 2 && capitals >= (text.replace(/s$/, '').match(/\p{Ll}/gu) ?? []).length
}

/** True for text shaped like a glossary term: short, title case (or a few words), no sentence end. */
export function isTermLike(text: string): boolean {
  const clean = text.trim()
  if (clean.length < 2 || clean.length > MAX_TERM_CHARS) return false
  if (/[.,;:]$/.test(clean) || /^\d+[.)]?\s/.test(clean) || !/^[\p{Lu}\p{N}'‘“"]/u.test(clean)) return false
  if (/https?:|www\.|@/.test(clean)) return false
  const words = clean.split(/\s+/)
  if (words.length > MAX_TERM_WORDS || (clean.match(/\p{L}/gu) ?? []).length < 2) return false
  if (words.length <= SENTENCE_CASE_WORDS) return true
  const long = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()) && /\p{L}{2}/u.test(word))
  const capitals = long.filter((word) => /^[('‘“"]?[\p{Lu}\p{N}]/u.test(word)).length
  return long.length > 0 && capitals / long.length >= MIN_CAPITAL_SHARE
}

/**
 * Reads a term and its definition text into term, abbreviation and definition.
 * "Child in Need (CIN)" + "A child…" → Child in Need / CIN / A child…;
 * "CIN – Child in Need" + "" → Child in Need / CIN / Child in Need;
 * "CIN" + "Child in Need: a child…" → Child in Need / CIN / a child….
 */
export function resolveTerm(termText: string, definitionText: string): ResolvedTerm {
  const termClean = tidy(termText)
  const definition = tidy(definitionText)
  const trailing = TRAILING_ABBREVIATION.exec(termClean)
  if (trailing && looksLikeAbbreviationGroup(trailing[2]!)) {
    return {term: trailing[1]!.trim(), abbreviation: trailing[2]!.trim(), definition}
  }
  const leading = LEADING_ABBREVIATION.exec(termClean)
  if (leading && isAbbreviation(leading[1]!)) {
    const expanded = expandAbbreviation(leading[1]!, leading[2]!)
    if (expanded) {
      const rest = expanded.separated ? expanded.rest : leading[2]!
      return {term: expanded.expansion, abbreviation: leading[1]!, definition: joinDefinition(rest, definition) || expanded.expansion}
    }
  }
  if (isAbbreviation(termClean) && definition) {
    const expanded = expandAbbreviation(termClean, definition)
    if (expanded?.separated) return {term: expanded.expansion, abbreviation: termClean, definition: expanded.rest || expanded.expansion}
  }
  return {term: termClean, abbreviation: null, definition}
}

/**
 * Splits one line printed as "Term – definition", "Term (ABC): definition", "ABC – Child in Need"
 * into its term and definition text; null when the line is not shaped so.
 */
export function splitInline(text: string): {term: string; definition: string} | null {
  const match = INLINE_SEPARATOR.exec(text.trim())
  if (!match) return null
  const term = match[1]!.trim()
  if (!isTermLike(term) || /[()]/.test(term.replace(TRAILING_ABBREVIATION, '$1'))) return null
  return {term, definition: match[2]!.trim()}
}

/** "(CIN)", "(YOS or YOT)", "(LSCBs)": capitals in brackets, not "(see below)" or "(2019)". */
function looksLikeAbbreviationGroup(text: string): boolean {
  return text.split(/\s+(?:or|and|\/)\s+|\s*[/,]\s*/).every(isAbbreviation)
}

/**
 * Finds the words at the start of `text` whose initials spell `abbreviation` ("CIN" ← "Child in
 * Need"; small words may be skipped, "SEND" ← "Special educational needs and disabilities");
 * `separated` when nothing follows them or a separator does (":", "–", ",").
 */
export function expandAbbreviation(abbreviation: string, text: string): {expansion: string; rest: string; separated: boolean} | null {
  const letters = abbreviation.replace(/s$/, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()
  const words = text.trim().split(/\s+/)
  let at = 0
  let used = 0
  for (const word of words) {
    if (at >= letters.length) break
    const parts = word.replace(/^[('‘“"]+|[)'’”",.;:]+$/g, '').split('-').filter(Boolean)
    const initials = parts.map((part) => part[0]?.toLowerCase() ?? '').join('')
    if (initials && letters.startsWith(initials, at)) at += initials.length
    else if (initials && letters[at] === initials[0]) at += 1
    else if (!SMALL_WORDS.has(word.toLowerCase())) return null
    used++
  }
  if (at < letters.length || used < 2) return null
  const printed = words.slice(0, used).join(' ')
  const after = words.slice(used).join(' ')
  const separated = after === '' || /[,.;:]$/.test(printed) || /^[,.;:–—-]/.test(after)
  return {expansion: printed.replace(/[,.;:]+$/, ''), rest: after.replace(/^[\s,.;:–—-]+/, ''), separated}
}

function joinDefinition(first: string, second: string): string {
  return tidy([first, second].filter(Boolean).join(' '))
}

function tidy(text: string): string {
  return normaliseWhitespace(text).replace(/^[\s:–—-]+/, '').trim()
}
