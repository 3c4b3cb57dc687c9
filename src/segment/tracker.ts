// STUB — finds rows of recommendation-tracker tables.
// Leaves its result on file.data.trackers.
import type {Stage} from './types.js'

/** Finds rows of recommendation-tracker tables. */
export const segmentTracker: Stage = function segmentTracker() {
  return function trackersTransform() {}
}
