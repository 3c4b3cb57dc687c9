// STUB — finds the agenda items with numbers, titles, descriptions and printed page ranges.
// Leaves its result on file.data.agenda.
import type {Stage} from './types.js'

/** Finds the agenda items with numbers, titles, descriptions and printed page ranges. */
export const segmentAgenda: Stage = function segmentAgenda() {
  return function agendaTransform() {}
}
