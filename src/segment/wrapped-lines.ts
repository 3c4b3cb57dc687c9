// Finds printed lines that are only the wrapped end of the line before (a long line the printer
// broke at the right margin), from word positions: the next line's first word would not have fitted.
import type {DocLine} from './lines.js'
import {boxedWords} from './tracker-columns.js'

/** Width of the space between words, as a share of the word height. */
const SPACE_SHARE = 0.3

/**
 * Whether `line` continues `previous` on the next printed line because it was wrapped: both on
 * the same page, one under the other, starting at the same left edge, and the first word of
 * `line` would have run past `measure` (the right edge of the page's text) had it been set on
 * `previous`. False without word positions.
 */
export function isWrapped(previous: DocLine, line: DocLine, measure: number): boolean {
  if (previous.page !== line.page || previous.x0 === null || line.x0 === null) return false
  const before = boxedWords(previous)
  const first = boxedWords(line)[0]
  const last = before[before.length - 1]
  if (!first || !last) return false
  const box = first.data.bbox!
  const height = Math.max(box[3] - box[1], 1)
  if (Math.abs(line.x0 - previous.x0) > height || box[1] < last.data.bbox![3] - height / 2) return false
  return last.data.bbox![2] + SPACE_SHARE * height + (box[2] - box[0]) > measure
}

/** The right edge of the text of each page (the widest line's end), for {@link isWrapped}. */
export function pageMeasures(lines: readonly DocLine[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const line of lines) {
    const words = boxedWords(line)
    const right = words[words.length - 1]?.data.bbox?.[2]
    if (right !== undefined) out.set(line.page, Math.max(out.get(line.page) ?? 0, right))
  }
  return out
}

/**
 * Joins each wrapped continuation to the line it continues.
 * @returns the text of each logical line, with the printed line it starts on
 */
export function unwrapLines(lines: readonly DocLine[]): Array<{text: string; line: DocLine}> {
  const measures = pageMeasures(lines)
  const out: Array<{text: string; line: DocLine}> = []
  let previous: DocLine | null = null
  for (const line of lines) {
    const last = out[out.length - 1]
    if (previous && last && isWrapped(previous, line, measures.get(line.page) ?? Infinity)) last.text += ` ${line.text}`
    else out.push({text: line.text, line})
    previous = line
  }
  return out
}
