// Where a pack's glossaries are: the parts of kind 'glossary' the parts segmenter found, and any
// "Glossary" / "Abbreviations" / "Jargon buster" heading elsewhere, each running to its part's end.
import type {Part} from '../compile/model.js'
import type {DocLine} from './lines.js'

/** One glossary's body lines (its heading left out). */
export interface GlossaryRegion {
  lines: DocLine[]
}

/** Words (≤) in a glossary heading. */
const MAX_HEADING_WORDS = 8
/** Lines (≤) from the top of a page in which a heading opens a new part (ends a glossary found by heading). */
const TOP_LINES = 4

/** The heading's own words, once "Appendix 2 –" and numbering are taken off. */
const GLOSSARY_WORDS = /^(?:[\p{L}'’&,-]+\s+){0,5}(?:glossary|jargon\s+buster)(?:\s+of\s+(?:terms|abbreviations|acronyms))?$|^(?:list\s+of\s+|key\s+to\s+)?(?:abbreviations|acronyms)(?:\s+(?:and|&)\s+(?:abbreviations|acronyms|terms|definitions))?(?:\s+used)?$|^(?:key\s+terms|terms\s+and\s+definitions|definitions\s+of\s+terms|glossary\s+and\s+abbreviations)$/iu
const APPENDIX_PREFIX = /^(?:appendix|annex|annexe|attachment|enclosure)\s+[\w.]{1,4}\s*[:.\-–—|]?\s*/i
const NUMBER_PREFIX = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+/i
/** Lines at the top of a page that open a new part of the pack. */
const PART_OPENING = /^(?:agenda\s+item\b|decision[-\s–]*maker\b|appendix\s+\w{1,4}\b|annex\s+\w{1,4}\b|(?:draft\s+|printed\s+)?minutes\b)/i

/** True when the line is a glossary heading ("Glossary of terms", "APPENDIX B: ABBREVIATIONS"). */
export function isGlossaryHeading(line: DocLine): boolean {
  const text = line.text.trim()
  if (/[.;,:]$/.test(text) || /https?:|www\./i.test(text)) return false
  const numbered = NUMBER_PREFIX.test(text)
  if (numbered && line.blockType !== 'heading') return false
  const core = text.replace(APPENDIX_PREFIX, '').replace(NUMBER_PREFIX, '').trim()
  if (!core || core.split(/\s+/).length > MAX_HEADING_WORDS || !GLOSSARY_WORDS.test(core)) return false
  return line.blockType === 'heading' || line.bold || line.first || line.cells !== null
}

/**
 * The glossaries of the pack, in reading order.
 * @param lines all body lines of the pack
 * @param parts the parts found so far ([] when the parts segmenter found none)
 */
export function glossaryRegions(lines: readonly DocLine[], parts: readonly Part[]): GlossaryRegion[] {
  const regions: GlossaryRegion[] = []
  const taken = new Set<number>()
  for (const part of parts) {
    if (part.kind !== 'glossary') continue
    const body = lines.filter((line) => line.page >= part.pages.from && line.page <= part.pages.to)
    const heading = body.findIndex(isGlossaryHeading)
    const from = heading !== -1 && heading < TOP_LINES * 2 ? heading + 1 : 0
    for (const line of body) taken.add(line.index)
    regions.push({lines: body.slice(from)})
  }
  for (const line of lines) {
    if (taken.has(line.index) || !isGlossaryHeading(line)) continue
    const end = regionEnd(lines, line, parts)
    const body = lines.slice(line.index + 1, end).filter((next) => !taken.has(next.index))
    for (const next of body) taken.add(next.index)
    regions.push({lines: body})
  }
  return regions.sort((a, b) => (a.lines[0]?.index ?? 0) - (b.lines[0]?.index ?? 0))
}

/** Index (exclusive) where a section found by its heading ends: its part's end, or the next part's opening. */
export function regionEnd(lines: readonly DocLine[], heading: DocLine, parts: readonly Part[]): number {
  const part = parts.find((p) => heading.page >= p.pages.from && heading.page <= p.pages.to)
  if (part) {
    const after = lines.findIndex((line) => line.page > part.pages.to)
    return after === -1 ? lines.length : after
  }
  for (let index = heading.index + 1; index < lines.length; index++) {
    const line = lines[index]!
    if (line.page === heading.page) continue
    if (opensPart(lines, index)) return index
  }
  return lines.length
}

/** True when `index` is among the first lines of its page and opens a new part of the pack. */
function opensPart(lines: readonly DocLine[], index: number): boolean {
  const line = lines[index]!
  const before = lines.slice(Math.max(0, index - TOP_LINES), index).filter((other) => other.page === line.page)
  if (before.length >= TOP_LINES) return false
  return PART_OPENING.test(line.text.trim()) && line.text.trim().split(/\s+/).length <= MAX_HEADING_WORDS
}
