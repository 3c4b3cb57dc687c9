// Rasterises one PDF page for OCR: pdf.js draws it (honouring /Rotate) on a canvas at ~300 dpi,
// or at a scan's own resolution, and the pixels come back as 8-bit grey with the scale used.
import {createRequire} from 'node:module'
import {OPS} from './pdfjs.js'
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Resolution aimed at for pages that are not one big scanned image (dots per inch). */
const TARGET_DPI = 300
/** Longest rendered side (pixels; A4 at 300 dpi is 3,508): beyond this glyphs grow past tesseract's comfort and memory balloons (facts: 5,260 px wide → 33 % CER). */
const MAX_LONG_SIDE_PX = 3600
/** A scan whose image is at least this long (pixels) is read at its own resolution, never upscaled (its declared page size may be wrong). */
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
  const native = await nativeImageScale(pdfPage)
  const scale = chooseScale(native, Math.max(unit.width, unit.height), dpi, maxLongSide)
  const viewport = pdfPage.getViewport({scale})
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)))
  const context = canvas.getContext('2d', {willReadFrequently: true})
  try {
    await pdfPage.render({canvas: canvas as never, canvasContext: context as never, viewport, background: '#ffffff'}).promise
    const {width, height} = canvas
    const data = toGrey(context.getImageData(0, 0, width, height).data)
    return {width, height, data, scale, pageWidth: unit.width, pageHeight: unit.height}
  } finally {
    canvas.width = 0
    canvas.height = 0
  }
}

/** Pixels per point: the scan's own resolution where sensible, else the target dpi; capped. */
export function chooseScale(native: number | null, longSidePt: number, dpi: number, maxLongSide: number): number {
  const target = dpi / 72
  let scale = target
  if (native !== null) {
    const nativeLong = native * longSidePt
    scale = nativeLong >= NATIVE_MIN_LONG_SIDE_PX ? native : Math.min(target, native * MAX_UPSCALE)
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

/**
 * When one image covers most of the page (a scan), its pixels per point; otherwise null.
 * Walks the operator list keeping the current transform, as pdf.js's canvas does.
 */
async function nativeImageScale(pdfPage: PDFPageProxy): Promise<number | null> {
  const list = await pdfPage.getOperatorList()
  const [x0, y0, x1, y1] = pdfPage.view as [number, number, number, number]
  const pageArea = Math.abs((x1 - x0) * (y1 - y0))
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let best: {area: number; pixels: number} | null = null
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i] as unknown[] | null
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm)
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix)
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix)
    const size = imageSize(fn, args)
    if (!size) continue
    const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])
    if (!best || area > best.area) best = {area, pixels: size[0] * size[1]}
  }
  if (!best || pageArea === 0 || best.area < SCAN_MIN_COVERAGE * pageArea) return null
  return Math.sqrt(best.pixels / best.area)
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
