// Whitespace and invisible characters in extracted text: NBSP and odd spaces become spaces,
// zero-width characters and soft hyphens go, runs collapse, ends are trimmed.

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+/g

/**
 * One line of text with whitespace collapsed.
 * Examples: "  Pages\u00a01 -  6 " → "Pages 1 - 6"; "co\u00adoperate" → "cooperate".
 */
export function normaliseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/\s+/g, ' ').trim()
}
