// Finds tables written as tab-separated lines (what word processors and OCR tools export):
// consecutive lines with tabs become one table, and a single blank line inside one is bridged.

/** A table found in a list of lines: the indices of its row lines, in order. */
export interface TabTable {
  rows: number[]
}

/** Rows with fewer tabs than this need company (MIN_ROWS_NARROW rows) to count as a table. */
const WIDE_TABS = 2
/** A run of two-cell (one-tab) lines is a table only with at least this many rows. */
const MIN_ROWS_NARROW = 2

/**
 * Finds tab tables among lines.
 * @param lines the lines (no line endings)
 * @param minRows fewest rows a table may have (markdown: 2, so a stray tab is not a table)
 * @returns the tables in source order; each row index points into `lines`
 */
export function findTabTables(lines: string[], minRows: number): TabTable[] {
  const out: TabTable[] = []
  let index = 0
  while (index < lines.length) {
    if (tabCount(lines[index] ?? '') === 0) {
      index++
      continue
    }
    const rows = collectRun(lines, index)
    const widest = Math.max(...rows.map((row) => tabCount(lines[row] ?? '')))
    const needed = Math.max(minRows, widest >= WIDE_TABS ? 1 : MIN_ROWS_NARROW)
    if (rows.length >= needed) out.push({rows})
    index = (rows[rows.length - 1] ?? index) + 1
  }
  return out
}

/**
 * Cells of a tab row with where each starts in the line.
 * @param text the row's line
 * @returns cells (untrimmed) and their start indices
 */
export function tabCells(text: string): Array<{text: string; start: number}> {
  const out: Array<{text: string; start: number}> = []
  let start = 0
  for (const cell of text.split('\t')) {
    out.push({text: cell, start})
    start += cell.length + 1
  }
  return out
}

/** Number of separating tabs in a line; 0 for blank lines and "-\titem" list lines. */
export function tabCount(text: string): number {
  if (!text.trim()) return 0
  const tabs = text.split('\t').length - 1
  if (tabs === 1 && /^\s*(?:[-*+•]|\d{1,3}[.)])\t/.test(text)) return 0
  return tabs
}

/** Row indices from `start`: consecutive tab lines, bridging one blank line between same-width rows. */
function collectRun(lines: string[], start: number): number[] {
  const rows: number[] = []
  const width = tabCount(lines[start] ?? '')
  let index = start
  while (index < lines.length) {
    const tabs = tabCount(lines[index] ?? '')
    if (tabs > 0) {
      rows.push(index++)
      continue
    }
    const next = lines[index + 1] ?? ''
    const bridge = !(lines[index] ?? '').trim() && width >= WIDE_TABS && tabCount(next) === width &&
      next.trim() !== (lines[start] ?? '').trim()
    if (!bridge) break
    index++
  }
  return rows
}
