// Whether two short strings are within a few single-character edits of each other (Levenshtein
// distance, computed only near the diagonal and given up as soon as it must exceed the limit).

/**
 * Tells whether `a` can be turned into `b` with at most `max` insertions, deletions or substitutions.
 * Examples: ("council", "cavics", 5) → true; ("council", "cavics", 4) → false; ("abc", "abc", 0) → true.
 * @param a one string
 * @param b the other
 * @param max the most edits allowed (≥ 0)
 * @returns true when the edit distance is at most `max`
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  return editDistance(a, b, max) <= max
}

/**
 * The Levenshtein distance of `a` and `b` when it is at most `max`, else `max + 1`.
 * @param a one string
 * @param b the other
 * @param max the largest distance worth knowing (≥ 0)
 * @returns the distance, or max + 1 when it is larger
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a === b) return 0
  const width = b.length + 1
  let previous = Array.from({length: width}, (_, j) => (j <= max ? j : max + 1))
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(max + 1)
    if (i <= max) current[0] = i
    let rowBest = current[0]!
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      const cost = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1, max + 1)
      current[j] = cost
      if (cost < rowBest) rowBest = cost
    }
    if (rowBest > max) return max + 1
    previous = current
  }
  return Math.min(previous[b.length]!, max + 1)
}
