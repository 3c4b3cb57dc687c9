// Reads a scanned page the right way up: when the first pass reads badly (upside down) or finds
// its lines running vertically (sideways), turns are tried on a small copy; a clear winner is straightened and re-read.
import {deskewImage} from './deskew.js'
import type {OcrImage, OcrLine, OcrResult, OcrSession, OcrWord} from './ocr-pool.js'

/** Quarter-turns, clockwise degrees, that a page image may need. */
export type Rotation = 0 | 90 | 180 | 270

/** Below this mean word confidence (0–1) the first pass may be a turned page; upright print reads at 0.85–0.95, turned at 0.3–0.5. */
const CHECK_BELOW_CONFIDENCE = 0.7
/** More than this share of words in lines taller than wide means the page lies sideways. */
const SIDEWAYS_SHARE = 0.5
/** A line is vertical when its height exceeds its width by this factor. */
const VERTICAL_LINE_RATIO = 1.5
/** Probes run on a copy whose longer side is at most this (pixels, ~100 dpi on A4): orientation shows clearly and it is ~2× faster. */
const PROBE_MAX_LONG_SIDE_PX = 1200
/** A turn is taken only when it yields at least this many word-like words... */
const MIN_TURN_WORDS = 5
/** ...and this many times as many as the page as scanned (conservative: keep the page unless clearly better). */
const TURN_MARGIN = 2
/** A word-like word: three or more letters with a vowel, read with at least this confidence (0–1). */
const WORD_LIKE_CONFIDENCE = 0.6
const WORD_LIKE = /^[("'‘“]?[A-Za-z][a-z]{2,}[)"'’”.,:;!?]*$/
const VOWEL = /[aeiouyAEIOUY]/

export interface UprightRead {
  result: OcrResult
  /** Clockwise turn applied to the scan before the kept read. */
  rotation: Rotation
  /** The image the kept read came from (the turned and straightened image when `rotation` is not 0). */
  image: OcrImage
}

/** Reads `image`, turning it first when it is clearly upside down or sideways. */
export async function readUpright(session: OcrSession, image: OcrImage): Promise<UprightRead> {
  const first = await session.recognise(image)
  const kept: UprightRead = {result: first, rotation: 0, image}
  if (first.wordCount === 0) return kept
  const sideways = verticalShare(first) > SIDEWAYS_SHARE
  if (!sideways && first.confidence >= CHECK_BELOW_CONFIDENCE) return kept
  // Horizontal lines read badly can only be upside down; vertical lines mean a quarter-turn.
  const candidates: Rotation[] = sideways ? [90, 270] : [180]
  const rotation = await probeRotation(session, image, candidates, readability(first))
  if (rotation === 0) return kept
  // A sideways page's skew is measured on lines running across, so it is straightened after the turn.
  const turned = deskewImage(rotateImage(image, rotation)).image
  const result = await session.recognise(turned)
  return readability(result) > readability(first) ? {result, rotation, image: turned} : kept
}

/** The candidate turn whose small copy reads clearly better than the page as scanned, or 0. */
async function probeRotation(session: OcrSession, image: OcrImage, candidates: Rotation[], uprightScore: number): Promise<Rotation> {
  const small = downscale(image, Math.ceil(Math.max(image.width, image.height) / PROBE_MAX_LONG_SIDE_PX))
  let best: {rotation: Rotation; score: number} = {rotation: 0, score: Math.max(MIN_TURN_WORDS, uprightScore * TURN_MARGIN) - 1}
  for (const rotation of candidates) {
    const score = readability(await session.recognise(rotateImage(small, rotation)))
    if (score > best.score) best = {rotation, score}
  }
  return best.rotation
}

/** Share of words that sit in lines taller than wide (text running up or down the page). */
function verticalShare(result: OcrResult): number {
  let vertical = 0
  for (const line of result.lines) if (isVertical(line)) vertical += line.words.length
  return result.wordCount === 0 ? 0 : vertical / result.wordCount
}

function isVertical(line: OcrLine): boolean {
  const [x0, y0, x1, y1] = line.bbox
  return y1 - y0 > (x1 - x0) * VERTICAL_LINE_RATIO
}

/** Word-like words in horizontal lines: how well the page reads the way it is. */
export function readability(result: OcrResult): number {
  let count = 0
  for (const line of result.lines) if (!isVertical(line)) count += wordLikeCount(line.words)
  return count
}

/** Number of confidently read words that look like dictionary words. */
function wordLikeCount(words: OcrWord[]): number {
  let count = 0
  for (const word of words) {
    if (word.confidence >= WORD_LIKE_CONFIDENCE && WORD_LIKE.test(word.text) && VOWEL.test(word.text)) count++
  }
  return count
}

/** Turns a grey image clockwise by a quarter-turn multiple. */
export function rotateImage(image: OcrImage, rotation: Rotation): OcrImage {
  const {width: w, height: h, data} = image
  if (rotation === 0) return image
  const out = new Uint8Array(data.length)
  if (rotation === 180) {
    for (let i = 0, n = data.length; i < n; i++) out[n - 1 - i] = data[i]!
    return {...image, data: out}
  }
  // 90: (x, y) → (h-1-y, x); 270: (x, y) → (y, w-1-x); the new width is h.
  for (let y = 0; y < h; y++) {
    const row = y * w
    for (let x = 0; x < w; x++) {
      const target = rotation === 90 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y
      out[target] = data[row + x]!
    }
  }
  return {width: h, height: w, data: out, dpi: image.dpi}
}

/** Box-filter downscale by an integer factor (1 returns the image itself). */
export function downscale(image: OcrImage, factor: number): OcrImage {
  if (factor <= 1) return image
  const width = Math.floor(image.width / factor)
  const height = Math.floor(image.height / factor)
  const out = new Uint8Array(width * height)
  const area = factor * factor
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx]!
      }
      out[y * width + x] = Math.round(sum / area)
    }
  }
  return {width, height, data: out, dpi: image.dpi / factor}
}
