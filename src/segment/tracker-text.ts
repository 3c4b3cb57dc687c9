// Splits a tracker line of plain OCR text, where the columns ran together, as far as the text
// allows: the date that opens a row, the title's words at the line's head (while the title column
// is still being read), a status word at its end; the action columns stay together.
import type {LineCells} from './tracker-rows.js'
import {SUB_ITEM} from './tracker-rows.js'

/** A row's date at the start of a line: "16/06/22", "21.9.2023", "3 March 2024". */
const LEADING_DATE = /^\W{0,3}(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*\|?\s*/
/** Where a recommendation's text starts inside a line. */
const RECOMMENDATION = /(?:^|\s)(?=\(?\d{1,2}\)\s|That\b)/
/** Progress statuses trackers print at the end of a row. */
const STATUS = /(?:^|\s|\|)\s*((?:not\s+|partially\s+|partly\s+)?(?:completed?|started|achieved|agreed|accepted|actioned)|in\s+progress|on\s*-?\s*going|on\s+track|outstanding|open|closed|pending|awaiting\s+\w+|rejected|deferred|superseded|delayed|overdue)\.?$/i
/** Lines (≤) of a row over which its title may still be running. */
const MAX_TITLE_LINES = 5
/** Words (≤) of a line that can be all title. */
const MAX_TITLE_ONLY_WORDS = 3

/** Reads run-together tracker lines one by one, remembering whether the title is still open. */
export function createTextSplitter(): (text: string) => LineCells {
  let titleLines = 0
  return function splitText(text: string): LineCells {
    const out: LineCells = {}
    let rest = text.trim()
    const date = LEADING_DATE.exec(rest)
    if (date) {
      out.date = date[1]!
      rest = rest.slice(date[0].length)
      titleLines = MAX_TITLE_LINES
    } else if (SUB_ITEM.test(rest)) {
      titleLines = 0
    }
    const status = STATUS.exec(rest)
    if (status) {
      out.status = status[1]!
      rest = rest.slice(0, status.index).trim()
    }
    if (titleLines > 0) {
      const title = titleHead(rest, Boolean(date))
      if (title) {
        out.title = title
        rest = rest.slice(title.length).trim()
      } else titleLines = 0
      titleLines--
    }
    if (rest) out.actionProposed = rest
    return out
  }
}

/** The title column's words at the head of a line. */
function titleHead(text: string, opensRow: boolean): string {
  const marker = RECOMMENDATION.exec(text)
  if (opensRow) return (marker ? text.slice(0, marker.index) : text).trim()
  if (!/^\p{Lu}/u.test(text)) return ''
  const words = text.split(/\s+/)
  if (words.length <= MAX_TITLE_ONLY_WORDS && !/[.;]$/.test(text)) return text
  const head: string[] = []
  for (const word of words) {
    if (head.length > 0 && /^[\p{Ll}(\d]/u.test(word)) break
    head.push(word)
  }
  return head.join(' ')
}
