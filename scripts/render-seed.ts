// Renders seed texts into PDFs a checker would make (text layer, scanned twin, mixed: every other
// page scanned) and, with --compare, scores agendapack's sections on each against the seed text.
// Usage: node dist-scripts/scripts/render-seed.js [--out DIR] [--kinds text,scanned,mixed] [--compare]
//   [--face Helvetica|Times] [--type BODY[-MIN]] [--cells top|middle] [--row-gap PT] [--dpi N] [--skew MIN-MAX] [--tag NAME] SEED...
// Renderings hold real seed text: write them under /tmp, never into the repository.
/// <reference path="../src/vfile.d.ts" />
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {VFile} from 'vfile'
import {cleanTree} from '../src/clean/index.js'
import type {Pack} from '../src/compile/model.js'
import {compilePack} from '../src/compile/pack.js'
import {validatePack} from '../src/compile/validate.js'
import {readInput} from '../src/read/index.js'
import {createOcrPool, type OcrPool} from '../src/read/pdf/ocr-pool.js'
import {sniffFormat} from '../src/read/sniff.js'
import {segmentTree} from '../src/segment/index.js'
import type {Root} from '../src/tree/types.js'
import {OFFICE_SCANNER, scanPages, type ScanOptions} from './fixtures/scan.js'
import {comparePacks, SECTIONS} from './render-seed-compare.js'
import {seedLayout} from './render-seed-pages.js'
import {DEFAULT_TYPE, renderSeedPdf, seedPageCount, type SeedType} from './render-seed-pdf.js'

type Kind = 'text' | 'scanned' | 'mixed'

interface Args {
  out: string
  kinds: Kind[]
  compare: boolean
  type: SeedType
  scanner: ScanOptions
  /** Added to the output names, so renderings in other type or scanners sit side by side. */
  tag: string
  seeds: string[]
}

function parseArgs(argv: string[]): Args {
  const args: Args = {out: '/tmp/seed-renderings', kinds: ['text', 'scanned', 'mixed'], compare: false,
    type: {...DEFAULT_TYPE}, scanner: {...OFFICE_SCANNER}, tag: '', seeds: []}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--out') args.out = argv[++i] ?? args.out
    else if (a === '--kinds') args.kinds = (argv[++i] ?? '').split(',') as Kind[]
    else if (a === '--compare') args.compare = true
    else if (a === '--face') args.type.face = argv[++i] === 'Times' ? 'Times' : 'Helvetica'
    else if (a === '--type') [args.type.body, args.type.min] = range(argv[++i], args.type.body)
    else if (a === '--dpi') args.scanner.dpi = Number(argv[++i])
    else if (a === '--skew') [args.scanner.minSkew, args.scanner.maxSkew] = range(argv[++i], 0)
    else if (a === '--cells') args.type.cells = argv[++i] === 'middle' ? 'middle' : 'top'
    else if (a === '--row-gap') args.type.rowGap = Number(argv[++i])
    else if (a === '--tag') args.tag = `.${argv[++i] ?? ''}`
    else args.seeds.push(a)
  }
  return args
}

/** "A-B" or "A" (then both ends are A). */
function range(text: string | undefined, fallback: number): [number, number] {
  const [low, high] = (text ?? '').split('-').map(Number)
  const from = Number.isFinite(low) ? low! : fallback
  return [from, Number.isFinite(high) ? high! : from]
}

/** Writes the renderings of one seed; returns their paths by kind. */
async function renderSeed(seed: string, args: Args): Promise<Map<Kind, string>> {
  const name = basename(seed).replace(/\.[^.]+$/, '')
  const layout = seedLayout(readFileSync(seed, 'utf8'), seed)
  const text = await renderSeedPdf(layout, undefined, args.type)
  const count = seedPageCount(layout, args.type)
  const paths = new Map<Kind, string>()
  const write = (kind: Kind, bytes: Buffer): void => {
    const path = join(args.out, `${name}${args.tag}.${kind}.pdf`)
    writeFileSync(path, bytes)
    paths.set(kind, path)
  }
  if (args.kinds.includes('text')) write('text', text)
  const wanted = args.kinds.includes('scanned')
    ? [...Array(count).keys()]
    : [...Array(count).keys()].filter((i) => i % 2 === 1)
  if (args.kinds.includes('scanned') || args.kinds.includes('mixed')) {
    const images = await scanPages(text, wanted, name, args.scanner)
    if (args.kinds.includes('scanned')) write('scanned', await renderSeedPdf(layout, images, args.type))
    if (args.kinds.includes('mixed')) {
      write('mixed', await renderSeedPdf(layout, new Map([...images].filter(([i]) => i % 2 === 1)), args.type))
    }
  }
  return paths
}

/** Read → clean → segment → compile, as extract() does; the read tree is cached by content (OCR is slow). */
async function packOf(path: string, cacheDir: string, getOcrPool: () => OcrPool): Promise<Pack> {
  const bytes = new Uint8Array(readFileSync(path))
  const sha = createHash('sha256').update(bytes).digest('hex')
  const cached = join(cacheDir, `${sha}.tree.json`)
  const file = new VFile({path})
  let tree: Root
  if (existsSync(cached)) {
    tree = JSON.parse(readFileSync(cached, 'utf8')) as Root
  } else {
    tree = await readInput(bytes, sniffFormat(bytes, path), file, {ocr: 'auto', getOcrPool})
    writeFileSync(cached, JSON.stringify(tree))
  }
  cleanTree(tree, file)
  segmentTree(tree, file)
  const pack = compilePack(tree, file, {path: basename(path), sha256: sha, text: true})
  const problems = validatePack(pack)
  if (problems.length > 0) throw new Error(`${path}: invalid Pack at ${problems[0]!.path}: ${problems[0]!.message}`)
  return pack
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  mkdirSync(args.out, {recursive: true})
  const cacheDir = join(args.out, 'cache')
  mkdirSync(cacheDir, {recursive: true})
  let pool: OcrPool | undefined
  const getOcrPool = (): OcrPool => (pool ??= createOcrPool(null))
  try {
    for (const seed of args.seeds) {
      const paths = await renderSeed(seed, args)
      if (!args.compare) continue
      const reference = await packOf(seed, cacheDir, getOcrPool)
      const flow = seedLayout(readFileSync(seed, 'utf8'), seed).flow
      for (const [kind, path] of paths) {
        const candidate = await packOf(path, cacheDir, getOcrPool)
        const scores = comparePacks(reference, candidate, {pages: !flow})
        const line = SECTIONS.map((s) => `${s}=${scores[s].f1.toFixed(3)}(${scores[s].reference}/${scores[s].candidate})`)
        console.log(`${basename(seed)} ${kind}: ${line.join(' ')}`)
        for (const s of SECTIONS) {
          for (const k of scores[s].missing) console.log(`  - ${s}: ${k}`)
          for (const k of scores[s].extra) console.log(`  + ${s}: ${k}`)
        }
      }
    }
  } finally {
    await pool?.terminate()
  }
}

await main()
