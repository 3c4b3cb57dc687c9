// `agendapack validate <files...>`: checks JSON files against the Pack schema; one line per
// file, the first problems of an invalid one; exit 1 when any file is invalid or unreadable.
import {readFile} from 'node:fs/promises'
import {validatePack} from '../../compile/validate.js'
import {ioReason} from '../../read/load.js'
import type {CliIo} from '../io.js'

/** Problems shown per invalid file. */
const SHOWN_PROBLEMS = 5

/** Runs the command; returns the exit code. */
export async function runValidate(paths: string[], io: CliIo): Promise<number> {
  let failed = 0
  for (const path of paths) {
    const problems = await problemsOf(path)
    if (problems.length === 0) {
      io.err(`${io.colour.green('valid')} ${path}\n`)
      continue
    }
    failed++
    io.err(`${io.colour.red('invalid')} ${path}: ${problems[0]}\n`)
    for (const extra of problems.slice(1, SHOWN_PROBLEMS)) io.err(`  ${extra}\n`)
  }
  return failed ? 1 : 0
}

async function problemsOf(path: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return [ioReason(error)]
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`]
  }
  return validatePack(value).map((p) => `${p.path}: ${p.message}`)
}
