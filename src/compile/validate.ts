// Validation of a Pack (or any parsed JSON) against the one model, before every write and for
// `agendapack validate`. Returns readable problems; never throws on bad data.
import {TypeCompiler} from '@sinclair/typebox/compiler'
import {PackSchema, type Pack} from './model.js'

const checker = TypeCompiler.Compile(PackSchema)
/** Most problems listed for one document; the rest are counted. */
const MAX_PROBLEMS = 20

/** One reason a document does not match the schema: JSON pointer and what is wrong. */
export interface SchemaProblem {
  path: string
  message: string
}

/** Checks `value` against the Pack schema; an empty list means it is a valid Pack. */
export function validatePack(value: unknown): SchemaProblem[] {
  if (checker.Check(value)) return []
  const problems: SchemaProblem[] = []
  for (const error of checker.Errors(value)) {
    problems.push({path: error.path || '/', message: error.message})
    if (problems.length >= MAX_PROBLEMS) break
  }
  return problems
}

/** Type guard form of {@link validatePack}. */
export function isPack(value: unknown): value is Pack {
  return checker.Check(value)
}

/** The published JSON Schema (draft 2020-12 compatible) of the Pack document. */
export function packJsonSchema(): object {
  return {$schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(PackSchema))}
}
