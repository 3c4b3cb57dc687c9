// Mends marks OCR misread in the words of an indicator name it was unsure of: a "%" straight after
// letters ("[CIN%)" → "[CIN)") and a bracket closed by the other kind ("[CIN)" → "(CIN)").
import type {KpiRowDraft} from './kpi-body.js'
import {LOW_CONFIDENCE, isOcrName, nameOf, type Name} from './kpi-mend-siblings.js'
import {namesApart} from './kpi-names-apart.js'

/** A "%" straight after a letter: print puts "%" after figures, so after letters it is a misread mark. */
const PERCENT_AFTER_LETTER = /(\p{L})%/gu
/** Each opening bracket and the closing one of its own kind. */
const CLOSING: Readonly<Record<string, string>> = {'(': ')', '[': ']'}

/**
 * Mends, in place, the marks of the OCR'd rows of one table in the name words read with low
 * confidence; rows not read by OCR (text layers, markdown) are left as printed, and a mend that
 * would repeat another row's name is not made.
 * @param rows the rows of one table, in order
 */
export function mendMarks(rows: KpiRowDraft[]): void {
  const mended = namesApart(rows.map((row) => row.indicator), rows.map((row) => (isOcrName(row) ? markedName(nameOf(row)) : row.indicator)))
  rows.forEach((row, k) => {
    row.indicator = mended[k]!
  })
}

/** The name with a "%" after letters dropped from its unsure words and mismatched brackets touching them made "(" … ")". */
function markedName(name: Name): string {
  const unsure = name.confidences.map((confidence) => confidence !== null && confidence < LOW_CONFIDENCE)
  const tokens = name.tokens.map((token, i) => (unsure[i] ? token.replace(PERCENT_AFTER_LETTER, '$1') : token))
  return matchBrackets(tokens, unsure).join(' ')
}

/**
 * The words with each bracket pair opened with one kind and closed with the other ("[CIN)", "(Child in
 * Need]") made "(" … ")", where the word opening or closing it is unsure.
 */
function matchBrackets(tokens: readonly string[], unsure: readonly boolean[]): string[] {
  const out = tokens.map((token) => [...token])
  let open: {i: number; at: number} | null = null
  for (const [i, chars] of out.entries()) {
    for (const [at, mark] of chars.entries()) {
      if (mark in CLOSING) open = {i, at}
      else if ((mark === ')' || mark === ']') && open) {
        const opening = out[open.i]![open.at]!
        if (CLOSING[opening] !== mark && (unsure[open.i] || unsure[i])) [out[open.i]![open.at], chars[at]] = ['(', ')']
        open = null
      }
    }
  }
  return out.map((chars) => chars.join(''))
}
