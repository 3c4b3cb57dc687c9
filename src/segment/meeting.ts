// STUB — finds the meeting the pack is for (authority, committee, date, time, venue, publication date).
// Leaves its result on file.data.meeting.
import type {Stage} from './types.js'

/** Finds the meeting the pack is for (authority, committee, date, time, venue, publication date). */
export const segmentMeeting: Stage = function segmentMeeting() {
  return function meetingTransform() {}
}
