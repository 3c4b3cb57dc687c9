// Places a one-per-line row that OCR lost figures of by the same indicator's row in another table
// of the pack under the same columns (a summary table repeated in detail): its figures matched in order.
import {editDistance} from '../normalise/edit-distance.js'
import type {KpiRowDraft} from './kpi-body.js'
import {sameLabels, type KpiColumnDraft, type KpiHeader} from './kpi-header.js'

/** A table as found: its header and rows (page of its header). */
export interface SiblingTable {
  header: KpiHeader
  rows: KpiRowDraft[]
  page: number
}

/** Fewest share of the row's figures that must read exactly as the other row prints them. */
const MIN_EXACT_SHARE = 0.6
/** Fewest share of the columns the row must have figures for. */
const MIN_READ_SHARE = 0.5
/** Two names are of one indicator when they differ by at most this share of letters (OCR damage). */
const MAX_NAME_DISTANCE = 0.1

/**
 * Places, in place, each uncertain row that holds fewer figures than columns where another table
 * of the pack has a row of the same indicator under the same column labels and the figures match
 * that row's in order in exactly one way (each as printed there or one OCR slip from it). The
 * columns left over stay empty and are noted on the row (`aligned`) for its warning.
 * @param tables every table of the pack as found
 */
export function placeBySiblings(tables: readonly SiblingTable[]): void {
  for (const table of tables) {
    const columns = valueColumns(table.header)
    for (const row of table.rows) {
      const figures = row.figures
      if (row.certain || !figures || figures.length >= columns.length || figures.length < columns.length * MIN_READ_SHARE) continue
      for (const other of tables) {
        if (other === table || !sameLabels(columns, valueColumns(other.header))) continue
        const sibling = other.rows.find((r) => r.certain && sameIndicator(r.indicator, row.indicator))
        const printed = sibling ? valueColumns(other.header).map((c) => sibling.cells.get(c.index) ?? '') : null
        const at = printed ? uniqueAlignment(figures, printed) : null
        if (!at) continue
        placeRow(row, at, columns, other.page)
        break
      }
    }
  }
}

/** The value columns of a header, with their index in its columns. */
function valueColumns(header: KpiHeader): Array<KpiColumnDraft & {index: number}> {
  return header.columns.flatMap((column, index) => (column.role === 'value' ? [{...column, index}] : []))
}

function sameIndicator(a: string, b: string): boolean {
  const [x, y] = [a, b].map((name) => name.toLowerCase().replace(/\s+/g, ' ').trim())
  const limit = Math.floor(Math.max(x!.length, y!.length) * MAX_NAME_DISTANCE)
  return editDistance(x!, y!, limit) <= limit
}

/** Cost of reading `figure` where `printed` stands: 0 as printed, 1 one OCR slip off, else none. */
function cost(figure: string, printed: string): number {
  if (figure === printed) return 0
  return printed && editDistance(figure, printed, 1) <= 1 ? 1 : Infinity
}

/**
 * The columns of `printed` that `figures` stand in, in order, when exactly one cheapest way exists
 * and enough figures read exactly; else null.
 */
export function uniqueAlignment(figures: readonly string[], printed: readonly string[]): number[] | null {
  const n = figures.length
  const w = printed.length
  // best[i][j]: cheapest placing of the first i figures in the first j columns; ways: how many (capped at 2)
  const best = Array.from({length: n + 1}, (_, i) => new Array<number>(w + 1).fill(i === 0 ? 0 : Infinity))
  const ways = Array.from({length: n + 1}, (_, i) => new Array<number>(w + 1).fill(i === 0 ? 1 : 0))
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= w; j++) {
      const skip = best[i]![j - 1]!
      const take = best[i - 1]![j - 1]! + cost(figures[i - 1]!, printed[j - 1]!)
      best[i]![j] = Math.min(skip, take)
      const count = (skip === best[i]![j] ? ways[i]![j - 1]! : 0) + (take === best[i]![j] ? ways[i - 1]![j - 1]! : 0)
      ways[i]![j] = Math.min(2, best[i]![j] === Infinity ? 0 : count)
    }
  }
  const total = best[n]![w]!
  if (total === Infinity || ways[n]![w] !== 1 || n - total < n * MIN_EXACT_SHARE) return null
  const at: number[] = []
  for (let i = n, j = w; i > 0; j--) {
    if (best[i]![j] === best[i - 1]![j - 1]! + cost(figures[i - 1]!, printed[j - 1]!)) at[--i] = j - 1
  }
  return at
}

function placeRow(row: KpiRowDraft, at: readonly number[], columns: ReadonlyArray<{index: number}>, page: number): void {
  const taken = new Set(at)
  at.forEach((column, k) => {
    row.cells.set(columns[column]!.index, row.figures![k]!)
    row.confidences?.set(columns[column]!.index, row.figureConfidences?.[k] ?? null)
  })
  row.certain = true
  row.aligned = {page, empty: columns.flatMap((_, k) => (taken.has(k) ? [] : [k]))}
}
