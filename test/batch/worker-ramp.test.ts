// Tests of when a batch run starts its pack workers: one per PACKS_PER_WORKER packs at once, one
// more only while a pack runs longer than LONG_PACK_MS and packs wait; never more than -j.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {LONG_PACK_MS, PACKS_PER_WORKER, workerRamp} from '../../src/batch/worker-ramp.js'

describe('workerRamp', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('should start one worker for a few packs, and one per PACKS_PER_WORKER packs up to -j', () => {
    const ramp = (jobs: number, packs: number): number => workerRamp({jobs, packs, waiting: () => packs, addWorker: () => {}}).initial
    expect(ramp(2, 3)).toBe(1)
    expect(ramp(2, 1)).toBe(1)
    expect(ramp(2, 0)).toBe(1)
    expect(ramp(2, PACKS_PER_WORKER * 2 - 1)).toBe(1)
    expect(ramp(2, PACKS_PER_WORKER * 2)).toBe(2)
    expect(ramp(2, 40)).toBe(2)
    expect(ramp(8, PACKS_PER_WORKER * 5)).toBe(5)
    expect(ramp(8, 100)).toBe(8)
    expect(ramp(1, 40)).toBe(1)
  })

  it('should add a worker while a pack runs past LONG_PACK_MS and packs wait, up to -j', () => {
    let waiting = 4
    const addWorker = vi.fn()
    const ramp = workerRamp({jobs: 3, packs: PACKS_PER_WORKER + 1, waiting: () => waiting, addWorker})
    expect(ramp.initial).toBe(1)
    const first = ramp.packBegun()
    vi.advanceTimersByTime(LONG_PACK_MS - 1)
    expect(addWorker).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(addWorker).toHaveBeenCalledTimes(1)
    first()
    // The added worker's pack runs long too: the third (and last allowed) worker starts.
    ramp.packBegun()
    vi.advanceTimersByTime(LONG_PACK_MS)
    expect(addWorker).toHaveBeenCalledTimes(2)
    waiting = 2
    ramp.packBegun()
    vi.advanceTimersByTime(LONG_PACK_MS * 3)
    expect(addWorker).toHaveBeenCalledTimes(2)
  })

  it('should not add a worker for quick packs, nor when no pack waits', () => {
    let waiting = 3
    const addWorker = vi.fn()
    const ramp = workerRamp({jobs: 2, packs: PACKS_PER_WORKER, waiting: () => waiting, addWorker})
    for (let i = 0; i < 3; i++) {
      const ended = ramp.packBegun()
      vi.advanceTimersByTime(LONG_PACK_MS / 2)
      ended()
    }
    vi.advanceTimersByTime(LONG_PACK_MS * 2)
    expect(addWorker).not.toHaveBeenCalled()
    waiting = 0
    ramp.packBegun()
    vi.advanceTimersByTime(LONG_PACK_MS * 2)
    expect(addWorker).not.toHaveBeenCalled()
  })
})
