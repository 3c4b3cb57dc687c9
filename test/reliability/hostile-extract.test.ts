// Reliability of the library on hostile inputs: every file either fails with a one-line PackError
// naming the reason, or gives a pack that validates; none hangs, throws anything else or differs between runs.
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract.js'
import {PackError} from '../../src/errors.js'
import {validatePack} from '../../src/compile/validate.js'
import {closePdf, openPdf} from '../../src/read/pdf/open.js'
import {renderPage} from '../../src/read/pdf/render.js'
import {hostileFiles, type HostileFile} from './hostile-files.js'

/** Longest one-line reason worth showing a person (characters). */
const MAX_REASON_CHARS = 200
/** Longest rendered side allowed for OCR (pixels; the cap in src/read/pdf/render.ts). */
const MAX_RENDER_SIDE = 3600

const FILES = await hostileFiles()
const FIRST_RUNS = new Map<string, ReturnType<typeof outcomeOf>>()

/** The outcome of a file's first run (shared by the tests, so big files are read once). */
function firstRun(file: HostileFile): ReturnType<typeof outcomeOf> {
  if (!FIRST_RUNS.has(file.name)) FIRST_RUNS.set(file.name, outcomeOf(file))
  return FIRST_RUNS.get(file.name)!
}

async function outcomeOf(file: HostileFile): Promise<{error: unknown} | {json: string; pack: Awaited<ReturnType<typeof extract>>['pack']}> {
  try {
    const {pack} = await extract({path: file.name, data: file.bytes}, {ocr: 'never'})
    return {json: JSON.stringify(pack), pack}
  } catch (error) {
    return {error}
  }
}

describe('extract on hostile files', () => {
  it.each(FILES.map((f) => [f.name, f] as const))('%s: fails with a one-line reason or gives a valid pack', async (_name, file) => {
    const result = await firstRun(file)
    if ('fails' in file.outcome) {
      expect('error' in result, `${file.name} should fail`).toBe(true)
      const error = (result as {error: unknown}).error
      expect(error).toBeInstanceOf(PackError)
      const message = (error as PackError).message
      expect(message).toMatch(file.outcome.fails)
      expect(message).not.toMatch(/\n/)
      expect(message.length).toBeLessThanOrEqual(MAX_REASON_CHARS)
      return
    }
    if ('error' in result) throw result.error
    const {pages, methods, text} = file.outcome.reads
    expect(validatePack(result.pack)).toEqual([])
    expect(result.pack.pages).toHaveLength(pages)
    if (methods) expect(result.pack.pages.map((p) => p.method)).toEqual(methods)
    if (text) expect(result.pack.pages.map((p) => p.text ?? '').join('\n')).toMatch(text)
  })

  it('should give the same bytes on a second run of every readable hostile file', async () => {
    for (const file of FILES.filter((f) => 'reads' in f.outcome && f.bytes.length < 100_000)) {
      const [first, second] = [await firstRun(file), await outcomeOf(file)]
      expect('json' in first && 'json' in second && first.json === second.json, file.name).toBe(true)
    }
  })

  it('should render a 20,000 × 20,000 pt page within the pixel cap', async () => {
    const file = FILES.find((f) => f.name.startsWith('huge-'))!
    const doc = await openPdf(file.bytes)
    try {
      const page = await renderPage(await doc.getPage(1))
      expect(Math.max(page.width, page.height)).toBeLessThanOrEqual(MAX_RENDER_SIDE)
      expect(page.data.length).toBe(page.width * page.height)
    } finally {
      await closePdf(doc)
    }
  })

  it('should mark a 1,000-page blank pack as empty pages, one warning each', async () => {
    const result = await firstRun(FILES.find((f) => f.name.startsWith('blank-1000'))!)
    if ('error' in result) throw result.error
    const {pack} = result
    expect(new Set(pack.pages.map((p) => p.method))).toEqual(new Set(['empty']))
    expect(pack.warnings.filter((w) => w.code === 'empty-page')).toHaveLength(1000)
  })
})
