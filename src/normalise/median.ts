// The middle of some numbers, as the layout readers measure line heights, gaps and pitches by it.
// One definition, so every stage rounds an even count the same way.

/** The middle of some numbers (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
