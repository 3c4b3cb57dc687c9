// Finds the input files of a run: named files as given, folders walked recursively for
// supported files, in one sorted order; link loops and unreadable folders are reported, not fatal.
import {readdir, realpath, stat} from 'node:fs/promises'
import {basename, dirname, extname, join, relative, resolve} from 'node:path'
import {ioReason} from '../read/load.js'

/** Extensions picked up when walking a folder (named files are tried whatever their name). */
export const SUPPORTED_EXTENSIONS = new Set(['.pdf', '.md', '.markdown', '.txt'])

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

/** Expands files and folders into a sorted list of inputs plus problems. */
export async function discoverInputs(inputs: readonly string[]): Promise<{files: DiscoveredInput[]; problems: DiscoveryProblem[]}> {
  const files: DiscoveredInput[] = []
  const problems: DiscoveryProblem[] = []
  for (const input of inputs) {
    let info
    try {
      info = await stat(input)
    } catch (error) {
      problems.push({path: input, reason: ioReason(error) === 'no such file' ? 'no such file or folder' : ioReason(error)})
      continue
    }
    if (info.isDirectory()) await walk(dirname(resolve(input)), input, new Set(), files, problems)
    else files.push({path: input, outputName: outputNameFor(basename(input))})
  }
  return {files: uniqueOutputs(dedupe(files)), problems}
}

async function walk(root: string, folder: string, seen: Set<string>, files: DiscoveredInput[], problems: DiscoveryProblem[]): Promise<void> {
  let entries
  try {
    const real = await realpath(folder)
    if (seen.has(real)) {
      problems.push({path: folder, reason: 'symbolic link loop: folder already visited'})
      return
    }
    seen.add(real)
    entries = await readdir(folder, {withFileTypes: true})
  } catch (error) {
    problems.push({path: folder, reason: ioReason(error)})
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    const kind = await entryKind(path, entry.isDirectory(), entry.isSymbolicLink())
    if (kind === 'folder') await walk(root, path, seen, files, problems)
    else if (kind === 'file' && SUPPORTED_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      files.push({path, outputName: outputNameFor(relative(root, resolve(path)))})
    } else if (kind === 'broken') problems.push({path, reason: 'broken symbolic link'})
  }
}

async function entryKind(path: string, isDir: boolean, isLink: boolean): Promise<'file' | 'folder' | 'broken'> {
  if (!isLink) return isDir ? 'folder' : 'file'
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file'
  } catch {
    return 'broken'
  }
}

// Folder inputs keep their own name: `packs/` holding `minutes/a.pdf` → `packs/minutes/a.pdf.json`.
/** `minutes/2024-03.pdf` → `minutes/2024-03.pdf.json`: the extension is kept so a .pdf and a .md never collide. */
export function outputNameFor(relativePath: string): string {
  return relativePath.split('\\').join('/') + '.json'
}

function dedupe(files: DiscoveredInput[]): DiscoveredInput[] {
  const seen = new Set<string>()
  return files.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)))
}

/** Two inputs with the same output name (same file name in two named folders) get their full relative path. */
function uniqueOutputs(files: DiscoveredInput[]): DiscoveredInput[] {
  const count = new Map<string, number>()
  for (const f of files) count.set(f.outputName, (count.get(f.outputName) ?? 0) + 1)
  return files.map((f) => (count.get(f.outputName)! > 1
    ? {...f, outputName: outputNameFor(relative(process.cwd(), resolve(f.path)).replace(/^(\.\.[/\\])+/, ''))}
    : f))
}
