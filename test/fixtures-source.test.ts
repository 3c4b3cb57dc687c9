// Checks the generated fixtures against their answer keys: every expected.json is a valid Pack
// that agrees with its file (hash, pages, printed numbers, parts, agenda ranges), and the text
// PDFs' real text layer carries the expected page text.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Value} from '@sinclair/typebox/value'
import {describe, expect, it} from 'vitest'
import {PackSchema, type Pack} from '../src/compile/model.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const KINDS = ['pdf-text', 'pdf-scanned', 'pdf-mixed', 'markdown', 'text']
/** Least share of an expected page's words that the text layer must give back. */
const MIN_WORD_OVERLAP = 0.98
const PACK_KEYS = ['schemaVersion', 'source', 'pages', 'meeting', 'agenda', 'parts', 'minutes', 'reports', 'kpiTables',
  'glossary', 'trackers', 'warnings']

interface Fixture {
  kind: string
  name: string
  pack: Pack
}

function loadFixtures(): Fixture[] {
  return KINDS.flatMap(function kind(k) {
    const dir = join(ROOT, 'fixtures', k)
    if (!existsSync(dir)) return []
    return readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort().map((f) => ({
      kind: k,
      name: f.replace('.expected.json', ''),
      pack: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Pack
    }))
  })
}

const FIXTURES = loadFixtures()

async function openPdf(path: string, password?: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const data = new Uint8Array(readFileSync(join(ROOT, path)))
  return pdfjs.getDocument({data, verbosity: 0, ...(password ? {password} : {})})
}

async function pageTexts(path: string): Promise<Array<{text: string; rotate: number}>> {
  const task = await openPdf(path)
  try {
    const doc = await task.promise
    const out: Array<{text: string; rotate: number}> = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      out.push({text: content.items.map((item) => ('str' in item ? item.str : '')).join(' '), rotate: page.rotate})
    }
    return out
  } finally {
    await task.destroy()
  }
}

/** Share of `expected`'s words found in `actual` (each actual word used once). */
function wordOverlap(expected: string, actual: string): number {
  const words = expected.split(/\s+/).filter(Boolean)
  const pool = new Map<string, number>()
  for (const w of actual.split(/\s+/).filter(Boolean)) pool.set(w, (pool.get(w) ?? 0) + 1)
  let found = 0
  for (const w of words) {
    const n = pool.get(w) ?? 0
    if (n > 0) { found++; pool.set(w, n - 1) }
  }
  return words.length ? found / words.length : 1
}

describe('fixtures expected.json', () => {
  it('should have fixtures of every kind', () => {
    expect(new Set(FIXTURES.map((f) => f.kind))).toEqual(new Set(KINDS))
    expect(FIXTURES.filter((f) => f.kind === 'pdf-text').length).toBeGreaterThanOrEqual(2)
  })

  it.each(FIXTURES.map((f) => [`${f.kind}/${f.name}`, f] as const))('should be a valid Pack matching its file: %s', (_, f) => {
    expect(Object.keys(f.pack)).toEqual(PACK_KEYS)
    expect([...Value.Errors(PackSchema, f.pack)].map((e) => `${e.path} ${e.message}`)).toEqual([])
    const bytes = readFileSync(join(ROOT, f.pack.source.path))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.pack.source.sha256)
    expect(f.pack.pages.map((p) => p.page)).toEqual(f.pack.pages.map((_, i) => i + 1))
    expect(f.pack.source.pageCount).toBe(f.pack.pages.length)
    for (const p of f.pack.pages) expect(p.chars).toBe(p.text?.length)
  })

  it.each(FIXTURES.map((f) => [`${f.kind}/${f.name}`, f] as const))('should have parts covering every page in order: %s', (_, f) => {
    let next = 1
    const ids = new Set(f.pack.parts.map((p) => p.id))
    for (const part of f.pack.parts) {
      expect(part.pages.from).toBe(next)
      next = part.pages.to + 1
      if (part.parent) expect(ids.has(part.parent)).toBe(true)
    }
    expect(next - 1).toBe(f.pack.pages.length)
    for (const r of f.pack.reports) expect(ids.has(r.part)).toBe(true)
    for (const m of f.pack.minutes) expect(ids.has(m.part)).toBe(true)
  })

  it.each(FIXTURES.map((f) => [`${f.kind}/${f.name}`, f] as const))('should have agenda ranges pointing at printed pages of that item: %s', (_, f) => {
    for (const item of f.pack.agenda) {
      if (!item.printedPages) continue
      const {from, to} = item.printedPages
      const pages = f.pack.pages.filter((p) => p.printedPage !== null && Number(p.printedPage) >= from && Number(p.printedPage) <= to)
      expect(pages.length).toBe(to - from + 1)
      for (const page of pages) {
        const part = f.pack.parts.find((p) => p.pages.from <= page.page && page.page <= p.pages.to)
        expect(part?.agendaItem).toBe(item.number)
      }
    }
  })

  it('should give every kind of the same pack the same structured answer', () => {
    const byName = new Map<string, string>()
    for (const f of FIXTURES) {
      const {source: _s, pages, ...rest} = f.pack
      const key = JSON.stringify({rest, printed: pages.map((p) => p.printedPage)})
      const seen = byName.get(f.name)
      if (seen) expect(key).toBe(seen)
      else byName.set(f.name, key)
    }
  })

  it('should number pages in the text and markdown exports as expected', () => {
    for (const f of FIXTURES.filter((x) => x.kind === 'text' || x.kind === 'markdown')) {
      const text = readFileSync(join(ROOT, f.pack.source.path), 'utf8')
      const pages = f.kind === 'text' ? text.split('\f') : text.split(/^<!-- page \d+ -->$/m).slice(1)
      expect(pages.length).toBe(f.pack.pages.length)
      f.pack.pages.forEach(function stamp(p, i) {
        const stamped = /^Page (\d+)$/m.exec(pages[i] ?? '')
        expect(stamped?.[1] ?? null).toBe(p.printedPage)
      })
    }
  })
})

describe('fixtures PDFs', () => {
  it.each(FIXTURES.filter((f) => f.kind === 'pdf-text').map((f) => [f.name, f] as const))('should carry the expected words in the text layer: %s', async (_, f) => {
    const pages = await pageTexts(f.pack.source.path)
    expect(pages.length).toBe(f.pack.pages.length)
    f.pack.pages.forEach(function check(p, i) {
      const actual = pages[i]!.text
      expect(wordOverlap(p.text ?? '', actual), `page ${p.page}`).toBeGreaterThanOrEqual(MIN_WORD_OVERLAP)
      if (p.printedPage) expect(actual).toContain(`Page ${p.printedPage}`)
    })
  })

  it.each(FIXTURES.filter((f) => f.kind !== 'pdf-text' && f.kind.startsWith('pdf')).map((f) => [`${f.kind}/${f.name}`, f] as const))(
    'should have a text layer only on text-layer pages: %s', async (_, f) => {
      const pages = await pageTexts(f.pack.source.path)
      f.pack.pages.forEach(function check(p, i) {
        expect(pages[i]!.text.trim().length > 0, `page ${p.page}`).toBe(p.method === 'text-layer')
      })
    })

  it('should rotate the landscape page of layout-variants by 90 degrees', async () => {
    const pages = await pageTexts('fixtures/pdf-text/layout-variants.pdf')
    expect(pages.map((p) => p.rotate)).toEqual([0, 0, 0, 0, 90, 0, 0, 0])
  })

  it('should keep encrypted.pdf closed and owner-only.pdf open', async () => {
    const locked = await openPdf('fixtures/bad/encrypted.pdf')
    await expect(locked.promise).rejects.toMatchObject({name: 'PasswordException'})
    await locked.destroy()
    const open = await openPdf('fixtures/bad/owner-only.pdf')
    expect((await open.promise).numPages).toBe(1)
    await open.destroy()
  })
})
