// The Pack model as a BigQuery table schema (the JSON `bq load` takes), derived from the same JSON
// Schema, so NDJSON loads with exact types instead of autodetection guessing from a sample.
import {ISO_DATE_PATTERN} from './model.js'
import {packJsonSchema} from './validate.js'

/** One column of a BigQuery table schema. */
export interface BigQueryField {
  name: string
  type: 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'DATE' | 'RECORD'
  mode: 'REQUIRED' | 'NULLABLE' | 'REPEATED'
  description?: string
  fields?: BigQueryField[]
}

/** The part of JSON Schema the Pack model uses. */
interface JsonSchema {
  type?: string
  anyOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  pattern?: string
  description?: string
}

/**
 * The BigQuery schema of one NDJSON line (one Pack): records for objects, REPEATED for arrays,
 * DATE for ISO dates, NULLABLE where the contract allows null.
 * @returns the fields, in the contract's key order
 */
export function packBigQuerySchema(): BigQueryField[] {
  return recordFields(packJsonSchema() as JsonSchema)
}

function recordFields(schema: JsonSchema): BigQueryField[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([name, property]) => field(name, property, required.has(name)))
}

function field(name: string, schema: JsonSchema, required: boolean): BigQueryField {
  const nonNull = (schema.anyOf ?? []).filter((option) => option.type !== 'null')
  const nullable = !required || nonNull.length < (schema.anyOf?.length ?? 0)
  const shape = nonNull.length === 1 ? nonNull[0]! : schema
  if (shape.type === 'array') {
    return describe({name, ...columnType(shape.items ?? {}), mode: 'REPEATED'}, schema)
  }
  return describe({name, ...columnType(shape), mode: nullable ? 'NULLABLE' : 'REQUIRED'}, schema)
}

/** The column type of a non-array schema; unions of string literals are STRING. */
function columnType(schema: JsonSchema): Pick<BigQueryField, 'type' | 'fields'> {
  const type = schema.type ?? schema.anyOf?.find((option) => option.type !== 'null')?.type
  if (type === 'object') return {type: 'RECORD', fields: recordFields(schema)}
  if (type === 'integer') return {type: 'INTEGER'}
  if (type === 'number') return {type: 'FLOAT'}
  if (type === 'boolean') return {type: 'BOOLEAN'}
  if (type === 'string' && schema.pattern === ISO_DATE_PATTERN) return {type: 'DATE'}
  if (type === 'string') return {type: 'STRING'}
  throw new Error(`no BigQuery type for JSON Schema type ${String(type)}`)
}

function describe(column: BigQueryField, schema: JsonSchema): BigQueryField {
  const description = schema.description ?? schema.anyOf?.find((option) => option.description)?.description
  const {fields, ...rest} = column
  return {...rest, ...(description ? {description} : {}), ...(fields ? {fields} : {})}
}
