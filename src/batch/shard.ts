// Deterministic slices of the sorted input list (`--shard k/n`), so an outside engine — a
// Kubernetes Indexed Job, a CI matrix, GNU parallel — can spread one run over many machines.
import {PackError} from '../errors.js'

/** Shard `index` (0-based, the Kubernetes completion index) of `count`. */
export interface Shard {
  index: number
  count: number
}

/**
 * Parses `k/n` (0 ≤ k < n).
 * @throws PackError when the text is not a valid shard
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index >= count) {
    throw new PackError('not-supported', `expected k/n with 0 ≤ k < n (e.g. 0/4), got "${text}"`)
  }
  return {index, count}
}

/** The items of shard k: every n-th item from position k, so shards differ by at most one item. */
export function pickShard<T>(items: readonly T[], shard: Shard | null): T[] {
  if (!shard) return [...items]
  return items.filter((_item, position) => position % shard.count === shard.index)
}
