// What a KPI table's column heading is: a period ("Oct-21", "2012/13", "Q4 2023/24"), a target,
// a benchmark (England, Statistical Neighbours, South East…), the indicator or measure column, or other.
import {normalisePeriod} from '../normalise/period.js'
import {mendMonthRun} from './kpi-month-run.js'

export type ColumnKind = 'period' | 'target' | 'benchmark' | 'other'

export interface ColumnClass {
  kind: ColumnKind
  period: string | null
}

const TARGET = /\b(?:targets?|goal|ambition|tolerance|threshold|aim|floor)\b/i
const BENCHMARK = new RegExp([
  'statistical\\s*ne[il]ghbou?rs?', '\\bSNs?\\b', '\\b(?:south|north)[\\s-]*(?:east|west)\\b', '\\beast\\s+midlands\\b',
  '\\bwest\\s+midlands\\b', '\\byorkshire\\b', '\\blondon\\b', '\\bengland\\b', '\\bwales\\b', '\\bscotland\\b', '\\bUK\\b',
  '\\bGB\\b', '\\bnational\\b', '\\bregional?\\b', '\\bcomparators?\\b', '\\bbenchmarks?\\b', '\\baverage\\b', '\\bavg\\.?\\b',
  '\\bmedian\\b', '\\bquartile\\b', '\\bcore\\s+cities\\b', '\\bshire\\s+counties\\b', '\\bunitar(?:y|ies)\\b',
  '\\bfamily\\b', '\\bpeers?\\b', '\\bsimilar\\s+(?:authorities|councils)\\b'
].join('|'), 'i')
/** Headings of the column holding the indicator names. */
const INDICATOR = /^(?:(?:key\s+)?(?:performance\s+)?(?:indicators?|measures?|kpis?|metrics?)(?:\s+(?:name|description))?|description|pi|ref\.?)$/i
/**
 * Headings of a column stating each row's measure ("Outturn type", "Unit"): also any one word then
 * "type", OCR damaging the first word ("Cuma type") far more often than the short, common "type".
 */
const MEASURE = /^(?:outturn\s*t(?:ype)?\w*|\p{L}{2,12}\s*type|units?|type|format)$/iu
/** Headings of a printed RAG column. */
const RAG = /^(?:rag(?:\s+(?:status|rating))?|status|direction\s+of\s+travel|dot|trend)$/i

/**
 * Classifies one column heading.
 * @param label the heading as printed (spanned parts joined: "Southampton 19/20")
 * @returns kind and the normalised period where the heading states one
 */
export function classifyColumn(label: string): ColumnClass {
  const period = periodIn(label)
  if (TARGET.test(label)) return {kind: 'target', period}
  if (BENCHMARK.test(label)) return {kind: 'benchmark', period}
  if (period) return {kind: 'period', period}
  return {kind: 'other', period: null}
}

/** True for the heading of the indicator-name column ("Indicator", "Measure", "KPI"). */
export function isIndicatorHeading(label: string): boolean {
  return INDICATOR.test(label.trim())
}

/** True for the heading of a measure column ("Outturn type"). */
export function isMeasureHeading(label: string): boolean {
  return MEASURE.test(label.trim())
}

/** True for the heading of a RAG / status column. */
export function isRagHeading(label: string): boolean {
  return RAG.test(label.trim())
}

/** True when a heading is one a KPI table's value columns have (period, target or benchmark). */
export function isKpiHeading(label: string): boolean {
  return classifyColumn(label).kind !== 'other'
}

/**
 * The period a heading states anywhere in it: the whole text, then without brackets, then any run
 * of up to three words ("2019-20 Number" → "2019-20", "13/14 (Oct-Dec)" → "2013-14").
 */
export function periodIn(label: string): string | null {
  const text = label.replace(/\s+/g, ' ').trim()
  const whole = normalisePeriod(text) ?? normalisePeriod(text.replace(/\([^)]*\)/g, ' ').trim())
  if (whole) return whole
  const words = text.replace(/\([^)]*\)/g, ' ').split(' ').filter(Boolean)
  for (const size of [3, 2, 1]) {
    for (let start = 0; start + size <= words.length; start++) {
      const found = normalisePeriod(words.slice(start, start + size).join(' '))
      if (found) return found
    }
  }
  return null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Mends a month heading damaged by OCR ("Dec-2l" → "Dec-21", "lan-22" → "Jan-22", "Now-21" →
 * "Nov-21"): digits misread as letters, one letter of the month name wrong. Other text is returned as is.
 */
export function repairPeriodLabel(token: string): string {
  const match = /^([A-Za-z]{3})([-\s'/]?)([\dlIOo]{2})$/.exec(token)
  if (!match || normalisePeriod(token)) return token
  const year = match[3]!.replace(/[lI]/g, '1').replace(/[Oo]/g, '0')
  const month = closestMonth(match[1]!)
  return month ? `${month}${match[2] || '-'}${year}` : token
}

/** The month abbreviation one letter away from `word` (case-insensitive), when exactly one is. */
function closestMonth(word: string): string | null {
  const lower = word.toLowerCase()
  const near = MONTHS.filter((month) => [...month.toLowerCase()].filter((c, i) => c !== lower[i]).length <= 1)
  return near.length === 1 ? near[0]! : null
}

/**
 * Mends benchmark headings OCR damaged in a way no printer would: "Nelghbours" (l for i), "Néighbours", "SOUthEast"
 * (mixed case, words run together) → "Neighbours", "South East". Other text is returned as is.
 */
export function tidyLabel(label: string): string {
  const folded = label.normalize('NFD').replace(/\p{M}+/gu, '')
  // an accent OCR put on a heading word ("Néighbours"): dropped where only that makes it a benchmark
  const plain = folded !== label && !BENCHMARK.test(label) && BENCHMARK.test(folded) ? folded : label
  const text = plain.replace(/\bNe[l1]ghbou?rs\b/g, 'Neighbours').replace(/\bne[l1]ghbou?rs\b/g, 'neighbours')
  const compass = /^(south|north)([\s-]*)(east|west)$/i.exec(text)
  if (!compass) return text
  const [, first, gap, second] = compass
  const mixed = [first!, second!].some((word) => word !== word.toUpperCase() && word !== word.toLowerCase() && !/^[A-Z][a-z]+$/.test(word))
  return mixed || !gap ? `${titleCase(first!)} ${titleCase(second!)}` : text
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

const MONTH_LABEL = /^([A-Za-z]{3})([-\s'/]?)(\d{2})$/

/**
 * Mends a run of month headings read by OCR: a month missing its hyphen where its neighbours have
 * one ("Jan22" → "Jan-22"), and a heading that breaks the run where its neighbours imply the month
 * ("Dec-21 Jan-21 Feb-22" → "Jan-22", "Mar-22 pe May-22" → "Apr-22"; kpi-month-run.ts).
 * @param labels the value column headings in printed order
 * @returns the headings, mended where the run is certain
 */
export function mendColumnLabels(labels: string[]): string[] {
  const out = [...labels]
  for (let i = 0; i < out.length; i++) {
    const match = MONTH_LABEL.exec(out[i]!)
    if (!match) continue
    const [, month, separator, year] = match
    const neighbours = [out[i - 1], out[i + 1]].map((l) => (l ? MONTH_LABEL.exec(l) : null))
    const glue = separator || neighbours.find((n) => n?.[2])?.[2] || ''
    out[i] = `${month}${glue}${year}`
  }
  return mendMonthRun(out, isOtherHeading)
}

/** True for a heading of some column other than a month: target, benchmark, year, measure, RAG, indicator. */
function isOtherHeading(label: string): boolean {
  const {kind, period} = classifyColumn(label)
  if (kind === 'target' || kind === 'benchmark') return true
  if (kind === 'period') return !/^\d{4}-\d{2}$/.test(period ?? '')
  return isMeasureHeading(label) || isRagHeading(label) || isIndicatorHeading(label)
}
