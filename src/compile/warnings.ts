// Turns the file's messages into the Pack's `warnings`: code, message, page; sorted and
// de-duplicated so the same input always gives the same bytes.
import type {VFile} from 'vfile'
import type {PageMessage} from '../messages.js'
import type {PackWarning} from './model.js'

/** The warnings of a processed file, in (page, code, message) order, duplicates dropped. */
export function compileWarnings(file: VFile): PackWarning[] {
  const seen = new Set<string>()
  const out: PackWarning[] = []
  for (const message of file.messages as PageMessage[]) {
    const warning: PackWarning = {
      code: message.ruleId ?? 'unknown',
      message: message.reason,
      page: typeof message.page === 'number' ? message.page : null
    }
    const key = JSON.stringify(warning)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(warning)
  }
  return out.sort(compareWarnings)
}

function compareWarnings(a: PackWarning, b: PackWarning): number {
  const pa = a.page ?? 0
  const pb = b.page ?? 0
  if (pa !== pb) return pa - pb
  if (a.code !== b.code) return a.code < b.code ? -1 : 1
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0
}
