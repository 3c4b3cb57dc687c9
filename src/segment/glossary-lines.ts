// Reads glossary entries from lines in reading order: a term on its own line with its definition
// below (OCR), "Term – definition" lines, and table rows (term cell, definition cell). Rules:
// - an index of terms at the glossary's head (a run of term-shaped lines with no definitions)
//   is read as the list of known terms and skipped;
// - a term line is short, title case, ends no sentence, and starts a block or follows a line that
//   ended one (or is a known term); a line "(ABC)" right after a term finishes that term;
// - every other line continues the current definition, over lines and pages; "Sources" ends it.
import {HEADER_WORD, isDebris, isEndHeading, isRepeatedHeading, pieceOf, type Draft} from './glossary-draft.js'
import {isAbbreviation, isTermLike, splitInline} from './glossary-term.js'
import type {DocLine} from './lines.js'

/** Term-shaped lines in a row (≥) at a glossary's head that make an index of its terms. */
const MIN_INDEX_RUN = 5

/** Column roles of a glossary table, from its header row. */
interface Columns {
  term: number
  abbreviation: number | null
  definition: number[]
}

/** Reading state carried from line to line. */
interface State {
  drafts: Draft[]
  known: Set<string>
  columns: Columns | null
  /** The current draft has no definition yet (its term line was the previous line). */
  open: boolean
}

/**
 * Reads the entries of one glossary region.
 * @param region the glossary's body lines in reading order
 * @returns drafts in order (definitions may be empty; the caller drops those)
 */
export function readGlossaryLines(region: readonly DocLine[]): Draft[] {
  const usable = region.filter((line) => !isDebris(line.text) && !isRepeatedHeading(line))
  const index = indexRun(usable)
  const state: State = {drafts: [], known: new Set(index.map((line) => key(line.text))), columns: null, open: false}
  const body = usable.slice(index.length)
  for (let at = 0; at < body.length; at++) {
    const line = body[at]!
    if (isEndHeading(line.text) && state.drafts.some((draft) => draft.pieces.length > 0)) break
    if (line.cells && line.cells.filter((cell) => cell.trim()).length >= 2) readRow(line, state)
    else readLine(line, body[at - 1], body[at + 1], state)
  }
  return state.drafts
}

/** The run of term-shaped lines that lists the glossary's terms before the definitions. */
function indexRun(lines: readonly DocLine[]): DocLine[] {
  const seen = new Set<string>()
  let end = 0
  while (end < lines.length) {
    const line = lines[end]!
    if (line.cells || !isTermLike(line.text) || seen.has(key(line.text))) break
    seen.add(key(line.text))
    end++
  }
  return end >= MIN_INDEX_RUN ? lines.slice(0, end) : []
}

function readLine(line: DocLine, previous: DocLine | undefined, next: DocLine | undefined, state: State): void {
  const current = state.drafts[state.drafts.length - 1]
  if (current && state.open && /^\([^()]{2,20}\)$/.test(line.text.trim())) {
    current.term += ' ' + line.text.trim()
    return
  }
  const inline = state.open ? null : inlineEntry(line, previous)
  if ((!inline || !abbreviated(inline.term)) && isTermLine(line, previous, next, state)) {
    state.drafts.push({term: line.text.trim(), page: line.page, pieces: []})
    state.open = true
    return
  }
  if (inline) {
    state.drafts.push({term: inline.term, page: line.page, pieces: [pieceOf(line, inline.definition)]})
  } else if (current) {
    current.pieces.push(pieceOf(line))
  }
  state.open = false
}

/** A term printed on its own line. */
function isTermLine(line: DocLine, previous: DocLine | undefined, next: DocLine | undefined, state: State): boolean {
  if (!isTermLike(line.text) || HEADER_WORD.test(line.text.trim())) return false
  if (state.known.has(key(line.text))) return true
  if (line.blockType === 'listItem' || !next || /^\p{Ll}/u.test(next.text)) return false
  if (state.open && state.known.size === 0 && !line.first) return false
  return startsEntry(line, previous)
}

/**
 * A "Term – definition" line that starts an entry: after a sentence end or a block start, or
 * anywhere when its term is an abbreviation ("PCSO - Police Community Support Officer").
 */
function inlineEntry(line: DocLine, previous: DocLine | undefined): {term: string; definition: string} | null {
  const inline = splitInline(line.text)
  if (!inline || /^\p{Ll}/u.test(line.text)) return null
  if (startsEntry(line, previous)) return inline
  return abbreviated(inline.term) ? inline : null
}

/** "PCSO", "Child in Need (CIN)": a term that is or carries an abbreviation. */
function abbreviated(term: string): boolean {
  return isAbbreviation(term) || /\([^()]{2,20}\)$/.test(term)
}

/** The line starts a block, or the line before it ended a sentence or was a heading. */
function startsEntry(line: DocLine, previous: DocLine | undefined): boolean {
  if (/^\p{Ll}/u.test(line.text)) return false
  if (line.first || !previous || previous.blockType === 'heading') return true
  return /[.!?:;]["'”’)]?$/.test(previous.text.trim())
}

/** A table row: header rows set the column roles; a row without a term continues the last entry. */
function readRow(line: DocLine, state: State): void {
  const cells = line.cells!.map((cell) => cell.trim())
  if (cells.filter(Boolean).every((cell) => HEADER_WORD.test(cell))) {
    state.columns = columnsOf(cells)
    return
  }
  const columns = state.columns ?? {term: 0, abbreviation: null, definition: cells.map((_, i) => i).slice(1)}
  const term = cells[columns.term] ?? ''
  const abbreviation = columns.abbreviation === null ? '' : cells[columns.abbreviation] ?? ''
  const definition = columns.definition.map((i) => cells[i] ?? '').filter(Boolean).join(' ')
  const current = state.drafts[state.drafts.length - 1]
  if (!term && !abbreviation) {
    if (current && definition) current.pieces.push({text: definition, hyphenated: null})
    return
  }
  const termText = term && abbreviation ? `${term} (${abbreviation})` : term || abbreviation
  state.drafts.push({term: termText, page: line.page, pieces: definition ? [{text: definition, hyphenated: null}] : []})
  state.open = false
}

function columnsOf(cells: string[]): Columns {
  const abbreviation = cells.findIndex((cell) => /^(?:abbreviations?|acronyms?)$/i.test(cell))
  const term = cells.findIndex((cell) => /^(?:terms?|words?|phrases?)$/i.test(cell))
  const termColumn = term !== -1 ? term : abbreviation !== -1 ? abbreviation : 0
  const abbreviationColumn = term !== -1 && abbreviation !== -1 ? abbreviation : null
  const definition = cells.map((_, i) => i).filter((i) => i !== termColumn && i !== abbreviationColumn)
  return {term: termColumn, abbreviation: abbreviationColumn, definition}
}

/** Comparison key of a term: letters and digits, lower case. */
export function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

