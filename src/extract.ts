// The library's main job: one input file → validated Pack plus its messages. The CLI's batch
// runner calls exactly this; it prints nothing and never exits.
import {createHash} from 'node:crypto'
import {isAbsolute, relative, sep} from 'node:path'
import {VFile} from 'vfile'
import {cleanTree} from './clean/index.js'
import {compilePack} from './compile/pack.js'
import type {Pack} from './compile/model.js'
import {validatePack} from './compile/validate.js'
import {PackError} from './errors.js'
import type {PageMessage} from './messages.js'
import {readInput} from './read/index.js'
import {loadInput} from './read/load.js'
import type {OcrMode} from './read/pdf/index.js'
import {lazyOcrPool} from './read/pdf/lazy-ocr-pool.js'
import type {OcrPool} from './read/pdf/ocr-pool.js'
import {sniffFormat} from './read/sniff.js'
import {segmentTree} from './segment/index.js'
import type {Root} from './tree/types.js'

/** Options of {@link extract}; every field is optional. */
export interface ExtractOptions {
  /** Per-page OCR routing: `auto` (default) OCRs pages without a sound text layer. */
  ocr?: OcrMode
  /** Keep each page's cleaned text in `pages[].text` (default true). */
  text?: boolean
  /** A shared OCR pool (the batch runner passes one); otherwise one is made when needed and closed after. */
  ocrPool?: OcrPool
  /** Workers for a pool made by extract itself (default: the cores). */
  ocrWorkers?: number
  /** The path to record in `source.path` (default: the input path, relative to the working folder). */
  path?: string
}

/** What {@link extract} gives back. */
export interface ExtractResult {
  pack: Pack
  /** Warnings, also compiled into `pack.warnings`. */
  messages: PageMessage[]
  /** The cleaned page tree, for tools such as `agendapack inspect`. */
  tree: Root
}

/** An input given as bytes rather than a path. */
export interface ExtractBuffer {
  path: string
  data: Uint8Array
}

/**
 * Reads one agenda pack (PDF, markdown or text) into a validated Pack document.
 * @param input a file path, or `{path, data}` for bytes already in memory
 * @param options see {@link ExtractOptions}
 * @throws PackError when the file cannot be used (empty, corrupt, encrypted, unsupported)
 */
export async function extract(input: string | ExtractBuffer, options?: Readonly<ExtractOptions> | null): Promise<ExtractResult> {
  const path = typeof input === 'string' ? input : input.path
  const bytes = typeof input === 'string' ? await loadInput(input) : input.data
  const format = sniffFormat(bytes, path)
  const file = new VFile({path})
  let ownPool: OcrPool | undefined
  const getOcrPool = (): OcrPool => {
    if (options?.ocrPool) return options.ocrPool
    ownPool ??= lazyOcrPool(options?.ocrWorkers ? {size: options.ocrWorkers} : {})
    return ownPool
  }
  try {
    const tree = await readInput(bytes, format, file, {ocr: options?.ocr ?? 'auto', getOcrPool})
    cleanTree(tree, file)
    segmentTree(tree, file)
    const pack = compilePack(tree, file, {
      path: options?.path ?? recordedPath(path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      text: options?.text ?? true
    })
    assertValid(pack)
    return {pack, messages: file.messages as PageMessage[], tree}
  } finally {
    await ownPool?.terminate()
  }
}

/** The input path as recorded: relative to the working folder, with forward slashes. */
export function recordedPath(path: string): string {
  const rel = isAbsolute(path) ? relative(process.cwd(), path) : path
  return rel.split(sep).join('/')
}

function assertValid(pack: Pack): void {
  const problems = validatePack(pack)
  if (problems.length === 0) return
  const first = problems[0]!
  throw new PackError('invalid-output', `output does not match the schema at ${first.path}: ${first.message} (this is a bug, please report it)`)
}
