// Tests the re-read of a page whose ink the page read lost: print under no recognised word is
// counted by tiles (specks and filled boxes are not print), and what only the local read found is added.
import {describe, expect, it, vi} from 'vitest'
import {lostInk, rereadLostInk} from '../../../src/read/pdf/ocr-lost-ink.js'
import type {OcrImage, OcrLayout, OcrLine, OcrResult, OcrSession, PixelBox} from '../../../src/read/pdf/ocr-pool.js'

/** A white 200 dpi page (tiles of 16 px) with dark boxes painted on it. */
function page(boxes: Array<{box: PixelBox; fill?: number}>): OcrImage {
  const width = 800
  const height = 800
  const data = new Uint8Array(width * height).fill(240)
  for (const {box: [x0, y0, x1, y1], fill = 1} of boxes) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) if ((x + y) % Math.round(1 / fill) === 0) data[y * width + x] = 20
    }
  }
  return {width, height, data, dpi: 200}
}

/** A line of print: strokes filling a quarter of its box, as letters do. */
const print = (box: PixelBox): {box: PixelBox; fill: number} => ({box, fill: 0.25})

function read(words: Array<{text: string; bbox: PixelBox; confidence?: number}>): OcrResult {
  const kept = words.map((w) => ({text: w.text, bbox: w.bbox, confidence: w.confidence ?? 0.9}))
  return {lines: kept.length ? [{words: kept, bbox: kept[0]!.bbox, confidence: 0.9, paragraph: 0}] : [], confidence: 0.9, wordCount: kept.length}
}

/** A session answering every read with `local`, recording the layouts asked for. */
function sessionAnswering(local: OcrResult): OcrSession & {layouts: OcrLayout[]} {
  const layouts: OcrLayout[] = []
  return {layouts, recognise: vi.fn(async (_image: OcrImage, layout: OcrLayout = 'page') => { layouts.push(layout); return local })}
}

const TOP_LINE: PixelBox = [80, 80, 720, 112]
const LOWER_LINES: PixelBox = [80, 400, 720, 496]

describe('lostInk', () => {
  it('should count the tiles of print, and those under no recognised word', () => {
    const image = page([print(TOP_LINE), print(LOWER_LINES)])
    const {printed, lost} = lostInk(image, read([{text: 'Heading', bbox: TOP_LINE}]))
    expect(printed).toBe(40 * 2 + 40 * 6)
    expect(lost).toBe(40 * 6)
  })

  it('should count neither specks of dust nor a filled box as print', () => {
    const image = page([{box: [100, 600, 103, 603]}, {box: [300, 300, 304, 302]}, {box: [400, 608, 608, 704]}])
    expect(lostInk(image, read([]))).toEqual({printed: 0, lost: 0})
  })
})

describe('rereadLostInk', () => {
  it('should keep the page read, asking nothing more, when its words cover the print', async () => {
    const image = page([print(TOP_LINE)])
    const first = read([{text: 'Ensuring', bbox: [80, 80, 400, 112]}, {text: 'services', bbox: [400, 80, 720, 112]}])
    const session = sessionAnswering(read([]))
    expect(await rereadLostInk(session, image, first)).toBe(first)
    expect(session.layouts).toEqual([])
  })

  it('should read a page with lost print again thresholded locally and add the paragraphs it found where nothing was read', async () => {
    const image = page([print(TOP_LINE), print(LOWER_LINES)])
    const first = read([{text: 'Heading', bbox: TOP_LINE}])
    const local = {...read([{text: 'Heading', bbox: TOP_LINE}]), lines: [
      {words: [{text: 'Hcading', bbox: TOP_LINE, confidence: 0.7}], bbox: TOP_LINE, confidence: 0.7, paragraph: 0},
      {words: [{text: 'Robbery', bbox: [80, 400, 400, 432], confidence: 0.9}, {text: '9', bbox: [420, 400, 440, 432], confidence: 0.9}], bbox: [80, 400, 440, 432], confidence: 0.9, paragraph: 1},
      {words: [{text: 'Violence', bbox: [80, 450, 400, 482], confidence: 0.9}], bbox: [80, 450, 400, 482], confidence: 0.9, paragraph: 1}
    ] as OcrLine[]}
    const session = sessionAnswering(local)
    const merged = await rereadLostInk(session, image, first)
    expect(session.layouts).toEqual(['page-local'])
    expect(merged.lines.map((l) => [l.words.map((w) => w.text).join(' '), l.paragraph])).toEqual([['Heading', 0], ['Robbery 9', 1], ['Violence', 1]])
    expect(merged.wordCount).toBe(4)
  })

  it('should add nothing the local read was unsure of (the texture of a picture)', async () => {
    const image = page([print(TOP_LINE), print(LOWER_LINES)])
    const first = read([{text: 'Heading', bbox: TOP_LINE}])
    const local = read([{text: 'il;', bbox: [80, 400, 400, 432], confidence: 0.3}])
    expect(await rereadLostInk(sessionAnswering(local), image, first)).toBe(first)
  })

  it('should put a found paragraph before the lines below it in the same columns', async () => {
    const image = page([print(TOP_LINE), print(LOWER_LINES)])
    const first = read([{text: 'Closing', bbox: [80, 480, 400, 496]}])
    const local = read([{text: 'Opening', bbox: TOP_LINE}])
    expect((await rereadLostInk(sessionAnswering(local), image, first)).lines.map((l) => l.words[0]!.text)).toEqual(['Opening', 'Closing'])
  })

  it('should read a page on which the page read found no word at all', async () => {
    const image = page([print(LOWER_LINES)])
    const local = read([{text: 'Ensuring', bbox: [80, 400, 400, 432]}])
    expect((await rereadLostInk(sessionAnswering(local), image, read([]))).lines).toEqual(local.lines)
  })
})
