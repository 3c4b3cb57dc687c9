// Tests of a pack worker's memory reclaim: the first pack only sets the mark (no collection), and
// a full collection follows once this thread's memory grew by the threshold since the last.
import {describe, expect, it, vi} from 'vitest'

const MB = 1024 * 1024
const memory = {heapUsed: 0, external: 0}
const gc = vi.fn(() => { memory.heapUsed -= 10 * MB })

vi.mock('node:process', () => ({memoryUsage: () => ({rss: 900 * MB, heapTotal: 0, arrayBuffers: 0, ...memory})}))
vi.mock('node:vm', () => ({runInNewContext: (code: string) => (code === 'gc' ? gc : undefined)}))

const {reclaimMemory} = await import('../../src/batch/reclaim-memory.js')

describe('reclaimMemory', () => {
  it('should not collect after the first pack, then collect once heap plus buffers grew 16 MB since the last, measured from after it', () => {
    memory.heapUsed = 120 * MB // a fresh worker after its first pack: code and pdf.js loaded
    reclaimMemory()
    expect(gc).not.toHaveBeenCalled()
    memory.heapUsed += 10 * MB
    reclaimMemory()
    expect(gc).not.toHaveBeenCalled()
    memory.external += 6 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(1)
    // After it: 126 MB held; 15 MB more is not enough, 16 is.
    memory.heapUsed += 15 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(1)
    memory.external += 1 * MB
    reclaimMemory()
    expect(gc).toHaveBeenCalledTimes(2)
  })
})
