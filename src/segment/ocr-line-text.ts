// The text of an OCR'd line as segmenters read it: page furniture left out as on a text layer,
// and specks of the scan read as letters or punctuation at the line's ends ("Windle o", ". SOUTHAMPTON").
import type {Line, Word} from '../tree/types.js'

/** OCR debris at a line's head: a lone punctuation token (". SOUTHAMPTON CITY COUNCIL"). */
const OCR_LEAD_TOKEN = /^[.,:;|_~`'"‘’“”]+\s+(?=\S)/
/** A stray quote glued to a numbered heading ('"11. REPEAT …'). */
const OCR_LEAD_QUOTE = /^[`'"‘’“”]+(?=\d{1,3}[.)]?\s+\S)/
/** A dash read between a heading's number and its title ("43.-CHILDREN AND …"). */
const OCR_NUMBER_DASH = /^(\d{1,3}\.)[-–—_~](?=\p{Lu})/u
/** OCR debris at a line's end: lone punctuation tokens ("INTERESTS .", "Rule 4.3. ’"). */
const OCR_TRAIL_TOKENS = /(?:\s+[.,:;|_~`'"‘’“”*•·»«¢°^]+)+$/
/** A lone lower-case letter after a line in capitals ("ANNUAL REPORT i"): a speck read as a letter. */
const OCR_TRAIL_LETTER = /\s+[a-z]$/
/**
 * OCR confidence (0–1, <) under which a word of at most SPECK_CHARS letters is a speck of the
 * scan read as letters ("Windle o", "Duty of Care g"): real short words are read at 0.8 and more.
 */
const SPECK_CONFIDENCE = 0.3
const SPECK_CHARS = 2
/** Share of capitals among a line's letters (≥) for a heading in capitals, and the fewest letters (≥) it needs. */
const CAPS_SHARE = 0.8
const CAPS_MIN_LETTERS = 4

/**
 * Text of an OCR'd line's body words: specks left out, debris at its ends taken off; '' for a line
 * the cleaners marked as furniture ("Page 8", a running head), as `lineText` gives for a text layer.
 */
export function ocrLineText(line: Line): string {
  if (line.data.layer === 'furniture') return ''
  const text = line.children.filter((word) => word.data.layer !== 'furniture' && word.value !== '' && !isSpeck(word))
    .map((word) => word.value).join(' ')
  return withoutOcrDebris(text)
}

function isSpeck(word: Word): boolean {
  const confidence = word.data.confidence
  return confidence !== undefined && confidence < SPECK_CONFIDENCE && word.value.length <= SPECK_CHARS && !/\d/.test(word.value)
}

/**
 * An OCR'd line without the specks read as punctuation at its ends, without a dash read after a
 * heading's number, and without a stray quote before a heading in capitals that holds no other
 * quote ('"CHILDREN AND LEARNING').
 */
function withoutOcrDebris(text: string): string {
  let out = text.replace(OCR_LEAD_TOKEN, '').replace(OCR_LEAD_QUOTE, '').replace(OCR_TRAIL_TOKENS, '').replace(OCR_NUMBER_DASH, '$1 ')
  if (/^[`'"‘’“”]\p{Lu}/u.test(out) && !/[`'"‘’“”]/.test(out.slice(1)) && mostlyCaps(out)) out = out.slice(1)
  if (OCR_TRAIL_LETTER.test(out) && mostlyCaps(out.replace(OCR_TRAIL_LETTER, ''))) out = out.replace(OCR_TRAIL_LETTER, '')
  return out || text
}

function mostlyCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= CAPS_MIN_LETTERS && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= CAPS_SHARE
}
