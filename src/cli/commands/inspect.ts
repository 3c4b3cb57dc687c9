// `agendapack inspect <file>`: per page how it was read (method and why), characters, OCR
// confidence, printed page number and the furniture removed — or the same as JSON.
import {extract} from '../../extract.js'
import type {OcrMode} from '../../read/pdf/index.js'
import {failureReason} from '../../batch/failure.js'
import {formatInspection, inspectTree} from '../../report/inspect-table.js'
import type {CliIo} from '../io.js'

export interface InspectFlags {
  ocr: OcrMode
  json?: boolean
}

/** Runs the command; returns the exit code. */
export async function runInspect(path: string, flags: InspectFlags, io: CliIo): Promise<number> {
  try {
    const {tree, pack} = await extract(path, {ocr: flags.ocr})
    const pages = inspectTree(tree)
    if (flags.json) io.out(JSON.stringify({path: pack.source.path, format: pack.source.format, pages, warnings: pack.warnings}, null, 2) + '\n')
    else {
      io.out(formatInspection(`${pack.source.path} (${pack.source.format}, ${pack.pages.length} pages)`, pages) + '\n')
      for (const w of pack.warnings) io.out(`  ${w.page === null ? '' : 'p' + w.page + ' '}${io.colour.yellow('warning')} ${w.message}  ${w.code}\n`)
    }
    return 0
  } catch (error) {
    io.err(`${io.colour.red('error')} ${path}: ${failureReason(error)}\n`)
    return 1
  }
}
