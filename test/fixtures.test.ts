// Every generated fixture pack read through the whole pipeline and checked against the answer
// key made from the same invented source: pages, methods, printed numbers, text (words / CER).
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {extract} from '../src/extract.js'
import {validatePack} from '../src/compile/validate.js'
import {createOcrPool} from '../src/read/pdf/ocr-pool.js'
import {REPO} from './util/cli.js'
import {cer, normaliseSpace} from './util/cer.js'
import {wordOverlap} from './util/words.js'

/** Most words a sound reader may lose or change on a page (text layer, markdown, text export). */
const MIN_WORD_OVERLAP = 0.98
/** Highest character error rate accepted over the OCR'd prose pages of a pack (the bound). */
const MAX_OCR_CER = 0.05
/** Fewest words an OCR'd page must give back. Table pages are held to this only: OCR reads wrapped
 * cells line by line, so their order differs from the answer key's row-by-row text. */
const MIN_OCR_WORD_OVERLAP = 0.9

interface ExpectedPage {page: number; printedPage: string | null; method: string; text: string}
interface Expected {source: {path: string; sha256?: string; format: string; pageCount: number}; pages: ExpectedPage[]}

const KINDS = ['text', 'markdown', 'pdf-text', 'pdf-mixed', 'pdf-scanned']
const cases = KINDS.flatMap((kind) => readdirSync(join(REPO, 'fixtures', kind))
  .filter((name) => !name.endsWith('.json') && !name.startsWith('.'))
  .map((name) => ({kind, name, path: `fixtures/${kind}/${name}`})))
const pool = createOcrPool()
afterAll(() => pool.terminate())

describe.each(cases)('fixture $path', ({path, kind}) => {
  const expected = JSON.parse(readFileSync(join(REPO, path.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected
  let pending: ReturnType<typeof extract> | undefined
  const result = (): ReturnType<typeof extract> =>
    (pending ??= extract({path, data: new Uint8Array(readFileSync(join(REPO, path)))}, {ocrPool: pool}))

  it('should give a valid pack with the expected source and pages', async () => {
    const {pack} = await result()
    expect(validatePack(pack)).toEqual([])
    expect(pack.source).toMatchObject({path, format: expected.source.format, pageCount: expected.source.pageCount})
    if (expected.source.sha256) expect(pack.source.sha256).toBe(expected.source.sha256)
    expect(pack.pages.map((p) => p.method)).toEqual(expected.pages.map((p) => p.method))
  })

  it('should record the printed page number of every page', async () => {
    const {pack} = await result()
    expect(pack.pages.map((p) => p.printedPage)).toEqual(expected.pages.map((p) => p.printedPage))
  })

  it('should give back the words of every page', async () => {
    const {pack} = await result()
    for (const want of expected.pages) {
      const got = pack.pages[want.page - 1]!.text ?? ''
      const bound = want.method === 'ocr' ? MIN_OCR_WORD_OVERLAP : MIN_WORD_OVERLAP
      expect(wordOverlap(want.text, got), `page ${want.page} words`).toBeGreaterThanOrEqual(bound)
    }
  })

  it('should OCR the prose pages within the character error rate bound', async () => {
    const {pack} = await result()
    const prose = expected.pages.filter((p) => p.method === 'ocr' && !p.text.includes('\t'))
    const errors = prose.reduce((sum, p) => sum + cer(p.text, pack.pages[p.page - 1]!.text ?? '') * normaliseSpace(p.text).length, 0)
    const length = prose.reduce((sum, p) => sum + normaliseSpace(p.text).length, 0)
    expect(length === 0 ? 0 : errors / length).toBeLessThanOrEqual(MAX_OCR_CER)
  })
})
