// The rule-id table for every warning agendapack can give, and the one helper that attaches a
// warning to a file with its page, place and rule id (messages are data, never console output).
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Node} from 'unist'

/** Every warning code, with what it means (shown by `agendapack inspect` and the docs). */
export const RULES = {
  'no-text-layer': 'the page has no usable text layer and was read by OCR',
  'garbled-text-layer': 'the page text layer is garbage (broken font encoding) and was read by OCR',
  'ocr-low-confidence': 'OCR confidence on the page is below the threshold; check the text',
  'ocr-rotated-page': 'the scanned page was upside down or sideways and was turned before OCR',
  'ocr-unavailable': 'the page needed OCR but OCR was switched off (--ocr never)',
  'ocr-failed': 'OCR of the page failed; the page is left empty',
  'pdf-warning': 'pdf.js reported a problem while reading the page',
  'markdown-html': 'HTML inside markdown was reduced to its text',
  'markdown-nesting-flattened': 'block quotes or lists nested too deeply to parse were flattened',
  'empty-page': 'the page carries no text at all',
  'agenda-item-unmatched': 'a report could not be matched to an agenda item',
  'agenda-item-number-inferred': 'an agenda item number was inferred from sequence or layout',
  'minute-number-inferred': 'a minute item number was inferred from a detached number or the sequence',
  'kpi-cell-unparsed': 'a KPI table cell does not state a clean number',
  'kpi-table-uncertain': 'a KPI table could only be partly rebuilt',
  'kpi-cell-uncertain': 'a KPI table cell holds a figure inferred, not read (one OCR word split into two figures by size, figures placed by line pitch), or is left empty where OCR lost the figure',
  'tracker-columns-merged': 'a recommendation tracker printed without column positions; its action columns are kept together'
} as const

export type RuleId = keyof typeof RULES

/** A warning as it travels: a VFileMessage that also knows its page. */
export type PageMessage = VFileMessage & {page?: number | null}

/**
 * Attaches a warning to `file`.
 * @param file the file being processed
 * @param code rule id from {@link RULES}
 * @param reason human sentence, "Unexpected X, expected Y" where it fits
 * @param page 1-based page the warning is about, or null for the whole file
 * @param node optional node whose position is the place
 */
export function report(file: VFile, code: RuleId, reason: string, page: number | null, node?: Node): PageMessage {
  const message: PageMessage = file.message(reason, {
    ruleId: code,
    source: 'agendapack',
    ...(node?.position ? {place: node.position} : {})
  })
  message.page = page
  return message
}
