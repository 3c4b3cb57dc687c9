// The library API of agendapack: re-exports only. `import {extract} from 'agendapack'` gives the
// same Pack the CLI writes.
export {extract, type ExtractOptions, type ExtractResult, type ExtractBuffer} from './extract.js'
export {PackError, type FailureCode} from './errors.js'
export {validatePack, isPack, packJsonSchema, type SchemaProblem} from './compile/validate.js'
export {PackSchema, SCHEMA_VERSION} from './compile/model.js'
export type {
  Pack, PackPage, Meeting, AgendaItem, Part, Minutes, MinuteItem, Person, Report, KpiTable,
  GlossaryEntry, Tracker, PackWarning
} from './compile/model.js'
export {RULES, type RuleId} from './messages.js'
export {createOcrPool, type OcrPool, type OcrPoolOptions} from './read/pdf/ocr-pool.js'
export type {OcrMode} from './read/pdf/index.js'
export type {Root, Page} from './tree/types.js'
