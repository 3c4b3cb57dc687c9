// What a KPI table's column heading is: a period ("Oct-21", "2012/13", "Q4 2023/24"), a target,
// a benchmark (England, Statistical Neighbours, South East…), the indicator or measure column, or other.
import {normalisePeriod} from '../normalise/period.js'

export type ColumnKind = 'period' | 'target' | 'benchmark' | 'other'

export interface ColumnClass {
  kind: ColumnKind
  period: string | null
}

const TARGET = /\b(?:targets?|goal|ambition|tolerance|threshold|aim)\b/i
const BENCHMARK = new RegExp([
  'statistical\\s*ne[il]ghbou?rs?', '\\bSNs?\\b', '\\b(?:south|north)[\\s-]*(?:east|west)\\b', '\\beast\\s+midlands\\b',
  '\\bwest\\s+midlands\\b', '\\byorkshire\\b', '\\blondon\\b', '\\bengland\\b', '\\bwales\\b', '\\bscotland\\b', '\\bUK\\b',
  '\\bGB\\b', '\\bnational\\b', '\\bregional?\\b', '\\bcomparators?\\b', '\\bbenchmarks?\\b', '\\baverage\\b', '\\bavg\\.?\\b',
  '\\bmedian\\b', '\\bquartile\\b', '\\bcore\\s+cities\\b', '\\bshire\\s+counties\\b', '\\bunitar(?:y|ies)\\b',
  '\\bfamily\\b', '\\bpeers?\\b', '\\bsimilar\\s+(?:authorities|councils)\\b'
].join('|'), 'i')
/** Headings of the column holding the indicator names. */
const INDICATOR = /^(?:(?:key\s+)?(?:performance\s+)?(?:indicators?|measures?|kpis?|metrics?)(?:\s+(?:name|description))?|description|pi|ref\.?)$/i
/** Headings of a column stating each row's measure ("Outturn type", "Unit"). */
const MEASURE = /^(?:outturn\s*t(?:ype)?\w*|measure\s+type|units?|type|format|data\s+type)$/i
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
