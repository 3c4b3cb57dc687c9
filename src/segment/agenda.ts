// Finds the agenda items with numbers, titles, descriptions and printed page ranges.
// Leaves its result on file.data.agenda; warns where an item's number had to be inferred.
import {report} from '../messages.js'
import {agendaContext} from './agenda-items.js'
import type {Stage} from './types.js'

/** Finds the agenda items with numbers, titles, descriptions and printed page ranges. */
export const segmentAgenda: Stage = function segmentAgenda() {
  return function agendaTransform(tree, file) {
    const agenda = agendaContext(tree).agenda
    file.data.agenda = agenda ? agenda.items.map((item) => ({...item})) : []
    for (const {number, page} of agenda?.inferred ?? []) {
      report(file, 'agenda-item-number-inferred', `Agenda item ${number} was printed without a readable number; numbered ${number} from the items around it`, page)
    }
  }
}
