// Turns a skewed page image straight with two whole-pixel shears (no resampling, so edges stay sharp),
// taking each one-pixel step where it cuts no ink when it can: between glyphs across a line, between lines down the page.
import type {OcrImage} from './ocr-pool.js'

/** A pixel darker than this (0–255) is ink. */
const DARK = 128
/** Rows are measured for ink on every n-th pixel across (a stroke is wider). */
const ROW_SAMPLE_PX = 3
/** A row is a gap between lines when its sampled ink exceeds the least nearby by at most this share of its samples (specks)... */
const QUIET_ROW_SHARE = 0.002
/** ...nearby being this many inches up or down: a window holding a gap whatever the type size (table rules add to every row). */
const GAP_WINDOW_IN = 0.25

/**
 * Turns `image` back by `degrees` (anticlockwise for a clockwise skew) about its centre: columns
 * slide up or down to level the lines, then rows slide sideways to stand the columns upright
 * (together a rotation but for the width narrowed and the height stretched by cos θ, 0.1 % at 2.5°).
 * A one-pixel step of a shear inside a glyph notches it (an "l" read as an "i" at 200 dpi), so the
 * steps are put, up to a pixel off the exact shear, in columns of a line with no ink and in rows
 * between lines. Same size as `image`; uncovered pixels are white.
 */
export function unskew(image: OcrImage, degrees: number): OcrImage {
  const radians = (degrees * Math.PI) / 180
  const {width, height} = image
  // Levelling: column x of a line is read (x − centre)·tan θ rows lower; first rounded, to measure the levelled ink.
  const rounded = stepsAlong(width, width / 2, Math.tan(radians), () => true)
  const quiet = quietRows(levelledRowInk(image, rounded), Math.round(image.dpi * GAP_WINDOW_IN), (width / ROW_SAMPLE_PX) * QUIET_ROW_SHARE)
  const quietRow = (y: number): boolean => quiet[y] === 1
  const lines = lineBands(height, quietRow)
  const columnSteps = lines.map((band) => {
    const ink = bandColumnInk(image, rounded, band)
    return stepsAlong(width, width / 2, Math.tan(radians), (x) => ink[x] === 0)
  })
  // Standing upright: the levelled row y is moved right by (y − centre)·sin θ.
  const rowShifts = stepsAlong(height, height / 2, Math.sin(radians), quietRow)
  return shear(image, lines, columnSteps, rowShifts)
}

/** Rows [from, to) holding one line and half the gap on each side. */
interface Band {
  from: number
  to: number
}

/**
 * Whole-pixel values following (i − centre)·slope for i in [0, count), off it by less than a pixel,
 * stepping only at quiet positions where it can: at one once the value lags by half a pixel, or by
 * any amount when waiting for the next quiet position would leave it a whole pixel behind; at a
 * busy position only when a whole pixel behind (a run of busy positions longer than 1/slope).
 */
export function stepsAlong(count: number, centre: number, slope: number, quiet: (i: number) => boolean): Int32Array {
  const out = new Int32Array(count)
  const direction = Math.sign(slope)
  let current = Math.round(-centre * slope)
  let nextQuiet = -1
  for (let i = 0; i < count; i++) {
    // How far the value is behind the line, in the direction it moves.
    const lag = ((i - centre) * slope - current) * direction
    if (lag >= 1) current += direction
    else if (lag > 0 && quiet(i)) {
      if (nextQuiet <= i) nextQuiet = quietAfter(i, count, quiet)
      if (lag >= 0.5 || lag + (nextQuiet - 1 - i) * Math.abs(slope) >= 1) current += direction
    }
    out[i] = current
  }
  return out
}

/** The first quiet position after `i` (or `count`). */
function quietAfter(i: number, count: number, quiet: (i: number) => boolean): number {
  let next = i + 1
  while (next < count && !quiet(next)) next++
  return next
}

/** Ink in each row of the image levelled by `offsets` (every {@link ROW_SAMPLE_PX}-th pixel looked at). */
function levelledRowInk(image: OcrImage, offsets: Int32Array): Int32Array {
  const {width, height, data} = image
  const ink = new Int32Array(height)
  const rowOffsets = offsets.map((k) => k * width)
  for (let y = 0; y < height; y++) {
    const row = y * width
    let count = 0
    for (let x = 0; x < width; x += ROW_SAMPLE_PX) {
      const from = row + x + rowOffsets[x]!
      if (from >= 0 && from < data.length && data[from]! < DARK) count++
    }
    ink[y] = count
  }
  return ink
}

/** 1 for each row whose ink is within `margin` of the least within `window` rows: a gap between lines, or between table rows. */
function quietRows(ink: Int32Array, window: number, margin: number): Uint8Array {
  const quiet = new Uint8Array(ink.length)
  for (let y = 0; y < ink.length; y++) {
    let least = ink[y]!
    for (let z = Math.max(0, y - window), end = Math.min(ink.length, y + window + 1); z < end; z++) least = Math.min(least, ink[z]!)
    quiet[y] = ink[y]! <= least + margin ? 1 : 0
  }
  return quiet
}

/** The page cut into bands in the middle of each run of quiet rows: one band per line (or block of touching lines). */
function lineBands(height: number, quiet: (y: number) => boolean): Band[] {
  const cuts = [0]
  for (let y = 0; y < height; ) {
    if (!quiet(y)) {
      y++
      continue
    }
    const start = y
    while (y < height && quiet(y)) y++
    if (start > 0 && y < height) cuts.push(Math.floor((start + y) / 2))
  }
  cuts.push(height)
  return cuts.slice(1).map((to, i) => ({from: cuts[i]!, to}))
}

/** Ink in each column of one band of the image levelled by `offsets` (every other row looked at: strokes are thicker). */
function bandColumnInk(image: OcrImage, offsets: Int32Array, band: Band): Int32Array {
  const {width, data} = image
  const ink = new Int32Array(width)
  const rowOffsets = offsets.map((k) => k * width)
  for (let y = band.from; y < band.to; y += 2) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      const from = row + x + rowOffsets[x]!
      if (from >= 0 && from < data.length && data[from]! < DARK) ink[x]!++
    }
  }
  return ink
}

/**
 * Both shears in one pass: output row y of a band takes each run of source columns with one step k
 * from source row y + k, moved right by y's shift.
 */
function shear(image: OcrImage, bands: Band[], columnSteps: Int32Array[], rowShifts: Int32Array): OcrImage {
  const {width, height, data} = image
  const out = new Uint8Array(data.length).fill(255)
  bands.forEach((band, i) => {
    const runs = runsOf(columnSteps[i]!)
    for (let y = band.from; y < band.to; y++) {
      const shift = rowShifts[y]!
      // Source columns that land inside the image.
      const first = Math.max(0, -shift)
      const last = Math.min(width, width - shift)
      for (const {from, to, step} of runs) {
        const source = y + step
        const start = Math.max(from, first)
        const end = Math.min(to, last)
        if (source < 0 || source >= height || start >= end) continue
        out.set(data.subarray(source * width + start, source * width + end), y * width + start + shift)
      }
    }
  })
  return {...image, data: out}
}

/** Runs [from, to) of equal values in `steps`. */
function runsOf(steps: Int32Array): Array<{from: number; to: number; step: number}> {
  const runs: Array<{from: number; to: number; step: number}> = []
  for (let x = 0; x < steps.length; x++) {
    const last = runs.at(-1)
    if (last !== undefined && last.step === steps[x]) last.to = x + 1
    else runs.push({from: x, to: x + 1, step: steps[x]!})
  }
  return runs
}
