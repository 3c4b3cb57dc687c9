// Tests of a pack worker's memory reclaim: the first pack only sets the mark (no collection), a
// collection is started once this thread's memory grew by the threshold, and the pack after it
// (during which V8 finishes that collection) sets the mark again.
import {describe, expect, it, vi} from 'vitest'

const MB = 1024 * 1024
const memory = {heapUsed: 0, external: 0}
const gc = vi.fn()

vi.mock('node:process', () => ({memoryUsage: () => ({rss: 900 * MB, heapTotal: 0, arrayBuffers: 0, ...memory})}))
vi.mock('node:vm', () => ({runInNewContext: (code: string) => (code === 'gc' ? gc : undefined)}))

const {reclaimMemory} = await import('../../src/batch/reclaim-memory.js')

describe('reclaimMemory', () => {
  it('should not collect after the first pack, then start a collection once heap plus buffers grew 32 MB since the mark', () => {
    memory.heapUsed = 120 * MB // a fresh worker after its first pack: code and pdf.js loaded
    reclaimMemory()
    expect(gc).not.toHaveBeenCalled()
    memory.heapUsed += 20 * MB
    reclaimMemory()
    expect(gc).not.toHaveBeenCalled()
    memory.external += 12 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(1)
    expect(gc).toHaveBeenLastCalledWith({type: 'major', execution: 'async'})
  })

  it('should set the mark again after the pack the collection ran during, and count from there', () => {
    // The collection finished during the next pack: 36 MB freed, one pack (4 MB) added.
    memory.heapUsed -= 32 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(1)
    // Mark: 120 MB held; 31 MB more is not enough, 32 is.
    memory.heapUsed += 31 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(1)
    memory.external += 1 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(2)
  })
})
