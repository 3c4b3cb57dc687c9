// Line-level patterns the agenda, meeting and parts segmenters share: agenda headings, numbered
// item starts, printed page ranges, publication lines, and the document lines with list markers.
import type {Root} from '../tree/types.js'
import {documentLines, type DocLine} from './lines.js'

/** A document line whose text starts with its block's list marker when that marker is a number. */
export type MarkedLine = DocLine

/** Most words (≤) in a line that can be a heading such as "AGENDA" or "Agenda frontsheet". */
const MAX_AGENDA_HEADING_WORDS = 4
/** Highest agenda item number believed (≤): agendas run to dozens of items, not hundreds. */
const MAX_ITEM_NUMBER = 199
/** A dash between an item's number and its title ("4 - PLANNING APPLICATIONS"), not a range ("4 - 6"). */
const DASH_SEPARATOR = /^[-–—]\s*(?=\p{L})/u

const AGENDA_HEADING = /^(?:supplementary\s+|revised\s+|public\s+|draft\s+|regular\s+meeting\s+|special\s+meeting\s+|meeting\s+)?agenda(?:\s+(?:frontsheet|front sheet|pack))?:?$/i
const ITEM_START = /^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)(?:[.):]|\s)\s*(\S.*)$/i
/** A number with one lower-case letter of OCR debris glued before it ("a4 Exclusion of …"). */
const OCR_PREFIXED_ITEM = /^[a-z](\d{1,2})\s+(\p{Lu}.*)$/u
const STRAY_NUMBER = /^(?:item\s+)?(\d{1,3}[a-z]?)[.)]?$/i
/** "(Pages 21 - 48)", "(Page 4)"; OCR may leave a speck of a mark before the number ("(Pages'4-7)"). */
const PAGE_RANGE = /\(?\s*\bpages?\s*['‘’`.,:]?\s*(\d{1,4})(?:\s*[-–—]+\s*(\d{1,4}))?\s*\)?/i
const PAGE_RANGE_OPEN = /\(\s*pages?\s*(?:['‘’`.,:]?\s*\d{1,4}\s*[-–—]*\s*)?$/i
const PUBLISHED = /\b(?:published\s+on|date\s+of\s+publication|publication\s+date|date\s+published|published)\s*:?\s*(.*)$/i
const SIGNATURE_WORDS = /\b(director|counsel|officer|executive|clerk|secretary|head of|monitoring|governance|chief|manager|solicitor)\b/i
const WEEKDAY_OR_MONTH = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,2}\/\d{1,2}\/\d{2,4}/i

/** A numbered agenda line split into its number and the rest. */
export interface ItemStart {
  number: string
  rest: string
}

/** A printed page range "(Pages 3 - 20)" → {from: 3, to: 20}; "(Page 7)" → {from: 7, to: 7}. */
export interface PrintedRange {
  from: number
  to: number
}

/** Body lines of the tree; documentLines already puts numbered list markers ("7.") back in front. */
export function markedLines(tree: Root): MarkedLine[] {
  return documentLines(tree)
}

/** True for a line that is an agenda heading ("AGENDA", "Supplementary Agenda", "Agenda frontsheet"). */
export function isAgendaHeading(text: string): boolean {
  const value = text.trim().replace(/[.:]$/, '')
  return value.split(/\s+/).length <= MAX_AGENDA_HEADING_WORDS && AGENDA_HEADING.test(value)
}

/**
 * Reads a numbered agenda line: "7 MINUTES OF …", "3. Minutes …", "Item 5: Budget", "12.  ANNUAL …",
 * "4 - Planning applications".
 * @returns the number and the text after it, or null when the line does not start with a number
 */
export function itemStart(text: string): ItemStart | null {
  const match = ITEM_START.exec(text.trim()) ?? OCR_PREFIXED_ITEM.exec(text.trim())
  if (!match) return null
  const number = match[1]!.replace(/\.$/, '')
  const rest = match[2]!.trim().replace(DASH_SEPARATOR, '')
  if (Number.parseInt(number, 10) > MAX_ITEM_NUMBER || Number.parseInt(number, 10) < 1) return null
  if (!/\p{L}/u.test(rest) || /^[-–—%]|^(?:pm|am|p\.m|a\.m)\b/i.test(rest)) return null
  if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i.test(rest)) return null
  return {number, rest}
}

/** A number standing alone on its line ("10", "13.", "Item 4"), as OCR leaves item numbers. */
export function strayNumber(text: string): string | null {
  const match = STRAY_NUMBER.exec(text.trim())
  if (!match) return null
  const value = Number.parseInt(match[1]!, 10)
  return value >= 1 && value <= MAX_ITEM_NUMBER ? match[1]! : null
}

/** The printed page range in `text`, or null. "(Pages 21 - 48)" → {21, 48}; "(Pages 1 -4)" → {1, 4}. */
export function pageRange(text: string): PrintedRange | null {
  const match = PAGE_RANGE.exec(text)
  if (!match || !/\(|^\s*pages?\b/i.test(match[0])) return null
  const from = Number(match[1])
  const to = match[2] ? Number(match[2]) : from
  return to >= from ? {from, to} : {from, to: from}
}

/**
 * The text with its printed page range taken out ("TITLE (Pages 3 - 20)" → "TITLE"); OCR debris
 * after the range (fewer than three letters, as in "(Pages 2 - 2) i") goes with it.
 */
export function withoutPageRange(text: string): string {
  const match = PAGE_RANGE.exec(text)
  if (!match) return text.replace(/\s+/g, ' ').trim()
  const after = text.slice(match.index + match[0].length)
  const kept = after.replace(/[^\p{L}]/gu, '').length < 3 ? '' : after
  return (text.slice(0, match.index) + ' ' + kept).replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim()
}

/** True when the line ends in an unfinished range ("… (Pages" or "(Pages 21 -"), continued on the next line. */
export function opensPageRange(text: string): boolean {
  return PAGE_RANGE_OPEN.test(text.trim())
}

/** The date text of a publication line ("This agenda was published on Wednesday, 13 July 2022"), else null. */
export function publicationText(text: string): string | null {
  const match = PUBLISHED.exec(text)
  return match && WEEKDAY_OR_MONTH.test(match[1] ?? '') ? match[1]! : null
}

/**
 * True for the date line that signs off an agenda: a date alone, or a date followed by the
 * signing officer's title ("Wednesday, 13 July 2022 Director of Legal and Business Services").
 */
export function isSignatureDate(text: string, dateText: string, dateIndex: number): boolean {
  if (dateIndex > 0 && text.slice(0, dateIndex).replace(/[^\p{L}]/gu, '').length > 0) return false
  const rest = text.slice(dateIndex + dateText.length).trim()
  if (/\b(at|from)\b|\d[.:]\d\d|\b[ap]\.?m\b/i.test(text)) return false
  return rest === '' || SIGNATURE_WORDS.test(rest)
}

/** Letters of `text` that are upper case, as a share of all its letters (1 for "AGENDA"). */
export function upperShare(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (!letters) return 0
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length
}
