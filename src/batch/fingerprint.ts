// A fingerprint of the running agendapack build (hash of its compiled files), so outputs and OCR
// cache entries made by other code are never taken as up to date, even at the same version number.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

let memo: string | null = null

/** sha256 (first 16 hex digits) over the names and bytes of every .js file of the build, in sorted order. */
export function buildFingerprint(): string {
  if (memo !== null) return memo
  const root = fileURLToPath(new URL('../', import.meta.url))
  const hash = createHash('sha256')
  for (const path of jsFiles(root)) hash.update(path.slice(root.length) + '\0').update(readFileSync(path))
  memo = hash.digest('hex').slice(0, 16)
  return memo
}

/** The hash of one compiled file of the build (e.g. the OCR pool, whose options decide what tesseract reads). */
export function fileFingerprint(relativeToBuild: string): string {
  try {
    const path = fileURLToPath(new URL('../' + relativeToBuild, import.meta.url))
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)
  } catch {
    return 'unknown'
  }
}

/** One hash over the compiled files of a build folder whose names match `names` (sorted), e.g. a pipeline's modules. */
export function filesFingerprint(relativeFolder: string, names: RegExp): string {
  const folder = fileURLToPath(new URL('../' + relativeFolder + '/', import.meta.url))
  const hash = createHash('sha256')
  let files: string[]
  try {
    files = readdirSync(folder).filter((name) => names.test(name)).sort()
  } catch {
    return 'unknown'
  }
  for (const name of files) hash.update(name + '\0').update(readFileSync(join(folder, name)))
  return hash.digest('hex').slice(0, 16)
}

function jsFiles(folder: string): string[] {
  const out: string[] = []
  let entries
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch {
    return out
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) out.push(...jsFiles(path))
    else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}
