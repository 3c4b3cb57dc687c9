// How many cases each property test tries: a few hundred in `npm test`, many more under
// `npm run fuzz` (FUZZ_RUNS=n), with FUZZ_SEED to replay a failure fast-check reported.
import type {Parameters} from 'fast-check'

/** Cases per property in `npm test` (kept small: the suite must stay fast). */
const DEFAULT_RUNS = 150

/** fast-check parameters: runs from FUZZ_RUNS (scaled by `weight`), seed from FUZZ_SEED when given. */
export function fuzzParameters(weight = 1): Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : DEFAULT_RUNS
  const seed = Number(process.env.FUZZ_SEED)
  return {numRuns: Math.max(1, Math.round(runs * weight)), ...(Number.isInteger(seed) && process.env.FUZZ_SEED ? {seed} : {})}
}

/** True under `npm run fuzz`, where long runs are wanted. */
export const LONG_RUN = Number(process.env.FUZZ_RUNS) > 0
