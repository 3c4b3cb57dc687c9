// Re-reads a scanned page with local (Sauvola) thresholds when the page read left much of its ink
// unread (on a light, speckled scan tesseract's one global threshold can lose whole paragraphs) and adds what it lost.
import type {OcrImage, OcrLine, OcrResult, OcrSession, PixelBox} from './ocr-pool.js'
import {ocrResult} from './ocr-result.js'

/** Grey level (0–255) below which a pixel is ink. */
const INK_LEVEL = 128
/** Side of the tiles ink is counted in, inches (~0.08 in: a letter's height in body type). */
const TILE_INCHES = 0.08
/** A tile holds print when this share of its pixels is ink: letters fill 10–40 %; a speck of dust under 2 %. */
const MIN_TILE_INK = 0.05
/** ...and is a picture or a filled box, not print, above this share. */
const MAX_TILE_INK = 0.6
/** The page is re-read when more than this share of its printed tiles lie under no recognised word... */
const LOST_SHARE = 0.1
/** ...and they are at least this many (about a short line of text), so a logo or a signature alone seldom costs a second read. */
const MIN_LOST_TILES = 24
/** A paragraph only the local read found is added when its words were read at least this sure on average (0–1): not the texture of a picture. */
const SURE_WORD = 0.6

/** How much of the page's print lies under no recognised word: printed tiles, and those left unread. */
export interface LostInk {
  printed: number
  lost: number
}

/**
 * Reads `image` again thresholded locally when the read `result` left much of its print unread, and
 * adds the paragraphs of that read standing where `result` read nothing (read fairly sure); the
 * page read itself is kept whole, so a heading it read is never traded for a paragraph it lost.
 */
export async function rereadLostInk(session: OcrSession, image: OcrImage, result: OcrResult): Promise<OcrResult> {
  const {printed, lost} = lostInk(image, result)
  if (lost < MIN_LOST_TILES || lost <= LOST_SHARE * printed) return result
  const local = await session.recognise(image, 'page-local')
  const found = paragraphsOf(local).filter((group) => !group.some((line) => overlapsAny(line.bbox, result.lines)) && ocrResult(group).confidence >= SURE_WORD)
  return found.length ? withParagraphs(result, found) : result
}

/** Counts the image's printed tiles and those no recognised word (grown by a tile) covers. */
export function lostInk(image: OcrImage, result: OcrResult): LostInk {
  const side = Math.max(4, Math.round(TILE_INCHES * image.dpi))
  const columns = Math.ceil(image.width / side)
  const rows = Math.ceil(image.height / side)
  const ink = inkPerTile(image, side, columns, rows)
  const covered = coveredTiles(result, side, columns, rows)
  let printed = 0
  let lost = 0
  for (let t = 0; t < ink.length; t++) {
    const share = ink[t]! / (side * side)
    if (share < MIN_TILE_INK || share > MAX_TILE_INK) continue
    printed++
    if (!covered[t]) lost++
  }
  return {printed, lost}
}

function inkPerTile(image: OcrImage, side: number, columns: number, rows: number): Uint32Array {
  const ink = new Uint32Array(columns * rows)
  for (let y = 0; y < image.height; y++) {
    const row = Math.floor(y / side) * columns
    const offset = y * image.width
    for (let x = 0; x < image.width; x++) {
      if (image.data[offset + x]! < INK_LEVEL) ink[row + Math.floor(x / side)]!++
    }
  }
  return ink
}

/** Tiles under a recognised word's box grown by one tile each way (a clipped descender, a stray accent). */
function coveredTiles(result: OcrResult, side: number, columns: number, rows: number): Uint8Array {
  const covered = new Uint8Array(columns * rows)
  for (const word of result.lines.flatMap((line) => line.words)) {
    const [x0, y0, x1, y1] = word.bbox
    const [c0, c1] = [Math.max(0, Math.floor(x0 / side) - 1), Math.min(columns - 1, Math.floor(x1 / side) + 1)]
    const [r0, r1] = [Math.max(0, Math.floor(y0 / side) - 1), Math.min(rows - 1, Math.floor(y1 / side) + 1)]
    for (let r = r0; r <= r1; r++) covered.fill(1, r * columns + c0, r * columns + c1 + 1)
  }
  return covered
}

/** The read's lines grouped by paragraph, in reading order. */
function paragraphsOf(read: OcrResult): OcrLine[][] {
  const groups: OcrLine[][] = []
  for (const line of read.lines) {
    const last = groups.at(-1)
    if (last && last[0]!.paragraph === line.paragraph) last.push(line)
    else groups.push([line])
  }
  return groups
}

function overlapsAny(box: PixelBox, lines: readonly OcrLine[]): boolean {
  return lines.some(({bbox}) => Math.min(box[2], bbox[2]) > Math.max(box[0], bbox[0]) && Math.min(box[3], bbox[3]) > Math.max(box[1], bbox[1]))
}

/**
 * `result` with the `found` paragraphs inserted where they stand: before the first line of `result`
 * in the same columns below their top, else after the last line above it; paragraphs renumbered.
 */
function withParagraphs(result: OcrResult, found: OcrLine[][]): OcrResult {
  const groups = paragraphsOf(result)
  for (const group of found) groups.splice(insertionIndex(groups, group[0]!.bbox), 0, group)
  return ocrResult(groups.flatMap((group, paragraph) => group.map((line) => ({...line, paragraph}))))
}

function insertionIndex(groups: readonly OcrLine[][], box: PixelBox): number {
  const sharesColumns = (line: OcrLine): boolean => Math.min(box[2], line.bbox[2]) > Math.max(box[0], line.bbox[0])
  const below = groups.findIndex((group) => sharesColumns(group[0]!) && group[0]!.bbox[1] >= box[1])
  if (below !== -1) return below
  const above = groups.findLastIndex((group) => group[0]!.bbox[1] < box[1])
  return above + 1
}
