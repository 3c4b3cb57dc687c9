// Names the five real published documents kept in ../shared/seeds (text extracts, never copied
// here) and loads them for tests and benchmarks; a missing folder gives null, not an error.
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/** Where the seeds live: ../shared/seeds beside the repository (CI has it there too). */
export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url))

/** The seeds by what they are; `format` is how agendapack should read them. */
export const SEEDS = {
  agendaPackA: {file: '000_41e2329a0f8f07eb.txt', format: 'text', what: 'OCR text of a scrutiny panel agenda pack (front sheet, agenda, minutes, reports, KPI appendix, glossary)'},
  minutes: {file: '001_d6d3da9ca917fd94.txt', format: 'markdown', what: 'markdown of the minutes of a scrutiny panel meeting'},
  agencyReport: {file: '002_aa5144a882b7538a.txt', format: 'markdown', what: 'markdown of a single-agency safeguarding report with tables'},
  selfEvaluation: {file: '003_5a5c2f7930083d64.txt', format: 'markdown', what: 'markdown of a service self-evaluation with KPI tables and HTML in cells'},
  agendaPackB: {file: '004_bad3b9073482ca66.txt', format: 'text', what: 'OCR text of a later agenda pack of the same panel'}
} as const

export type SeedName = keyof typeof SEEDS

/** Absolute path of a seed file. */
export function seedPath(name: SeedName): string {
  return SEEDS_DIR + SEEDS[name].file
}

/** True when ../shared/seeds is present (tests on seeds skip without it). */
export function haveSeeds(): boolean {
  return existsSync(SEEDS_DIR)
}

/** A seed's text, or null when the seeds folder is missing. */
export function readSeed(name: SeedName): string | null {
  const path = seedPath(name)
  return existsSync(path) ? readFileSync(path, 'utf8') : null
}
