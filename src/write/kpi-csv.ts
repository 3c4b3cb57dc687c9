// The KPI tables of many packs as one tidy CSV (one row per cell) that pandas, DuckDB and
// spreadsheets read directly: RFC 4180 quoting, "\n" line ends, empty field for a null value or confidence.
import type {Pack} from '../compile/model.js'

/** The CSV header, in column order. */
export const KPI_CSV_HEADER = ['pack', 'table', 'page', 'indicator', 'column', 'kind', 'period', 'raw', 'value', 'confidence'] as const

/**
 * The KPI cells of the packs as CSV text, header first; packs in path order, then tables, rows and
 * cells in document order, so the same packs always give the same bytes.
 * @param packs each pack with the path to name it by (as recorded, relative)
 * @returns the CSV, ending in a line break
 */
export function kpiCsv(packs: ReadonlyArray<{path: string; pack: Pack}>): string {
  const sorted = [...packs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const lines = [KPI_CSV_HEADER.join(',')]
  for (const {path, pack} of sorted) lines.push(...kpiCsvRows(path, pack))
  return lines.join('\n') + '\n'
}

/**
 * The CSV lines of one pack (no header), for writers that stream pack by pack.
 * @param path the name of the pack in the `pack` field
 * @param pack the pack
 */
export function kpiCsvRows(path: string, pack: Pack): string[] {
  const out: string[] = []
  pack.kpiTables.forEach((table, index) => {
    const kinds = new Map(table.columns.map((column) => [column.label, column]))
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const column = kinds.get(cell.column)
        const fields = [path, String(index + 1), String(table.page), row.indicator, cell.column,
          column?.kind ?? '', column?.period ?? '', cell.raw, cell.value === null ? '' : String(cell.value),
          cell.confidence === null ? '' : String(cell.confidence)]
        out.push(fields.map(csvField).join(','))
      }
    }
  })
  return out
}

/** One field, quoted when it holds a comma, quote, line break or edge space (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
