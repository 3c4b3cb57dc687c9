// Minute items: where each starts ("38. APOLOGIES…", "5 MINUTES…", an unnumbered heading), its
// title over wrapped lines, its body, and its number (recovered from detached numbers and sequence).
import {joinLines} from './lines.js'
import type {MinuteLine} from './minutes-lines.js'
import {attendanceLabel} from './minutes-attendance.js'
import {opensResolution} from './minutes-resolutions.js'

/** Largest step (≤) between consecutive minute numbers believed (items withdrawn or taken elsewhere). */
const MAX_NUMBER_STEP = 25
/** Share (≥) of capitals among a line's letters for it to count as an ALL-CAPS heading. */
const CAPS_SHARE = 0.8
/** Lines (≤) after a numbered paragraph in which the next number (mixed case) belongs to the same list, not a new item. */
const LIST_REACH = 15
/** Most words (≤) in an item title's first line. */
const MAX_TITLE_WORDS = 22
/** Most words (≤) in a mixed-case unnumbered title standing alone in its paragraph. */
const MAX_PLAIN_TITLE_WORDS = 10
/** Most lines (≤) a title wraps over. */
const MAX_TITLE_LINES = 4
/** Characters (≥) in a title line long enough to have wrapped at the margin. */
const WRAPPED_LINE_CHARS = 55

const NUMBERED = /^[-–—•·*~_'‘`]{0,2}\s*(?:(?:minute|item)\s+(?:no\.?\s*)?)?(\d{1,3})(?:\.\s*|:\s*|\s+)(\S.*)$/i
const ORPHAN = /^(?:(?:minute|item)\s+)?\d{1,3}\.?$/i
const ITEM_REF = /^\((?:agenda\s+)?(?:item|pages?)\s+[\w\s.–-]{1,12}\)$/i
const MONTH_START = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d/i
const CLOSING = /^(?:\(?(?:the\s+)?meeting\s+(?:[\w.:,]+\s+){0,8}?(?:ended|closed|finished|concluded|terminated|rose|was\s+closed)\b|(?:chair(?:man|woman|person)?|signed|date|mayor)\s*[:.]?\s*[._…\s]*$)/i
const NOT_TITLE = /^(?:(?:motion|amendment)\s+)?(?:carried|lost|defeated|withdrawn|fell)\b|^(?:(?:un)?restricted|exempt|confidential|open|closed|public|private)\s+(?:items?|business|session|minutes)$|^part\s+(?:[ab12]|one|two|i{1,2})$/i
const CONNECTOR_END = /(?:\b(?:and|or|of|the|in|for|to|on|with|by|a|an|be|from|at|into)|[-–—,&:/])$/i
const SENTENCE_START = /^(?:that|the\s+\w+\s+(?:resolved|noted|agreed|received|considered)|it\s+was)\b/i

/** True when most of a text's letters are capitals ("CHILDREN AND LEARNING - PERFORMANCE"). */
export function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length < 3) return false
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= CAPS_SHARE
}

/** True for a line that closes the minutes: "The meeting ended at 12:05pm.", a lone "Chair". */
export function isClosing(text: string): boolean {
  return CLOSING.test(text.trim())
}

/** True for a line that is only a number, as OCR leaves numbers split from their titles. */
export function isOrphanNumber(text: string): boolean {
  return ORPHAN.test(text.trim())
}

/** Numbered item starts: index → number, kept only while numbers rise in sequence. */
export function numberedStarts(lines: readonly MinuteLine[]): Map<number, string> {
  const out = new Map<number, string>()
  let last: number | null = null
  let listed: {value: number, index: number} | null = null
  lines.forEach(function check(entry, i) {
    const match = NUMBERED.exec(entry.text)
    if (!match) return
    const n = Number(match[1])
    const inList = listed !== null && n === listed.value + 1 && i - listed.index <= LIST_REACH && !isCaps(match[2]!)
    if (inList || !titleLike(match[2]!, entry, last === null || n === last + 1) || (last !== null && (n <= last || n - last > MAX_NUMBER_STEP))) {
      listed = {value: n, index: i}
      return
    }
    out.set(i, String(n))
    last = n
  })
  return out
}

/** A numbered line's text is a heading, not a sentence or a resolution point. */
function titleLike(rest: string, entry: MinuteLine, inSequence: boolean): boolean {
  if (!/^[\p{Lu}\d'‘"“(]/u.test(rest) || MONTH_START.test(rest) || SENTENCE_START.test(rest) || opensResolution(rest)) return false
  if (rest.split(/\s+/).length > MAX_TITLE_WORDS) return false
  if (isCaps(rest)) return entry.line.first || inSequence
  if (!entry.line.first) return false
  return !/[.;,:]$/.test(rest)
}

/** True for a line that can open an unnumbered item, given whether the minutes number theirs. */
export function unnumberedStart(entry: MinuteLine, capsOnly: boolean, plainAllowed: boolean, next?: MinuteLine, previous?: MinuteLine): boolean {
  const text = entry.text
  if (!/^[\p{Lu}'‘"“]/u.test(text) || opensResolution(text) || isClosing(text) || attendanceLabel(text)) return false
  if (isOrphanNumber(text) || ITEM_REF.test(text) || NOT_TITLE.test(text) || text.split(/\s+/).length > MAX_TITLE_WORDS) return false
  const caps = isCaps(text) && !/[.:]$/.test(text) && /\p{L}{3}/u.test(text) && !/^(?:draft\s+|printed\s+)?minutes$/i.test(text)
  if (!entry.line.first) return caps && /\s/.test(text) && /[.:;]$/.test(previous?.text ?? '') && !isCaps(next?.text ?? '')
  if (caps || isCaps(text)) return caps
  if (capsOnly || !plainAllowed) return false
  if (entry.line.blockType === 'heading' || entry.line.bold) return !/[.;:,]$/.test(text)
  return text.split(/\s+/).length <= MAX_PLAIN_TITLE_WORDS && !/[.;:,!?]$/.test(text) && bodyFollows(entry, next)
}

/** A plain title stands alone in its paragraph and running text follows it, not another short line. */
function bodyFollows(entry: MinuteLine, next: MinuteLine | undefined): boolean {
  if (!next || next.line.block === entry.line.block) return false
  return next.text.length >= WRAPPED_LINE_CHARS || /[.!?:]$/.test(next.text)
}

/** Index after the title's last line: wrapped lines of the same heading, "(Item 3)" references kept out. */
export function titleEnd(lines: readonly MinuteLine[], start: number): number {
  let end = start + 1
  const caps = isCaps(lines[start]!.text.replace(/^\d+\.?\s*/, ''))
  while (end < lines.length && end - start < MAX_TITLE_LINES && continuesTitle(lines[end - 1]!, lines[end]!, caps)) end++
  return end
}

function continuesTitle(previous: MinuteLine, next: MinuteLine, caps: boolean): boolean {
  const text = next.text
  if (opensResolution(text) || ITEM_REF.test(text) || isOrphanNumber(text) || NUMBERED.test(text) || attendanceLabel(text)) return false
  const sameBlock = next.line.block === previous.line.block
  const wrapped = previous.line.hyphenated !== null || CONNECTOR_END.test(previous.text)
  if (caps) return isCaps(text) && (sameBlock || wrapped)
  if (!sameBlock) return false
  if (previous.line.bold && next.line.x0 !== null) return next.line.bold
  return /^[a-z]/.test(text) || wrapped || previous.text.length >= WRAPPED_LINE_CHARS
}

/** The title text of lines [start, end): number, "(Item N)" and markdown marks taken off. */
export function titleText(lines: readonly MinuteLine[], start: number, end: number, numbered: boolean): string {
  const parts = lines.slice(start, end).map((entry) => ({...entry.line, text: entry.text}))
  const joined = joinLines(parts)
  const text = numbered ? joined.replace(NUMBERED, (_all, _n: string, rest: string) => rest) : joined
  return text.replace(/^#+\s*/, '').replace(/\s*\((?:agenda\s+)?item\s+\w{1,4}\)\s*$/i, '').replace(/\s+/g, ' ').trim()
}

/** True for a line left out of an item's text: a detached number or an "(Item 3)" reference. */
export function isNoise(text: string): boolean {
  return isOrphanNumber(text) || ITEM_REF.test(text)
}
