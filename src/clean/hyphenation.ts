// Joins words broken at line ends: marks the line `hyphenated: 'drop'` ("recom-" + "mendation" →
// "recommendation") or `'keep'` ("self-" + "evaluation" → "self-evaluation"); to-text does the join.
// Rule, for a line whose last body word ends in letter + "-" and the next body line of the block:
// - next line starts with a capital or digit ("Anglo-" "Saxon", "COVID-" "19") → keep;
// - next line starts lower-case: the file's own words decide first — the hyphenated form seen
//   elsewhere → keep, the joined form seen elsewhere → drop; otherwise a compound prefix
//   (self, non, co, multi, cross, well, part, full, long, short, …) → keep, and inter/pre/re/de
//   before a vowel ("inter-agency", "pre-existing") → keep; anything else → drop.
// Lines starting with anything else (a dash, a bracket) are not joined.
import type {VFile} from 'vfile'
import type {Line, Root, Word} from '../tree/types.js'
import {eachLine, eachLineHolder} from '../tree/walk.js'

/** First parts of compounds that keep their hyphen when broken at a line end. */
const COMPOUND_PREFIXES = new Set([
  'self', 'non', 'co', 'multi', 'cross', 'well', 'part', 'full', 'long', 'short', 'half', 'ex',
  'anti', 'semi', 'quasi', 'cost', 'high', 'low', 'mid', 'all', 'post', 'under', 'over', 'one',
  'two', 'three', 'four', 'five', 'first', 'second', 'third', 'year', 'face', 'front', 'place',
  'age', 'child', 'family', 'socio', 'inner', 'out', 'step', 'sub', 'pan', 'tri', 'bi', 'in'
])
/** Prefixes that keep their hyphen only before a vowel ("re-enter", "inter-agency"). */
const VOWEL_PREFIXES = new Set(['inter', 'pre', 're', 'de', 'intra', 'extra', 'ultra', 'micro', 'macro'])
const BROKEN = /\p{L}-$/u

/**
 * Marks hyphenated line ends in every block of the tree.
 * @param tree the page tree (line marks set in place)
 * @param _file the file (unused)
 */
export function cleanHyphenation(tree: Root, _file?: VFile): void {
  const vocabulary = collectVocabulary(tree)
  eachLineHolder(tree, function each(holder) {
    const lines = holder.children.filter((line) => bodyWords(line).length > 0)
    lines.forEach(function pair(line, index) {
      const next = lines[index + 1]
      if (!next) return
      const decision = decide(bodyWords(line), bodyWords(next), vocabulary)
      if (decision) line.data.hyphenated = decision
      else delete line.data.hyphenated
    })
  })
}

/** 'drop', 'keep', or null when the line end is not a broken word. */
function decide(words: Word[], nextWords: Word[], vocabulary: Set<string>): 'drop' | 'keep' | null {
  const last = words[words.length - 1]?.value ?? ''
  const first = nextWords[0]?.value ?? ''
  if (!BROKEN.test(last) || !/^[\p{L}\p{N}]/u.test(first)) return null
  if (!/^\p{Ll}/u.test(first)) return 'keep'
  const head = bare(last.slice(0, -1).split(/[-/]/).pop() ?? '')
  const tail = bare(first.split(/[-/]/)[0] ?? '')
  if (vocabulary.has(`${head}-${tail}`)) return 'keep'
  if (vocabulary.has(head + tail)) return 'drop'
  if (COMPOUND_PREFIXES.has(head)) return 'keep'
  return VOWEL_PREFIXES.has(head) && /^[aeiou]/.test(tail) ? 'keep' : 'drop'
}

/** Every body word of the tree, lower-cased, without surrounding punctuation. */
function collectVocabulary(tree: Root): Set<string> {
  const out = new Set<string>()
  eachLine(tree, function each(line) {
    for (const w of line.children) if (w.data.layer !== 'furniture') out.add(bare(w.value))
  })
  return out
}

function bare(value: string): string {
  return value.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}

function bodyWords(line: Line): Word[] {
  if (line.data.layer === 'furniture') return []
  return line.children.filter((w) => w.data.layer !== 'furniture' && w.value !== '')
}
