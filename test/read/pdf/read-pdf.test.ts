// Tests for readPdf: page routing and page data, warnings, per-page failures, encrypted/corrupt/
// truncated files (pdfkit, invented text), and real published packs from ../shared/realpacks.
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import {VFile} from 'vfile'
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {readPdf} from '../../../src/read/pdf/index.js'
import type {OcrMode} from '../../../src/read/pdf/index.js'
import type {OcrPool} from '../../../src/read/pdf/ocr-pool.js'
import {PackError} from '../../../src/errors.js'
import {pageText} from '../../../src/tree/to-text.js'
import type {PageMessage} from '../../../src/messages.js'
import type {Root} from '../../../src/tree/types.js'
import {wordOverlap} from '../../util/words.js'
import {makePdf, type Doc} from '../../util/make-pdf.js'

const state = vi.hoisted(() => ({ocrCalls: [] as number[], failDrawingOnPage: 0}))

vi.mock('../../../src/read/pdf/ocr.js', () => ({
  async ocrPage(_pdfPage: unknown, pageNumber: number) {
    state.ocrCalls.push(pageNumber)
    return {type: 'page', children: [], data: {page: pageNumber, method: 'ocr', reason: 'stub', ocrConfidence: 0.9, printedPage: null}}
  }
}))

vi.mock('../../../src/read/pdf/page-drawing.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/read/pdf/page-drawing.js')>()
  return {
    ...original,
    async measureDrawing(pdfPage: PDFPageProxy) {
      if (pdfPage.pageNumber === state.failDrawingOnPage) throw new Error('Bad FCHECK in flate stream:\n 120, 239')
      return original.measureDrawing(pdfPage)
    }
  }
})

const REALPACKS = new URL('../../../../shared/realpacks/', import.meta.url)
const pool = {} as OcrPool


async function read(bytes: Uint8Array, ocr: OcrMode = 'auto'): Promise<{tree: Root; file: VFile}> {
  const file = new VFile({path: 'pack.pdf'})
  const tree = await readPdf(bytes, file, {ocr, getOcrPool: () => pool})
  return {tree, file}
}

function warnings(file: VFile): string[] {
  return file.messages.map((m) => `${(m as PageMessage).page}:${m.ruleId}`)
}

async function failure(promise: Promise<unknown>): Promise<PackError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(PackError)
  return error as PackError
}

/** Page 1: text; page 2: blank; page 3: many filled shapes and no text (letters drawn as paths). */
function threePages(doc: Doc): void {
  doc.font('Helvetica').fontSize(12).text('The lantern committee met in the boathouse.', 60, 80)
  doc.addPage()
  doc.addPage()
  for (let i = 0; i < 120; i++) doc.rect(60 + (i % 12) * 30, 80 + Math.floor(i / 12) * 30, 12, 16).fill('#000')
}

beforeEach(() => {
  state.ocrCalls = []
  state.failDrawingOnPage = 0
})

describe('readPdf', () => {
  it('should read text pages, leave blank pages empty and send drawn pages to OCR', async () => {
    const {tree, file} = await read(await makePdf(threePages))
    expect(tree.data.format).toBe('pdf')
    expect(tree.children.map((p) => p.data.method)).toEqual(['text-layer', 'empty', 'ocr'])
    expect(state.ocrCalls).toEqual([3])
    const first = tree.children[0]!
    expect(pageText(first)).toBe('The lantern committee met in the boathouse.')
    expect(first.data).toMatchObject({page: 1, reason: 'text layer sound', width: 595.28, height: 841.89, ocrConfidence: null, printedPage: null})
    expect(tree.children[2]!.data.reason).toBe('no text layer')
    expect(warnings(file)).toEqual(['2:empty-page', '3:no-text-layer'])
  })

  it('should leave pages needing OCR empty with ocr-unavailable when OCR is off', async () => {
    const {tree, file} = await read(await makePdf(threePages), 'never')
    expect(tree.children.map((p) => p.data.method)).toEqual(['text-layer', 'empty', 'empty'])
    expect(state.ocrCalls).toEqual([])
    expect(warnings(file)).toEqual(['2:empty-page', '3:ocr-unavailable'])
  })

  it('should OCR every non-empty page when OCR is always on', async () => {
    const {tree} = await read(await makePdf(threePages), 'always')
    expect(tree.children.map((p) => p.data.method)).toEqual(['ocr', 'empty', 'ocr'])
    expect(state.ocrCalls).toEqual([1, 3])
  })

  it('should keep the PDF page labels on the pages', async () => {
    const {tree} = await read(await makePdf((doc) => {
      // pdfkit writes JS strings in dictionaries as PDF names: /S /r (lower roman), /S /D (decimal).
      const catalog = (doc as unknown as {_root: {data: Record<string, unknown>}})._root.data
      catalog.PageLabels = {Nums: [0, {S: 'r'}, 1, {S: 'D', St: 5}]}
      doc.text('Cover of the lantern pack', 60, 80)
      doc.addPage().text('Body of the lantern pack', 60, 80)
    }))
    expect(tree.children.map((p) => p.data.label)).toEqual(['i', '5'])
  })

  it('should turn a page pdf.js cannot read into an empty page with a pdf-warning and go on', async () => {
    state.failDrawingOnPage = 1
    const {tree, file} = await read(await makePdf((doc) => {
      doc.text('First page text', 60, 80)
      doc.addPage().text('Second page text', 60, 80)
    }))
    expect(tree.children.map((p) => p.data.method)).toEqual(['empty', 'text-layer'])
    expect(tree.children[0]!.data.reason).toBe('unreadable page')
    const message = file.messages[0]!
    expect(message.ruleId).toBe('pdf-warning')
    expect((message as PageMessage).page).toBe(1)
    expect(message.reason).not.toMatch(/\n/)
  })

  it('should refuse a PDF none of whose pages can be read, giving the first page\'s reason', async () => {
    state.failDrawingOnPage = 1
    const error = await failure(read(await makePdf((doc) => doc.text('Only page of the lantern pack', 60, 80))))
    expect(error.code).toBe('pdf-corrupt')
    expect(error.message).toMatch(/^damaged PDF: no page could be read \(.+\)$/)
  })

  it('should refuse a PDF that needs a user password', async () => {
    const bytes = await makePdf((doc) => doc.text('Secret lantern accounts', 60, 80), {userPassword: 'u', ownerPassword: 'o', pdfVersion: '1.7'})
    const error = await failure(read(bytes))
    expect(error.code).toBe('pdf-encrypted')
    expect(error.message).toBe('encrypted PDF: it needs a password to open')
  })

  it('should read a PDF encrypted with only an owner password', async () => {
    const bytes = await makePdf((doc) => doc.text('Open lantern accounts', 60, 80), {ownerPassword: 'o', pdfVersion: '1.7', permissions: {printing: 'highResolution'}})
    const {tree} = await read(bytes)
    expect(pageText(tree.children[0]!)).toBe('Open lantern accounts')
  })

  it('should fail with pdf-corrupt on garbage after a PDF header', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n' + 'lantern '.repeat(200))
    const error = await failure(read(bytes))
    expect(error.code).toBe('pdf-corrupt')
    expect(error.message).toBe('damaged PDF: no valid cross-reference table or trailer')
    expect(error.message).not.toMatch(/\n/)
  })

  it('should read what it can of a truncated PDF or fail cleanly, without hanging', async () => {
    const whole = await makePdf((doc) => {
      doc.text('Lantern committee page one', 60, 80)
      doc.addPage().text('Lantern committee page two', 60, 80)
    }, {compress: false})
    for (const share of [0.5, 0.8, 0.95]) {
      const cut = whole.slice(0, Math.floor(whole.length * share))
      const outcome = await read(cut).then((r) => r.tree, (e: unknown) => e)
      if (outcome instanceof Error) expect(outcome).toBeInstanceOf(PackError)
      else expect((outcome as Root).type).toBe('root')
    }
  }, 20_000)
})

const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

function realpack(name: string): string | undefined {
  const path = new URL(name, REALPACKS)
  return existsSync(path) ? path.pathname : undefined
}

describe('readPdf on real packs', () => {
  const textPacks = ['uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf', 'uk_kent_cabinet_2025-01-30_item7_supplementary_pack.pdf']
  it.each(textPacks)('should read every page of %s from the text layer, matching pdftotext', async (name) => {
    const path = realpack(name)
    if (!path || !HAS_PDFTOTEXT) return
    const {tree} = await read(new Uint8Array(readFileSync(path)))
    expect(tree.children.every((p) => p.data.method === 'text-layer')).toBe(true)
    const reference = execFileSync('pdftotext', ['-layout', path, '-']).toString()
    expect(wordOverlap(reference, tree.children.map(pageText).join('\n'))).toBeGreaterThanOrEqual(0.98)
  })

  const scanPacks = ['ca_nipissing_2025-02-18_agenda_package_scanned_rotated.pdf', 'us_palmdale_measure_av_agenda_2022-11-30_imageonly.pdf']
  it.each(scanPacks)('should route every page of %s to OCR', async (name) => {
    const path = realpack(name)
    if (!path) return
    const bytes = new Uint8Array(readFileSync(path))
    const {tree} = await read(bytes)
    expect(tree.children.length).toBeGreaterThan(0)
    expect(tree.children.every((p) => p.data.method === 'ocr')).toBe(true)
    expect(state.ocrCalls).toEqual(tree.children.map((p) => p.data.page))
    const off = await read(bytes, 'never')
    expect(new Set(warnings(off.file).map((w) => w.split(':')[1]))).toEqual(new Set(['ocr-unavailable']))
    expect(off.file.messages).toHaveLength(tree.children.length)
  })
})
