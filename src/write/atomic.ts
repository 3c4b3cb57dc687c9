// Atomic file writes: data goes to a temporary file beside the target, then a rename, so a
// reader (or a killed run) never sees a half-written output.
import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/**
 * Writes `data` to `path` all at once: temp file in the same folder, then rename.
 * @param path target file
 * @param data bytes or text (UTF-8)
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, {recursive: true})
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, data, {flag: 'wx'})
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}
