// Mends column labels OCR damaged in one table from the spelling the pack's other tables print
// ("Southamon 19/20" → "Southampton 19/20"): a council heads its KPI tables alike.
import {editDistance} from '../normalise/edit-distance.js'
import {classifyColumn} from './kpi-columns.js'
import type {KpiColumnDraft} from './kpi-header.js'

/**
 * Column labels OCR damaged in one table ("Southamon 19/20") given the spelling another table of the
 * pack prints ("Southampton 19/20"): same figures, same first letter, letters at most a share apart,
 * the spelling taken the one more tables use. A council heads its tables alike; a label no other table
 * comes near is left as read.
 * @param headers each table's columns, mended in place
 */
export function mendLabelsFromSiblings(headers: KpiColumnDraft[][]): void {
  const tables = new Map<string, number>()
  for (const columns of headers) for (const label of new Set(columns.map((c) => c.label))) tables.set(label, (tables.get(label) ?? 0) + 1)
  for (const columns of headers) {
    for (const column of columns) {
      const better = siblingLabel(column.label, tables)
      if (better) Object.assign(column, {label: better, ...classifyColumn(better)})
    }
  }
}

/** Two labels differ by at most this share of the longer one's letters to be one label misread (edit distance / length). */
const LABEL_SHARE = 0.25

function siblingLabel(label: string, tables: ReadonlyMap<string, number>): string | null {
  const own = tables.get(label) ?? 0
  const digits = label.replace(/\D/g, '')
  let best: {label: string; count: number} | null = null
  for (const [other, count] of tables) {
    if (other === label || count <= own || other.replace(/\D/g, '') !== digits || other[0]?.toLowerCase() !== label[0]?.toLowerCase()) continue
    const limit = Math.floor(LABEL_SHARE * Math.max(other.length, label.length))
    if (editDistance(other.toLowerCase(), label.toLowerCase(), limit) > limit) continue
    if (!best || count > best.count) best = {label: other, count}
  }
  return best?.label ?? null
}
