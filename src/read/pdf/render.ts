// Rasterises one PDF page for OCR as 8-bit grey, at 300 dpi or a coarser scan's own resolution: a page
// that is one upright scan is taken from its decoded image; any other page is drawn by pdf.js (/Rotate honoured).
import {createRequire} from 'node:module'
import {downscale} from './orientation.js'
import {OPS} from './pdfjs.js'
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Resolution aimed at for pages that are not one big scanned image (dots per inch). */
const TARGET_DPI = 300
/** Longest rendered side (pixels; A4 at 300 dpi is 3,508): beyond this glyphs grow past tesseract's comfort and memory balloons (facts: 5,260 px wide → 33 % CER). */
const MAX_LONG_SIDE_PX = 3600
/**
 * A scan whose image is at least this long (pixels) is never enlarged: its declared page size may be
 * wrong, and enlarging a 200 dpi scan to 300 dpi was a gamble — native tesseract on the bench's pages
 * went from 6.5 % to 5.2 % CER, but crisp speckled test scans from 0–0.4 % to 4–8 %.
 */
const NATIVE_MIN_LONG_SIDE_PX = 2000
/** Upscaling a small scan more than this (factor) adds nothing for tesseract but time. */
const MAX_UPSCALE = 3
/** An image covering at least this share of the page area makes the page a scan. */
const SCAN_MIN_COVERAGE = 0.5

export interface RenderOptions {
  /** Target resolution for vector/text pages, dots per inch (default 300). */
  dpi?: number
  /** Cap on the longer side in pixels (default 3600). */
  maxLongSide?: number
}

/** A rendered page: grey pixels (one byte each, row-major, 0 = black) and how they map to points. */
export interface RenderedPage {
  /** Size in pixels. */
  width: number
  height: number
  /** `width * height` grey values. */
  data: Uint8Array
  /** Pixels per PDF point: divide pixel coordinates by it to get points (top-left origin). */
  scale: number
  /** Page size in points as displayed (after /Rotate). */
  pageWidth: number
  pageHeight: number
}

interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d', options?: {willReadFrequently?: boolean}): CanvasContextLike
}
interface CanvasContextLike {
  getImageData(x: number, y: number, w: number, h: number): {data: Uint8ClampedArray}
}

/**
 * pdf.js bundles its own @napi-rs/canvas (0.1.x) that differs from the project's top-level copy;
 * a canvas from the other copy crashes the process (segfault) when pdf.js draws on it, so the
 * canvas is created by pdf.js's copy, resolved from pdf.js's own location.
 */
const requireFromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'))

function createCanvas(width: number, height: number): CanvasLike {
  const canvasModule = requireFromPdfjs('@napi-rs/canvas') as {createCanvas(w: number, h: number): CanvasLike}
  return canvasModule.createCanvas(width, height)
}

/** Renders `pdfPage` to grey pixels for OCR. */
export async function renderPage(pdfPage: PDFPageProxy, options?: Readonly<RenderOptions> | null): Promise<RenderedPage> {
  const dpi = options?.dpi ?? TARGET_DPI
  const maxLongSide = options?.maxLongSide ?? MAX_LONG_SIDE_PX
  const unit = pdfPage.getViewport({scale: 1})
  const scan = await findScan(pdfPage)
  const scale = chooseScale(scan?.pixelsPerPoint ?? null, Math.max(unit.width, unit.height), dpi, maxLongSide)
  const size = {width: Math.max(1, Math.ceil(unit.width * scale)), height: Math.max(1, Math.ceil(unit.height * scale))}
  const image = scan?.sole && pdfPage.rotate % 360 === 0 ? decodedImage(pdfPage, scan.sole) : null
  const grey = image ? fit(image, size.width, size.height) : await drawPage(pdfPage, scale)
  return {width: grey.width, height: grey.height, data: grey.data, scale, pageWidth: unit.width, pageHeight: unit.height}
}

/** The scan resized to the page's pixel size; kept as it is when only rounding (a pixel) sets them apart, sparing a blur. */
function fit(image: GreyImage, width: number, height: number): GreyImage {
  const near = Math.abs(image.width - width) <= ROUNDING_PX && Math.abs(image.height - height) <= ROUNDING_PX
  return near ? image : resize(image, width, height)
}

/** pdf.js draws the page on a canvas at `scale`; the pixels come back grey. */
async function drawPage(pdfPage: PDFPageProxy, scale: number): Promise<GreyImage> {
  const viewport = pdfPage.getViewport({scale})
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)))
  const context = canvas.getContext('2d', {willReadFrequently: true})
  try {
    await pdfPage.render({canvas: canvas as never, canvasContext: context as never, viewport, background: '#ffffff'}).promise
    const {width, height} = canvas
    return {width, height, data: toGrey(context.getImageData(0, 0, width, height).data)}
  } finally {
    canvas.width = 0
    canvas.height = 0
  }
}

/** Pixels per point: the target dpi, or a coarser scan's own resolution (a small scan enlarged towards the target); never past the cap. */
export function chooseScale(native: number | null, longSidePt: number, dpi: number, maxLongSide: number): number {
  let scale = dpi / 72
  if (native !== null) {
    const upscale = native * longSidePt >= NATIVE_MIN_LONG_SIDE_PX ? 1 : MAX_UPSCALE
    scale = Math.min(scale, native * upscale)
  }
  return Math.min(scale, maxLongSide / longSidePt)
}

/** RGBA → luma (BT.601 weights in 8-bit fixed point). */
function toGrey(rgba: Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length >> 2)
  for (let i = 0, k = 0; i < grey.length; i++, k += 4) {
    grey[i] = (rgba[k]! * 77 + rgba[k + 1]! * 150 + rgba[k + 2]! * 29) >> 8
  }
  return grey
}

type Matrix = [number, number, number, number, number, number]

/** Grey pixels, one byte each, row-major. */
interface GreyImage {
  width: number
  height: number
  data: Uint8Array
}

/** A page's scan: its pixels per point, and its image id when the page paints that image alone, upright, edge to edge. */
interface Scan {
  pixelsPerPoint: number
  sole: string | null
}

/** Operators that paint nothing themselves: a page made of these and one image is just that image. */
const NON_PAINTING_OPS = new Set<number | undefined>([
  OPS.save, OPS.restore, OPS.transform, OPS.dependency, OPS.paintFormXObjectBegin, OPS.paintFormXObjectEnd,
  OPS.beginMarkedContent, OPS.beginMarkedContentProps, OPS.endMarkedContent
])
/** Size difference (pixels) between a scan and its page at the scan's own resolution that is only rounding. */
const ROUNDING_PX = 1
/** How far (points) the sole image's edges may lie from the page's to be taken as the page. */
const EDGE_TOLERANCE_PT = 1

/**
 * When one image covers most of the page (a scan), its pixels per point and, when the page paints
 * nothing else and the image lies upright edge to edge, its id; otherwise null.
 * Walks the operator list keeping the current transform, as pdf.js's canvas does.
 */
async function findScan(pdfPage: PDFPageProxy): Promise<Scan | null> {
  const list = await pdfPage.getOperatorList()
  const view = pdfPage.view as [number, number, number, number]
  const pageArea = Math.abs((view[2] - view[0]) * (view[3] - view[1]))
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let best: {area: number; pixels: number; id: string | null; ctm: Matrix} | null = null
  let painters = 0
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i] as unknown[] | null
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm)
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix)
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix)
    if (!NON_PAINTING_OPS.has(fn)) painters++
    const size = imageSize(fn, args)
    if (!size) continue
    const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])
    const id = fn === OPS.paintImageXObject && typeof args?.[0] === 'string' ? args[0] : null
    if (!best || area > best.area) best = {area, pixels: size[0] * size[1], id, ctm}
  }
  if (!best || pageArea === 0 || best.area < SCAN_MIN_COVERAGE * pageArea) return null
  const sole = painters === 1 && best.id !== null && fillsPageUpright(best.ctm, view) ? best.id : null
  return {pixelsPerPoint: Math.sqrt(best.pixels / best.area), sole}
}

/** The image's unit square, mapped by `ctm`, is the page box itself, unturned and unmirrored. */
function fillsPageUpright(ctm: Matrix, view: [number, number, number, number]): boolean {
  const [a, b, c, d, e, f] = ctm
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= EDGE_TOLERANCE_PT
  return a > 0 && d > 0 && near(b, 0) && near(c, 0) && near(e, view[0]) && near(f, view[1]) && near(e + a, view[2]) && near(f + d, view[3])
}

/** pdf.js image kinds (ImageKind): packed bits (1 = white), RGB, RGBA. */
const IMAGE_KIND = {GREY_1BPP: 1, RGB: 2, RGBA: 3} as const

interface DecodedImage {
  width?: number
  height?: number
  kind?: number
  data?: Uint8ClampedArray | Uint8Array
}

interface PdfObjects {
  has(id: string): boolean
  get(id: string): unknown
}

/** The scan's pixels as pdf.js decoded them for the operator list, in grey; null when not at hand or of another kind. */
function decodedImage(pdfPage: PDFPageProxy, id: string): GreyImage | null {
  const page = pdfPage as unknown as {objs: PdfObjects; commonObjs: PdfObjects}
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs
  if (!objs.has(id)) return null
  const image = objs.get(id) as DecodedImage | null
  if (!image?.data || !image.width || !image.height) return null
  const {width, height, data} = image
  if (image.kind === IMAGE_KIND.RGB && data.length === width * height * 3) return {width, height, data: rgbToGrey(data, 3)}
  if (image.kind === IMAGE_KIND.RGBA && data.length === width * height * 4) return {width, height, data: rgbToGrey(data, 4)}
  if (image.kind === IMAGE_KIND.GREY_1BPP && data.length === ((width + 7) >> 3) * height) return {width, height, data: bitsToGrey(data, width, height)}
  return null
}

/** RGB or RGBA (composited on white) → luma, as {@link toGrey}. */
function rgbToGrey(data: Uint8ClampedArray | Uint8Array, channels: 3 | 4): Uint8Array {
  const grey = new Uint8Array(data.length / channels)
  for (let i = 0, k = 0; i < grey.length; i++, k += channels) {
    const luma = (data[k]! * 77 + data[k + 1]! * 150 + data[k + 2]! * 29) >> 8
    grey[i] = channels === 4 ? (luma * data[k + 3]! + 255 * (255 - data[k + 3]!) + 127) / 255 | 0 : luma
  }
  return grey
}

/** Packed 1-bit rows (each starting on a byte; 1 = white) → 0 / 255. */
function bitsToGrey(data: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height)
  const rowBytes = (width + 7) >> 3
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) grey[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0
  }
  return grey
}

/** Resizes grey pixels to `width` × `height`: box-filtered down by whole factors first, then bilinear. */
export function resize(image: GreyImage, width: number, height: number): GreyImage {
  if (image.width === width && image.height === height) return image
  const factor = Math.floor(Math.min(image.width / width, image.height / height))
  const source = factor > 1 ? downscale({...image, dpi: 0}, factor) : image
  const out = new Uint8Array(width * height)
  const xs = axis(source.width, width)
  const ys = axis(source.height, height)
  const {data, width: sw} = source
  for (let y = 0; y < height; y++) {
    const row0 = ys.low[y]! * sw
    const row1 = ys.high[y]! * sw
    const wy = ys.weight[y]!
    for (let x = 0; x < width; x++) {
      const x0 = xs.low[x]!
      const x1 = xs.high[x]!
      const wx = xs.weight[x]!
      const top = data[row0 + x0]! * (WEIGHT_ONE - wx) + data[row0 + x1]! * wx
      const bottom = data[row1 + x0]! * (WEIGHT_ONE - wx) + data[row1 + x1]! * wx
      out[y * width + x] = (top * (WEIGHT_ONE - wy) + bottom * wy + WEIGHT_HALF_SQUARED) >> WEIGHT_BITS_SQUARED
    }
  }
  return {width, height, data: out}
}

/** Bilinear weights in fixed point (8 bits): integer maths, and the same pixels on every machine. */
const WEIGHT_BITS = 8
const WEIGHT_ONE = 1 << WEIGHT_BITS
const WEIGHT_BITS_SQUARED = 2 * WEIGHT_BITS
const WEIGHT_HALF_SQUARED = 1 << (WEIGHT_BITS_SQUARED - 1)

/** For each target pixel centre along one axis: the two source pixels around it and the weight of the second. */
function axis(from: number, to: number): {low: Int32Array; high: Int32Array; weight: Int32Array} {
  const low = new Int32Array(to)
  const high = new Int32Array(to)
  const weight = new Int32Array(to)
  const step = from / to
  for (let i = 0; i < to; i++) {
    const at = Math.min(from - 1, Math.max(0, (i + 0.5) * step - 0.5))
    low[i] = Math.floor(at)
    high[i] = Math.min(from - 1, low[i]! + 1)
    weight[i] = Math.round((at - low[i]!) * WEIGHT_ONE)
  }
  return {low, high, weight}
}

/** Pixel size of an image painted by operator `fn`, or null when `fn` paints no image. */
function imageSize(fn: number | undefined, args: unknown[] | null): [number, number] | null {
  if (!args) return null
  if (fn === OPS.paintImageXObject) return [Number(args[1]), Number(args[2])]
  if (fn === OPS.paintImageMaskXObject || fn === OPS.paintInlineImageXObject) {
    const image = args[0] as {width?: number; height?: number} | undefined
    return image?.width && image.height ? [image.width, image.height] : null
  }
  return null
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]
  ]
}
