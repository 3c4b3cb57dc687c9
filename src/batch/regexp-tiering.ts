// Lets a pack worker run rarely used regular expressions in V8's regexp interpreter instead of
// compiling each to machine code on its second use; hot ones are still compiled, results unchanged.
import {setFlagsFromString} from 'node:v8'

/**
 * Uses of one regular expression run by the interpreter before V8 compiles it to machine code.
 * V8's default (1) compiles on the second use; chrono-node's relative-date patterns ("3 days ago",
 * "2 weeks later": ten-fold repeated alternations) then take ~100 ms each to compile in every
 * fresh worker, though a pack runs them on a few dozen date lines. Patterns used more often than
 * this are compiled as before: a run of many packs pays that compile once per worker, as it did.
 */
export const REGEXP_INTERPRETED_USES = 100

/**
 * Sets V8's regexp tier-up for regular expressions created from now on. The flag is the
 * process's (main thread and pack workers alike); call before the first pack is read.
 */
export function interpretRareRegexps(): void {
  setFlagsFromString(`--regexp-tier-up-ticks=${REGEXP_INTERPRETED_USES}`)
}
