// Recovers the short lines whole-page OCR drops (a lone figure such as "3" or "17" between other
// lines, as in KPI tables printed one cell per line): ink no word covers is re-read band by band.
import type {OcrImage, OcrLine, OcrResult, OcrSession, OcrWord, PixelBox} from './ocr-pool.js'
import {ocrResult} from './ocr-result.js'

/** Grey level (0–255) below which a pixel is ink; the midpoint, as for a black-on-white scan. */
const INK_LEVEL = 128
/**
 * Grey level below which a pixel is faint ink, taken into a glyph when it touches its ink: a scanner's
 * blur leaves a serif figure's hairlines (the bowl of a "2", the sides of a "0") grey 130–190 and only
 * its stems dark, so by dark pixels alone a Times "223" is a few pieces too small to be glyphs. Paper
 * scans at 225–245 (JPEG noise ±10), so it is never taken in.
 */
const FAINT_INK_LEVEL = 200
/** Ink this close to a recognised word or line (share of the page's median line height) is under it (a clipped descender, a stray dot). */
const COVER_MARGIN = 0.1
/** Ink with more than this share of it under recognised words and lines was read (a glyph of a word, a rule between cells). */
const MAX_COVERED_SHARE = 0.5
/** A glyph is at least this tall (share of the median line height): a lone "0" or "1" stands ~0.7 lines high; specks and rules are lower. */
const MIN_GLYPH_HEIGHT = 0.45
/** ...and at most this tall: taller ink is a rule, a border, a picture or a heading, not a dropped line of body text. */
const MAX_GLYPH_HEIGHT = 1.6
/**
 * ...and its dark ink at least this wide (share of the median line height): the stem of a "1" in a 200
 * dpi scan is ~0.1 lines wide; scratches and hairline borders are thinner (their grey fringe is not counted).
 */
const MIN_GLYPH_WIDTH = 0.08
/**
 * ...and inked at least this thick on average (pixels of full black a row, as a share of the median line height): a
 * printed stem is ~0.1 lines thick (a lone "1" in a 200 dpi scan: 2.9 px at 28 px lines); the hairline
 * piece of a table border left between two cells' words, 0.03 (blurred grey, as much ink over more pixels).
 */
const MIN_STROKE = 0.05
/** ...and its ink fills at least this share of its box: a figure fills 0.2–0.5; a long skewed rule, under 0.1. */
const MIN_INK_DENSITY = 0.12
/** Uncovered ink whose dark pixels stand at least this tall (share of the median line height) is a letter part a band takes in beside its glyphs (an "a", a descender); lower is a dot or speck. */
const MIN_PART_HEIGHT = 0.2
/** Boxes overlapping vertically by this share of the lower one's height stand on one row. */
const SAME_ROW_OVERLAP = 0.5
/** Glyphs side by side with a gap up to this (share of the median line height) are one band: a word, or words of one cell. */
const BAND_GAP = 1.5
/** A band whose height overlaps a recognised line beside it by more than this share is part of that line, not a dropped one. */
const LINE_OVERLAP = 0.3
/** White margin around a band's crop (share of the median line height): tesseract reads a line badly when its ink touches the edge. */
const CROP_MARGIN = 0.5
/**
 * Bands re-read at most per page, the inkiest first: each is a small tesseract call (15–25 ms), so a
 * speckled or pictured page cannot multiply its OCR time (32 calls ≈ 0.6 s, a fifth of a dense page's
 * read); real KPI columns printed one cell per line lost up to 19 cells a page.
 */
const MAX_BANDS_PER_PAGE = 32
/**
 * Bands read again at their scan's size, at most per page: the second read rarely succeeds (lone
 * serif "1"s), and on a chart page of junk bands it nearly doubled the calls (23 -> 40) for one more line.
 */
const MAX_RETRIES_PER_PAGE = 8
/** A recovered line is kept only when its words' mean confidence (0–1) reaches this: specks read as "i" or "." score lower. */
const MIN_RECOVERED_CONFIDENCE = 0.6
/**
 * A crop is enlarged (whole pixel copies) until its glyphs stand at least this tall (pixels): read
 * alone at its scan's size, a 20 px bold "4" from a 200 dpi scan came back "a4" or "a"; tripled, "4" (0.96).
 */
const MIN_CROP_GLYPH_PX = 45
/** ...but at most this many times: beyond it a tiny speck cluster only grows into a bigger guess. */
const MAX_CROP_ENLARGEMENT = 3
const HAS_ALNUM = /[\p{L}\p{N}]/u

/**
 * Connected ink: a glyph or a run of touching glyphs, in image pixels (x1, y1 exclusive): the box of
 * all its ink, faint included, and of its dark ink; its ink, in pixels of full black (a grey pixel
 * counts in part, so a blurred stroke weighs what it did sharp), and the share of it under recognised words.
 */
interface Glyph {
  box: PixelBox
  darkBox: PixelBox
  ink: number
  coveredShare: number
}

/** Glyphs lying side by side on one horizontal band, read together: their box and ink (pixels). */
export interface Band {
  box: PixelBox
  ink: number
  /** The box dark ink alone gives the band where faint ink grew it, read too (the surer read kept); else absent. */
  darkBox?: PixelBox
}

/**
 * Re-reads the ink of `image` that no recognised word of `result` covers, band by band, and adds
 * each band read with confidence as a line of its own at its place; `result` itself is not changed.
 * @param session the page's OCR session (the crops are read on the same worker)
 * @param image the page image `result` was read from
 */
export async function recoverDroppedLines(session: OcrSession, image: OcrImage, result: OcrResult): Promise<OcrResult> {
  const lineHeight = medianLineHeight(result.lines)
  if (lineHeight === null) return result
  const bands = findDroppedBands(image, result.lines, lineHeight)
  const recovered: OcrLine[] = []
  let retries = MAX_RETRIES_PER_PAGE
  for (const band of bands) {
    const read = await readBand(session, image, band.box, lineHeight, retries > 0)
    if (read.retried) retries--
    const dark = band.darkBox ? await readBand(session, image, band.darkBox, lineHeight, false) : null
    const line = surer(read.line, dark?.line ?? null)
    if (line) recovered.push(line)
  }
  return recovered.length === 0 ? result : withLines(result, recovered)
}

/** Bands of ink outside every recognised line, sized like text, at most {@link MAX_BANDS_PER_PAGE}, top to bottom. */
export function findDroppedBands(image: OcrImage, lines: OcrLine[], lineHeight: number): Band[] {
  const covered = coverMask(image, lines, Math.round(COVER_MARGIN * lineHeight))
  const dark = bandsOf(image, covered, lines, lineHeight, INK_LEVEL)
  const bands = bandsOf(image, covered, lines, lineHeight, FAINT_INK_LEVEL).map((band) => withDarkBox(band, dark))
  const kept = [...bands].sort((a, b) => b.ink - a.ink || a.box[1] - b.box[1] || a.box[0] - b.box[0]).slice(0, MAX_BANDS_PER_PAGE)
  return kept.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])
}

/** Bands of the ink darker than `faintLevel` no recognised line covers, grown by their letter parts. */
function bandsOf(image: OcrImage, covered: Uint8Array, lines: OcrLine[], lineHeight: number, faintLevel: number): Band[] {
  const uncovered = inkComponents(image, covered, faintLevel).filter((g) => g.coveredShare <= MAX_COVERED_SHARE)
  const glyphs = uncovered.filter((g) => isGlyphLike(g, lineHeight))
  const parts = uncovered.filter((g) => !isGlyphLike(g, lineHeight) && isLetterPart(g.darkBox, lineHeight))
  const grown = groupBands(glyphs, lineHeight).map((band) => extendBand(band, parts, lineHeight))
  return joinNeighbours(grown, lineHeight).filter((band) => !besideLine(band.box, lines))
}

/**
 * A band found with faint ink, with the box of the dark-ink bands inside it where that differs: the grey
 * fringe that joins a serif figure's pieces can also join specks to a small sans figure ("56( D" read
 * for "560"), so both are read and the surer read kept.
 */
function withDarkBox(band: Band, dark: readonly Band[]): Band {
  const held = dark.filter((d) => d.box[0] >= band.box[0] && d.box[2] <= band.box[2] && d.box[1] >= band.box[1] && d.box[3] <= band.box[3])
  if (!held.length) return band
  const darkBox = held.map((d) => d.box).reduce(union)
  return darkBox.every((v, k) => v === band.box[k]) ? band : {...band, darkBox}
}

/** The median height of the page's horizontal lines (pixels), or null when it has none. */
function medianLineHeight(lines: OcrLine[]): number | null {
  const heights = lines.map((l) => l.bbox[3] - l.bbox[1]).filter((h, i) => h > 0 && h <= lines[i]!.bbox[2] - lines[i]!.bbox[0]).sort((a, b) => a - b)
  return heights.length === 0 ? null : heights[heights.length >> 1]!
}

/** One byte a pixel: 1 where a recognised word or line (grown by `margin` pixels) lies. */
function coverMask(image: OcrImage, lines: OcrLine[], margin: number): Uint8Array {
  const mask = new Uint8Array(image.width * image.height)
  for (const line of lines) {
    fillBox(mask, image.width, image.height, line.bbox, margin)
    for (const word of line.words) fillBox(mask, image.width, image.height, word.bbox, margin)
  }
  return mask
}

function fillBox(mask: Uint8Array, width: number, height: number, box: PixelBox, margin: number): void {
  const x0 = Math.max(0, Math.floor(box[0]) - margin)
  const x1 = Math.min(width, Math.ceil(box[2]) + margin)
  const y0 = Math.max(0, Math.floor(box[1]) - margin)
  const y1 = Math.min(height, Math.ceil(box[3]) + margin)
  if (x1 <= x0) return
  for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + x1)
}

/**
 * Connected ink (8-connected): dark pixels joined through the faint ink touching them, with its ink
 * and the share of it under the mask; faint ink that touches no dark pixel (paper tint, a smudge) is
 * left out. Found run by run with a union–find over the runs' labels. All ink is joined before the mask
 * is consulted, so a table rule the words cut into pieces stays one long component and is never taken for a "1".
 */
function inkComponents(image: OcrImage, covered: Uint8Array, faintLevel: number): Glyph[] {
  const {width, height, data} = image
  const runs = new InkRuns()
  let previous: number[] = [] // [start, end (exclusive), label] triples of the row above
  for (let y = 0; y < height; y++) {
    const current: number[] = []
    const row = y * width
    let p = 0
    for (let x = 0; x < width; x++) {
      if (data[row + x]! >= faintLevel) continue
      const run: InkRun = {y, x0: x, x1: x, ink: 0, under: 0, darkX0: width, darkX1: -1}
      for (; x < width && data[row + x]! < faintLevel; x++) {
        const ink = 255 - data[row + x]!
        run.ink += ink
        run.under += ink * covered[row + x]!
        if (data[row + x]! >= INK_LEVEL) continue
        run.darkX0 = Math.min(run.darkX0, x)
        run.darkX1 = x + 1
      }
      run.x1 = x
      while (p < previous.length && previous[p + 1]! < run.x0) p += 3
      let label = -1
      for (let q = p; q < previous.length && previous[q]! <= x; q += 3) label = label === -1 ? runs.find(previous[q + 2]!) : runs.union(label, previous[q + 2]!)
      if (label === -1) label = runs.add()
      runs.addRun(label, run)
      current.push(run.x0, x, label)
    }
    previous = current
  }
  return runs.glyphs()
}

/** One row's run of ink [x0, x1): its ink (sum of 255 − grey), the part under the mask, and the extent of its dark pixels (none: darkX1 −1). */
interface InkRun {
  y: number
  x0: number
  x1: number
  ink: number
  under: number
  darkX0: number
  darkX1: number
}

/** Union–find over ink runs' labels, with each set's extent (all ink and dark ink) and ink. */
class InkRuns {
  private readonly parent: number[] = []
  // Per label: x0, y0, x1, y1 of all ink; ink, ink under the mask; x0, y0, x1, y1 of dark ink.
  private readonly stats: number[][] = []

  add(): number {
    const label = this.parent.length
    this.parent.push(label)
    this.stats.push([Infinity, Infinity, -Infinity, -Infinity, 0, 0, Infinity, Infinity, -Infinity, -Infinity])
    return label
  }

  find(label: number): number {
    const parent = this.parent
    while (parent[label] !== label) label = parent[label] = parent[parent[label]!]!
    return label
  }

  union(a: number, b: number): number {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return ra
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra]
    this.parent[gone] = keep
    const k = this.stats[keep]!
    const g = this.stats[gone]!
    k[0] = Math.min(k[0]!, g[0]!); k[1] = Math.min(k[1]!, g[1]!); k[2] = Math.max(k[2]!, g[2]!); k[3] = Math.max(k[3]!, g[3]!)
    k[4]! += g[4]!; k[5]! += g[5]!
    k[6] = Math.min(k[6]!, g[6]!); k[7] = Math.min(k[7]!, g[7]!); k[8] = Math.max(k[8]!, g[8]!); k[9] = Math.max(k[9]!, g[9]!)
    return keep
  }

  addRun(label: number, run: InkRun): void {
    const b = this.stats[label]!
    b[0] = Math.min(b[0]!, run.x0); b[1] = Math.min(b[1]!, run.y); b[2] = Math.max(b[2]!, run.x1); b[3] = run.y + 1
    b[4]! += run.ink; b[5]! += run.under
    if (run.darkX1 < 0) return
    b[6] = Math.min(b[6]!, run.darkX0); b[7] = Math.min(b[7]!, run.y); b[8] = Math.max(b[8]!, run.darkX1); b[9] = run.y + 1
  }

  /** The sets holding dark ink, as glyphs, their ink in pixels of full black. */
  glyphs(): Glyph[] {
    const glyphs: Glyph[] = []
    for (let label = 0; label < this.parent.length; label++) {
      if (this.find(label) !== label) continue
      const [x0, y0, x1, y1, ink, under, dx0, dy0, dx1, dy1] = this.stats[label] as [number, number, number, number, number, number, number, number, number, number]
      if (dx1 >= 0) glyphs.push({box: [x0, y0, x1, y1], darkBox: [dx0, dy0, dx1, dy1], ink: ink / 255, coveredShare: under / ink})
    }
    return glyphs
  }
}

/** Sized and inked like a character: not a speck, a rule (long and thin, or a hairline piece of a border), a picture or a heading. */
function isGlyphLike(glyph: Glyph, lineHeight: number): boolean {
  const [x0, y0, x1, y1] = glyph.box
  const height = y1 - y0
  const darkWidth = glyph.darkBox[2] - glyph.darkBox[0]
  return height >= MIN_GLYPH_HEIGHT * lineHeight && height <= MAX_GLYPH_HEIGHT * lineHeight && darkWidth >= MIN_GLYPH_WIDTH * lineHeight &&
    glyph.ink >= MIN_STROKE * lineHeight * height && glyph.ink >= MIN_INK_DENSITY * (x1 - x0) * height
}

/** Glyphs joined left to right into bands: overlapping vertically and at most {@link BAND_GAP} apart. */
function groupBands(glyphs: Glyph[], lineHeight: number): Band[] {
  const bands: Band[] = []
  const sorted = [...glyphs].sort((a, b) => a.box[0] - b.box[0] || a.box[1] - b.box[1])
  for (const glyph of sorted) {
    const band = bands.find((b) => glyph.box[0] - b.box[2] <= BAND_GAP * lineHeight && sameRow(b.box, glyph.box))
    if (band) {
      band.box = union(band.box, glyph.box)
      band.ink += glyph.ink
    } else {
      bands.push({box: [...glyph.box], ink: glyph.ink})
    }
  }
  return bands
}

/** Two boxes share a row when they overlap vertically by at least half the lower one's height. */
function sameRow(a: PixelBox, b: PixelBox): boolean {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  return overlap >= SAME_ROW_OVERLAP * Math.min(a[3] - a[1], b[3] - b[1])
}

/**
 * Ink a band may take in around its glyphs, judged by its dark ink: lower-case letters, descenders, the
 * stem of an "i" (not specks or dots, whose faint JPEG fringe would make them letter-high in small type).
 */
function isLetterPart(box: PixelBox, lineHeight: number): boolean {
  const height = box[3] - box[1]
  return height >= MIN_PART_HEIGHT * lineHeight && height <= MAX_GLYPH_HEIGHT * lineHeight
}

/**
 * The band grown by the letter parts beside it on its row, at most {@link BAND_GAP} away, until none is
 * left: "Chair" is found by its "C" and "h" and read whole.
 */
function extendBand(band: Band, parts: Glyph[], lineHeight: number): Band {
  let {box, ink} = band
  const taken = new Set<Glyph>()
  for (let grown = true; grown;) {
    grown = false
    for (const part of parts) {
      if (taken.has(part) || !(part.box[3] > box[1] && part.box[1] < box[3])) continue
      const gap = Math.max(part.box[0] - box[2], box[0] - part.box[2])
      if (gap > BAND_GAP * lineHeight) continue
      const inside = part.box[0] >= box[0] && part.box[2] <= box[2] && part.box[1] >= box[1] && part.box[3] <= box[3]
      taken.add(part)
      if (!inside) grown = true
      box = union(box, part.box)
      ink += part.ink
    }
  }
  return {box, ink}
}

/** Bands that came to overlap, or to stand {@link BAND_GAP} apart on one row, as they grew, joined (so no ink is read twice). */
function joinNeighbours(bands: Band[], lineHeight: number): Band[] {
  const merged: Band[] = []
  const near = (a: PixelBox, b: PixelBox): boolean => Math.max(a[0] - b[2], b[0] - a[2]) <= BAND_GAP * lineHeight && a[1] < b[3] && b[1] < a[3] &&
    (sameRow(a, b) || (a[0] < b[2] && b[0] < a[2]))
  for (const band of [...bands].sort((a, b) => a.box[0] - b.box[0] || a.box[1] - b.box[1])) {
    const into = merged.find((m) => near(m.box, band.box))
    if (into) {
      into.box = union(into.box, band.box)
      into.ink += band.ink
    } else {
      merged.push({...band})
    }
  }
  return merged
}

/** The band overlaps a recognised line standing across or beside it (same columns) by more than {@link LINE_OVERLAP} of its height. */
function besideLine(box: PixelBox, lines: OcrLine[]): boolean {
  const height = box[3] - box[1]
  return lines.some((line) => {
    const overlapX = Math.min(box[2], line.bbox[2]) - Math.max(box[0], line.bbox[0])
    const overlapY = Math.min(box[3], line.bbox[3]) - Math.max(box[1], line.bbox[1])
    return overlapX > 0 && overlapY > LINE_OVERLAP * height
  })
}

/**
 * Reads one band cropped alone, as one text line (tesseract's single-word mode misread lone figures
 * once the crop had a margin: "1" as "ES" or "a"), enlarged for small type and, when that read is
 * rejected and `mayRetry`, again at its scan's size (a lone "1" of 24 px serif type, blurred as
 * scanned, came back "|" tripled, "1" at its size): its line in page pixels, or null when not read
 * with confidence, and whether it was read again.
 */
async function readBand(session: OcrSession, image: OcrImage, box: PixelBox, lineHeight: number, mayRetry: boolean): Promise<{line: OcrLine | null; retried: boolean}> {
  const factor = Math.min(MAX_CROP_ENLARGEMENT, Math.max(1, Math.ceil(MIN_CROP_GLYPH_PX / (box[3] - box[1]))))
  const enlarged = await readCrop(session, image, box, lineHeight, factor)
  if (enlarged || factor === 1 || !mayRetry) return {line: enlarged, retried: false}
  return {line: await readCrop(session, image, box, lineHeight, 1), retried: true}
}

/** Of two reads of one band, the one read with more confidence (the first at a tie), or whichever was kept. */
function surer(a: OcrLine | null, b: OcrLine | null): OcrLine | null {
  if (!a || !b) return a ?? b
  return b.confidence > a.confidence ? b : a
}

/** The band's crop enlarged `factor` times read as one line, or null when no word with a letter or digit is read with confidence. */
async function readCrop(session: OcrSession, image: OcrImage, box: PixelBox, lineHeight: number, factor: number): Promise<OcrLine | null> {
  const margin = Math.max(1, Math.round(CROP_MARGIN * lineHeight))
  const read = await session.recognise(cropBand(image, box, margin, factor), 'line')
  const toPage = (b: PixelBox): PixelBox => [b[0] / factor + box[0] - margin, b[1] / factor + box[1] - margin, b[2] / factor + box[0] - margin, b[3] / factor + box[1] - margin]
  const words = read.lines.flatMap((l) => l.words)
    .filter((w) => HAS_ALNUM.test(w.text))
    .map((w): OcrWord => ({text: w.text, confidence: w.confidence, bbox: toPage(w.bbox)}))
  if (words.length === 0) return null
  const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length
  if (confidence < MIN_RECOVERED_CONFIDENCE) return null
  return {words, bbox: words.map((w) => w.bbox).reduce(union), confidence, paragraph: -1}
}

/** The band's pixels alone on white, with a white margin (nothing of the neighbouring lines comes in), enlarged `factor` times (pixel copies). */
function cropBand(image: OcrImage, box: PixelBox, margin: number, factor: number): OcrImage {
  const [x0, y0, x1, y1] = box
  const width = (x1 - x0 + 2 * margin) * factor
  const height = (y1 - y0 + 2 * margin) * factor
  const data = new Uint8Array(width * height).fill(255)
  for (let y = y0; y < y1; y++) {
    const from = y * image.width
    for (let x = x0; x < x1; x++) {
      const grey = image.data[from + x]!
      const left = (x - x0 + margin) * factor
      for (let dy = 0; dy < factor; dy++) data.fill(grey, ((y - y0 + margin) * factor + dy) * width + left, ((y - y0 + margin) * factor + dy) * width + left + factor)
    }
  }
  return {width, height, data, dpi: image.dpi * factor}
}

/** `result` with `recovered` lines inserted where they stand, each a paragraph of its own; paragraphs renumbered in order. */
function withLines(result: OcrResult, recovered: OcrLine[]): OcrResult {
  const lines: Array<OcrLine & {own?: true}> = [...result.lines]
  for (const line of recovered) lines.splice(insertionIndex(lines, line.bbox), 0, {...line, own: true})
  let paragraph = -1
  let previous: (OcrLine & {own?: true}) | null = null
  const numbered = lines.map((line): OcrLine => {
    if (!previous || line.own || previous.own || line.paragraph !== previous.paragraph) paragraph++
    previous = line
    return {words: line.words, bbox: line.bbox, confidence: line.confidence, paragraph}
  })
  return ocrResult(numbered)
}

/**
 * Where a line at `box` goes in reading order: just before the nearest line on its row to its right
 * (an item's number before its title, as tesseract orders those it reads), else after the nearest line
 * above it in the same columns, else before the nearest below it in the same columns, else after the last line above it.
 */
function insertionIndex(lines: OcrLine[], box: PixelBox): number {
  const right = nearest(lines, (l) => sameRow(l.bbox, box) && l.bbox[0] >= box[2], (l) => -l.bbox[0])
  if (right !== -1) return right
  const middle = (box[1] + box[3]) / 2
  const centre = (l: OcrLine): number => (l.bbox[1] + l.bbox[3]) / 2
  const shares = (l: OcrLine): boolean => Math.min(box[2], l.bbox[2]) > Math.max(box[0], l.bbox[0])
  const above = nearest(lines, (l) => shares(l) && centre(l) < middle, centre)
  if (above !== -1) return above + 1
  const below = nearest(lines, (l) => shares(l) && centre(l) >= middle, (l) => -centre(l))
  if (below !== -1) return below
  return nearest(lines, (l) => centre(l) < middle, (_l, i) => i) + 1
}

/** Index of the line passing `test` with the highest `closeness` (the first on ties), or -1. */
function nearest(lines: OcrLine[], test: (line: OcrLine) => boolean, closeness: (line: OcrLine, index: number) => number): number {
  let best = -1
  let bestCloseness = -Infinity
  lines.forEach((line, i) => {
    if (!test(line)) return
    const c = closeness(line, i)
    if (c > bestCloseness) {
      best = i
      bestCloseness = c
    }
  })
  return best
}

function union(a: PixelBox, b: PixelBox): PixelBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}
