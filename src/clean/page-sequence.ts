// Which bare numbers at page edges are page numbers: those that follow the pack's page sequence.
// A printed page number keeps a steady offset from the page's place in the file; a table figure does not.
import type {Line} from '../tree/types.js'

/** A page-number reading on one page: a sure stamp ("Page 24") or a bare number at an edge ("24"). */
export interface StampReading {
  /** 0-based page index in the file. */
  page: number
  /** The number it states. */
  number: number
  /** True for a bare number that may be a table figure; false for a stamp that names itself. */
  bare: boolean
  line: Line
}

/** How far (pages) a bare number's offset may stray from another page's and still follow it: one
 * page's worth, for a page printed over two sheets or an unnumbered insert. */
const OFFSET_SLACK = 1

/**
 * Picks the bare readings that are page numbers: a bare number is believed when another page's
 * reading puts the pages at the same offset (number − page index, within OFFSET_SLACK), or when no
 * other page has any reading to compare it with (a lone page: nothing contradicts it).
 * Examples: "3", "4", "5" at the feet of pages 2–4 → all kept; "2021" at the head of page 15 of a
 * pack numbered "Page N" → dropped (a year heading a table column carried over the page break).
 * @param readings every page's readings, in page order
 * @returns the bare readings taken as page numbers
 */
export function sequencedStamps(readings: StampReading[]): StampReading[] {
  const pages = new Set(readings.map((r) => r.page))
  return readings.filter(function follows(reading) {
    if (!reading.bare) return false
    if (pages.size < 2) return true
    const offset = reading.number - reading.page
    return readings.some((other) => other.page !== reading.page && Math.abs(other.number - other.page - offset) <= OFFSET_SLACK)
  })
}
