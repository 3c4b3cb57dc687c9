// Builds tracker rows from column texts, one printed line at a time, whichever way the columns were
// found (table cells, word positions, or run-together OCR text). Rules: a line with a date in the
// date column starts a row; "2) That…" in the action column starts another recommendation under
// the same date and title; every other line continues the current row's cells.
import {normaliseDate} from '../normalise/date.js'
import {normaliseWhitespace} from '../normalise/whitespace.js'
import type {Role} from './tracker-header.js'

/** One tracker row as it is read. */
export interface RowDraft {
  date: string | null
  cells: Record<Role, string[]>
}

/** A printed line split into its columns' texts (roles missing from the line are absent). */
export type LineCells = Partial<Record<Role, string>>

/** A recommendation numbered inside one row: "2)", "(b)", "ii)". */
export const SUB_ITEM = /^\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s/i

/**
 * Collects rows from the lines of one tracker. `add(line, whole)`: `whole` when the line is a whole
 * table row (markdown, tab tables), so a date or title cell of any text ("TBC") starts a row.
 */
export function createRows(): {add: (line: LineCells, whole?: boolean) => void; rows: RowDraft[]} {
  const rows: RowDraft[] = []
  function add(line: LineCells, whole = false): void {
    const date = line.date ? normaliseDate(line.date) : null
    const current = rows[rows.length - 1]
    if (date || (whole && (line.date?.trim() || line.title?.trim()))) rows.push(emptyRow(date))
    else if (!current) return
    else if (startsRecommendation(line, current)) {
      const next = emptyRow(current.date)
      next.cells.title = [...current.cells.title]
      rows.push(next)
    }
    const row = rows[rows.length - 1]!
    for (const [role, text] of Object.entries(line) as Array<[Role, string]>) {
      const clean = normaliseWhitespace(text.replace(/(^|\s)[|‘’'`_]+(?=\s|$)/g, ' '))
      if (clean && !(role === 'date' && date)) row.cells[role].push(clean)
    }
  }
  return {add, rows}
}

/**
 * A line without a date opens another recommendation of the same row when its action is numbered
 * ("2) That…") or it carries a second status.
 */
function startsRecommendation(line: LineCells, current: RowDraft): boolean {
  const proposed = line.actionProposed?.trim() ?? ''
  if (line.title || !proposed || current.cells.actionProposed.length === 0) return false
  return SUB_ITEM.test(proposed) || (Boolean(line.status?.trim()) && current.cells.status.length > 0)
}

function emptyRow(date: string | null): RowDraft {
  return {date, cells: {date: [], title: [], actionProposed: [], actionTaken: [], status: []}}
}

/** The Pack row of a draft: cells joined, the "1)" of a numbered recommendation taken off. */
export function finishRow(draft: RowDraft): {date: string | null; title: string | null; actionProposed: string | null; actionTaken: string | null; status: string | null} {
  const text = (role: Role): string | null => normaliseWhitespace(draft.cells[role].join(' ')).replace(/^[\s|–—-]+|[\s|–—-]+$/g, '') || null
  const proposed = text('actionProposed')?.replace(SUB_ITEM, '') ?? null
  return {date: draft.date, title: text('title'), actionProposed: proposed, actionTaken: text('actionTaken'), status: text('status')}
}
