// Page-number stamps as printed (or OCR'd) on a line of their own: "Page 24", "- 3 -", "-1-",
// "Page 3 of 10", bare "24", and stamps read upside down by OCR ("6 abed" is "Page 9" turned over).
// On OCR'd pages a stamp may carry specks read as punctuation ("Page 2 -", "‘Page 5", "- 3 -.").

/** What a stamp line says. */
export interface PageStamp {
  /** The printed page number ("24"), or null when the stamp shows none (a lone "abed"). */
  number: string | null
  /** `page-number` for upright stamps, `page-stamp` for upside-down ones. */
  kind: 'page-number' | 'page-stamp'
  /** True for a bare number ("24"): only a stamp where it sits at the page edge. */
  bare: boolean
}

/** Largest printed page number believed (4 digits): packs run to hundreds of pages, not more. */
const PAGE_DIGITS = '(\\d{1,4})'
const PAGE_WORD = new RegExp(`^page\\s*${PAGE_DIGITS}(?:\\s+of\\s+\\d{1,4})?$`, 'i')
/** "Page 2of 9", "Page 2 of9": OCR loses the space before or after "of". */
const OCR_PAGE_WORD = new RegExp(`^page\\s*${PAGE_DIGITS}(?:\\s*of\\s*\\d{1,4})?$`, 'i')
/** Specks OCR reads around a stamp: dots, commas, colons, quotes, bars, tildes, stars. Dashes are
 * not among them, since "- 3 -" is a stamp's own frame; they are shed only around "Page N". */
const OCR_DUST = /^[\s.,:;'"‘’“”`|_~*•·]+|[\s.,:;'"‘’“”`|_~*•·]+$/g
const OCR_DUST_AND_DASHES = /^[\s.,:;'"‘’“”`|_~*•·—–-]+|[\s.,:;'"‘’“”`|_~*•·—–-]+$/g
const DASHED = new RegExp(`^[-–—]\\s*${PAGE_DIGITS}\\s*[-–—]$`)
const BARE = new RegExp(`^${PAGE_DIGITS}$`)
/** "Page" turned upside down and OCR'd: "abed", "ebed", "gPed", "a6ed" … */
const UPSIDE_DOWN_WORD = /^[aeg6][bBP6][eaoc][dpq]$/
/** Digits turned upside down, in reading order as OCR'd ("0T" is "10"). */
const UPSIDE_DOWN_DIGITS = /^[0-9TIlL|ZEhSO]{1,3}$/
const TURNED_DIGIT: Record<string, string> = {
  '0': '0', 'O': '0', '1': '1', 'T': '1', 'I': '1', 'l': '1', '|': '1', '2': '2', 'Z': '2',
  '3': '3', 'E': '3', '4': '4', 'h': '4', '5': '5', 'S': '5', '6': '9', '7': '7', 'L': '7',
  '8': '8', '9': '6'
}

/** How the line was read. */
export interface PageStampOptions {
  /** The line was OCR'd: shed specks around the stamp ("Page 2 -" → "Page 2"); a bare number is
   * never made out of specks ("3." stays a section number). */
  ocr?: boolean
}

/**
 * Reads a whole line as a page stamp.
 * Examples: "Page 24" → {number: "24"}; "- 3 -" → "3"; "Page 3 of 10" → "3"; "24" → "24" (bare);
 * "6 abed" → "9" (upside down); "0T gPed" → "10"; "abed" → number null; "Agenda Item 9" → null;
 * with `ocr`: "Page 2 -", ".Page 2", "Page 2of 9" → "2"; "- 3 -." → "3".
 * @param text the line's text
 * @param options how the line was read
 * @returns the stamp, or null when the line is not a page stamp
 */
export function normalisePageStamp(text: string, options: PageStampOptions = {}): PageStamp | null {
  const value = text.trim()
  const upright = PAGE_WORD.exec(value) ?? DASHED.exec(value) ?? (options.ocr ? dustyStamp(value) : null)
  if (upright) return {number: String(Number(upright[1])), kind: 'page-number', bare: false}
  const bare = BARE.exec(value)
  if (bare) return Number(bare[1]) > 0 ? {number: String(Number(bare[1])), kind: 'page-number', bare: true} : null
  return upsideDown(value.split(/\s+/))
}

/** "‘Page 5", "Page 2 -", "Page 2of 9" → the "Page N" match; "- 3 -." → the dashed match; else null. */
function dustyStamp(value: string): RegExpExecArray | null {
  const dashed = DASHED.exec(value.replace(OCR_DUST, ''))
  return dashed ?? OCR_PAGE_WORD.exec(value.replace(OCR_DUST_AND_DASHES, ''))
}

/** "6 abed" → 9, "abed" → null number; null when the words are not a turned stamp. */
function upsideDown(words: string[]): PageStamp | null {
  const last = words[words.length - 1] ?? ''
  if (words.length > 2 || !UPSIDE_DOWN_WORD.test(last)) return null
  if (words.length === 1) return {number: null, kind: 'page-stamp', bare: false}
  const digits = words[0] ?? ''
  if (!UPSIDE_DOWN_DIGITS.test(digits) || !/[0-9TIZEhS]/.test(digits)) return null
  const turned = [...digits].reverse().map((c) => TURNED_DIGIT[c] ?? '').join('')
  return Number(turned) > 0 ? {number: String(Number(turned)), kind: 'page-stamp', bare: false} : null
}
