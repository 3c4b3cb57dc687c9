// STUB — finds the minutes of the previous meeting: attendance, items and resolutions.
// Leaves its result on file.data.minutes.
import type {Stage} from './types.js'

/** Finds the minutes of the previous meeting: attendance, items and resolutions. */
export const segmentMinutes: Stage = function segmentMinutes() {
  return function minutesTransform() {}
}
