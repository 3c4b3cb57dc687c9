// Straightens a slightly skewed scan before OCR: the skew is the angle at which the page's ink, counted
// row by row, is most sharply peaked (lines lying flat); it is undone by whole-pixel shears (deskew-shears).
import {unskew} from './deskew-shears.js'
import type {OcrImage} from './ocr-pool.js'

/** Skews smaller than this (degrees) are not told from a straight page. */
export const MIN_SKEW_DEG = 0.3
/**
 * Pages are straightened only from this skew (degrees). Under it tesseract reads the lines well: on
 * the fixtures' 0.3–1.2° scans straightening gave slightly better text but stray tokens ("ft" for an
 * item number, a speck read "lo") that cost agenda, tracker and KPI readings; at 2–3° it lifted seed
 * 000's KPI cells 0.47 → 0.66 and its glossary 0.23 → 0.99.
 */
export const MIN_DESKEW_DEG = 1.5
/** Skews are looked for up to this far either way (degrees); scanners feed sheets within it. */
const MAX_SKEW_DEG = 5
/** The coarse search steps by this (degrees)... */
const COARSE_STEP_DEG = 0.25
/** ...and the fine search by this around the best coarse angle. */
const FINE_STEP_DEG = 0.05
/**
 * The estimate looks at every n-th pixel of every n-th row so that the image's longer side spans about
 * this many; each is a bin of the profile (1–2 pixels: a 0.1° error smears a 1,000-pixel line by 1.7 pixels).
 */
const PROFILE_LONG_SIDE_BINS = 2000
/** Bins are sheared together in strips, this many to the image's longer side (half a strip at 2.5° is under a bin). */
const STRIPS_ON_LONG_SIDE = 100
/** The coarse search looks at bins this many times taller: a quarter of the work, and its steps are coarse anyway. */
const COARSE_BIN_FACTOR = 4
/** A pixel darker than this (0–255) is ink. */
const DARK = 128
/** Less ink than this share of the page (a blank page, a few specks) gives no estimate. */
const MIN_INK_SHARE = 0.0005
/** The profile at the best angle must be this much sharper than unturned (ratio of sums of squares), or the page is left alone. */
const MIN_GAIN = 1.1

/** Ink counts binned for the estimate: `counts[strip * bins + bin]` ink pixels of one column strip in one bin down the page. */
interface InkGrid {
  strips: number
  bins: number
  /** Pixels a strip spans across, and a bin down, the page. */
  stripPx: number
  binPx: number
  counts: Float64Array
  /** Ink pixels on the page (estimated from those looked at). */
  ink: number
}

/** What deskewing did to a page image. */
export interface Deskewed {
  image: OcrImage
  /** Clockwise skew found and undone (degrees), or 0 when the image was kept. */
  skew: number
}

/**
 * Straightens `image` when it is clearly skewed by at least {@link MIN_DESKEW_DEG}. The result keeps the
 * image's size, so pixel-to-point scales still hold; OCR word boxes then lie on the straightened page.
 */
export function deskewImage(image: OcrImage): Deskewed {
  const skew = estimateSkew(image)
  return Math.abs(skew) < MIN_DESKEW_DEG ? {image, skew: 0} : {image: unskew(image, skew), skew}
}

/**
 * The clockwise angle (degrees) by which the page's lines descend to the right, or 0 when it is under
 * {@link MIN_SKEW_DEG} or not clear: too little ink, or no lines across the page (a sideways page's
 * lines run down it; only their aligned ends may show its skew, which is then the same angle).
 */
export function estimateSkew(image: OcrImage): number {
  const grid = inkGrid(image)
  if (grid.ink < image.width * image.height * MIN_INK_SHARE) return 0
  const rough = sharpest(coarsen(grid, COARSE_BIN_FACTOR), steps(-MAX_SKEW_DEG, MAX_SKEW_DEG, COARSE_STEP_DEG))
  const fine = sharpest(grid, steps(rough.angle - COARSE_STEP_DEG, rough.angle + COARSE_STEP_DEG, FINE_STEP_DEG))
  if (Math.abs(fine.angle) < MIN_SKEW_DEG || fine.score < sharpness(grid, 0) * MIN_GAIN) return 0
  return Math.round(fine.angle * 100) / 100
}

/** The angle among `angles` whose sheared profile is sharpest (the first of equals). */
function sharpest(grid: InkGrid, angles: number[]): {angle: number; score: number} {
  let best = {angle: 0, score: -1}
  for (const angle of angles) {
    const score = sharpness(grid, angle)
    if (score > best.score) best = {angle, score}
  }
  return best
}

/** `from`, `from + step`, … up to `to` (rounded to hundredths, so 0 is exactly 0). */
function steps(from: number, to: number, step: number): number[] {
  const count = Math.round((to - from) / step)
  return Array.from({length: count + 1}, (_, i) => Math.round((from + i * step) * 100) / 100)
}

/**
 * Sum of squared bin totals down the page when each strip is moved up by its distance from the middle
 * times tan `degrees`: highest when the lines lie flat, so the profile has tall peaks and empty gaps.
 */
function sharpness(grid: InkGrid, degrees: number): number {
  const {strips, bins, counts, stripPx, binPx} = grid
  // Bins a strip moves per pixel across the page.
  const slope = Math.tan((degrees * Math.PI) / 180) / binPx
  const middle = (strips * stripPx) / 2
  const reach = Math.ceil(middle * Math.abs(slope)) + 1
  const profile = new Float64Array(bins + 2 * reach)
  for (let s = 0; s < strips; s++) {
    const shift = reach - Math.round(((s + 0.5) * stripPx - middle) * slope)
    const row = s * bins
    for (let b = 0; b < bins; b++) profile[b + shift]! += counts[row + b]!
  }
  let sum = 0
  for (const total of profile) sum += total * total
  return sum
}

/**
 * Ink of `image` (pixels darker than {@link DARK}) counted in column strips and bins down the page.
 * Every `binPx`-th pixel of every `binPx`-th row is looked at: a stroke is wider than that.
 */
function inkGrid(image: OcrImage): InkGrid {
  const {width, height, data} = image
  const longSide = Math.max(width, height)
  const binPx = Math.max(1, Math.round(longSide / PROFILE_LONG_SIDE_BINS))
  const stripPx = Math.max(binPx, Math.ceil(longSide / STRIPS_ON_LONG_SIDE))
  const strips = Math.ceil(width / stripPx)
  const bins = Math.ceil(height / binPx)
  // Where column x counts: its strip's start in `counts`.
  const stripStart = new Int32Array(width)
  for (let x = 0; x < width; x++) stripStart[x] = Math.floor(x / stripPx) * bins
  const counts = new Float64Array(strips * bins)
  let ink = 0
  for (let y = 0, bin = 0; y < height; y += binPx, bin++) {
    for (let x = 0, i = y * width; x < width; x += binPx, i += binPx) {
      if (data[i]! >= DARK) continue
      ink++
      counts[stripStart[x]! + bin]! += 1
    }
  }
  return {strips, bins, stripPx, binPx, counts, ink: ink * binPx * binPx}
}

/** The grid with every `factor` bins down the page added into one. */
function coarsen(grid: InkGrid, factor: number): InkGrid {
  const bins = Math.ceil(grid.bins / factor)
  const counts = new Float64Array(grid.strips * bins)
  for (let s = 0; s < grid.strips; s++) {
    for (let b = 0; b < grid.bins; b++) counts[s * bins + Math.floor(b / factor)]! += grid.counts[s * grid.bins + b]!
  }
  return {...grid, bins, binPx: grid.binPx * factor, counts}
}
