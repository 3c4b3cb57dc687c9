// Builds image-only "scanned" PDFs in memory for the OCR tests: invented agenda text typeset
// with pdfkit, rasterised, skewed/turned and speckled with @napi-rs/canvas, embedded as a JPEG.
import {createRequire} from 'node:module'
import path from 'node:path'
import {createCanvas} from '@napi-rs/canvas'
import {getDocument, VerbosityLevel} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import PDFDocument from 'pdfkit'
import {renderPage} from '../../src/read/pdf/render.js'

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + path.sep
/** A4 in points. */
const A4: [number, number] = [595.28, 841.89]

export interface ScanOptions {
  /** Resolution of the fake scan, dots per inch (default 200). */
  dpi?: number
  /** Clockwise turn of the whole sheet on the scanner glass, degrees (default 1: slight skew). */
  turn?: number
  /** Share of pixels flipped to random black/white speckle (default 0.002). */
  speckle?: number
  /** Seed of the speckle pattern. */
  seed?: number
}

/** An invented agenda page; the first line is typeset larger and bold. */
export const AGENDA_LINES = [
  'Wexmoor Borough Council',
  'Planning Committee',
  'Thursday 12 March 2026 at 7.00 pm, Council Chamber, Wexmoor Town Hall',
  'Agenda',
  '1. Apologies for absence and substitute members',
  '2. Declarations of interest',
  '3. Minutes of the previous meeting (Pages 1 - 4)',
  '4. Land north of Brackenfield Lane, Oxley: erection of 24 dwellings (Pages 5 - 18)',
  '5. Former dairy depot, Station Road: change of use to offices (Pages 19 - 30)',
  '6. Appeals lodged and decided since the last meeting'
]

/** A second invented page, for determinism checks. */
export const MINUTES_LINES = [
  'Minutes of the Licensing Sub-Committee',
  'Present: Councillors Harrow (Chair), Ibbotson and Quayle',
  'Officers: Senior Licensing Officer and Legal Adviser',
  '12. The Sub-Committee considered an application for a premises licence',
  'for the Old Mill Tavern, Fenwick Street, and heard from the applicant.',
  'Resolved: that the licence be granted subject to the conditions set out.'
]

/** A one-page text PDF of `lines` (Helvetica, A4). */
export async function textPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({size: A4, margin: 56})
  const done = collect(doc)
  lines.forEach((text, i) => {
    doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === 0 ? 18 : 12).text(text, {lineGap: 6})
    doc.moveDown(0.4)
  })
  doc.end()
  return done
}

/** A one-page image-only PDF: `lines` typeset, scanned at `dpi`, turned and speckled. */
export async function scannedPdf(lines: readonly string[], options: ScanOptions = {}): Promise<Uint8Array> {
  const dpi = options.dpi ?? 200
  const source = await withFirstPage(await textPdf(lines), (page) => renderPage(page, {dpi}))
  return imagePdf(distort(source, options))
}

/** An image-only PDF of "glyph soup": rows of random ink strokes laid out like lines of words, no real text. */
export async function noisePdf(seed = 7): Promise<Uint8Array> {
  const width = 1654
  const height = 2339
  const data = new Uint8Array(width * height).fill(255)
  const random = mulberry32(seed)
  for (let y = 160; y < 160 + 6 * 48; y += 48) {
    for (let x = 150; x < width - 180; ) {
      const w = 6 + Math.floor(random() * 18)
      const h = 14 + Math.floor(random() * 16)
      stroke(data, width, x, y + 30 - h, w, h, random)
      x += w + (random() < 0.2 ? 28 : 4)
    }
  }
  return imagePdf(distort({width, height, data}, {turn: 0, speckle: 0.01, seed}))
}

/** Inks a ragged blob: each pixel of the box is black with probability 0.55. */
function stroke(data: Uint8Array, width: number, x: number, y: number, w: number, h: number, random: () => number): void {
  for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) if (random() < 0.55) data[(y + dy) * width + x + dx] = 0
}

/** Opens a PDF and runs `use` on its first page, destroying the document afterwards. */
export async function withFirstPage<T>(bytes: Uint8Array, use: (page: PDFPageProxy, doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: PDFJS_DIR + 'standard_fonts' + path.sep,
    wasmUrl: PDFJS_DIR + 'wasm' + path.sep,
    verbosity: VerbosityLevel.ERRORS
  })
  try {
    const doc = await task.promise
    return await use(await doc.getPage(1), doc)
  } finally {
    await task.destroy()
  }
}

interface Grey {
  width: number
  height: number
  data: Uint8Array
}

/** Turns the sheet about its centre (white fill) and adds seeded speckle. */
function distort(source: Grey, options: ScanOptions): Grey {
  const {width, height} = source
  const from = createCanvas(width, height)
  const fromContext = from.getContext('2d')
  const rgba = fromContext.createImageData(width, height)
  for (let i = 0; i < source.data.length; i++) {
    rgba.data.fill(source.data[i]!, i * 4, i * 4 + 3)
    rgba.data[i * 4 + 3] = 255
  }
  fromContext.putImageData(rgba, 0, 0)
  const turn = options.turn ?? 1
  // A sheet turned by about a quarter makes a landscape scan.
  const sideways = Math.round(turn / 90) % 2 !== 0
  const [outWidth, outHeight] = sideways ? [height, width] : [width, height]
  const to = createCanvas(outWidth, outHeight)
  const context = to.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, outWidth, outHeight)
  context.translate(outWidth / 2, outHeight / 2)
  context.rotate((turn * Math.PI) / 180)
  context.drawImage(from, -width / 2, -height / 2)
  const pixels = context.getImageData(0, 0, outWidth, outHeight).data
  const out = new Uint8Array(outWidth * outHeight)
  for (let i = 0; i < out.length; i++) out[i] = pixels[i * 4]!
  speckle(out, options.speckle ?? 0.002, options.seed ?? 1)
  return {width: outWidth, height: outHeight, data: out}
}

function speckle(data: Uint8Array, share: number, seed: number): void {
  const random = mulberry32(seed)
  const count = Math.round(data.length * share)
  for (let i = 0; i < count; i++) data[Math.floor(random() * data.length)] = random() < 0.5 ? 0 : 255
}

/** Embeds grey pixels as a full-page JPEG in an A4 PDF (landscape for a landscape image). */
async function imagePdf(image: Grey): Promise<Uint8Array> {
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  const rgba = context.createImageData(image.width, image.height)
  for (let i = 0; i < image.data.length; i++) {
    rgba.data.fill(image.data[i]!, i * 4, i * 4 + 3)
    rgba.data[i * 4 + 3] = 255
  }
  context.putImageData(rgba, 0, 0)
  const jpeg = await canvas.encode('jpeg', 92)
  const size: [number, number] = image.width > image.height ? [A4[1], A4[0]] : A4
  const doc = new PDFDocument({size, margin: 0})
  const done = collect(doc)
  doc.image(jpeg, 0, 0, {width: size[0], height: size[1]})
  doc.end()
  return done
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
}

/** Small seeded PRNG (deterministic fixtures). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
