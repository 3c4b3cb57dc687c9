// Keeps the rows of one KPI table apart when their names are mended: a mend that would give two
// rows printed with different names one name is not made.

/**
 * The names to give one table's rows: each mended name, except where rows printed with different
 * names would come to share one; those rows keep their names as read (repeated until none share).
 * Example: printed ["Repairs started", "Repairs dane"], mended ["Repairs started", "Repairs started"] → printed.
 * @param printed the rows' names as read, in order
 * @param mended the names proposed for the same rows, in the same order
 */
export function namesApart(printed: readonly string[], mended: readonly string[]): string[] {
  const out = [...mended]
  while (revertClashes(printed, out));
  return out
}

/** Puts back the printed name of every mended row sharing a name with a row printed differently; true if any was put back. */
function revertClashes(printed: readonly string[], out: string[]): boolean {
  const byName = new Map<string, number[]>()
  out.forEach((name, k) => byName.set(name, [...(byName.get(name) ?? []), k]))
  let reverted = false
  for (const rows of byName.values()) {
    if (new Set(rows.map((k) => printed[k])).size < 2) continue
    for (const k of rows) {
      if (out[k] === printed[k]) continue
      out[k] = printed[k]!
      reverted = true
    }
  }
  return reverted
}
