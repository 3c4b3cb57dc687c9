// Compares two JSON values field by field and lists every difference with its path
// (`pages[3].text`, `agenda[0].title`), for `agendapack regress`.

/** One difference: where, what the golden file holds, what the run gave (undefined = absent). */
export interface JsonDifference {
  path: string
  expected: unknown
  got: unknown
}

/** Every difference between `expected` and `got`, in document order. */
export function jsonDiff(expected: unknown, got: unknown, path = ''): JsonDifference[] {
  if (Object.is(expected, got)) return []
  if (Array.isArray(expected) && Array.isArray(got)) {
    const out: JsonDifference[] = []
    for (let i = 0; i < Math.max(expected.length, got.length); i++) {
      out.push(...jsonDiff(i < expected.length ? expected[i] : undefined, i < got.length ? got[i] : undefined, `${path}[${i}]`))
    }
    return out
  }
  if (isObject(expected) && isObject(got)) {
    const keys = [...Object.keys(expected), ...Object.keys(got).filter((k) => !(k in expected))]
    return keys.flatMap((key) => jsonDiff(expected[key], got[key], path ? `${path}.${key}` : key))
  }
  return [{path: path || '(root)', expected, got}]
}

/** Longest value shown in a diff line (characters); the rest is cut with an ellipsis. */
const MAX_SHOWN = 120

/** `pages[3].text: expected "Agenda" got "Agenda."` */
export function formatDifference(d: JsonDifference): string {
  return `${d.path}: expected ${shown(d.expected)}, got ${shown(d.got)}`
}

function shown(value: unknown): string {
  if (value === undefined) return '(absent)'
  const text = JSON.stringify(value)
  return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN - 1) + '…' : text
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
