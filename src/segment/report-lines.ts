// Officer reports read line by line: body lines with list numbers put back, table bars dropped,
// OCR junk lines left out and words OCR broke over two blocks ("Executi" / "ve Director") rejoined.
import type {ListItem, Root} from '../tree/types.js'
import {documentLines, type DocLine} from './lines.js'
import {matchLabel} from './report-labels.js'

/** One line of a report as the report segmenter reads it. */
export interface ReportLine {
  /** Cleaned text: list number restored ("1. …"), "|" cell bars turned into spaces. */
  text: string
  page: number
  /** Global block index; a new block is a new paragraph of the source. */
  block: number
  blockType: DocLine['blockType']
  /** First / last line of its block. */
  first: boolean
  last: boolean
  /** The line starts a bulleted (not numbered) list item. */
  bullet: boolean
  hyphenated: DocLine['hyphenated']
  /** Table rows keep their cells (reports skip tables in paragraphs). */
  cells: string[] | null
}

/** Longest line (characters) that can be a broken-off word fragment such as "Executi" or "Other L". */
const FRAGMENT_MAX_CHARS = 20
/** Longest start (letters) of the next line that can be the rest of a broken word ("ve", "egal"). */
const FRAGMENT_TAIL_MAX = 4
/** Longest line (characters) dropped as OCR junk wherever it stands when it holds no word of 3 letters ("ib", "#4"). */
const JUNK_ANYWHERE_MAX_CHARS = 3
/** Longest one-line block (characters) that is dropped as OCR junk when it holds no real word. */
const JUNK_MAX_CHARS = 14

/** A list marker that is a number or letter ("1.", "(ii)", "a)"), not a bullet glyph. */
const ORDINAL_MARKER = /^(?:\(?[\p{L}\p{N}]{1,5}[.)\]]|\([\p{L}\p{N}]{1,5}\)|[\p{N}]+(?:\.[\p{N}]+)+)$/u
/** Words that are whole values though short: never junk. */
const SHORT_VALUES = /^(?:none\.?|no|yes|nil|n\/a|tbc|all|\d+(?:\.\d+)*\.?|\(?[ivx]+\)|\([a-z0-9]\))$/i

/** The report-ready lines of the whole tree (cached per tree through documentLines). */
export function reportLines(tree: Root): ReportLine[] {
  const markers = listMarkers(tree)
  const out: ReportLine[] = []
  const lines = documentLines(tree)
  lines.forEach((line, i) => {
    const next = lines[i + 1]
    const last = !next || next.block !== line.block
    const made = toReportLine(line, last, markers)
    if (made && !isJunk(made)) out.push(made)
  })
  return repairSplitLabels(repairFragments(out))
}

/** A list item's marker, keyed by each of its lines; `first` marks the line the marker stands before. */
interface Marker {
  marker: string
  ordinal: boolean
  first: boolean
}

function listMarkers(tree: Root): WeakMap<object, Marker> {
  const out = new WeakMap<object, Marker>()
  for (const page of tree.children) {
    for (const block of page.children) {
      if (block.type !== 'listItem') continue
      const item = block as ListItem
      const marker = item.marker?.trim() ?? ''
      const ordinal = ORDINAL_MARKER.test(marker)
      item.children.forEach((line, i) => out.set(line, {marker, ordinal, first: i === 0}))
    }
  }
  return out
}

function toReportLine(line: DocLine, last: boolean, markers: WeakMap<object, Marker>): ReportLine | null {
  const mark = markers.get(line.node)
  let text = line.text.replace(/\s*\|\s*/g, ' ').replace(/^[.·»«]\s+/, '').replace(/\s+/g, ' ').trim()
  if (mark?.ordinal && mark.first && !text.startsWith(mark.marker)) text = `${mark.marker} ${text}`
  if (!text) return null
  return {
    text, page: line.page, block: line.block, blockType: line.blockType, first: line.first, last,
    bullet: mark !== undefined && mark.first && !mark.ordinal, hyphenated: line.hyphenated, cells: line.cells
  }
}

/** A short one-line block with no real word in it ("T Myb J", "S 3{'"), as OCR leaves from stamps and logos. */
function isJunk(line: ReportLine): boolean {
  if (SHORT_VALUES.test(line.text)) return false
  if (line.text.length <= JUNK_ANYWHERE_MAX_CHARS && !/\p{L}{3,}/u.test(line.text)) return true
  if (!line.first || !line.last || line.text.length > JUNK_MAX_CHARS) return false
  return !/\p{L}{4,}|\p{N}{2,}/u.test(line.text)
}

/** Rejoins a word OCR split into two blocks: "Executi" + "ve Director", "REASO" + "NS FOR …", "LEGAL" + "IMPLICATIONS". */
function repairFragments(lines: ReportLine[]): ReportLine[] {
  return mergeAdjacent(lines, function fragment(a, b) {
    const glue = fragmentGlue(a, b)
    return glue === null ? null : {...b, text: a.text + glue + b.text, first: true}
  })
}

/** Walks the lines in pairs: where `merge` gives a line, it replaces both; otherwise the first stays. */
function mergeAdjacent(lines: ReportLine[], merge: (a: ReportLine, b: ReportLine) => ReportLine | null): ReportLine[] {
  const out: ReportLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i] as ReportLine
    const b = lines[i + 1]
    const merged = b ? merge(a, b) : null
    if (merged) {
      out.push(merged)
      i++
    } else out.push(a)
  }
  return out
}

function fragmentGlue(a: ReportLine, b: ReportLine): string | null {
  if (!a.first || !a.last || !b.first || a.text.length > FRAGMENT_MAX_CHARS) return null
  if (a.text.split(' ').length > 2 || !/\p{L}$/u.test(a.text)) return null
  const tail = /^(\p{Ll}+)/u.exec(b.text)
  if (tail && (tail[1] as string).length <= FRAGMENT_TAIL_MAX && !SHORT_VALUES.test(a.text)) return ''
  if (!isUpper(a.text) || !isUpper(b.text)) return null
  if (knownJoin(a.text + b.text)) return ''
  if (knownJoin(`${a.text} ${b.text}`) && !knownJoin(a.text)) return ' '
  return null
}

function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text.replace(/\(.*\)/, ''))
}

/** Template headings a split all-capitals line can make when rejoined. */
const JOINABLE = /^(?:reasons for report recommendations|resource implications|legal implications|risk management implications|policy framework implications|alternative options considered and rejected|statement of confidentiality|brief summary|contact details|supporting documentation|recommendations:?|decision-maker:.*|key decision\?.*|wards\/communities affected:.*|report of:.*|date of decision:.*)$/i

function knownJoin(text: string): boolean {
  return JOINABLE.test(text.trim())
}

/** Joins report lines into running text, honouring hyphenation marks ("recom-" + "mendation"). */
export function joinReportLines(lines: readonly ReportLine[]): string {
  let out = ''
  let glue = ''
  for (const line of lines) {
    const text = line.hyphenated === 'drop' ? line.text.replace(/-$/, '') : line.text
    out += (out ? glue : '') + text
    glue = line.hyphenated ? '' : ' '
  }
  return out.replace(/\s+/g, ' ').trim()
}

/** Most leading words of a line that may be the first half of a label split around its value. */
const SPLIT_LABEL_WORDS = 3

/**
 * Mends a label split around its value by a table cell: "STATEMENT OF Not applicable" then
 * "CONFIDENTIALITY:" becomes "STATEMENT OF CONFIDENTIALITY: Not applicable".
 */
function repairSplitLabels(lines: ReportLine[]): ReportLine[] {
  return mergeAdjacent(lines, function label(a, b) {
    const mended = splitLabel(a, b)
    return mended ? {...a, text: mended} : null
  })
}

function splitLabel(a: ReportLine, b: ReportLine): string | null {
  if (matchLabel(a.text) || !/^[\p{Lu}\s/-]+:?$/u.test(b.text) || b.text.split(' ').length > 2) return null
  const words = a.text.split(' ')
  for (let n = 1; n <= SPLIT_LABEL_WORDS && n < words.length; n++) {
    const head = words.slice(0, n).join(' ')
    if (!/^[\p{Lu}\s/-]+$/u.test(head)) break
    const label = `${head} ${b.text.replace(/:$/, '')}:`
    const found = matchLabel(label)
    if (found && !found.value) return `${label} ${words.slice(n).join(' ')}`
  }
  return null
}
