// Rebuilds the CONTACT DETAILS rows of a report cover sheet (role, Title, Name, Tel, E-mail) from
// running text, since OCR and text extraction break the table rows apart in any order.
import type {Report} from '../compile/model.js'

export type Contact = Report['contacts'][number]

type Field = 'name' | 'title' | 'phone' | 'email'

/** The field labels of a contact row; "Title" and "Name" may come without a colon. */
const FIELD_LABEL = /(?<![\p{L}@.])(Name|(?:Job\s+)?Title|Telephone(?:\s+No\.?)?|Tel(?:\s+No)?\.?|Phone|Mobile|E-?\s?mail(?:\s+address)?)(?![\p{L}@])\s*[:|]?\s*/giu
/** A phone number at the start of a value: digits with spaces, brackets, "+", "ext". */
const PHONE = /^\+?[\d(][\d\s()-]{5,}\d(?:\s*(?:ext\.?|x)\s*\d+)?/i
/** An e-mail address anywhere in a value. */
const EMAIL = /[\w.'+-]+@[\w-]+(?:\.[\w-]+)+/
/** A role label left at the end of a value: "… Author:", "… Head of Service:". */
const TRAILING_ROLE = /^(.*?)[\s,]+((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:of|and|for|\p{Lu}[\p{L}'’-]*)){0,5})\s*:$/u
/** A role name ending a value when the next row starts with its Name: "… Early Help Director" / "Name: …". */
const KNOWN_ROLE = /^(.*?)[\s,]+((?:(?:Executive|Corporate|Service|Strategic|Assistant|Deputy|Lead|Report|Contact)\s+)?(?:Author|Director|Head of Service|Officer|Manager|Member))$/
/** Role given to a contact whose row names none. */
const DEFAULT_ROLE = 'Contact'

/** A contact being assembled. */
interface Draft {
  role: string | null
  fields: Partial<Record<Field, string>>
}

/**
 * The contacts in the text of a CONTACT DETAILS section, in printed order.
 * @param text the section's lines joined with spaces
 */
export function reportContacts(text: string): Contact[] {
  const matches = [...text.matchAll(FIELD_LABEL)]
  if (!matches.length) return []
  const out: Contact[] = []
  let draft: Draft = {role: roleOf(text.slice(0, matches[0]?.index ?? 0)), fields: {}}
  matches.forEach((match, i) => {
    const end = matches[i + 1]?.index ?? text.length
    const field = fieldOf(match[1] as string)
    const nextIsName = fieldOf((matches[i + 1]?.[1] as string | undefined) ?? '') === 'name' && draft.fields.name !== undefined
    const {value, rest} = splitValue(field, text.slice((match.index ?? 0) + match[0].length, end), nextIsName)
    if (draft.fields[field] !== undefined) draft = flush(out, draft, null)
    if (value) draft.fields[field] = value
    const role = roleOf(rest)
    if (role) draft = flush(out, draft, role)
  })
  flush(out, draft, null)
  return out
}

function fieldOf(label: string): Field {
  const l = label.toLowerCase()
  if (l.startsWith('name')) return 'name'
  if (l.includes('title')) return 'title'
  if (l.includes('mail')) return 'email'
  return 'phone'
}

/** Splits a field's raw text into its value and what follows it (the next row's role). */
function splitValue(field: Field, raw: string, nextIsName: boolean): {value: string; rest: string} {
  const text = raw.trim()
  if (field === 'email') {
    const found = EMAIL.exec(text)
    if (found) return {value: found[0].replace(/\.$/, ''), rest: text.slice((found.index ?? 0) + found[0].length)}
  }
  if (field === 'phone') {
    const found = PHONE.exec(text)
    if (found) return {value: found[0].trim(), rest: text.slice(found[0].length)}
  }
  const role = TRAILING_ROLE.exec(text) ?? (nextIsName ? KNOWN_ROLE.exec(text) : null)
  if (role) return {value: tidy(role[1] as string), rest: role[2] as string}
  return {value: tidy(text).replace(/\.$/, '').replace(/\s+\p{Ll}$/u, ''), rest: ''}
}

function roleOf(text: string): string | null {
  const role = text.replace(/[:|,;]+/g, ' ').replace(/\s+/g, ' ').trim()
  return /\p{L}{2,}/u.test(role) ? role : null
}

function tidy(text: string): string {
  return text.replace(/^[\s,;:|]+|[\s,;:|]+$/g, '').replace(/\s+/g, ' ')
}

function flush(out: Contact[], draft: Draft, nextRole: string | null): Draft {
  const {fields} = draft
  if (Object.keys(fields).length) {
    out.push({role: draft.role ?? DEFAULT_ROLE, title: fields.title ?? null, name: fields.name ?? null, phone: fields.phone ?? null, email: fields.email ?? null})
  }
  return {role: nextRole, fields: {}}
}
