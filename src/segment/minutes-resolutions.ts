// Resolutions in a minute item's body: "RESOLVED that …", "RESOLVED: 1) That … 2) That …", "(i)",
// "(a)", "It was RESOLVED", "AGREED", "The Panel NOTED …", split into their numbered/lettered points.

/** One paragraph of an item's body as running text, with whether it was a list item. */
export interface BodyBlock {
  text: string
  listItem: boolean
}

const KEYWORD = /^(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+)?(?:It\s+was\s+|(?:The\s+)?(?:[A-Z][\w'’-]*\s+){1,4})?(?:(?:also|further|then|unanimously|therefore)\s+)?(RESOLVED|AGREED|NOTED|DECIDED)\b|^(Resolved|Agreed|Decided)\b(?=\s*(?:[:\-–—]|that\b|to\b|\(|$))/
const AFTER_KEYWORD = /^\s*(?:\((?:unanimously|by\s[^)]*|nem\.?\s*con\.?)\)\s*)?(?:unanimously\s*)?[:\-–—,.]*\s*/i
const POINT = /^(?:\(([0-9]{1,2}|[ivx]{1,5}|[a-h])\)|([0-9]{1,2}|[ivx]{1,5}|[a-h])[.)])\s*(?=\S)/i
const INLINE_POINT = /(?:^|\s)(?:\(([0-9]{1,2}|[ivx]{1,5}|[a-h])\)|([0-9]{1,2}|[ivx]{1,5}|[a-h])\))\s+(?=\S)/gi
const LEAD_IN = /^(?:that\s*)?:?$/i

/** True when a paragraph opens a resolution ("RESOLVED …", "It was AGREED …", "The Panel NOTED …"). */
export function opensResolution(text: string): boolean {
  return KEYWORD.test(text)
}

/** The resolutions of an item, each its own string without keyword or point marker. */
export function readResolutions(blocks: readonly BodyBlock[]): string[] {
  const out: string[] = []
  for (let i = 0; i < blocks.length; i++) {
    const match = KEYWORD.exec(blocks[i]!.text)
    if (!match) continue
    const subject = match[0].length > (match[1] ?? match[2] ?? '').length
    const rest = blocks[i]!.text.slice(match[0].length).replace(AFTER_KEYWORD, '')
    const points = followingPoints(blocks, i + 1, rest)
    if (points.taken.length) {
      out.push(...points.taken)
      i = points.next - 1
    } else if (subject && !/^that\b/i.test(rest) && (match[1] === 'NOTED' || match[1] === 'AGREED')) {
      out.push(blocks[i]!.text)
    } else if (rest) {
      out.push(...splitInline(rest))
    }
  }
  return out.map(clean).filter(Boolean)
}

/**
 * Points after a keyword: the blocks after it that open with a marker (or are list items),
 * a lower-case paragraph running on the one before; or the single paragraph after a bare "RESOLVED:".
 */
function followingPoints(blocks: readonly BodyBlock[], from: number, rest: string): {taken: string[], next: number} {
  const taken: string[] = []
  const leadIn = LEAD_IN.test(rest.trim()) || /:$/.test(rest.trim())
  const inline = rest && !leadIn ? splitInline(rest) : []
  let i = from
  for (; i < blocks.length; i++) {
    const block = blocks[i]!
    if (POINT.test(block.text)) taken.push(...splitInline(block.text))
    else if (block.listItem && (leadIn || inline.length > 1)) taken.push(block.text)
    else if (taken.length && /^[a-z]/.test(block.text)) taken[taken.length - 1] += ' ' + block.text
    else break
  }
  if (taken.length && !leadIn) return {taken: [...inline, ...taken], next: i}
  if (taken.length) return {taken, next: i}
  if ((!rest || leadIn) && blocks[from] && !KEYWORD.test(blocks[from].text)) return {taken: [blocks[from].text], next: from + 1}
  return {taken: [], next: from}
}

/** "1) That A 2) That B" → ["That A", "That B"] when the markers run in order from the start. */
function splitInline(text: string): string[] {
  const marks = [...text.matchAll(INLINE_POINT)]
  if (!marks.length || marks[0]!.index !== 0) return [text.replace(POINT, '')]
  const kept = [marks[0]!]
  for (const mark of marks.slice(1)) {
    if (follows(valueOf(kept[kept.length - 1]!), valueOf(mark))) kept.push(mark)
  }
  if (kept.length < 2) return [text.replace(POINT, '')]
  return kept.map((mark, k) => text.slice(mark.index + mark[0].length, kept[k + 1]?.index ?? text.length))
}

function valueOf(mark: RegExpMatchArray): string {
  return (mark[1] ?? mark[2] ?? '').toLowerCase()
}

/** True when marker `next` comes right after `previous` (1→2, a→b, i→ii; OCR's "i" for "ii" allowed). */
function follows(previous: string, next: string): boolean {
  if (/^\d+$/.test(previous)) return Number(next) === Number(previous) + 1
  const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']
  const r = romans.indexOf(previous)
  if (r >= 0 && (romans[r + 1] === next || (previous === 'i' && next === 'i'))) return true
  return /^[a-h]$/.test(previous) && next.charCodeAt(0) === previous.charCodeAt(0) + 1
}

/** Whitespace collapsed; leading separators and trailing OCR specks (" :", a stray quote after the full stop) removed. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s:;,–—-]+/, '').replace(/\s+[.:;,'’‘"”`]+$/, '').replace(/([.;])['’‘"”`]+$/, '$1').trim()
}
