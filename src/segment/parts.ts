// STUB — finds the parts of the pack (front sheet, agenda, minutes, reports, appendices…) covering every page.
// Leaves its result on file.data.parts.
import type {Stage} from './types.js'

/** Finds the parts of the pack (front sheet, agenda, minutes, reports, appendices…) covering every page. */
export const segmentParts: Stage = function segmentParts() {
  return function partsTransform() {}
}
