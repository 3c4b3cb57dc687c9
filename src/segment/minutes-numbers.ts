// Minute numbers that OCR split from their titles or dropped: detached numbers ("10." on a line of
// its own) go to the unnumbered item they fit, then gaps are filled from the sequence.

/** An item's number as printed (null when none was beside its title) and where its title starts. */
export interface NumberSlot {
  number: string | null
  start: number
  inferred: boolean
}

/** A number standing alone on its line, and where. */
export interface DetachedNumber {
  index: number
  value: number
}

/**
 * Fills in missing numbers in place.
 * 1. Each detached number goes to the nearest unnumbered item where it keeps the sequence rising
 *    with room for the items around it.
 * 2. A run of unnumbered items between two numbers that leave exactly room for it is numbered.
 * 3. Where detached numbers show the numbering was printed but lost, runs before the first and
 *    after the last number are numbered from the sequence too; otherwise they stay null.
 */
export function recoverNumbers(slots: NumberSlot[], detached: readonly DetachedNumber[]): void {
  for (const orphan of detached) placeDetached(slots, orphan)
  fillBetween(slots)
  if (detached.length) fillEnds(slots)
}

function known(slot: NumberSlot | undefined): number | null {
  return slot?.number && /^\d+$/.test(slot.number) ? Number(slot.number) : null
}

function placeDetached(slots: NumberSlot[], orphan: DetachedNumber): void {
  let best = -1
  slots.forEach(function consider(slot, k) {
    if (slot.number !== null || !fits(slots, k, orphan.value)) return
    if (best < 0 || distance(slots[k]!, orphan) < distance(slots[best]!, orphan)) best = k
  })
  if (best >= 0) slots[best] = {...slots[best]!, number: String(orphan.value), inferred: true}
}

/** Distance in lines from a detached number to a title; a title after the number wins ties. */
function distance(slot: NumberSlot, orphan: DetachedNumber): number {
  const d = slot.start - orphan.index
  return d >= 0 ? d : -d + 0.5
}

/** True when slot k can take `value` with room for the unnumbered slots between it and its known neighbours. */
function fits(slots: readonly NumberSlot[], k: number, value: number): boolean {
  let before = 0
  let p = k - 1
  while (p >= 0 && known(slots[p]) === null) { before++; p-- }
  let after = 0
  let q = k + 1
  while (q < slots.length && known(slots[q]) === null) { after++; q++ }
  const low = p >= 0 ? known(slots[p])! : 0
  const high = q < slots.length ? known(slots[q])! : Number.POSITIVE_INFINITY
  return value - low - 1 >= before && high - value - 1 >= after
}

function fillBetween(slots: NumberSlot[]): void {
  let last = -1
  slots.forEach(function fill(slot, k) {
    const value = known(slot)
    if (value === null) return
    const lastValue = last >= 0 ? known(slots[last]) : null
    if (lastValue !== null && value - lastValue - 1 === k - last - 1) {
      for (let j = last + 1; j < k; j++) slots[j] = {...slots[j]!, number: String(lastValue + j - last), inferred: true}
    }
    last = k
  })
}

function fillEnds(slots: NumberSlot[]): void {
  const first = slots.findIndex((slot) => known(slot) !== null)
  if (first < 0) return
  const firstValue = known(slots[first])!
  if (firstValue - first >= 1) {
    for (let j = 0; j < first; j++) slots[j] = {...slots[j]!, number: String(firstValue - first + j), inferred: true}
  }
  let lastKnown = first
  slots.forEach((slot, k) => { if (known(slot) !== null) lastKnown = k })
  const lastValue = known(slots[lastKnown])!
  for (let j = lastKnown + 1; j < slots.length; j++) slots[j] = {...slots[j]!, number: String(lastValue + j - lastKnown), inferred: true}
}
