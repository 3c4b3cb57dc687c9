// Bag-of-words overlap for reader tests: how many of the reference words the reader gave back,
// case-folded and with punctuation trimmed from word ends.

/** Words of a text: lower-cased, split on whitespace, punctuation stripped from both ends. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean)
}

/** Share of `reference` words (as a multiset) also found in `actual`: 1 = every word found. */
export function wordOverlap(reference: string, actual: string): number {
  const want = wordsOf(reference)
  if (want.length === 0) return 1
  const have = new Map<string, number>()
  for (const w of wordsOf(actual)) have.set(w, (have.get(w) ?? 0) + 1)
  let found = 0
  for (const w of want) {
    const n = have.get(w) ?? 0
    if (n > 0) {
      found++
      have.set(w, n - 1)
    }
  }
  return found / want.length
}
