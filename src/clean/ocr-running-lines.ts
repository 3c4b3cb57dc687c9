// Running heads and feet on OCR'd pages, where letter errors make the same printed line read
// differently page to page ("Wexmoor Borough ‘Council", "Wexmoor Borough Cavics"): compared fuzzily.
// Rules: only lines on OCR'd pages are marked, and only at the same edge (head with heads, foot
// with feet); the running line is one read the same (letters and spaces only, case ignored) at
// that edge on at least ANCHOR_PAGES pages and, counting the lines within a few edits of it, on
// enough pages — as many as an exact running line needs; a line within a few edits of it is marked.
// A heading printed once is never the running line. Short lines ("Agenda", "Appendix 1") are never
// matched fuzzily: a few edits turn one into another.
import type {Line} from '../tree/types.js'
import {withinEdits} from '../normalise/edit-distance.js'
import {mark} from './mark.js'

/** Fewest characters (letters and spaces) a line needs before it is matched fuzzily: below
 * this a couple of edits already make a different heading ("Appendix A" / "Appendices"). */
const MIN_FUZZY_CHARS = 16
/** Most edits accepted, as a share of the line's length: OCR of a clean scan gets most letters
 * right (a misread word is 3–6 edits in a 40–70 character head), while two different headings of
 * that length differ by more (one word swapped for another is ≥ 20%). */
const MAX_EDIT_SHARE = 0.15
/** Fewest pages the running line must be read alike on (letter errors vary page to page, so a
 * clean read repeats; headings that differ by a word, each printed once, never repeat). */
const ANCHOR_PAGES = 3
const LETTERS = 'abcdefghijklmnopqrstuvwxyz '

/** A distinct fuzzy key, the pages it stands on (at this edge), and its letter counts. */
interface KeyPages {
  key: string
  pages: Set<number>
  counts: Int16Array
}

/**
 * Marks lines on OCR'd pages that are close to lines at the same edge of enough pages.
 * @param perPage each page's lines at this edge
 * @param keys each line's fuzzy key (`ocrRunningKey`, taken before this round's exact marks)
 * @param ocr which pages were OCR'd
 * @param needed fewest pages the running line must stand on
 * @param kind what to mark the lines as
 * @returns how many lines it marked
 */
export function markOcrRunningLines(perPage: Line[][], keys: string[][], ocr: boolean[], needed: number,
  kind: 'running-head' | 'running-foot'): number {
  const distinct = keyPages(keys)
  const running = distinct.filter((entry) => entry.key.length >= MIN_FUZZY_CHARS && entry.pages.size >= ANCHOR_PAGES &&
    pagesCloseTo(entry, distinct) >= needed)
  if (!running.length) return 0
  let marked = 0
  perPage.forEach((lines, page) => {
    if (!ocr[page]) return
    lines.forEach((line, at) => {
      const key = keys[page]?.[at] ?? ''
      if (line.data.layer === 'furniture' || !running.some((entry) => isClose(entry, key))) return
      mark(line.data, kind)
      marked++
    })
  })
  return marked
}

/**
 * A line's fuzzy key: lower case, letters and single spaces only ("Wexmoor Borough ‘Council -
 * Page 3" → "wexmoor borough council page"); "" for "Agenda Item" stamps, which are never furniture.
 * @param text the line's text
 * @returns the key
 */
export function ocrRunningKey(text: string): string {
  if (/^\W*agenda\s+item\b/i.test(text)) return ''
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z]+/g, ' ').trim()
}

/** The distinct keys long enough to compare, with the pages each stands on. */
function keyPages(keys: string[][]): KeyPages[] {
  const byKey = new Map<string, KeyPages>()
  keys.forEach((pageKeys, page) => {
    for (const key of pageKeys) {
      if (key.length < MIN_FUZZY_CHARS * (1 - MAX_EDIT_SHARE)) continue
      const entry = byKey.get(key) ?? {key, pages: new Set<number>(), counts: letterCounts(key)}
      entry.pages.add(page)
      byKey.set(key, entry)
    }
  })
  return [...byKey.values()]
}

/** How many pages hold a key within the allowed edits of a running line's key (itself included). */
function pagesCloseTo(running: KeyPages, distinct: KeyPages[]): number {
  const pages = new Set<number>()
  for (const other of distinct) {
    if (isClose(running, other.key, other.counts)) for (const page of other.pages) pages.add(page)
  }
  return pages.size
}

/** A key within the allowed edits of the running line's key (edits allowed by its length). */
function isClose(running: KeyPages, key: string, counts?: Int16Array): boolean {
  if (!key) return false
  const max = Math.floor(running.key.length * MAX_EDIT_SHARE)
  if (Math.abs(running.key.length - key.length) > max) return false
  return countGap(running.counts, counts ?? letterCounts(key)) <= max && withinEdits(running.key, key, max)
}

function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(LETTERS.length)
  for (const c of key) {
    const at = LETTERS.indexOf(c)
    counts[at] = (counts[at] ?? 0) + 1
  }
  return counts
}

/** A lower bound of the edit distance from letter counts: each edit changes at most two counts by one. */
function countGap(a: Int16Array, b: Int16Array): number {
  let gap = 0
  for (let i = 0; i < a.length; i++) gap += Math.abs(a[i]! - b[i]!)
  return Math.ceil(gap / 2)
}
