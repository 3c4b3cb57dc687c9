// Where pages begin in a text export that lost its form feeds. OCR exports show three marks: a
// page's first line starts with exactly one space, pages are parted by runs of blank lines, and
// page stamps ("Page 2", "-1-", upside-down "6 abed") end pages. The marks are combined so one
// page break is never counted twice and no page is empty. Rules:
// - a line " X…" (one space, then a non-space) starts a page, when such lines are rare in the
//   file (at most MAX_SPACE_START_SHARE of its non-blank lines) and not next to another one
//   (a run of them is an indented list, as in markdown-like exports: indentation, not pages);
// - a run of MIN_BLANK_RUN or more blank lines starts a page at the next line, when the file
//   shows other page marks too (space starts or stamps), so ordinary spacing is not a break;
// - a stamp line ends its page, unless a page start follows within STAMP_LOOKAHEAD non-blank
//   lines (side stamps on slides are OCR'd a few lines before the page's end) or the stamp is
//   the first line of its page (a stamp at the head of the page).
// Every page therefore starts at a non-blank line.
import {normalisePageStamp} from '../normalise/page-stamp.js'

/** Above this share of non-blank lines, lines starting with one space are indentation, not page starts. */
const MAX_SPACE_START_SHARE = 0.1
/** Blank lines in a row (≥) that part two pages in OCR exports. */
const MIN_BLANK_RUN = 3
/** Non-blank lines (≤) between a stamp and the next page start for the two to mark one break. */
const STAMP_LOOKAHEAD = 4

/**
 * Finds the first line of every page.
 * @param lines the file's lines (no form feeds, no line endings)
 * @returns sorted indices into `lines` of each page's first line; [] when every line is blank
 */
export function textPages(lines: string[]): number[] {
  const first = lines.findIndex(isFilled)
  if (first === -1) return []
  const starts = new Set<number>([first])
  const spaceStarts = spaceStartLines(lines)
  const stamps = lines.flatMap((text, index) => isStampLine(text) ? [index] : [])
  for (const index of spaceStarts) starts.add(index)
  if (spaceStarts.some((index) => index !== first) || stamps.length > 0) {
    for (const index of blankRunStarts(lines)) starts.add(index)
  }
  for (const index of stampBreaks(lines, stamps, [...starts].sort(byNumber))) starts.add(index)
  return [...starts].sort(byNumber)
}

/** Lines starting with exactly one space, when that is rare enough in the file to mean a page start. */
function spaceStartLines(lines: string[]): number[] {
  const spaced = (index: number): boolean => /^ \S/.test(lines[index] ?? '')
  const found = lines.flatMap((_text, index) => spaced(index) ? [index] : [])
  const filled = lines.filter(isFilled).length
  if (found.length > filled * MAX_SPACE_START_SHARE) return []
  return found.filter((index) => !spaced(index - 1) && !spaced(index + 1))
}

/** First non-blank line after every run of MIN_BLANK_RUN blank lines. */
function blankRunStarts(lines: string[]): number[] {
  const out: number[] = []
  let blanks = 0
  lines.forEach(function each(text, index) {
    if (!isFilled(text)) {
      blanks++
      return
    }
    if (blanks >= MIN_BLANK_RUN) out.push(index)
    blanks = 0
  })
  return out
}

/** Page starts implied by stamps that no nearby page start already accounts for. */
function stampBreaks(lines: string[], stamps: number[], starts: number[]): number[] {
  const out: number[] = []
  for (const stamp of stamps) {
    const previous = Math.max(...starts.filter((start) => start <= stamp))
    const next = starts.find((start) => start > stamp) ?? lines.length
    const after = lines.slice(stamp + 1, next).filter(isFilled).length
    const before = lines.slice(previous, stamp).filter(isFilled).length
    const following = lines.findIndex((text, index) => index > stamp && isFilled(text))
    if (after > STAMP_LOOKAHEAD && before > 0 && following !== -1) out.push(following)
  }
  return out
}

/** A line that is nothing but a page stamp (bare numbers excluded: table cells print like that). */
function isStampLine(text: string): boolean {
  const stamp = normalisePageStamp(text)
  return stamp !== null && !stamp.bare
}

function isFilled(text: string): boolean {
  return text.trim() !== ''
}

function byNumber(a: number, b: number): number {
  return a - b
}
