// Finds a recommendation tracker's header ("Date | Title | Action proposed | Action taken | Progress
// status") and what each column holds; the header may be a table row or one run-together line.
import type {DocLine} from './lines.js'

/** The fields of a tracker row, in the Pack's order. */
export const ROLES = ['date', 'title', 'actionProposed', 'actionTaken', 'status'] as const
export type Role = typeof ROLES[number]

/** A column of the header: its role and, in a run-together header, where its words start. */
export interface HeaderColumn {
  role: Role | null
  /** Index of the cell (table header) or of the first word (line header). */
  at: number
}

/** Roles (≥) a header must name to be a tracker's header. */
const MIN_ROLES = 3

/** Header phrases, longest first, with the field they name. */
const PHRASES: Array<[RegExp, Role]> = [
  [/^progress\s+status|^rag\s+status|^current\s+status|^status|^progress|^rag\b/i, 'status'],
  [/^action\s+taken|^actions\s+taken|^response|^progress\s+update|^update|^outcome|^officer\s+response|^comments?/i, 'actionTaken'],
  [/^action\s+proposed|^proposed\s+action|^recommendations?\b|^recommended\s+action|^action\s+required|^actions?\b/i, 'actionProposed'],
  [/^(?:meeting\s+)?date(?:\s+of\s+meeting)?\b|^meeting\b/i, 'date'],
  [/^title\b|^subject\b|^topic\b|^item\b|^issue\b/i, 'title']
]

/**
 * The columns of a tracker header, or null when the line is not one.
 * @param line a body line: a table row (cells) or a run-together line of header words
 */
export function trackerHeader(line: DocLine): HeaderColumn[] | null {
  const columns = line.cells ? cellColumns(line.cells) : wordColumns(line.text)
  if (!columns) return null
  const roles = new Set(columns.map((column) => column.role).filter((role) => role !== null))
  const hasAction = roles.has('actionProposed') || roles.has('actionTaken')
  return roles.size >= MIN_ROLES && hasAction ? columns : null
}

function cellColumns(cells: string[]): HeaderColumn[] | null {
  const columns = cells.map((cell, at) => ({role: roleOf(cell.trim())?.role ?? null, at}))
  return columns.some((column, at) => column.role === null && cells[at]!.trim() !== '') && columns.filter((c) => c.role).length < MIN_ROLES ? null : columns
}

/** Reads "Date Title Action proposed Action Taken Progress" word by word; null if other words are in it. */
function wordColumns(text: string): HeaderColumn[] | null {
  const words = text.replace(/[|]/g, ' ').trim().split(/\s+/)
  const columns: HeaderColumn[] = []
  let at = 0
  while (at < words.length) {
    const found = roleOf(words.slice(at).join(' '))
    if (!found) return null
    const last = columns[columns.length - 1]
    if (!(last && last.role === found.role)) columns.push({role: found.role, at})
    at += found.words
  }
  return columns
}

function roleOf(text: string): {role: Role; words: number} | null {
  for (const [pattern, role] of PHRASES) {
    const match = pattern.exec(text)
    if (match) return {role, words: match[0].trim().split(/\s+/).length}
  }
  return null
}

/** A header's second line ("Status" under "Progress") adds nothing but the word. */
export function isHeaderTail(text: string): boolean {
  return /^(?:status|rag|taken|proposed)$/i.test(text.trim())
}
