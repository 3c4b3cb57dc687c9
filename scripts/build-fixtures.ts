// Generates fixtures/ from the invented packs' source of truth: text-layer, scanned and mixed
// PDFs, markdown and text exports, an expected Pack beside each, and the bad inputs.
// Run with `npm run fixtures`; two runs give byte-identical files. Files are overwritten, never
// deleted, so goldens written beside them by other tests survive.
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildBad} from './fixtures/bad.js'
import {HARBOURSIDE} from './fixtures/content/harbourside.js'
import {LAYOUT_VARIANTS} from './fixtures/content/layout-variants.js'
import {WEXMOOR} from './fixtures/content/wexmoor.js'
import {buildExpected, type FixtureKind} from './fixtures/expected.js'
import {layoutPack, type LaidPack} from './fixtures/layout-pack.js'
import {renderMarkdown} from './fixtures/render-markdown.js'
import {renderPdf} from './fixtures/render-pdf.js'
import {renderText} from './fixtures/render-text.js'
import {scanPages} from './fixtures/scan.js'
import type {PackSource} from './fixtures/types.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PACKS: PackSource[] = [WEXMOOR, HARBOURSIDE, LAYOUT_VARIANTS]

function write(relative: string, bytes: Uint8Array | string): void {
  const full = join(ROOT, relative)
  mkdirSync(dirname(full), {recursive: true})
  writeFileSync(full, bytes)
}

function writeWithExpected(pack: PackSource, laid: LaidPack, kind: FixtureKind, ext: string, bytes: Buffer,
  scanned?: Set<number>): void {
  const path = `fixtures/${kind}/${pack.name}.${ext}`
  write(path, bytes)
  const expected = buildExpected(pack, laid, {kind, path, bytes, ...(scanned ? {scanned} : {})})
  write(`fixtures/${kind}/${pack.name}.expected.json`, JSON.stringify(expected, null, 2) + '\n')
}

async function buildPack(pack: PackSource): Promise<Buffer> {
  const laid = layoutPack(pack)
  const meta = {title: `${pack.meeting.committee}, ${pack.meeting.date}`, author: pack.meeting.authority}
  const textPdf = await renderPdf(laid.pages, meta)
  writeWithExpected(pack, laid, 'pdf-text', 'pdf', textPdf)
  const all = laid.pages.map((_, i) => i)
  const images = await scanPages(textPdf, all, pack.name)
  writeWithExpected(pack, laid, 'pdf-scanned', 'pdf', await renderPdf(laid.pages, {...meta, images}))
  if (pack.mixedScannedParts) {
    const scanned = new Set(all.filter((i) => pack.mixedScannedParts?.includes(laid.pages[i]!.part)))
    const some = new Map([...images].filter(([i]) => scanned.has(i)))
    writeWithExpected(pack, laid, 'pdf-mixed', 'pdf', await renderPdf(laid.pages, {...meta, images: some}), scanned)
  }
  writeWithExpected(pack, laid, 'markdown', 'md', Buffer.from(renderMarkdown(laid.pages)))
  writeWithExpected(pack, laid, 'text', 'txt', Buffer.from(renderText(laid.pages, pack.textTables)))
  return textPdf
}

async function main(): Promise<void> {
  let first: Buffer | null = null
  for (const pack of PACKS) {
    const pdf = await buildPack(pack)
    first ??= pdf
  }
  for (const [name, bytes] of await buildBad(first!)) write(`fixtures/bad/${name}`, bytes)
}

await main()
