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
    const own = new Set(columns.map((c) => c.label))
    for (const column of columns) {
      const better = siblingLabel(column.label, tables, own)
      if (better) Object.assign(column, {label: better, ...classifyColumn(better)})
    }
  }
  mendByPlace(headers)
}

/** Other columns a table must share, label for label, with a sibling before a label of it is mended by place. */
const MIN_SHARED_COLUMNS = 3

/**
 * A value column label OCR read as no heading at all ("Braga" for "England") given the heading
 * sibling tables print in that place: tables with the same columns, label for label, but for that
 * one (value columns compared: measure headings are OCR'd in many ways), where every such sibling
 * prints the same heading there.
 * @param headers each table's columns, mended in place
 */
function mendByPlace(headers: KpiColumnDraft[][]): void {
  const valueHeaders = headers.map((columns) => columns.filter((c) => c.role === 'value'))
  for (const columns of valueHeaders) {
    columns.forEach((column, at) => {
      if (column.kind !== 'other') return
      const there = valueHeaders.filter((other) => other !== columns && sameBut(other, columns, at)).map((other) => other[at]!)
      const labels = new Set(there.map((c) => c.label))
      const [only] = [...labels]
      if (labels.size === 1 && only && there[0]!.kind !== 'other') Object.assign(column, {label: only, ...classifyColumn(only)})
    })
  }
}

/** True when two tables have the same columns, label for label, except at `at`. */
function sameBut(a: KpiColumnDraft[], b: KpiColumnDraft[], at: number): boolean {
  return a.length === b.length && a.length > MIN_SHARED_COLUMNS && a.every((c, k) => k === at || c.label.toLowerCase() === b[k]!.label.toLowerCase())
}

/** Two labels differ by at most this share of the longer one's letters to be one label misread (edit distance / length). */
const LABEL_SHARE = 0.25

/** A period's form without its figures ("2022-06" → "9999-99"): two months differ in figures, a year pair OCR read without its stroke ("1920") in form. */
function shape(period: string): string {
  return period.replace(/\d/g, '9')
}

/** A year pair printed with its stroke ("19/20"). */
const YEAR_PAIR = /\d{2}\/\d{2}/

/** True when `label` is `other` with the stroke of its year pair lost ("Southampton 1920"): taken even where as many tables print each. */
function lostStroke(label: string, other: string): boolean {
  return YEAR_PAIR.test(other) && !YEAR_PAIR.test(label)
}

/**
 * The spelling of `label` more tables print (or as many, where OCR lost the stroke of its year pair), or null. Never a label the table prints already, nor
 * one naming another period of the same form ("Jan-22" for "Jun-22": one letter apart, but both
 * true headings).
 */
function siblingLabel(label: string, tables: ReadonlyMap<string, number>, inTable: ReadonlySet<string>): string | null {
  const own = tables.get(label) ?? 0
  const digits = label.replace(/\D/g, '')
  const period = classifyColumn(label).period
  let best: {label: string; count: number} | null = null
  for (const [other, count] of tables) {
    if (other === label || count < own || (count === own && !lostStroke(label, other))) continue
    if (inTable.has(other) || other.replace(/\D/g, '') !== digits || other[0]?.toLowerCase() !== label[0]?.toLowerCase()) continue
    const otherPeriod = classifyColumn(other).period
    if (period && otherPeriod && period !== otherPeriod && shape(period) === shape(otherPeriod)) continue
    const limit = Math.floor(LABEL_SHARE * Math.max(other.length, label.length))
    if (editDistance(other.toLowerCase(), label.toLowerCase(), limit) > limit) continue
    if (!best || count > best.count) best = {label: other, count}
  }
  return best?.label ?? null
}
