// Mends the month headings of a KPI table from the run they stand in: months are printed in step
// ("Oct-21 Nov-21 Dec-21 …"), so a heading OCR damaged where its neighbours imply the month is put back.
import {editDistance} from '../normalise/edit-distance.js'
import {normalisePeriod} from '../normalise/period.js'

/** Steps (months) a run of month headings goes by: monthly, quarterly. */
const RUN_STEPS = [1, 3]
/** A heading OCR damaged is at most this many letters from the heading its run implies. */
const MAX_HEADING_EDITS = 2
/** A heading that is no period is mended only when at most this long (a garbled month, not a word such as "Year to date"). */
const MAX_GARBLED_CHARS = 8
/** Passes over the headings: each can mend a heading that the one mended before it shows the run to. */
const MAX_PASSES = 3
/** A month heading as printed: name, separator, two- or four-digit year. */
const MONTH_HEADING = /^([A-Za-z]{3,9})([-\s'/]?)(\d{2}|\d{4})$/
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

interface Expected {
  /** Months since year 0 of the heading the run implies. */
  month: number
  /** True when both sides of the heading imply it (or the two steps around it agree); false when one side does. */
  bothSides: boolean
  /** A neighbouring heading to print it like. */
  model: string
}

/**
 * Headings that break a run of months mended to the month the run implies: a heading OCR misread
 * ("Dec-2", "pe" between "Mar-22" and "May-22"), or read as another month ("Jan-22" where "May-22"
 * ends a monthly run and "Jan-22" is printed before). Where only one side shows the run, a month
 * is mended only when its reading repeats another heading of the table (a header never prints a
 * month twice), a heading that is no period only when it is a letter or two from the implied one.
 * @param labels the value column headings in printed order
 * @param isOtherHeading tells a heading that is no month but some other column (target, benchmark, measure)
 * @returns the headings, mended where the run is certain
 */
export function mendMonthRun(labels: readonly string[], isOtherHeading: (label: string) => boolean): string[] {
  const out = [...labels]
  // a heading mended can show the run to the damaged one before it ("Nov-211 Dec-2" between "Oct-21" and "Jan-22")
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false
    for (let i = 0; i < out.length; i++) {
      const label = out[i]!
      const expected = expectedMonth(out, i)
      if (!expected || isOtherHeading(label)) continue
      const own = monthOf(label)
      if (own === expected.month) continue
      const mended = formatLike(expected.month, expected.model)
      if (mended && mayMend(out, i, own, expected, mended)) [out[i], changed] = [mended, true]
    }
    if (!changed) break
  }
  return out
}

function mayMend(labels: readonly string[], at: number, own: number | null, expected: Expected, mended: string): boolean {
  const label = labels[at]!.trim()
  const near = editDistance(label.toLowerCase(), mended.toLowerCase(), MAX_HEADING_EDITS) <= MAX_HEADING_EDITS
  if (own !== null) return near && (expected.bothSides || labels.some((other, k) => k !== at && monthOf(other) === own))
  if (!label || label.length > MAX_GARBLED_CHARS) return false
  return expected.bothSides || near
}

/** The month a run implies at `at`: from the two headings before it, the two after it, or one either side. */
function expectedMonth(labels: readonly string[], at: number): Expected | null {
  const [b2, b1, a1, a2] = [at - 2, at - 1, at + 1, at + 2].map((k) => monthOf(labels[k])) as [number | null, number | null, number | null, number | null]
  const fromLeft = b1 !== null && b2 !== null && RUN_STEPS.includes(b1 - b2) ? b1 + (b1 - b2) : null
  const fromRight = a1 !== null && a2 !== null && RUN_STEPS.includes(a2 - a1) ? a1 - (a2 - a1) : null
  const model = labels[b1 !== null ? at - 1 : at + 1] ?? ''
  if (b1 !== null && a1 !== null) {
    const step = (a1 - b1) / 2
    const confirmed = step === 1 || fromLeft === b1 + step || fromRight === a1 - step
    if (RUN_STEPS.includes(step) && confirmed) return {month: b1 + step, bothSides: true, model}
  }
  if (fromLeft !== null && fromRight !== null) return fromLeft === fromRight ? {month: fromLeft, bothSides: true, model} : null
  if (fromLeft !== null) return {month: fromLeft, bothSides: false, model}
  if (fromRight !== null) return {month: fromRight, bothSides: false, model}
  return null
}

/** Months since year 0 of a month heading ("Oct-21" → 2021 × 12 + 9), or null for any other heading. */
export function monthOf(label: string | undefined): number | null {
  if (!label || !MONTH_HEADING.test(label.trim())) return null
  const period = normalisePeriod(label)
  if (!period || !/^\d{4}-\d{2}$/.test(period)) return null
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5)) - 1
}

/** A month printed like `model` ("Dec-21" → "Jan-22"; "JAN 2022" → "FEB 2022"), or null when the model is no month heading. */
function formatLike(month: number, model: string): string | null {
  const match = MONTH_HEADING.exec(model.trim())
  if (!match) return null
  const [, name, separator, year] = match
  const full = MONTH_NAMES[month % 12]!
  const word = name!.length > 3 ? full : full.slice(0, 3)
  const cased = name === name!.toUpperCase() ? word.toUpperCase() : name === name!.toLowerCase() ? word.toLowerCase() : word
  const yearText = year!.length === 4 ? String(Math.floor(month / 12)) : String(Math.floor(month / 12) % 100).padStart(2, '0')
  return `${cased}${separator}${yearText}`
}

/** Two month headings OCR ran together, with or without a hyphen between them ("Dec-21-lan-22"). */
const GLUED_MONTHS = /^([A-Za-z]{3}[-'/]?[\dlIOo]{2})[-–'/]?([A-Za-z]{3}[-'/]?[\dlIOo]{2})$/

/**
 * Two month headings OCR read as one word ("Dec-21-lan-22") parted again, each mended by `repair`;
 * only where they are consecutive months, as two neighbouring columns of a monthly table are (a
 * range such as "Apr-21-Mar-22" stays one heading). Other words are returned as they are.
 * @param word one OCR word of a header line
 * @param repair mends one month heading OCR damaged ("lan-22" → "Jan-22")
 */
export function partGluedMonths(word: string, repair: (token: string) => string): string[] {
  const match = GLUED_MONTHS.exec(word)
  if (!match) return [word]
  const [first, second] = [repair(match[1]!), repair(match[2]!)]
  const [a, b] = [monthOf(first), monthOf(second)]
  return a !== null && b !== null && b - a === 1 ? [first, second] : [word]
}
