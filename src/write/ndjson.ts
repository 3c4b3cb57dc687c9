// Serialises a Pack as one NDJSON line (compact JSON, no line breaks inside, "\n" at the end):
// a file of such lines loads as it is with DuckDB read_json and BigQuery NEWLINE_DELIMITED_JSON.
import {randomBytes} from 'node:crypto'
import {mkdir, open, readFile, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import type {Pack} from '../compile/model.js'

/** The NDJSON line written for a Pack (JSON.stringify escapes every line break inside strings). */
export function packNdjsonLine(pack: Pack): string {
  return JSON.stringify(pack) + '\n'
}

/**
 * Writes an NDJSON file from per-pack line files, in the order given, streaming (one pack in
 * memory at a time) into a temporary file that is renamed over `path` at the end.
 */
export async function writeNdjsonFile(path: string, parts: readonly string[]): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, {recursive: true})
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx')
  try {
    for (const part of parts) await handle.write(await readFile(part))
    await handle.close()
    await rename(temp, path)
  } catch (error) {
    await handle.close().catch(() => {})
    await rm(temp, {force: true})
    throw error
  }
}
