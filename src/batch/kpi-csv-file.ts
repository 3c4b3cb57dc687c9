// The KPI CSV of a batch run, written pack by pack into a temporary file renamed over the target at
// the end: memory stays flat however many packs, and a stopped or failed run leaves no partial CSV.
import {randomBytes} from 'node:crypto'
import {createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {KPI_CSV_HEADER} from '../write/kpi-csv.js'

/** A KPI CSV being written. */
export interface KpiCsvFile {
  /** Appends one pack's rows (no header), in the order they should appear. */
  add(rows: readonly string[]): void
  /** Finishes the file and renames it over the target; rejects with the first write error. */
  commit(): Promise<void>
  /** Drops the temporary file (a stopped run). */
  discard(): Promise<void>
}

/** Starts the CSV at `path` (its header written first); write errors surface at {@link KpiCsvFile.commit}. */
export async function openKpiCsvFile(path: string): Promise<KpiCsvFile> {
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let failure: unknown = null
  let stream: WriteStream | null = null
  try {
    await mkdir(folder, {recursive: true})
    stream = createWriteStream(temp, {flags: 'wx'})
    stream.on('error', (error) => { failure ??= error })
    stream.write(KPI_CSV_HEADER.join(',') + '\n')
  } catch (error) {
    failure = error
  }
  const finish = (): Promise<void> => new Promise((resolve) => (stream && !stream.destroyed ? stream.end(resolve) : resolve()))
  return {
    add(rows) {
      if (stream && failure === null && rows.length > 0) stream.write(rows.join('\n') + '\n')
    },
    async commit() {
      await finish()
      if (failure === null) {
        try {
          await rename(temp, path)
          return
        } catch (error) {
          failure = error
        }
      }
      await rm(temp, {force: true})
      throw failure
    },
    async discard() {
      await finish()
      await rm(temp, {force: true})
    }
  }
}
