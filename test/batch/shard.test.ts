import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseShard, pickShard} from '../../src/batch/shard.js'

describe('--shard k/n', () => {
  it('should parse k/n and refuse k ≥ n, n = 0 and other text', () => {
    expect(parseShard('0/4')).toEqual({index: 0, count: 4})
    for (const bad of ['4/4', '1/0', '-1/3', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad)).toThrow(/k\/n/)
  })

  it('should split any list into n disjoint slices whose union, in order, is the whole and whose sizes differ by at most one', () => {
    fc.assert(fc.property(fc.array(fc.nat(), {maxLength: 60}), fc.integer({min: 1, max: 12}), (items, count) => {
      const slices = Array.from({length: count}, (_v, index) => pickShard(items.map((v, i) => [i, v] as const), {index, count}))
      const union = slices.flat().sort((a, b) => a[0] - b[0]).map(([, v]) => v)
      expect(union).toEqual(items)
      const sizes = slices.map((s) => s.length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    }))
  })
})
