// Attendance at the top of minutes: "Present: Councillors A (Chair), B and C", "Apologies: …",
// "Appointed Member(s): …", lists running over lines and paragraphs, read into people with roles.
import type {Person} from '../compile/model.js'
import {normalisePeople} from '../normalise/person.js'
import {joinLines} from './lines.js'
import type {MinuteLine} from './minutes-lines.js'

/** The attendance lists of one set of minutes. */
export interface Attendance {
  present: Person[]
  apologies: Person[]
  appointedMembers: Person[]
  /** Indices (into the lines given) of the lines the lists were read from. */
  used: Set<number>
}

type ListKind = 'present' | 'apologies' | 'appointedMembers' | 'other'

/** Longest name (characters, ≤) believed: longer pieces are sentences, not names. */
const MAX_NAME_CHARS = 60
/** Indent (points, >) of a line under an attendance label that makes it part of the list. */
const HANGING_INDENT = 12
/** Blocks (≤) a list can run over after its label ("Present:" / names / more names). */
const MAX_LIST_BLOCKS = 6

const TITLE_WORD = String.raw`(?=(?:councill?ors?|cllrs?\.?|mr|mrs|ms|miss|dr|sir|dame|lord|lady|professor|prof)\b)`
const LABELS: Array<[ListKind, RegExp]> = [
  ['present', new RegExp(String.raw`^(?:(?:members|councillors|those)\s+)?present(?:\s+were)?(?:\s*[:\-–—]\s*|\s+${TITLE_WORD}|\s*$)`, 'i')],
  ['apologies', new RegExp(String.raw`^(?:apologies|regrets)(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received|submitted)\s+(?:from|by|on\s+behalf\s+of))?(?:\s*[:\-–—]\s*|\s+${TITLE_WORD})`, 'i')],
  ['appointedMembers', /^(?:appointed|co-?opted)\s+members?\b(?:\s*[:\-–—])?\s*/i],
  ['other', /^(?:also\s+present|also\s+in\s+attendance|in\s+attendance|officers?(?:\s+(?:present|in\s+attendance))?|absent|substitutes?|public\s+gallery|public\s+questions|guests?|staff)\s*[:\-–—]/i]
]
const ROLE_KEPT = /chair|substitute|mayor|ex[- ]officio|deputy/i
const NOT_A_NAME = /^(?:none|nil|n\/a|no\s+apologies.*|no\s+one|cbe|obe|mbe|kbe|dbe|bem|jp|dl|qc|kc|et\s+al)$/i

/** The label of an attendance line and the text after it, or null when the line is no label. */
export function attendanceLabel(text: string): {kind: ListKind, rest: string} | null {
  if (/^[\p{Lu}\s\W]+$/u.test(text) && /\s/.test(text.trim()) && !/[:\-–—]/.test(text)) return null
  for (const [kind, pattern] of LABELS) {
    const match = pattern.exec(text)
    if (match) return {kind, rest: text.slice(match[0].length)}
  }
  return null
}

/**
 * Reads the attendance lists from the top of the minutes until `stop` says an item begins.
 * A list runs on through the rest of its block and into later blocks while it ends in ",", "and",
 * "&" or an open bracket, or when the label stood alone; another label ends it.
 */
export function readAttendance(lines: readonly MinuteLine[], stop: (index: number) => boolean = () => false): Attendance {
  const out: Attendance = {present: [], apologies: [], appointedMembers: [], used: new Set()}
  for (let i = 0; i < lines.length; i++) {
    const label = attendanceLabel(lines[i]!.text)
    if (!label && stop(i)) break
    if (!label) continue
    const end = listEnd(lines, i, label.rest)
    for (let k = i; k < end; k++) out.used.add(k)
    if (label.kind !== 'other') out[label.kind].push(...peopleOf(label.rest, lines.slice(i + 1, end)))
    i = end - 1
  }
  return out
}

/** Index after the last line of the list that starts at `start`. */
function listEnd(lines: readonly MinuteLine[], start: number, rest: string): number {
  let end = start + 1
  let blocks = 1
  let text = rest
  while (end < lines.length) {
    const next = lines[end]!
    if (attendanceLabel(next.text) || /^\d{1,3}[.)]?(?:\s|$)/.test(next.text)) break
    const sameBlock = next.line.block === lines[end - 1]!.line.block
    if (!sameBlock && !((listOpen(text) || hanging(lines[start]!, next)) && blocks < MAX_LIST_BLOCKS)) break
    if (!sameBlock) blocks++
    text += ' ' + next.text
    end++
  }
  return end
}

/** True while a list cannot have ended: empty so far, trailing comma/"and"/"&", or an unclosed bracket. */
function listOpen(text: string): boolean {
  const value = text.trim()
  if (!value) return true
  const open = (value.match(/\(/g) ?? []).length > (value.match(/\)/g) ?? []).length
  return open || /(?:,|\band|&|\(|\b(?:mr|mrs|ms|miss|dr|cllrs?|councill?ors?))$/i.test(value)
}

/** True when a line sits indented under the label line, as a wrapped list does in a PDF. */
function hanging(label: MinuteLine, next: MinuteLine): boolean {
  return label.line.x0 !== null && next.line.x0 !== null && next.line.x0 > label.line.x0 + HANGING_INDENT && next.line.page === label.line.page
}

/** People named in a list; roles other than chair-like ones ("employer representative") are dropped. */
function peopleOf(rest: string, more: readonly MinuteLine[]): Person[] {
  const text = [rest, joinLines(more.map((entry) => ({...entry.line, text: entry.text})))].join(' ')
  return normalisePeople(text.replace(/\s+/g, ' ').trim())
    .map((person) => ({name: person.name.replace(/\s+[.,:;'’‘`]+(?=\s)/g, '').replace(/[.:;]+$/, '').trim(), role: person.role && ROLE_KEPT.test(person.role) ? person.role : null}))
    .filter((person) => person.name.length <= MAX_NAME_CHARS && !NOT_A_NAME.test(person.name) && /^[\p{Lu}\d'‘’]/u.test(person.name))
}
