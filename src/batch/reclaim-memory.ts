// Keeps a long-lived pack worker's memory flat: pdf.js leaves native memory behind garbage V8 is not
// pressed to collect (the process grew ~4 MB a pack); a full collection after enough growth frees it.
import {memoryUsage} from 'node:process'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/** Growth of the process's resident memory since the last collection that triggers the next (MB): a few packs' worth. */
const GROWTH_BEFORE_COLLECTING_MB = 16

const BYTES_PER_MB = 1024 * 1024

let collect: (() => void) | null | undefined
let residentAfterLast = 0

/** After a pack: a full garbage collection when resident memory grew by the threshold since the last one. */
export function reclaimMemory(): void {
  const resident = memoryUsage.rss()
  if (resident - residentAfterLast < GROWTH_BEFORE_COLLECTING_MB * BYTES_PER_MB) return
  collector()?.()
  residentAfterLast = memoryUsage.rss()
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
