// Attendance lists → people with roles: "Councillors T Bunday (Chair), J Baillie and Webb" →
// [{name: "T Bunday", role: "Chair"}, …]. "Councillor(s)"/"Cllr" are titles, not names.
import {normaliseWhitespace} from './whitespace.js'

/** A person named in minutes or a report. */
export interface PersonName {
  name: string
  role: string | null
}

const COUNCILLOR_TITLE = /\b(?:councill?ors?|cllrs?\.?)\s+/gi
const ROLE_IN_BRACKETS = /\s*[([]\s*([^)\]]+?)\s*[)\]]\s*$/
const ROLE_AFTER_DASH = /\s+[-–—]\s+((?:vice[- ]?)?chair(?:man|woman|person)?|deputy chair|vice[- ]?chair)\s*$/i
const KNOWN_ROLE = /^(?:vice[- ]?chair(?:man|woman|person)?|chair(?:man|woman|person)?|deputy chair|in the chair|substitute.*|ex[- ]officio|co-?opted.*)$/i
const SEPARATORS = /\s*(?:[,;]|\band\b|&)\s*/i

/**
 * Splits an attendance list into people. A bracketed role attaches to the name before it;
 * "Councillors" at the start or inside the list is dropped; a trailing full stop is ignored.
 * Examples: "Councillors Lambert, Quadir" → [Lambert, Quadir];
 * "Councillor A Smith (Vice-Chair) and Mrs B Jones" → [{A Smith, Vice-Chair}, {Mrs B Jones, null}].
 */
export function normalisePeople(list: string): PersonName[] {
  const text = normaliseWhitespace(list).replace(COUNCILLOR_TITLE, '').replace(/[.;:]+$/, '')
  const out: PersonName[] = []
  for (const part of splitOutsideBrackets(text)) {
    const person = normalisePerson(part)
    if (person) out.push(person)
  }
  return out
}

/** One name with an optional role: "T Bunday (Chair)" → {name: "T Bunday", role: "Chair"}; "" → null. */
export function normalisePerson(text: string): PersonName | null {
  let name = normaliseWhitespace(text).replace(COUNCILLOR_TITLE, '')
  let role: string | null = null
  const bracket = ROLE_IN_BRACKETS.exec(name) ?? ROLE_AFTER_DASH.exec(name)
  if (bracket) {
    role = normaliseRole(bracket[1]!)
    name = name.slice(0, bracket.index).trim()
  }
  name = name.replace(/^[-–—•*,.\s]+|[-–—,.\s]+$/g, '')
  return /\p{L}/u.test(name) ? {name, role} : null
}

/** "vice chair" → "Vice-Chair", "CHAIRMAN" → "Chair"; other roles keep their words, capitalised. */
export function normaliseRole(text: string): string {
  const role = normaliseWhitespace(text)
  if (/^vice[- ]?chair/i.test(role)) return 'Vice-Chair'
  if (/^(?:chair(?:man|woman|person)?|in the chair)$/i.test(role)) return 'Chair'
  return KNOWN_ROLE.test(role) ? role.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : role
}

function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const token of text.split(/(\(|\)|\[|\])/)) {
    if (token === '(' || token === '[') depth++
    if (token === ')' || token === ']') depth = Math.max(0, depth - 1)
    if (depth > 0 || token === ')' || token === ']' || token === '(' || token === '[') current += token
    else {
      const pieces = token.split(SEPARATORS)
      current += pieces.shift() ?? ''
      for (const piece of pieces) {
        parts.push(current)
        current = piece
      }
    }
  }
  parts.push(current)
  return parts
}
