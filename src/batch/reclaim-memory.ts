// Keeps a long-lived pack worker's memory flat: pdf.js leaves garbage behind that V8 is not pressed
// to collect (the process grew ~4 MB a pack); a full collection after enough growth frees it.
import {memoryUsage} from 'node:process'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/**
 * Growth of this thread's memory (JS heap in use plus the buffers its objects hold) since the last
 * collection that triggers the next (MB): several packs' worth. Measured per thread, not as the
 * process's resident memory, which every pack thread and the OCR workers grow at once.
 *
 * Every full collection costs more than its own time: it frees the last documents' hidden classes,
 * so V8 discards the machine code built on them ("weak objects") and compiles pdf.js's font and
 * text functions again (40 text packs at -j 1: 1,281 TurboFan compiles at 16 MB, 485 with no
 * collection). At 32 MB a collection comes every ~8 packs: the 40 packs took 9.3 s of CPU instead
 * of 11–12 s, and 100 packs peaked at 541–587 MB (16 MB: 524–536 MB; none: 608 MB).
 */
const GROWTH_BEFORE_COLLECTING_MB = 32

const BYTES_PER_MB = 1024 * 1024

/**
 * How the collection is asked for: started now, marked step by step and finished by V8 while the
 * next pack runs. A collection finished between packs, when every object of the last document is
 * dead, makes V8 throw away the machine code it built for them (~45 functions of pdf.js and the
 * readers each time, "weak objects"), so every pack after it paid ~0.5 s of CPU compiling them
 * again: 40 text packs took 8.8 s of CPU with a blocking `gc()` after the pack, 6.3 s with this.
 */
const COLLECT_DURING_NEXT_PACK = {type: 'major', execution: 'async'} as const

type Collect = (options: typeof COLLECT_DURING_NEXT_PACK) => void

let collect: Collect | null | undefined
/** This thread's memory after the last collection, or null before the first pack ended. */
let heldAfterLast: number | null = null
/** A collection was started after the last pack (it finishes during the next one). */
let collecting = false

/**
 * After a pack: starts a full garbage collection when this thread's memory grew by the threshold
 * since the last one. The first pack only sets the mark: what it grew by is mostly code and pdf.js
 * loaded for good, and a short run would pay a collection per worker for nothing. The pack after
 * a collection sets the mark again: what it holds then is what was left plus one pack.
 */
export function reclaimMemory(): void {
  const held = threadMemory()
  if (heldAfterLast === null || collecting) {
    heldAfterLast = held
    collecting = false
    return
  }
  if (held - heldAfterLast < GROWTH_BEFORE_COLLECTING_MB * BYTES_PER_MB) return
  const start = collector()
  if (!start) return
  start(COLLECT_DURING_NEXT_PACK)
  collecting = true
}

/** This thread's JS heap in use plus the memory outside it that its objects hold (buffers, pdf.js data). */
function threadMemory(): number {
  const usage = memoryUsage()
  return usage.heapUsed + usage.external
}

/** V8's `gc()`, exposed for this thread only (null if the runtime refuses). */
function collector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as Collect
    } catch {
      collect = null
    }
  }
  return collect
}
