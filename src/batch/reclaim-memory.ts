// Keeps a long-lived pack worker's memory flat: pdf.js leaves garbage behind that V8 is not pressed
// to collect (the process grew ~4 MB a pack); a full collection after enough growth frees it.
import {memoryUsage} from 'node:process'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/**
 * Growth of this thread's memory (JS heap in use plus the buffers its objects hold) since the last
 * collection that triggers the next (MB): a few packs' worth. Measured per thread, not as the
 * process's resident memory, which every pack thread and the OCR workers grow at once.
 */
const GROWTH_BEFORE_COLLECTING_MB = 16

const BYTES_PER_MB = 1024 * 1024

let collect: (() => void) | null | undefined
/** This thread's memory after the last collection, or null before the first pack ended. */
let heldAfterLast: number | null = null

/**
 * After a pack: a full garbage collection when this thread's memory grew by the threshold since
 * the last one. The first pack only sets the mark: what it grew by is mostly code and pdf.js
 * loaded for good, and a short run would pay a collection per worker for nothing.
 */
export function reclaimMemory(): void {
  const held = threadMemory()
  if (heldAfterLast === null) {
    heldAfterLast = held
    return
  }
  if (held - heldAfterLast < GROWTH_BEFORE_COLLECTING_MB * BYTES_PER_MB) return
  collector()?.()
  heldAfterLast = threadMemory()
}

/** This thread's JS heap in use plus the memory outside it that its objects hold (buffers, pdf.js data). */
function threadMemory(): number {
  const usage = memoryUsage()
  return usage.heapUsed + usage.external
}

/** V8's `gc()`, exposed for this thread only (null if the runtime refuses). */
function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  return collect
}
