// The glossary readers' shared working shape (a term with the lines of its definition so far) and
// the line tests they share: debris, repeated headings, where a glossary's back matter begins.
import {isGlossaryHeading} from './glossary-region.js'
import type {DocLine} from './lines.js'

/** A glossary entry being read: its term text, page, and definition pieces in order. */
export interface Draft {
  term: string
  page: number
  /** Definition pieces; `hyphenated` says how a piece joins the next, as on DocLine. */
  pieces: Array<{text: string; hyphenated: DocLine['hyphenated']}>
}

/** Share (≥) of one-character or letterless tokens that makes a line OCR debris (a lost page-number column). */
const DEBRIS_SHARE = 0.6
/** Tokens (≥) a line needs before it can be judged debris. */
const DEBRIS_MIN_TOKENS = 4

/** Column headers of a glossary table ("Term", "Meaning", "Abbreviation", "Definition"). */
export const HEADER_WORD = /^(?:terms?|words?|phrases?|abbreviations?|acronyms?|meanings?|definitions?|descriptions?|explanations?|stands\s+for|full\s+(?:name|title|term|form)|what\s+it\s+means|in\s+full)$/i
/** Back matter that closes a glossary ("Sources", "References"). */
const END_HEADING = /^(?:sources?|references?|further\s+(?:information|reading)|useful\s+(?:links|websites|resources|contacts)|bibliography)$/i
const STAMP_OR_APPENDIX = /^(?:agenda\s+item(?:\s+no\.?)?(?:\s+\d{1,3}[a-z]?)?|(?:appendix|annex|annexe)\s+[\w.]{1,4})\.?$/i

/** True for a line of OCR debris: mostly single characters and symbols. */
export function isDebris(text: string): boolean {
  const tokens = text.trim().split(/\s+/)
  if (!/\p{L}{2}/u.test(text)) return true
  if (tokens.length < DEBRIS_MIN_TOKENS) return false
  const junk = tokens.filter((token) => token.length === 1 || !/\p{L}/u.test(token)).length
  return junk / tokens.length >= DEBRIS_SHARE
}

/** True for lines that repeat on glossary pages without belonging to an entry. */
export function isRepeatedHeading(line: DocLine): boolean {
  const text = line.text.trim()
  if (STAMP_OR_APPENDIX.test(text) || isGlossaryHeading(line)) return true
  const words = text.split(/\s+/)
  return words.length === 2 && HEADER_WORD.test(words[0]!) && HEADER_WORD.test(words[1]!)
}

/** True when the line is a heading such as "Sources" that closes the glossary. */
export function isEndHeading(text: string): boolean {
  return END_HEADING.test(text.trim())
}

/** Joins definition pieces into running text, honouring hyphenation. */
export function draftText(draft: Draft): string {
  let out = ''
  let glue = ''
  for (const piece of draft.pieces) {
    const text = piece.hyphenated === 'drop' ? piece.text.slice(0, -1) : piece.text
    out += (out ? glue : '') + text
    glue = piece.hyphenated ? '' : ' '
  }
  return out.replace(/\s+/g, ' ').trim()
}

/** A definition piece from a line. */
export function pieceOf(line: DocLine, text = line.text): Draft['pieces'][number] {
  return {text, hyphenated: line.hyphenated}
}
