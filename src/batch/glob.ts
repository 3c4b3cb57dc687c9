// Expands a glob pattern (`packs/**/*.pdf`, `2024-0[1-3]*.md`, `{agenda,minutes}/*`) into the
// sorted file paths it matches, for shells that do not expand quoted patterns themselves.
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'

/** Characters that make an input a pattern rather than a path. */
const GLOB_CHARS = /[*?[{]/

/** True when `input` holds glob syntax. */
export function isGlob(input: string): boolean {
  return GLOB_CHARS.test(input)
}

/**
 * Lists the files matching `pattern` (`*`, `?`, `[...]`, `{a,b}` within a name, `**` across
 * folders), walking only below its literal leading folders; hidden names match only when the
 * pattern spells the dot. Symbolic links to folders are not followed (no loops).
 * @returns paths as `pattern` would spell them, sorted
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]+/)
  const absolute = pattern.startsWith('/')
  const literal: string[] = []
  while (parts.length > 1 && !isGlob(parts[0]!)) literal.push(parts.shift()!)
  const base = absolute ? '/' + literal.filter(Boolean).join('/') : literal.join('/')
  const matchers = parts.map((part) => (part === '**' ? '**' : segmentRegExp(part)))
  const found: string[] = []
  await walk(base, matchers, found)
  return found.sort(byCodePoint)
}

type Matcher = RegExp | '**'

async function walk(folder: string, matchers: readonly Matcher[], found: string[]): Promise<void> {
  const [head, ...rest] = matchers
  if (head === undefined) return
  let entries
  try {
    entries = await readdir(folder || '.', {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name))
  if (head === '**') {
    await walk(folder, rest, found)
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(join(folder, entry.name), matchers, found)
    }
    return
  }
  for (const entry of entries) {
    if (!head.test(entry.name)) continue
    const path = folder ? join(folder, entry.name) : entry.name
    if (rest.length === 0) {
      if (!entry.isDirectory() && !found.includes(path)) found.push(path)
    } else if (entry.isDirectory()) await walk(path, rest, found)
  }
}

/** One path segment's pattern as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let out = segment.startsWith('.') ? '' : '(?!\\.)'
  let braces = 0
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!
    if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end === -1) out += '\\['
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')
        out += `[${body}]`
        i = end
      }
    } else if (c === '{') { braces++; out += '(?:' }
    else if (c === '}' && braces > 0) { braces--; out += ')' }
    else if (c === ',' && braces > 0) out += '|'
    else out += c.replace(/[.+^$()|\\\]]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

/** Sort by code point, the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
