// Clock times as printed ("5.30 pm", "10:00am", "17:30", "6pm", "noon") → 24-hour `HH:MM`.
// Pure: string in, string or null out.

const TWELVE_HOUR = /\b(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?\s*([ap])\.?\s?m\b\.?/i
const TWENTY_FOUR_HOUR = /\b([01]?\d|2[0-3])[:.]([0-5]\d)(?!\s*[ap]\.?\s?m)(?![\d.:/])/i
const NOON = /\b(noon|midday|12 noon)\b/i

/**
 * The first time of day in `text` as `HH:MM`.
 * Examples: "5.30 pm" → "17:30"; "at 10:00am" → "10:00"; "12.15 p.m." → "12:15"; "12 am" → "00:00";
 * "17:30" → "17:30"; "noon" → "12:00"; "Pages 1 - 6" → null.
 */
export function normaliseTime(text: string): string | null {
  const twelve = TWELVE_HOUR.exec(text)
  if (twelve) {
    let hour = Number(twelve[1]) % 12
    if (twelve[3]!.toLowerCase() === 'p') hour += 12
    return `${pad(hour)}:${twelve[2] ?? '00'}`
  }
  if (NOON.test(text)) return '12:00'
  const plain = TWENTY_FOUR_HOUR.exec(text)
  return plain ? `${pad(Number(plain[1]))}:${plain[2]}` : null
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
