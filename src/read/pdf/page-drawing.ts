// Measures what a PDF page draws besides text, from pdf.js's operator list: how much of the page
// raster images cover, how much vector path there is, and how many glyphs are shown.
import {OPS, Util} from './pdfjs.js'
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {OcrPool} from './ocr-pool.js'

/** What a page draws, as the page router needs it. */
export interface DrawingStats {
  /** Share of the page area covered by raster images (incl. image-filled patterns), 0–1. */
  imageCoverage: number
  /** Largest single image's share of the page area, 0–1. */
  largestImage: number
  /** Number of images painted. */
  images: number
  /** Path entries (operators + coordinates) that were filled or stroked: vector drawing volume. */
  vectorPoints: number
  /** Glyphs shown by text operators (visible or not). */
  glyphs: number
}

type Matrix = number[]

/** Where a page's measure may be kept between runs: the run's OCR pool (its page cache, if any) and the page's key. */
export interface DrawingCache {
  pool: OcrPool
  /** Document hash and page number (as the OCR page cache names the page), or null. */
  pageKey: string | null
}

/** Suffix telling a page's drawing entry apart from its OCR entry under the same page key. */
export const DRAWING_ENTRY = '|drawing'

/** Stand-in for a page whose drawing was not measured because its text layer decides its route. */
export const NOT_MEASURED: Readonly<DrawingStats> = Object.freeze({imageCoverage: 0, largestImage: 0, images: 0, vectorPoints: 0, glyphs: 0})

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup
])
const PAINT_PATH_OPS = new Set<number>([
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke,
  OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke
])
const FILL_PATH_OPS = new Set<number>([
  OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke
])
const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText])

/** Walk state: current transform, the save stack, whether the fill is an image pattern. */
interface Walk {
  ctm: Matrix
  stack: Array<{ctm: Matrix; imageFill: boolean}>
  imageFill: boolean
  stats: DrawingStats
  view: number[]
}

/**
 * Measures a page's drawing, or takes it from the pool's page cache: building the operator list
 * decodes every image, the bulk of a scanned page's cost once its OCR is cached.
 * @param pdfPage the pdf.js page
 * @param cache the run's pool and the page's key; null (or a pool without a page cache) measures every time
 * @returns image coverage, vector volume and glyph count
 */
export async function measureDrawing(pdfPage: PDFPageProxy, cache: DrawingCache | null = null): Promise<DrawingStats> {
  const readPage = cache?.pool.readPage?.bind(cache.pool)
  if (!readPage || !cache?.pageKey) return measureOperators(pdfPage)
  return readPage(cache.pageKey + DRAWING_ENTRY, () => measureOperators(pdfPage))
}

/** Measures from pdf.js's display operator list (reused if the page is rendered). */
async function measureOperators(pdfPage: PDFPageProxy): Promise<DrawingStats> {
  const list = await pdfPage.getOperatorList()
  const walk: Walk = {
    ctm: IDENTITY,
    stack: [],
    imageFill: false,
    stats: {imageCoverage: 0, largestImage: 0, images: 0, vectorPoints: 0, glyphs: 0},
    view: pdfPage.view
  }
  for (let i = 0; i < list.fnArray.length; i++) step(walk, list.fnArray[i]!, list.argsArray[i] as unknown[] | null)
  walk.stats.imageCoverage = Math.min(1, walk.stats.imageCoverage)
  return walk.stats
}

function step(walk: Walk, fn: number, args: unknown[] | null): void {
  if (fn === OPS.save || fn === OPS.beginGroup) walk.stack.push({ctm: walk.ctm, imageFill: walk.imageFill})
  else if (fn === OPS.restore || fn === OPS.endGroup || fn === OPS.paintFormXObjectEnd) restore(walk)
  else if (fn === OPS.transform && isMatrix(args)) walk.ctm = Util.transform(walk.ctm, args) as Matrix
  else if (fn === OPS.paintFormXObjectBegin) formBegin(walk, args)
  else if (IMAGE_OPS.has(fn)) addImage(walk, [0, 0, 1, 1])
  else if (fn === OPS.constructPath) addPath(walk, args)
  else if (fn === OPS.setFillColorN) walk.imageFill = isImagePattern(args)
  else if (TEXT_OPS.has(fn)) walk.stats.glyphs += countGlyphs(args)
}

function restore(walk: Walk): void {
  const saved = walk.stack.pop()
  if (saved) {
    walk.ctm = saved.ctm
    walk.imageFill = saved.imageFill
  }
}

function formBegin(walk: Walk, args: unknown[] | null): void {
  walk.stack.push({ctm: walk.ctm, imageFill: walk.imageFill})
  const matrix = args?.[0]
  if (isMatrix(matrix)) walk.ctm = Util.transform(walk.ctm, matrix) as Matrix
}

/** constructPath args in pdf.js 5: [paint op, [path data], [minX, minY, maxX, maxY]]. */
function addPath(walk: Walk, args: unknown[] | null): void {
  const op = args?.[0]
  if (typeof op !== 'number' || !PAINT_PATH_OPS.has(op)) return
  const data = (args?.[1] as ArrayLike<unknown> | undefined)?.[0] as ArrayLike<number> | undefined
  walk.stats.vectorPoints += data?.length ?? 0
  const minMax = args?.[2] as ArrayLike<number> | undefined
  if (walk.imageFill && FILL_PATH_OPS.has(op) && minMax && minMax.length >= 4) {
    addImage(walk, [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!])
  }
}

/** Adds a painted image's box (in its own space) to the coverage, clipped to the page. */
function addImage(walk: Walk, rect: [number, number, number, number]): void {
  const [x0, y0, x1, y1] = transformRect(rect, walk.ctm)
  const [v0 = 0, w0 = 0, v1 = 0, w1 = 0] = walk.view
  const width = Math.max(0, Math.min(x1, v1) - Math.max(x0, v0))
  const height = Math.max(0, Math.min(y1, w1) - Math.max(y0, w0))
  const pageArea = Math.abs((v1 - v0) * (w1 - w0)) || 1
  const share = (width * height) / pageArea
  walk.stats.images++
  walk.stats.imageCoverage += share
  walk.stats.largestImage = Math.max(walk.stats.largestImage, share)
}

/** Axis-aligned box of a rectangle after a transform. */
function transformRect(rect: [number, number, number, number], m: Matrix): [number, number, number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m
  const xs: number[] = []
  const ys: number[] = []
  for (const [x, y] of [[rect[0], rect[1]], [rect[2], rect[1]], [rect[0], rect[3]], [rect[2], rect[3]]] as const) {
    xs.push(a * x + c * y + e)
    ys.push(b * x + d * y + f)
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/** setFillColorN args for a tiling pattern: ['TilingPattern', …, operator list, …]; true when it paints an image. */
function isImagePattern(args: unknown[] | null): boolean {
  if (args?.[0] !== 'TilingPattern') return false
  const inner = args[2] as {fnArray?: ArrayLike<number>} | undefined
  return Array.from(inner?.fnArray ?? []).some((fn) => IMAGE_OPS.has(fn))
}

function countGlyphs(args: unknown[] | null): number {
  const glyphs = args?.find((a): a is unknown[] => Array.isArray(a))
  return glyphs ? glyphs.filter((g) => typeof g !== 'number').length : 0
}

function isMatrix(value: unknown): value is Matrix {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<unknown>).length === 6
}
