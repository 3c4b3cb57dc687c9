// Dates as councils print them ("Thursday, 21st July, 2022", "21/07/2022", "6 JULY 2023") → ISO
// `YYYY-MM-DD`, read day-first as in the UK, with chrono-node; partial dates give null.
// The English locale alone: the package root loads all 16 locales (~0.15 s in every fresh worker thread).
import * as chrono from 'chrono-node/en'

/** Fixed reference date so results never depend on the day the tool runs. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))

/** A printed date has a day number and a year of two or four digits. */
const PRINTED_DATE = /\d.*\d{2}/
/**
 * Text chrono could read a complete date from: a month name, or day, month and year in figures
 * ("21/07/2022", "21.07.22", "2022-07-21"). Lines without either skip the parser, which is slow.
 */
const DATE_SHAPE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}/i

/** A date found in text, with where it was. */
export interface FoundDate {
  iso: string
  text: string
  index: number
}

/**
 * The first complete date (day, month and year all printed) in `text` as `YYYY-MM-DD`.
 * Examples: "Thursday, 21st July, 2022 at 5.30 pm" → "2022-07-21"; "21/07/2022" → "2022-07-21";
 * "Jul-22" → null (no day); "21 July" → null (no year); "N/A" → null.
 */
export function normaliseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null
}

/** Every complete date in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = []
  if (!PRINTED_DATE.test(text) || !DATE_SHAPE.test(text)) return out // hot on every line
  for (const result of chrono.GB.parse(text, REFERENCE)) {
    const start = result.start
    // "now", "today", "tomorrow" are certain only relative to the reference date: not a printed date.
    if (!PRINTED_DATE.test(result.text)) continue
    if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) continue
    const year = start.get('year')
    const month = start.get('month')
    const day = start.get('day')
    if (year === null || month === null || day === null) continue
    out.push({iso: `${year}-${pad(month)}-${pad(day)}`, text: result.text, index: result.index})
  }
  return out
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
