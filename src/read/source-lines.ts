// Lines of a text source with their place (line, column, offset), and page-tree lines built from
// them with a unist position on every word, so warnings can point back into the source.
import type {Point, Position} from 'unist'
import {line, word} from '../tree/build.js'
import type {Line, Word} from '../tree/types.js'

/** One line of the source (without its line ending) and where its first character is. */
export interface SourceLine {
  text: string
  /** 1-based line number in the source. */
  line: number
  /** 1-based column of `text[0]` (1 unless a form feed was cut off the front). */
  column: number
  /** 0-based offset of `text[0]` in the (CRLF-normalised) source. */
  offset: number
}

/**
 * Splits a source into lines, keeping their places.
 * @param text the source with `\n` line endings
 * @returns one record per line
 */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  let offset = 0
  text.split('\n').forEach(function each(value, index) {
    out.push({text: value, line: index + 1, column: 1, offset})
    offset += value.length + 1
  })
  return out
}

/**
 * A page-tree line from part of a source line: words split on whitespace, each with its position.
 * @param source the source line
 * @param page 1-based page the line is on
 * @param from index in `source.text` where the part starts (a table cell); 0 for the whole line
 * @param to index where the part ends; the line's end when omitted
 * @returns the line, or null when the part holds no word
 */
export function sourceLine(source: SourceLine, page: number, from = 0, to = source.text.length): Line | null {
  const words: Word[] = []
  const pattern = /\S+/g
  const part = source.text.slice(from, to)
  for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
    const at = from + match.index
    const w = word(match[0], {page})
    w.position = {start: pointAt(source, at), end: pointAt(source, at + match[0].length)}
    words.push(w)
  }
  const first = words[0]
  const last = words[words.length - 1]
  if (!first?.position || !last?.position) return null
  const out = line(words, {page})
  out.position = {start: first.position.start, end: last.position.end} satisfies Position
  return out
}

function pointAt(source: SourceLine, index: number): Point {
  return {line: source.line, column: source.column + index, offset: source.offset + index}
}
