// Words nearly every page of council prose or tables contains (function words of English, Welsh
// and French, and the council's own nouns): a text layer without any of them is not words.

/** Lower-case words; short function words first, then words of committee papers. */
const COMMON_WORDS = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'no',
  'not', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'which', 'will', 'with',
  // Welsh
  'ac', 'am', 'ar', 'ei', 'eu', 'gan', 'i', 'mae', 'o', 'y', 'yn', 'yr', 'cyngor',
  // French
  'au', 'de', 'des', 'du', 'en', 'est', 'et', 'la', 'le', 'les', 'par', 'pour', 'un', 'une',
  // committee papers
  'agenda', 'apologies', 'chair', 'cllr', 'committee', 'council', 'councillor', 'councillors', 'date', 'item',
  'meeting', 'minutes', 'mr', 'mrs', 'ms', 'dr', 'page', 'report', 'total', 'target', 'year'
])

/** Runs of Latin letters (a word cut by punctuation counts as its pieces). */
const LATIN_WORD = /[A-Za-z]+/g

/**
 * Counts the Latin words of a text and how many of them are common words.
 * @param text the text of a page (or part of one)
 * @param counts the running counts, updated in place
 */
export function countCommonWords(text: string, counts: {latinWords: number; commonWords: number}): void {
  for (const match of text.matchAll(LATIN_WORD)) {
    counts.latinWords++
    if (COMMON_WORDS.has(match[0].toLowerCase())) counts.commonWords++
  }
}
