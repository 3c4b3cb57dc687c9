// What a report line is: a cover-sheet label (DECISION-MAKER:, SUBJECT:, From:/To: …), a section
// heading (template, capitals, numbered), a sub-heading, or text; tolerant of OCR spacing and case.
import type {ReportLine} from './report-lines.js'

/** The cover-sheet rows and sections a report segmenter reads. */
export type LabelKey = 'decisionMaker' | 'subject' | 'dateOfDecision' | 'reportOf' | 'from' | 'to'
  | 'contacts' | 'confidentiality' | 'classification' | 'briefSummary' | 'recommendations' | 'keyDecision'
  | 'wardsAffected' | 'supporting' | 'appendices' | 'dateOfReport' | 'end'

/** A label found at the start of a line, and the text after it. */
export interface LabelMatch {
  key: LabelKey
  value: string
}

/** Labels in the order they are tried; each regex matches the label at the start of the line. */
const LABELS: Array<[LabelKey, RegExp]> = [
  ['decisionMaker', /^decision[\s-]*maker\s*[:|;]?/i],
  ['dateOfDecision', /^(?:date\s+of\s+decision|date\s+of\s+meeting|meeting\s+date)\s*[:|;]?/i],
  ['dateOfReport', /^(?:date\s+of\s+report|report\s+date)\s*[:|;]/i],
  ['subject', /^(?:subject|title\s+of\s+report|report\s+title)\s*(?:[:|;]|$)/i],
  ['reportOf', /^report(?:ing)?\s+(?:of|by|from)\s*[:|;]?/i],
  ['from', /^from\s*:/i],
  ['to', /^to\s*:/i],
  ['contacts', /^contact\s+(?:details|officers?)\s*(?::|$)/i],
  ['confidentiality', /^statement\s+of\s+confidentiality\s*:?/i],
  ['classification', /^classification\s*:/i],
  ['briefSummary', /^(?:brief|executive)\s+summary\s*:?|^summary\s*(?::|$)/i],
  ['recommendations', /^recommendations?(?:\s*\(s\))?\s*(?::|$)/i],
  ['keyDecision', /^key\s+decision\s*\??\s*[:|;]?/i],
  ['wardsAffected', /^(?:wards?(?:\s*\/\s*communities)?\s+affected|electoral\s+divisions?(?:\s+affected)?|divisions?\s+affected)\s*[:|;]?/i],
  ['supporting', /^supporting\s+documentation\b/i],
  ['appendices', /^(?:list\s+of\s+)?appendices\s*:?$/i],
  ['end', /^(?:documents\s+in\s+members['’]?\s+rooms?|equality\s+(?:and\s+safety\s+)?impact\s+assessment|data\s+protection\s+impact\s+assessment|(?:other\s+)?background\s+(?:papers|documents)|title\s+of\s+background)\b/i]
]

/** Labels whose value sits on their own line ("DECISION-MAKER: Cabinet"), not a section below. */
export const VALUE_LABELS: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'decisionMaker', 'subject', 'dateOfDecision', 'dateOfReport', 'reportOf', 'from', 'to', 'classification', 'keyDecision', 'wardsAffected'
])

/** The label starting `text`, or null. A numbered heading ("12. Appendices") counts too. */
export function matchLabel(text: string): LabelMatch | null {
  const bare = text.replace(OCR_DEBRIS, '').replace(/^\d{1,2}\.\s+/, '')
  for (const [key, pattern] of LABELS) {
    const found = pattern.exec(bare)
    if (found) return {key, value: cleanValue(bare.slice(found[0].length))}
  }
  return null
}

/** Quotes and specks OCR puts before a line's first word ("‘DATE OF DECISION", "‘1... The"). */
export const OCR_DEBRIS = /^[‘’'"“”`.,~_|]+\s*(?=[\p{Lu}\p{N}])/u

/** Trims label debris (":", "|", "?"), a stray OCR speck before the value ("i Youth …", "‘ Director …") and spaces. */
export function cleanValue(text: string): string {
  return text.replace(/^[\s:;|?]+/, '').replace(/^(?:[‘’'"“”`.,~_|]+|\p{Ll})\s+(?=\p{Lu})/u, '').replace(/\s+/g, ' ').trim()
}

/** Template section headings of UK officer reports (and common ones of other councils). */
const MAJOR = /^(?:reasons\s+for\s+(?:report\s+)?recommendations?|alternative\s+options.*|detail\b.*|(?:[\w/&-]+\s+){0,3}implications?|consultation\b.*|background(?:\s+and\s+context)?|introduction|conclusions?|purpose(?:\s+of\s+(?:the\s+)?report)?|options(?:\s+considered.*)?|next\s+steps|key\s+considerations|governance|summary|financial\s+(?:comments|position)|legal\s+comments|equality\s+analysis)$/i
/** Sub-headings inside a template section: never a section of their own. */
const MINOR = /^(?:capital\s*\/\s*revenue(?:\s*\/\s*property\s*\/\s*other)?|property\s*\/\s*other|statutory\s+power\s+to\s+undertake\s+proposals\s+in\s+the\s+report|other\s+legal\s+implications)\s*:?$/i
/** Short values that are text, never headings. */
const VALUE_WORDS = /^(?:none|not\s+applicable|n\/a|nil|no|yes|tbc|all(?:\s+wards)?)\.?$/i
/** A lettered point ("A. AGREE …", "b) To …"), never a heading. */
const POINT_START = /^[A-Za-z]{1,4}[.)]\s/
/** Most words a heading has. */
const HEADING_MAX_WORDS = 12
/** Most characters a heading has. */
const HEADING_MAX_CHARS = 90
/** Fewest letters an all-capitals line needs to be a heading. */
const CAPS_MIN_LETTERS = 6

/**
 * What kind of heading a line is: 'major' (a template section), 'minor' (a heading that is a section
 * unless the report uses capitals for its sections), 'sub' (a template sub-heading), or null (text).
 */
export function headingKind(line: ReportLine): 'major' | 'minor' | 'sub' | null {
  const text = line.text.replace(/\s*:$/, '').trim()
  if (!text || line.bullet || VALUE_WORDS.test(text) || /^\d/.test(text) || /^[(\[]/.test(text) || POINT_START.test(text)) return null
  if (text.split(' ').length > HEADING_MAX_WORDS || text.length > HEADING_MAX_CHARS) return null
  if (MINOR.test(text)) return 'sub'
  if (MAJOR.test(text)) return 'major'
  if (isCapitals(text)) return 'major'
  if (!/^[\p{Lu}'‘"“]/u.test(text) || /[.,;]$/.test(text) || /:\s+\S/.test(line.text)) return null
  if (line.text.endsWith(':') && line.blockType !== 'heading') return null
  const alone = line.blockType === 'heading' || (line.first && line.last)
  return alone ? 'minor' : null
}

/** All capitals outside brackets: "DETAIL (Including consultation carried out)". */
export function isCapitals(text: string): boolean {
  const outside = text.replace(/\([^)]*\)/g, '')
  const letters = outside.replace(/[^\p{L}]/gu, '')
  return letters.length >= CAPS_MIN_LETTERS && !/\p{Ll}/u.test(outside)
}
