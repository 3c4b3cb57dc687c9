// The numbered paragraphs of a report body with the section heading each falls under: numbers
// alone on a line ("9.") joined to their text, text run over lines and pages, OCR junk skipped.
import type {Report} from '../compile/model.js'
import {headingKind, isCapitals, matchLabel, OCR_DEBRIS, type LabelKey} from './report-labels.js'
import {joinReportLines, type ReportLine} from './report-lines.js'

export type Paragraph = Report['paragraphs'][number]

/** A paragraph number at a line start: "1.", "12.", "3.1", "3.1.2", "12 | text" (bars already spaces). */
const PARA_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,2})(?:\.(?=\s|$)|(?=\s+\S)|$)\s*(.*)$/
/** Text ending a sentence: the next block starts a new paragraph. */
const TERMINAL = /[.!?:;"”’')\]]$/
/** Labels that end the body (cover-sheet rows and lists printed after it). */
const BODY_END: ReadonlySet<LabelKey> = new Set<LabelKey>(['keyDecision', 'wardsAffected', 'supporting', 'appendices', 'end'])
/** How far (≤) past the last paragraph number a mid-block number may jump and still count. */
const NUMBER_JUMP_MAX = 3

/** A paragraph being assembled. */
interface Draft {
  number: string | null
  section: string
  lines: ReportLine[]
  numbered: boolean
  fromBullet: boolean
}

/** Section state while walking the body. */
interface State {
  major: string | null
  /** The sections so far are template capitals ("RESOURCE IMPLICATIONS"): mixed-case headings are then sub-headings. */
  capitals: boolean
  minor: string | null
  pending: string | null
  last: number
  current: Draft | null
  out: Draft[]
}

/**
 * The paragraphs of a report body.
 * @param lines the body's lines, from the first section heading to the end of the report
 */
export function reportParagraphs(lines: readonly ReportLine[]): Paragraph[] {
  const subSections = new Set(lines.map((l) => /^(\d{1,2})\.\d/.exec(l.text)?.[1]).filter(Boolean))
  const state: State = {major: null, capitals: false, minor: null, pending: null, last: 0, current: null, out: []}
  for (const line of lines) {
    const label = matchLabel(line.text)
    if (label && BODY_END.has(label.key)) break
    if (label?.value && !line.cells) { close(state); continue }
    if (line.cells && line.cells.length > 1) { close(state); continue }
    if (heading(state, line, label !== null, subSections)) continue
    if (numbered(state, line)) continue
    text(state, line)
  }
  close(state)
  return state.out.filter((d) => d.section && (d.numbered || d.lines.length))
    .map((d) => ({number: d.number, section: d.section, text: joinReportLines(d.lines)}))
    .filter((p) => p.text)
}

/** Section headings: template and capitals headings are sections; others are sub-headings. */
function heading(state: State, line: ReportLine, isLabel: boolean, subSections: Set<string | undefined>): boolean {
  const numberedHeading = /^(\d{1,2})\.?\s+(\S.*)$/.exec(line.text)
  if (numberedHeading && subSections.has(numberedHeading[1]) && headingKind({...line, text: numberedHeading[2] as string, first: true, last: true})) {
    return setSection(state, 'major', numberedHeading[2] as string)
  }
  let kind = isLabel ? 'major' : headingKind(line)
  if (!kind) return false
  if (kind !== 'sub' && state.capitals && !isCapitals(line.text)) kind = 'sub'
  if (state.current && !line.first && kind !== 'major') return false
  return setSection(state, kind, line.text)
}

/** Template capitals and, in reports without them, every heading start a section; sub-headings never do. */
function setSection(state: State, kind: 'major' | 'minor' | 'sub', text: string): boolean {
  close(state)
  const name = text.replace(/\s*:\s*$/, '').trim()
  if (kind === 'major' || (kind === 'minor' && !state.capitals)) {
    state.major = name
    state.minor = null
    state.capitals ||= isCapitals(name)
  } else state.minor = name
  state.pending = null
  return true
}

/** A numbered line starts a paragraph; a number alone waits for its text on the next line. */
function numbered(state: State, line: ReportLine): boolean {
  const found = PARA_NUMBER.exec(line.text.replace(OCR_DEBRIS, '').replace(/^(\d{1,2})\.{2,3}(?=\s)/, '$1.')) ?? misread(state, line)
  if (!found) return false
  const number = found[1] as string
  const whole = Number.parseInt(number, 10)
  const dotted = /^\d{1,2}(?:\.(?=\s|$)|\.\d)/.test(line.text)
  if (!dotted && !(line.first && whole === state.last + 1)) return false
  if (!line.first && state.last && (whole < state.last || whole > state.last + NUMBER_JUMP_MAX)) return false
  const rest = found[2] as string
  if (!rest && adoptNumber(state, number, whole)) return true
  close(state)
  state.last = whole
  if (!rest) { state.pending = number; return true }
  start(state, number, {...line, text: rest})
  return true
}

/** A number OCR read after its paragraph's first line ("Referrals … peaking at" / "4." / "November …") goes to that paragraph. */
function adoptNumber(state: State, number: string, whole: number): boolean {
  const current = state.current
  if (!current || current.numbered || current.lines.length > 2 || whole !== state.last + 1) return false
  if (TERMINAL.test(current.lines.at(-1)?.text ?? '')) return false
  current.number = number
  current.numbered = true
  state.last = whole
  return true
}

/** OCR's reading of the next paragraph number: "S." for "5.", "7s" for "7.", "l." for "1.". */
function misread(state: State, line: ReportLine): RegExpExecArray | null {
  const found = /^([0-9SlIO]{1,2})[.,:;s]\s+(\S.*)$/.exec(line.text)
  if (!found || !line.first) return null
  const digits = (found[1] as string).replace(/S/g, '5').replace(/[lI]/g, '1').replace(/O/g, '0')
  if (Number(digits) !== state.last + 1) return null
  return PARA_NUMBER.exec(`${digits}. ${found[2] as string}`)
}

function text(state: State, line: ReportLine): void {
  if (state.pending !== null) { start(state, state.pending, line); return }
  const current = state.current
  if (current && continues(current, line)) { current.lines.push(line); return }
  close(state)
  start(state, null, line)
}

/** A line continues the paragraph: same block, lower-case start, unfinished sentence, or a list inside a numbered paragraph. */
function continues(current: Draft, line: ReportLine): boolean {
  if (!line.first || /^\p{Ll}/u.test(line.text)) return true
  if (line.bullet) return current.numbered && !current.fromBullet
  return !TERMINAL.test(current.lines.at(-1)?.text ?? '')
}

function start(state: State, number: string | null, line: ReportLine): void {
  state.pending = null
  state.current = {number, section: state.major ?? state.minor ?? '', lines: [line], numbered: number !== null, fromBullet: line.bullet}
}

function close(state: State): void {
  if (state.current) state.out.push(state.current)
  state.current = null
}
