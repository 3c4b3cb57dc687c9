// Finds the input files of a run: named files as given, folders walked recursively and glob
// patterns expanded, kept by extension or by their first bytes, in one sorted order; link loops,
// unreadable folders and unsupported files are reported, never fatal.
import type {Dirent} from 'node:fs'
import {open, readdir, realpath, stat} from 'node:fs/promises'
import {basename, dirname, extname, join, relative, resolve} from 'node:path'
import {ioReason} from '../read/load.js'
import {byCodePoint, expandGlob, isGlob} from './glob.js'

/** Extensions picked up when walking a folder without looking inside (named files are tried whatever their name). */
export const SUPPORTED_EXTENSIONS = new Set(['.pdf', '.md', '.markdown', '.mdown', '.mkd', '.txt', '.text'])

/** Bytes read from a file of another extension to see whether it is a PDF (the header sits in the first 1 KiB). */
const SNIFF_BYTES = 1024
/** The PDF header: `%PDF-1.7` (a mention of "%PDF-" in prose is not enough). */
const PDF_MAGIC = /%PDF-\d\.\d/

/** One input file and where its output goes, relative to the output folder. */
export interface DiscoveredInput {
  path: string
  /** Output name relative to the output folder (folder inputs keep their tree). */
  outputName: string
}

/** An input that could not be used at all (missing path, unreadable folder). */
export interface DiscoveryProblem {
  path: string
  reason: string
}

/** What discovery found: inputs to extract, problems (failures) and files skipped as unsupported. */
export interface Discovery {
  files: DiscoveredInput[]
  problems: DiscoveryProblem[]
  /** Files met in folders or globs that are not PDF, markdown or text (reported, not failures). */
  skipped: DiscoveryProblem[]
}

/** Expands files, folders and glob patterns into a sorted list of inputs plus problems. */
export async function discoverInputs(inputs: readonly string[]): Promise<Discovery> {
  const found: Discovery = {files: [], problems: [], skipped: []}
  for (const input of inputs) {
    let info
    try {
      info = await stat(input)
    } catch (error) {
      if (isGlob(input)) await addGlob(input, found)
      else found.problems.push({path: input, reason: ioReason(error) === 'no such file' ? 'no such file or folder' : ioReason(error)})
      continue
    }
    if (info.isDirectory()) await walk(dirname(resolve(input)), input, new Set(), found)
    else found.files.push({path: input, outputName: outputNameFor(basename(input))})
  }
  const files = uniqueOutputs(dedupe(found.files)).sort((a, b) => byCodePoint(a.outputName, b.outputName))
  return {files, problems: found.problems, skipped: found.skipped}
}

async function addGlob(pattern: string, found: Discovery): Promise<void> {
  const paths = await expandGlob(pattern)
  if (paths.length === 0) found.problems.push({path: pattern, reason: 'no file matches the pattern'})
  for (const path of paths) {
    const why = (await entryKind(path, null)) === 'special' ? SPECIAL_FILE : await unsupportedReason(path)
    if (why) found.skipped.push({path, reason: why})
    else found.files.push({path, outputName: outputNameFor(treePath(path))})
  }
}

async function walk(root: string, folder: string, seen: Set<string>, found: Discovery): Promise<void> {
  let entries
  try {
    const real = await realpath(folder)
    if (seen.has(real)) {
      found.problems.push({path: folder, reason: 'symbolic link loop: folder already visited'})
      return
    }
    seen.add(real)
    entries = await readdir(folder, {withFileTypes: true})
  } catch (error) {
    found.problems.push({path: folder, reason: ioReason(error)})
    return
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    const kind = await entryKind(path, entry)
    if (kind === 'folder') await walk(root, path, seen, found)
    else if (kind === 'broken') found.problems.push({path, reason: 'broken symbolic link'})
    else if (kind === 'special') found.skipped.push({path, reason: SPECIAL_FILE})
    else {
      const why = await unsupportedReason(path)
      if (why) found.skipped.push({path, reason: why})
      else found.files.push({path, outputName: outputNameFor(relative(root, resolve(path)))})
    }
  }
}

/** Why a device, pipe or socket in an input folder is skipped. */
const SPECIAL_FILE = 'not a regular file (a device, pipe or socket)'

/** Null when the file is to be extracted: a supported extension, or a PDF by its first bytes whatever its name. */
export async function unsupportedReason(path: string): Promise<string | null> {
  const ext = extname(path).toLowerCase()
  if (SUPPORTED_EXTENSIONS.has(ext)) return null
  const head = await readHead(path)
  if (head === null) return 'cannot read the file'
  if (PDF_MAGIC.test(head)) return null
  return `unsupported file type${ext ? ` (${ext})` : ''}: not a PDF, markdown or text file`
}

async function readHead(path: string): Promise<string | null> {
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES)
      const {bytesRead} = await handle.read(buffer, 0, SNIFF_BYTES, 0)
      return buffer.subarray(0, bytesRead).toString('latin1')
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/**
 * What a folder entry is, following a symbolic link: a device, pipe or socket found in a folder is
 * 'special' and never read (reading /dev/zero or a pipe would not end); one named as an input is.
 * A plain entry is judged from the folder listing; a link, or a path from a glob (`entry` null), by stat.
 */
async function entryKind(path: string, entry: Pick<Dirent, 'isDirectory' | 'isFile' | 'isSymbolicLink'> | null): Promise<'file' | 'folder' | 'broken' | 'special'> {
  try {
    const info = entry && !entry.isSymbolicLink() ? entry : await stat(path)
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'special'
  } catch {
    return 'broken'
  }
}

// Folder inputs keep their own name: `packs/` holding `minutes/a.pdf` → `packs/minutes/a.pdf.json`.
/** `minutes/2024-03.pdf` → `minutes/2024-03.pdf.json`: the extension is kept so a .pdf and a .md never collide. */
export function outputNameFor(relativePath: string): string {
  return relativePath.split('\\').join('/') + '.json'
}

/** A path as a tree below the working folder (`../x/a.pdf` → `x/a.pdf`): where glob matches land in the output. */
function treePath(path: string): string {
  return relative(process.cwd(), resolve(path)).replace(/^(\.\.[/\\])+/, '')
}

function dedupe(files: DiscoveredInput[]): DiscoveredInput[] {
  const seen = new Set<string>()
  return files.filter((f) => {
    const key = resolve(f.path)
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

/** Two inputs with the same output name (same file name in two named folders) get their full relative path. */
function uniqueOutputs(files: DiscoveredInput[]): DiscoveredInput[] {
  const count = new Map<string, number>()
  for (const f of files) count.set(f.outputName, (count.get(f.outputName) ?? 0) + 1)
  return files.map((f) => (count.get(f.outputName)! > 1 ? {...f, outputName: outputNameFor(treePath(f.path))} : f))
}
