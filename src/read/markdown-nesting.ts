// Caps how deeply a markdown line nests block quotes and lists before remark parses it: the
// parser's time grows with the square of the depth and the tree walk recurses once per level.

/** Deepest container nesting kept (quotes and list markers on one line); real packs stay under ten. */
const MAX_CONTAINERS = 32
/** Longest leading indent kept (characters): deeper indents only nest lists further. */
const MAX_INDENT = 128
/** A line's leading run of container markers: `>`, bullets and ordered-list numbers, with their spaces. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+[ \t]*/
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/g

/**
 * Flattens runaway nesting: each line keeps at most {@link MAX_CONTAINERS} leading markers and
 * {@link MAX_INDENT} characters of indent; every other line is untouched.
 * @param text markdown with `\n` line ends
 * @returns the text to parse and how many lines were flattened
 */
export function capNesting(text: string): {text: string; flattened: number} {
  let flattened = 0
  const lines = text.split('\n').map(function cap(line) {
    const capped = capLine(line)
    if (capped !== line) flattened++
    return capped
  })
  return {text: flattened ? lines.join('\n') : text, flattened}
}

function capLine(line: string): string {
  let out = line
  const indent = /^[ \t]*/.exec(out)![0].length
  if (indent > MAX_INDENT) out = out.slice(0, MAX_INDENT) + out.slice(indent)
  const prefix = CONTAINER_PREFIX.exec(out)?.[0]
  if (!prefix) return out
  const markers = prefix.match(MARKER) ?? []
  if (markers.length <= MAX_CONTAINERS) return out
  return markers.slice(0, MAX_CONTAINERS).join('') + ' ' + out.slice(prefix.length)
}
