// `agendapack schema`: prints the JSON Schema of the Pack document, generated from the same
// model that types and validates every output.
import {packJsonSchema} from '../../compile/validate.js'
import type {CliIo} from '../io.js'

/** Prints the schema; always exit code 0. */
export function runSchema(io: CliIo): number {
  io.out(JSON.stringify(packJsonSchema(), null, 2) + '\n')
  return 0
}
