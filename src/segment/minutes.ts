// Finds the minutes of the previous meeting in a pack: meeting date, attendance, items with their
// text and resolutions. Leaves its result on file.data.minutes (one entry per minutes part).
import type {VFile} from 'vfile'
import type {MinuteItem, Minutes} from '../compile/model.js'
import {report} from '../messages.js'
import {findDates} from '../normalise/date.js'
import type {Root} from '../tree/types.js'
import {joinLines} from './lines.js'
import {readAttendance} from './minutes-attendance.js'
import {isCaps, isClosing, isNoise, isOrphanNumber, numberedStarts, titleEnd, titleText, unnumberedStart} from './minutes-items.js'
import {minutesRegions, type MinuteLine, type MinutesRegion} from './minutes-lines.js'
import {recoverNumbers, type DetachedNumber, type NumberSlot} from './minutes-numbers.js'
import {opensResolution, readResolutions, type BodyBlock} from './minutes-resolutions.js'
import type {Stage} from './types.js'

/** Share (≥) of ALL-CAPS titles among numbered items for unnumbered items to need ALL-CAPS titles too. */
const CAPS_STYLE_SHARE = 0.5
/** Pages (≥) a line must appear on to count as a running header rather than a title. */
const RUNNING_LINE_PAGES = 3
/** Lines (≤) at the top of the minutes in which attendance lists are looked for. */
const HEADER_MAX_LINES = 30
/** Lines (≤) after a heading without a date in which the meeting date is looked for. */
const DATE_SEARCH_LINES = 4

/** Finds the minutes of the previous meeting: attendance, items and resolutions. */
export const segmentMinutes: Stage = function segmentMinutes() {
  return function minutesTransform(tree: Root, file: VFile) {
    const regions = minutesRegions(tree, file.data.parts, (n) => `minutes-${n}`)
    file.data.minutes = regions.map((region) => readMinutes(region, file))
  }
}

/** One set of minutes from its region of lines. */
export function readMinutes(region: MinutesRegion, file?: VFile): Minutes {
  const lines = region.body
  const numbered = numberedStarts(lines)
  const titles = [...numbered.keys()].map((i) => lines[i]!.text.replace(/^\S+\s*/, ''))
  const capsOnly = titles.length > 0 && titles.filter(isCaps).length / titles.length >= CAPS_STYLE_SHARE
  const plainAllowed = titles.length === 0
  const attendance = readAttendance(lines, (i) => numbered.has(i) || i >= HEADER_MAX_LINES || opensResolution(lines[i]!.text))
  const headerEnd = attendance.used.size ? Math.max(...attendance.used) + 1 : 0
  const repeated = repeatedLines(lines)
  const isStart = (i: number): boolean => numbered.has(i) ||
    (i >= headerEnd && !repeated.has(lines[i]!.text) && unnumberedStart(lines[i]!, capsOnly, plainAllowed, lines[i + 1], lines[i - 1]))
  const starts = itemStarts(lines, attendance.used, isStart)
  const items = buildItems(lines, starts, numbered, file)
  return {
    part: region.part,
    meetingDate: meetingDate(region, starts[0] ?? lines.length),
    present: attendance.present,
    apologies: attendance.apologies,
    appointedMembers: attendance.appointedMembers,
    items
  }
}

/** Line texts seen on several pages: running headers the cleaners left, never item titles. */
function repeatedLines(lines: readonly MinuteLine[]): Set<string> {
  const pages = new Map<string, Set<number>>()
  for (const entry of lines) pages.set(entry.text, (pages.get(entry.text) ?? new Set()).add(entry.line.page))
  return new Set([...pages].filter(([, seen]) => seen.size >= RUNNING_LINE_PAGES).map(([text]) => text))
}

/** The date the minutes are of: the first full date in the heading, else in the lines before the first item. */
function meetingDate(region: MinutesRegion, firstItem: number): string | null {
  const heading = region.heading.map((entry) => entry.text).join(' ')
  const found = findDates(heading.toLowerCase())[0]?.iso
  if (found) return found
  const top = region.body.slice(0, Math.min(firstItem, DATE_SEARCH_LINES)).map((entry) => entry.text).join(' ')
  return findDates(top.toLowerCase())[0]?.iso ?? null
}

/** Title lines of the items, in order: numbered ones and unnumbered headings after the attendance lists. */
function itemStarts(lines: readonly MinuteLine[], used: Set<number>, isStart: (i: number) => boolean): number[] {
  const out: number[] = []
  let titleUntil = -1
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i) || i < titleUntil) continue
    if (isClosing(lines[i]!.text) && out.length) break
    if (!isStart(i)) continue
    out.push(i)
    titleUntil = titleEnd(lines, i)
  }
  return out
}

function buildItems(lines: readonly MinuteLine[], starts: readonly number[], numbered: Map<number, string>, file?: VFile): MinuteItem[] {
  const end = closingIndex(lines, starts[0] ?? lines.length)
  const slots: NumberSlot[] = starts.map((start) => ({number: numbered.get(start) ?? null, start, inferred: false}))
  recoverNumbers(slots, detachedNumbers(lines, end))
  return starts.map(function item(start, k) {
    const bodyStart = titleEnd(lines, start)
    const body = lines.slice(bodyStart, Math.min(starts[k + 1] ?? end, end)).filter((entry) => !isNoise(entry.text))
    const slot = slots[k]!
    if (slot.inferred && file) report(file, 'minute-number-inferred', `Minute number ${slot.number} was inferred from a detached number or the sequence`, lines[start]!.line.page)
    return {
      number: slot.number,
      title: titleText(lines, start, bodyStart, numbered.has(start)),
      text: joinLines(body.map((entry) => ({...entry.line, text: entry.text}))),
      resolutions: readResolutions(bodyBlocks(body))
    }
  })
}

/** Where the minutes close: "The meeting ended at …" or a lone "Chair" after the first item. */
function closingIndex(lines: readonly MinuteLine[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) if (isClosing(lines[i]!.text)) return i
  return lines.length
}

function detachedNumbers(lines: readonly MinuteLine[], end: number): DetachedNumber[] {
  const out: DetachedNumber[] = []
  for (let i = 0; i < end; i++) {
    if (isOrphanNumber(lines[i]!.text)) out.push({index: i, value: Number(lines[i]!.text.replace(/\D/g, ''))})
  }
  return out
}

/** The body lines grouped into paragraphs of running text; a line opening a resolution starts a new one. */
function bodyBlocks(body: readonly MinuteLine[]): BodyBlock[] {
  const out: BodyBlock[] = []
  let current: MinuteLine[] = []
  const flush = (): void => {
    if (!current.length) return
    out.push({text: joinLines(current.map((entry) => ({...entry.line, text: entry.text}))), listItem: current[0]!.line.blockType === 'listItem'})
    current = []
  }
  for (const entry of body) {
    if (current.length && (entry.line.block !== current[0]!.line.block || opensResolution(entry.text))) flush()
    current.push(entry)
  }
  flush()
  return out
}
