// Temporary folders for tests: made under the system's temporary folder and removed, passed or
// failed, when the test that made them finishes (made outside a test: when the test file finishes).
import {chmod, mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, onTestFinished, TestRunner} from 'vitest'

/**
 * Folders made outside a test (at module or describe level, or in a beforeAll hook). An afterAll
 * registered there from a hook would never run, so this one, registered on the test file when the
 * file imports this module, removes them all (test files run isolated: one import per file).
 */
const fileFolders = new Set<string>()

afterAll(async () => {
  for (const dir of fileFolders) await removeTempDir(dir)
  fileFolders.clear()
})

/**
 * Makes `<tmpdir>/agendapack-<name>-XXXXXX` and registers its removal: after the current test when
 * called inside one, else after the test file. Outside a test, make it in a beforeAll hook rather
 * than at module level: a file whose tests are all skipped runs no afterAll.
 */
export async function makeTempDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `agendapack-${name}-`))
  if (TestRunner.getCurrentTest()) onTestFinished(() => removeTempDir(dir))
  else fileFolders.add(dir)
  return dir
}

/** Removes `dir` and all below it, giving back write permission first where a test took it away. */
export async function removeTempDir(dir: string): Promise<void> {
  try {
    await rm(dir, {recursive: true, force: true})
  } catch {
    await allowWriting(dir)
    await rm(dir, {recursive: true, force: true})
  }
}

/** Makes `dir` and every folder below it readable and writable by its owner (links are not followed). */
async function allowWriting(dir: string): Promise<void> {
  await chmod(dir, 0o700)
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) await allowWriting(join(dir, entry.name))
  }
}
