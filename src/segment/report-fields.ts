// Reads a report's cover sheet rows and sections in one pass: values that wrap over lines, values
// OCR put on the next line or before their label, a column of labels then a column of values.
import {headingKind, isCapitals, matchLabel, VALUE_LABELS, type LabelKey} from './report-labels.js'
import type {ReportLine} from './report-lines.js'

/** Cover-sheet sections that hold several lines below their label. */
export type SectionKey = 'contacts' | 'confidentiality' | 'briefSummary' | 'recommendations' | 'appendices'

/** What the cover scan found, with line indices into the report's lines. */
export interface CoverScan {
  values: Partial<Record<LabelKey, string>>
  sections: Partial<Record<SectionKey, ReportLine[]>>
  /** First line of the body (after the recommendations), or null when the report has none. */
  bodyStart: number | null
  /** Index of the first line after the body (KEY DECISION?, appendices list …). */
  bodyEnd: number
}

/** Labels still read after the body has begun (they follow it in the template). */
const LATE_LABELS: ReadonlySet<LabelKey> = new Set<LabelKey>(['keyDecision', 'wardsAffected', 'supporting', 'appendices', 'end'])
/** A value ending like this carries on in the next block: "… DIRECTOR OF" / "CHILDREN AND LEARNING". */
const DANGLING = /(?:\b(?:and|of|for|the|to|in|on|with|&)|[-–—,/])$/i
/** Values that run on over blocks until the next label (a From/To/Subject header block sets each line apart). */
const ACROSS_BLOCKS: ReadonlySet<LabelKey> = new Set<LabelKey>(['from', 'subject'])
/** Most lines a cover value runs over. */
const VALUE_MAX_LINES = 4
/** Most lines a "From:" value runs over (several people, a block each). */
const FROM_MAX_LINES = 12
/** Section labels that may be followed by a point numbered "1." that ends them (a new numbered section). */
const NUMBERED_SECTION = /^(\d{1,2})\.?\s+\S/

/** Mutable scan state. */
interface Scan extends CoverScan {
  lines: readonly ReportLine[]
  used: Set<number>
  pending: Array<{key: LabelKey; prev: number | null}>
  mode: 'pre' | 'cover' | 'body'
}

/** Scans a report's lines for its cover-sheet rows, sections and body range. */
export function scanCover(lines: readonly ReportLine[]): CoverScan {
  const scan: Scan = {values: {}, sections: {}, bodyStart: null, bodyEnd: lines.length, lines, used: new Set(), pending: [], mode: 'pre'}
  for (let i = 0; i < lines.length; i++) {
    if (scan.used.has(i)) continue
    const line = lines[i] as ReportLine
    const label = matchLabel(line.text)
    if (!label && scan.mode !== 'body' && scan.pending.length) { assignPending(scan, i); continue }
    if (label && (scan.mode !== 'body' || LATE_LABELS.has(label.key))) {
      if (scan.mode === 'body' && scan.bodyEnd === lines.length) scan.bodyEnd = i
      scan.mode = scan.mode === 'pre' ? 'cover' : scan.mode
      readLabel(scan, i, label.key, label.value)
    } else if (scan.mode === 'cover' && startsBody(scan, line)) {
      usePrevious(scan)
      scan.bodyStart = i
      scan.mode = 'body'
    }
  }
  usePrevious(scan)
  return {values: scan.values, sections: scan.sections, bodyStart: scan.bodyStart, bodyEnd: scan.bodyEnd}
}

function startsBody(scan: Scan, line: ReportLine): boolean {
  if (scan.sections.recommendations || scan.sections.briefSummary) return true
  return headingKind(line) === 'major' || /^\d{1,2}\.\s+\S/.test(line.text)
}

function readLabel(scan: Scan, i: number, key: LabelKey, inline: string): void {
  scan.used.add(i)
  if (VALUE_LABELS.has(key)) readValue(scan, i, key, inline)
  else if (key !== 'supporting' && key !== 'end') readSection(scan, i, key as SectionKey, inline)
}

function readValue(scan: Scan, i: number, key: LabelKey, inline: string): void {
  if (scan.values[key] !== undefined) return
  if (inline) { scan.values[key] = collectValue(scan, i, inline, key); return }
  const next = scan.lines[i + 1]
  const prev = previousCandidate(scan, i)
  if (prev !== null && (!next || matchLabel(next.text)) && scan.lines[prev]?.block === scan.lines[i]?.block) {
    scan.used.add(prev)
    scan.values[key] = (scan.lines[prev] as ReportLine).text
    return
  }
  if (next && !scan.pending.length && !matchLabel(next.text) && !scan.used.has(i + 1)) {
    scan.used.add(i + 1)
    scan.values[key] = collectValue(scan, i + 1, next.text, key)
    return
  }
  scan.pending.push({key, prev})
}

/** The value on line `i` plus the lines it runs on to. */
function collectValue(scan: Scan, i: number, first: string, key: LabelKey): string {
  const max = key === 'from' ? FROM_MAX_LINES : VALUE_MAX_LINES
  let text = first
  for (let k = i + 1, n = 1; k < scan.lines.length && n < max; k++, n++) {
    const line = scan.lines[k] as ReportLine
    const prev = scan.lines[k - 1] as ReportLine
    if (scan.used.has(k) || matchLabel(line.text)) break
    if (line.block !== prev.block && !ACROSS_BLOCKS.has(key) && !DANGLING.test(text) && !/^[\p{Ll}\p{N}]/u.test(line.text)) break
    if (ACROSS_BLOCKS.has(key) && line.block !== prev.block && endsValue(line, prev, text)) break
    scan.used.add(k)
    text += ` ${line.text}`
  }
  return text.replace(/\s+/g, ' ').trim()
}

/** A line in a new block ends a run-on value when it is on another page or a heading unlike the value. */
function endsValue(line: ReportLine, prev: ReportLine, text: string): boolean {
  if (line.page !== prev.page) return true
  return headingKind(line) === 'major' && !(isCapitals(line.text) && isCapitals(text))
}

function assignPending(scan: Scan, i: number): void {
  const wanted = scan.pending.shift()
  if (!wanted) return
  scan.used.add(i)
  scan.values[wanted.key] ??= collectValue(scan, i, (scan.lines[i] as ReportLine).text, wanted.key)
}

/** A value OCR put above its label: the line before, when nothing else claims it. */
function previousCandidate(scan: Scan, i: number): number | null {
  const prev = scan.lines[i - 1]
  const line = scan.lines[i] as ReportLine
  if (!prev || scan.used.has(i - 1) || prev.page !== line.page || matchLabel(prev.text) || /agenda\s+item/i.test(prev.text)) return null
  return i - 1
}

function usePrevious(scan: Scan): void {
  for (const {key, prev} of scan.pending.splice(0)) {
    if (prev === null || scan.used.has(prev) || scan.values[key] !== undefined) continue
    scan.used.add(prev)
    scan.values[key] = (scan.lines[prev] as ReportLine).text
  }
}

/** A section's lines: the label's own value, then lines up to the next label or section heading. */
function readSection(scan: Scan, i: number, key: SectionKey, inline: string): void {
  const label = scan.lines[i] as ReportLine
  const own = NUMBERED_SECTION.exec(label.text)?.[1]
  const out: ReportLine[] = inline ? [{...label, text: inline}] : []
  let k = i + 1
  for (; k < scan.lines.length; k++) {
    const line = scan.lines[k] as ReportLine
    if (scan.used.has(k) || matchLabel(line.text) || endsSection(key, line, out.length, own)) break
    scan.used.add(k)
    out.push(line)
  }
  if (!scan.sections[key]) scan.sections[key] = out
}

function endsSection(key: SectionKey, line: ReportLine, taken: number, own: string | undefined): boolean {
  const kind = headingKind(line)
  if (kind === 'major') return true
  const numbered = NUMBERED_SECTION.exec(line.text)?.[1]
  if (key === 'appendices') return own !== undefined && numbered === String(Number(own) + 1)
  if (key !== 'recommendations') return false
  if (kind === 'minor' && line.first && !/^(?:that|to)\b/i.test(line.text)) return true
  return taken > 0 && numbered === '1' && /^1\.?\s+\p{Lu}[^.]*$/u.test(line.text) && line.text.split(' ').length <= 8
}
