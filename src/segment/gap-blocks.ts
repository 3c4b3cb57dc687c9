// Parts blocks where a paragraph's spacing separates two of their lines: readers (OCR
// paragraphs especially) sometimes keep a heading, a list label and the next paragraph in one block.
import type {DocLine} from './lines.js'

/**
 * Line pitch (top to top) over the page's usual pitch inside blocks (>) that is a paragraph break:
 * single-spaced lines keep within 1.2 of it, a paragraph's space after (6–10 pt under 11 pt type)
 * makes 1.4–1.7. The usual pitch is first scaled to the type of the two lines (the smaller of
 * their heights), so a heading's wrapped lines in larger type are not parted.
 */
const BREAK_PITCH_SHARE = 1.35
/** Pitches inside blocks (≥) a page needs for its usual pitch to be known. */
const MIN_PITCH_SAMPLES = 4
/**
 * Without a usual pitch: the gap between two lines as a share of the words' height (>) that is a
 * paragraph break (single spacing leaves 0.2–0.5 of it).
 */
const BREAK_GAP_SHARE = 0.9

/** Median top and height of a line's word boxes. */
interface Band {
  top: number
  height: number
}

/** A page's usual line pitch inside blocks and the usual height of those lines' words. */
interface Usual {
  pitch: number
  height: number
}

/**
 * Renumbers the blocks of the lines (in place) so that a line whose space above is a paragraph
 * break opens a block of its own (`first` set); table rows are never parted.
 */
export function splitBlocksAtGaps(lines: DocLine[]): void {
  const bands = lines.map(wordBand)
  const pitches = usualPitches(lines, bands)
  const original = lines.map((line) => line.block)
  let block = -1
  lines.forEach(function renumber(line, i) {
    const sameBlock = i > 0 && original[i - 1] === original[i]
    if (!sameBlock || (line.cells === null && isBreak(bands[i - 1] ?? null, bands[i] ?? null, pitches.get(line.page) ?? null))) {
      block++
      if (sameBlock) line.first = true
    }
    line.block = block
  })
}

function isBreak(above: Band | null, below: Band | null, usual: Usual | null): boolean {
  if (!above || !below) return false
  if (usual !== null) {
    const type = Math.max(1, Math.min(above.height, below.height) / usual.height)
    return below.top - above.top > BREAK_PITCH_SHARE * usual.pitch * type
  }
  return below.top - (above.top + above.height) > BREAK_GAP_SHARE * Math.max(above.height, below.height)
}

/** The median top-to-top distance of consecutive lines inside a block and their median height, by page (pages with too few left out). */
function usualPitches(lines: readonly DocLine[], bands: ReadonlyArray<Band | null>): Map<number, Usual> {
  const byPage = new Map<number, {pitches: number[]; heights: number[]}>()
  lines.forEach(function sample(line, i) {
    const previous = lines[i - 1]
    const above = bands[i - 1]
    const below = bands[i]
    if (!previous || previous.block !== line.block || previous.page !== line.page || !above || !below) return
    const pitch = below.top - above.top
    if (pitch <= 0) return
    const samples = byPage.get(line.page) ?? {pitches: [], heights: []}
    samples.pitches.push(pitch)
    samples.heights.push(above.height, below.height)
    byPage.set(line.page, samples)
  })
  const out = new Map<number, Usual>()
  for (const [page, {pitches, heights}] of byPage) {
    if (pitches.length >= MIN_PITCH_SAMPLES) out.set(page, {pitch: median(pitches), height: median(heights)})
  }
  return out
}

/** Median top and height of a line's word boxes, or null without geometry (or for a table row). */
function wordBand(line: DocLine): Band | null {
  if (line.node.type !== 'line') return null
  const boxes = line.node.children.flatMap((word) => word.data.bbox && word.data.layer !== 'furniture' ? [word.data.bbox] : [])
  if (boxes.length === 0) return null
  return {top: median(boxes.map((box) => box[1])), height: median(boxes.map((box) => box[3] - box[1]))}
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
