// `agendapack schema`: prints the JSON Schema of the Pack document, or with --bigquery the BigQuery
// table schema, both generated from the same model that types and validates every output.
import {packBigQuerySchema} from '../../compile/bigquery-schema.js'
import {packJsonSchema} from '../../compile/validate.js'
import type {CliIo} from '../io.js'

/** Prints the schema; always exit code 0. */
export function runSchema(flags: {bigquery?: boolean}, io: CliIo): number {
  io.out(JSON.stringify(flags.bigquery ? packBigQuerySchema() : packJsonSchema(), null, 2) + '\n')
  return 0
}
