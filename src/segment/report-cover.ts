// STUB — finds the officer reports: cover sheet fields, contacts, recommendations, paragraphs.
// Leaves its result on file.data.reports.
import type {Stage} from './types.js'

/** Finds the officer reports: cover sheet fields, contacts, recommendations, paragraphs. */
export const segmentReportCover: Stage = function segmentReportCover() {
  return function reportsTransform() {}
}
