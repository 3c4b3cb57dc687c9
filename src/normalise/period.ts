// Column headings of KPI tables as periods: "Oct-21" → "2021-10", "April 2022" → "2022-04",
// "2012/13" → "2012-13", "Q4 2023/24" → "2023-Q4", "2022" → "2022"; anything else → null.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s\-/']*(\d{4}|\d{2})$/i
const FINANCIAL_YEAR = /^(?:fy\s*)?(\d{4}|\d{2})\s*[/\-–]\s*(\d{2}|\d{4})$/i
const QUARTER = /^(?:q([1-4])\s*(?:[-/ ]\s*)?(\d{4}(?:\s*[/\-–]\s*\d{2,4})?|\d{2}\s*[/\-–]\s*\d{2})|(\d{4}(?:\s*[/\-–]\s*\d{2,4})?)\s*[-/ ]?\s*q([1-4]))$/i
const YEAR = /^(?:19|20)\d{2}$/
/** Longest heading read as a period (characters): "September 2023/24" and its spacing variants fit. */
const MAX_PERIOD_CHARS = 40

/**
 * A heading's period, or null when the heading is not a period.
 * Months give `YYYY-MM`; financial or academic years `YYYY-YY`; quarters `YYYY-Qn` (the year the
 * heading starts with: "Q4 2023/24" → "2023-Q4"); a bare year `YYYY`.
 */
export function normalisePeriod(label: string): string | null {
  if (!/\d/.test(label)) return null // every period has a year in figures
  const text = label.replace(/\s+/g, ' ').trim()
  if (text.length > MAX_PERIOD_CHARS) return null
  const quarter = QUARTER.exec(text)
  if (quarter) return `${fullYear(/^\d+/.exec(quarter[2] ?? quarter[3]!)![0])}-Q${quarter[1] ?? quarter[4]}`
  const month = MONTH_YEAR.exec(text)
  if (month) {
    const index = MONTHS.indexOf(month[1]!.slice(0, 3).toLowerCase())
    const validName = index >= 0 && isMonthName(month[1]!)
    return validName ? `${fullYear(month[2]!)}-${String(index + 1).padStart(2, '0')}` : null
  }
  const fy = FINANCIAL_YEAR.exec(text)
  if (fy) {
    const start = fullYear(fy[1]!)
    const end = fullYear(fy[2]!)
    return end === start + 1 ? `${start}-${String(end % 100).padStart(2, '0')}` : null
  }
  return YEAR.test(text) ? text : null
}

function isMonthName(word: string): boolean {
  const lower = word.toLowerCase()
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
  return full.some((name) => name.startsWith(lower) || lower === 'sept')
}

function fullYear(text: string): number {
  const n = Number(text)
  return text.length === 2 ? 2000 + n : n
}
