// HTML found inside markdown (table cells, raw blocks, inline tags) reduced to its text: block tags
// and <br> become line breaks, other tags go, entities are decoded, inline "•" items split into lines.

/** Tags that end a line of text (block-level elements and <br>). */
const BREAKING_TAGS = new Set([
  'address', 'article', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])

/** Named entities met in exported documents; anything else is left as written. */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', pound: '£', euro: '€', bull: '•',
  middot: '·', copy: '©', reg: '®', deg: '°', frac12: '½', frac14: '¼', frac34: '¾', times: '×'
}

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

/** Text of some HTML and whether any tag was taken out. */
export interface HtmlText {
  /** Lines of text, trimmed, whitespace collapsed, no empty lines. */
  lines: string[]
  /** The first element tag met ("p"), or null when the HTML held only text and comments. */
  tag: string | null
}

/**
 * Reduces HTML to lines of text.
 * Examples: "<p>One</p> <p>Two</p>" → ["One", "Two"]; "4<sup>th</sup> May" → ["4th May"];
 * "<ul> • A. • B.</ul>" → ["• A.", "• B."]; "Tom &amp; Jerry" → ["Tom & Jerry"].
 * @param html the HTML (or text with some tags)
 * @returns its lines and the first tag seen
 */
export function htmlText(html: string): HtmlText {
  let tag: string | null = null
  const text = html.replace(HIDDEN, '').replace(COMMENT, '').replace(TAG, function replace(_all, name: string) {
    const lower = name.toLowerCase()
    tag ??= lower
    return BREAKING_TAGS.has(lower) ? '\n' : ''
  })
  return {lines: textLines(decodeEntities(text)), tag}
}

/**
 * Whether a single tag ends a line of text ("<br>", "<p>", "</li>"); false for "<sup>", comments.
 * @param html one tag as written
 * @returns true for block-level tags and <br>
 */
export function isBreakingTag(html: string): boolean {
  const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.trim())?.[1]
  return name !== undefined && BREAKING_TAGS.has(name.toLowerCase())
}

/**
 * Splits text into clean lines: collapsed whitespace, no empty lines, and items written inline
 * after a bullet ("… done. • Next item") put on lines of their own.
 * @param text plain text, "\n" between lines
 * @returns the lines
 */
export function textLines(text: string): string[] {
  return text.split('\n')
    .flatMap((value) => value.split(/\s+(?=[•▪●◦]\s)/))
    .map((value) => value.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

/**
 * Decodes character references: named ones from a short table, and all numeric ones.
 * @param text text with references ("&amp;", "&#8217;", "&#x2019;")
 * @returns the decoded text
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, function decode(all, body: string) {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return ENTITIES[body] ?? ENTITIES[body.toLowerCase()] ?? all
  })
}
