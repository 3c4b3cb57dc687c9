// Decides how many pack workers a batch run starts, and when: one per several packs at once, more
// only when a pack proves long. A worker's start-up is wasted on a few quick packs (a warm re-run).

/**
 * Packs to extract per worker started at once. A worker's start-up (pdf.js, the segmenters and the
 * schema loaded in a fresh thread) takes ~0.5 s of CPU, the time of 2–4 quick packs (a text pack,
 * a scanned one from the OCR cache): with fewer packs to share, the workers already running finish
 * them as soon (measured: 5 packs from the cache, -j 1 vs -j 2, same wall time, half the CPU).
 */
export const PACKS_PER_WORKER = 4

/**
 * A pack still being extracted this long (ms) after its worker began it shows the packs are slow
 * (OCR, hundreds of pages): one more worker is started while any pack waits. Twice a worker's start-up.
 */
export const LONG_PACK_MS = 1_000

/** When to start further workers of a run. */
export interface WorkerRamp {
  /** Workers to start at once (at least 1). */
  initial: number
  /**
   * Call when a worker begins a pack; returns the function to call when that pack ends. If the pack
   * is still running after {@link LONG_PACK_MS}, another worker is added (up to the limit).
   */
  packBegun(): () => void
}

/** What the ramp needs of the run. */
export interface RampOptions {
  /** Most workers the run may use (-j). */
  jobs: number
  /** Packs the run has to go through. */
  packs: number
  /** Packs not yet handed to a worker. */
  waiting: () => number
  /** Starts one more worker (a runner taking packs from the queue). */
  addWorker: () => void
}

/** A ramp for one run. */
export function workerRamp(options: Readonly<RampOptions>): WorkerRamp {
  let workers = Math.max(1, Math.min(options.jobs, Math.floor(options.packs / PACKS_PER_WORKER)))
  const grow = (): void => {
    if (workers >= options.jobs || options.waiting() === 0) return
    workers++
    options.addWorker()
  }
  return {
    initial: workers,
    packBegun() {
      if (workers >= options.jobs) return () => {}
      const timer = setTimeout(grow, LONG_PACK_MS)
      timer.unref()
      return () => clearTimeout(timer)
    }
  }
}
