// Tests edit distance within a limit: exact up to the limit, the limit + 1 beyond it, and the
// yes/no form, against a plain Levenshtein reference on invented line pairs.
import {describe, expect, it} from 'vitest'
import {editDistance, withinEdits} from '../../src/normalise/edit-distance.js'

/** Plain Levenshtein distance, the reference the bounded version must agree with. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1)
    }
    previous = current
  }
  return previous[b.length]!
}

describe('withinEdits', () => {
  it.each([
    ['council', 'council', 0, true],
    ['council', 'cavics', 5, true],
    ['council', 'cavics', 4, false],
    ['children and', 'childrenand', 1, true],
    ['', 'abc', 2, false],
    ['', 'abc', 3, true]
  ])('should tell whether %j and %j are within %d edits', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected)
  })

  it('should agree with the full edit distance on invented line pairs', () => {
    const words = ['fernleigh', 'district', 'council', 'planning', 'committee', 'cornmittee', 'distnct', 'of', 'the']
    const lines = words.flatMap((a) => words.map((b) => `${a} ${b}`))
    for (const a of lines.slice(0, 30)) {
      for (const b of lines) {
        const exact = distance(a, b)
        for (const max of [0, 1, 2, 3, 5, 8]) {
          expect(withinEdits(a, b, max)).toBe(exact <= max)
          expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1))
        }
      }
    }
  })
})
