// Character error rate for OCR tests: Levenshtein distance between expected and actual text,
// over the expected length, after collapsing whitespace (layout spacing is not an OCR error).

/** Collapses every run of whitespace to one space and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Edit distance (insertions, deletions, substitutions, each costing 1) between two strings. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]!
}

/** Character error rate of `actual` against `expected` (0 = identical; can exceed 1). */
export function cer(expected: string, actual: string): number {
  const want = normaliseSpace(expected)
  const got = normaliseSpace(actual)
  return want.length === 0 ? (got.length === 0 ? 0 : 1) : levenshtein(want, got) / want.length
}
