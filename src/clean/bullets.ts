// Marks bullet glyphs at line starts as furniture, including the debris OCR makes of them
// ("e ", "¢ ", "o ", "»", "«", "="), without touching real words ("e-mail", "e.g.", a lone "o").
// Rules for the first body word of a line:
// - a bullet glyph (•, ·, ▪, ●, ◦, ■, ➢ … and Wingdings private-use characters) is always one;
// - a dash or asterisk (-, –, *) is one when a word follows on the line;
// - OCR debris (e, o, ¢, », «, =) is one when a word follows that starts with a capital, digit,
//   quote or bracket, or, for any following word, when the block is a list item or the same
//   debris starts a line followed by a capital elsewhere on the page (a list OCR'd the same way).
import type {VFile} from 'vfile'
import type {Line, Page, Root, Word} from '../tree/types.js'
import {eachLine, eachLineHolder} from '../tree/walk.js'
import {mark} from './mark.js'

const GLYPH = /^(?:[•·▪▫●◦■□‣⁃➢➤►▶✓✔❖◆◇○]|[\uf000-\uf0ff])$/u
const DASH = /^[-–*]$/
const DEBRIS = /^[eo¢»«=]$/
/** What a list item's first word looks like right after the bullet: "Regular", "2020", "‘Love", "(i)". */
const ITEM_START = /^[\p{Lu}\p{N}"'“‘(|[]/u

/**
 * Marks bullet glyphs and OCR bullet debris starting lines as furniture `bullet`.
 * @param tree the page tree (marks set in place)
 * @param _file the file (unused)
 */
export function cleanBullets(tree: Root, _file?: VFile): void {
  for (const page of tree.children) {
    const confirmed = confirmedDebris(page)
    eachLineHolder(page, function each(holder) {
      for (const line of holder.children) markLine(line, holder.type === 'listItem', confirmed)
    })
  }
}

function markLine(line: Line, inList: boolean, confirmed: Set<string>): void {
  if (line.data.layer === 'furniture') return
  const [first, next] = bodyWords(line)
  if (!first) return
  const value = first.value
  const bullet = GLYPH.test(value) ||
    (next !== undefined && DASH.test(value)) ||
    (next !== undefined && DEBRIS.test(value) && (ITEM_START.test(next.value) || inList || confirmed.has(value)))
  if (bullet) mark(first.data, 'bullet')
}

/** Debris glyphs that start, on this page, a line whose next word looks like an item start. */
function confirmedDebris(page: Page): Set<string> {
  const out = new Set<string>()
  eachLine(page, function each(line) {
    const [first, next] = bodyWords(line)
    if (first && next && DEBRIS.test(first.value) && ITEM_START.test(next.value)) out.add(first.value)
  })
  return out
}

/** The first two body words of a line. */
function bodyWords(line: Line): Word[] {
  return line.children.filter((w) => w.data.layer !== 'furniture' && w.value !== '').slice(0, 2)
}
