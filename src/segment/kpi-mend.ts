// Puts back the marks OCR drops from figures of a KPI row, where the rest of the row shows how it
// is printed: the thousands comma ("2015" among "1,846 1,903" → "2,015"), the decimal point ("3438" among "352.4 348.9" → "343.8").

/** At least this many other figures of the row must agree on the format before one is mended. */
const MIN_AGREEING = 3
/** A mended decimal must fall within the row's range widened by this share of it either side. */
const RANGE_SLACK = 0.25

const FIGURE = /^([<>]?[£$€]?)(\d[\d,]*(?:\.\d+)?)(%?)$/

interface Figure {
  prefix: string
  digits: string
  suffix: string
}

/**
 * The row's raw cells with dropped commas and decimal points put back where the row agrees.
 * @param raws the raw cells of one OCR row, in column order
 * @returns the cells, mended where certain; others unchanged
 */
export function mendRowFigures(raws: string[]): string[] {
  const unspecked = raws.map(withoutEndPoint)
  const figures = unspecked.map(parse)
  return unspecked.map((raw, index) => {
    const figure = figures[index]
    if (!figure || /[.,]/.test(figure.digits)) return raw
    const others = figures.filter((f, k): f is Figure => k !== index && f !== null && f.prefix === figure.prefix && f.suffix === figure.suffix)
    return withComma(figure, others) ?? withDecimal(figure, others) ?? raw
  })
}

/** A figure ending in a point with no digit after it ("22.") as printed ("22"): no figure ends so, the point is a speck OCR read (or the full stop of a sentence the table ran into). */
const END_POINT = /^([<>]?[£$€]?\d[\d,]*(?:\.\d+)?%?)\.$/

/** A figure read with a point after it ("22.") as printed ("22"); other words as read. */
export function withoutEndPoint(raw: string): string {
  const match = END_POINT.exec(raw.trim())
  return match ? match[1]! : raw
}

function parse(raw: string): Figure | null {
  const match = FIGURE.exec(raw.trim())
  return match ? {prefix: match[1]!, digits: match[2]!, suffix: match[3]!} : null
}

/** "2015" → "2,015" when most of the row's other figures of four or more digits have commas. */
function withComma(figure: Figure, others: Figure[]): string | null {
  if (figure.digits.length < 4) return null
  const large = others.filter((f) => f.digits.replace(/\D/g, '').length >= 4)
  const grouped = large.filter((f) => /^\d{1,3}(?:,\d{3})+$/.test(f.digits))
  if (grouped.length < MIN_AGREEING || grouped.length * 2 <= large.length) return null
  return figure.prefix + figure.digits.replace(/\B(?=(\d{3})+$)/g, ',') + figure.suffix
}

/** "3438" → "343.8" when every other figure has that many decimals and the mended value fits among them. */
function withDecimal(figure: Figure, others: Figure[]): string | null {
  if (others.length < MIN_AGREEING || others.some((f) => f.digits.includes(','))) return null
  const places = new Set(others.map((f) => f.digits.split('.')[1]?.length ?? 0))
  const [only] = [...places]
  if (places.size !== 1 || !only || figure.digits.length <= only) return null
  const mended = `${figure.digits.slice(0, -only)}.${figure.digits.slice(-only)}`
  const values = others.map((f) => Number(f.digits))
  const low = Math.min(...values)
  const high = Math.max(...values)
  const slack = (high - low) * RANGE_SLACK + high * RANGE_SLACK
  const value = Number(mended)
  return value >= low - slack && value <= high + slack ? figure.prefix + mended + figure.suffix : null
}
