// Puts an indicator name back together from the lines it wraps over and, for OCR text, drops the
// debris scanning leaves at line ends ("Number of @", "contacts =", "month w*"), conservatively.

/** An OCR'd name part needs this many letters, or a digit, to be kept (OCR specks such as "\J" are not). */
const MIN_PART_LETTERS = 3
/** Letters that are words on their own and may end or start a wrapped line. */
const ONE_LETTER_WORDS = new Set(['a', 'A', 'I'])
/** A word made only of these marks is scan dirt, not content (unlike "&", "%", "(£)"). */
const JUNK_WORD = /^[@=_|~`^*\\'"‘’“”,.;:!?<>{}[\]«»¢§#•]+$/
/** A word OCR made of scan dirt between cells ("~~", "."): marks only, but no "|" (a table rule parts cells). */
export function isScanDirt(word: string): boolean {
  return JUNK_WORD.test(word) && !word.includes('|')
}

/** Dots or quotes run into a dash (".-", "-'"): scan dirt, unlike a dash between words. */
const DASH_DIRT = /^(?:[.,:;'"‘’`~_=]+[-–—]+|[-–—]+[.,:;'"‘’`~_=]+)$/
/** The marks of a junk word, anywhere in a word. */
const JUNK_MARKS = /[@=_|~`^*\\'"‘’“”,.;:!?<>{}[\]«»¢§#•]/g
/** A colon OCR read from a speck after a name line's last word, where the next line runs on in lower case (a comma there is printed). */
const SPECK_MARK_END = /(?<=\p{L})[:;]$/u
/** A word a name puts before a number, run into it ("per10,000", "within12"): never one word, always two. */
const GLUED_NUMBER = /\b(per|within|under|over|aged)(?=\d)/gi

/**
 * Joins name parts; a part ending in a word broken by a hyphen runs on ("re-" + "referrals" → "re-referrals").
 * @param parts the lines of the name in order
 * @param ocr true when the lines are OCR text: then debris at the ends of each line is dropped
 */
export function tidyName(parts: string[], ocr = true): string {
  let out = ''
  const kept = parts.map((part) => (ocr ? tidyPart(part) : part.trim())).filter(Boolean)
  for (const [index, part] of kept.entries()) {
    if (ocr && (!enoughLetters(part) || strayBracket(part, kept.slice(0, index)))) continue
    if (ocr && /^\p{Ll}/u.test(part)) out = out.replace(SPECK_MARK_END, '') // "re-referrals:" + "within 1 year"
    out = !out ? part : /\p{L}-$/u.test(out) ? out + part : `${out} ${part}`
  }
  const name = out.replace(/\s+/g, ' ').replace(GLUED_NUMBER, '$1 ').trim()
  return ocr ? withMarksMended(name) : name
}

/**
 * An OCR'd name with the marks OCR misread put right: "9% of" → "% of", "more”" → "more" (brackets:
 * kpi-mend-marks.ts), and a footnote mark OCR read as a plain figure after a closing bracket dropped
 * ("CCE (case note) 2" for "CCE (case note)²").
 */
function withMarksMended(name: string): string {
  return name.replace(MISREAD_PERCENT_START, '%').replace(UNOPENED_QUOTE_END, '$1').replace(FOOTNOTE_MARK_END, ')')
}

/** A single figure after a name's closing bracket: its footnote mark, which OCR reads as a plain figure. */
const FOOTNOTE_MARK_END = /\)\s*[1-9]$/


/** A closing quote OCR read from a speck after a name's last word, no quote having opened ("or more”"). */
const UNOPENED_QUOTE_END = /^(?![^]*[“"‘'][^]*.$)([^]*?\p{L})[”"’']+$/u

/** A name opening with a percent sign OCR read with a digit before it ("9% of children"): no indicator opens with a figure. */
const MISREAD_PERCENT_START = /^\d{1,2}%(?=\s+\p{Ll})/u

/** Enough letters or a digit, or a line a name opens with a percent sign ("% of", "% or"). */
function enoughLetters(part: string): boolean {
  return (part.match(/\p{L}/gu)?.length ?? 0) >= MIN_PART_LETTERS || /\d/.test(part) || /^%\s?\p{L}{2}/u.test(part)
}

/** An opening quote OCR reads from a speck before a word ('"assessments', "‘Southampton") when the text holds no other quote. */
const STRAY_OPEN_QUOTE = /^["'‘’“”`]+(?=\p{L})/u

/** A line of a name without the debris words at its start and end, nor a stray quote before its first word. */
function tidyPart(part: string): string {
  const trimmed = part.trim()
  const text = STRAY_OPEN_QUOTE.test(trimmed) && !/["'‘’“”`]/.test(trimmed.replace(STRAY_OPEN_QUOTE, '')) ? trimmed.replace(STRAY_OPEN_QUOTE, '') : trimmed
  const words = text.split(/\s+/).filter(Boolean)
  while (words.length && isDebris(words[0]!)) words.shift()
  while (words.length && isDebris(words[words.length - 1]!)) words.pop()
  return words.join(' ')
}

/** A word OCR made of dirt: symbols only ("@", "=", "_"), or one letter that is no word, alone or among symbols ("w", "O", "w*"). */
export function isDebris(word: string): boolean {
  if (JUNK_WORD.test(word) || DASH_DIRT.test(word)) return true
  const letter = word.replace(JUNK_MARKS, '')
  return letter.length === 1 && /\p{L}/u.test(letter) && !ONE_LETTER_WORDS.has(letter)
}

/** A one-word line closing a bracket nothing opened ("jab)") is debris, not part of the name. */
function strayBracket(part: string, before: string[]): boolean {
  if (/\s/.test(part) || !part.includes(')') || /[([]/.test(part)) return false
  return !before.some((p) => p.includes('('))
}

/** A title without symbol debris at its ends ("Management Support for better Practice _"). */
export function tidyTitle(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const junk = (word: string): boolean => JUNK_WORD.test(word)
  while (words.length && junk(words[0]!)) words.shift()
  while (words.length && junk(words[words.length - 1]!)) words.pop()
  return words.join(' ').replace(GLUED_QUARTER, '$1 $2')
}

/** "Quarter 12024/25": OCR lost the space between a quarter's number and its year. */
const GLUED_QUARTER = /\b((?:Q|Quarter\s?)[1-4])((?:19|20)\d{2}[/-]\d{2}(?:\d{2})?)\b/g
