// Draws invented text lines into a grey OCR image with pdf.js's bundled fonts (Liberation Sans, Foxit
// Serif), so OCR tests see the same glyphs on every machine whatever fonts it has; optionally blurred like a scan.
import {createRequire} from 'node:module'
import path from 'node:path'
import {createCanvas, GlobalFonts} from '@napi-rs/canvas'
import type {OcrImage} from '../../../src/read/pdf/ocr-pool.js'

const FONT_FOLDER = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')
GlobalFonts.registerFromPath(path.join(FONT_FOLDER, 'LiberationSans-Regular.ttf'), 'Test Sans')
GlobalFonts.registerFromPath(path.join(FONT_FOLDER, 'FoxitSerif.pfb'), 'Test Serif')

/** Where and how big the lines are drawn (pixels): 20 px type is a small print scanned at 200 dpi. */
export interface TextLayout {
  width: number
  height: number
  left: number
  top: number
  pitch: number
  /** Clockwise turn of the drawn lines about the image centre, degrees (a skewed scan; default 0). */
  skew?: number
  /** Sans (Liberation Sans, as Helvetica and Arial) or serif (Foxit Serif, as Times); default sans. */
  face?: 'sans' | 'serif'
  /** Type size in pixels; default 20. */
  size?: number
  /**
   * Blur radius in pixels, as a scanner's optics soften print (0.8 px in the seed scans); default none.
   * Blurred, a serif face's hairlines turn grey while its stems stay dark.
   */
  blur?: number
}

/**
 * `lines` drawn black on white, one every `pitch` pixels from `top` (baselines).
 * @returns the green channel as the grey image, at 200 dpi
 */
export function drawTextImage(lines: readonly string[], layout: TextLayout): OcrImage {
  const {width, height, left, top, pitch} = layout
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  context.fillStyle = '#000000'
  context.font = `${layout.size ?? 20}px "${layout.face === 'serif' ? 'Test Serif' : 'Test Sans'}"`
  if (layout.blur) context.filter = `blur(${layout.blur}px)`
  context.translate(width / 2, height / 2)
  context.rotate(((layout.skew ?? 0) * Math.PI) / 180)
  context.translate(-width / 2, -height / 2)
  lines.forEach((text, i) => context.fillText(text, left, top + i * pitch))
  const rgba = context.getImageData(0, 0, width, height).data
  const data = new Uint8Array(width * height)
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 1]!
  return {width, height, data, dpi: 200}
}
