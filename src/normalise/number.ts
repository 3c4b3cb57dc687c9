// Numbers as KPI tables print them ("1,922", "24%", "£1.2m", "35.6 per 10,000", "(5)") → a
// number and the measure it is, or null for "N/A", "TBC", "-", ranges and anything unclear.

/** What kind of quantity a cell states. */
export type Measure = 'percentage' | 'number' | 'rate' | 'currency'

/** A parsed cell: the number it states and its measure. */
export interface ParsedNumber {
  value: number
  measure: Measure
}

const MULTIPLIERS: Record<string, number> = {k: 1e3, m: 1e6, bn: 1e9, b: 1e9}
const NUMBER = /^(-|\u2212)?\(?([£$€])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(k|m|bn|b)?\)?\s*(%|per\s?cent|percent|pp)?$/i
const RATE = /^(.+?)\s*(?:per|\/)\s*([\d,]+|1k|10k|100k)(?:\s+\S.*)?$/i

/**
 * Parses one cell. Examples: "1,922" → 1922 number; "24%" → 24 percentage; "24.5 %" → 24.5;
 * "£1.2m" → 1200000 currency; "(5)" → -5; "35.6 per 10,000" → 35.6 rate; "N/A", "TBC", "-",
 * "10-12", "1,92" → null.
 */
export function normaliseNumber(raw: string): ParsedNumber | null {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (!text) return null
  const rate = RATE.exec(text)
  if (rate) {
    const base = normaliseNumber(rate[1]!)
    return base && base.measure === 'number' ? {value: base.value, measure: 'rate'} : null
  }
  const match = NUMBER.exec(text)
  if (!match || (match[3] === undefined && match[4] === undefined)) return null
  const negative = Boolean(match[1]) || (text.startsWith('(') && text.endsWith(')'))
  let value = Number((match[3] ?? '0').replace(/,/g, '') + (match[4] ?? ''))
  if (match[5]) value *= MULTIPLIERS[match[5].toLowerCase()] ?? 1
  if (!Number.isFinite(value)) return null
  const measure: Measure = match[2] ? 'currency' : match[6] ? 'percentage' : 'number'
  return {value: negative ? -roundTiny(value) : roundTiny(value), measure}
}

/** Removes float noise from scaling ("1.2" × 1e6 → 1200000, not 1199999.9999999998). */
function roundTiny(value: number): number {
  return Number(value.toPrecision(12))
}
