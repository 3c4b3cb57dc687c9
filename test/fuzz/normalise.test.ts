// Property tests for every normaliser: any string in, never a throw, and a value of the documented
// shape out (ISO dates and times, finite numbers, periods in the schema's forms).
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {findDates, normaliseDate} from '../../src/normalise/date.js'
import {normaliseNumber} from '../../src/normalise/number.js'
import {normalisePageStamp} from '../../src/normalise/page-stamp.js'
import {normalisePeriod} from '../../src/normalise/period.js'
import {normalisePeople, normalisePerson, normaliseRole} from '../../src/normalise/person.js'
import {normaliseTime} from '../../src/normalise/time.js'
import {normaliseWhitespace} from '../../src/normalise/whitespace.js'
import {fuzzParameters} from './runs.js'

/** Strings shaped like what the normalisers meet: dates, times, numbers, periods, names, stamps, junk. */
const TOKENS = ['Monday', '4th', 'June', 'Sept', '2024', '24', '/', '-', '.', ',', ':', 'am', 'pm', 'noon', '7.30', '10:00',
  '£', '%', '1,922', '(3.5)', 'N/A', 'TBC', 'Q4', '2023/24', 'FY', 'Oct-21', 'Page', 'of', '- 3 -', 'Cllr', 'Councillor',
  '(Chair)', 'and', 'Mrs', 'J.', 'Smith-Jones', '\t', '\n', ' ', '\u00a0', '\u200b', 'é', '٣', '二〇二四', '\ud800', '0', '99999999999999999999']
const shaped = fc.array(fc.constantFrom(...TOKENS), {maxLength: 12}).map((parts) => parts.join(' '))
const anyText = fc.oneof(shaped, fc.string({unit: 'binary', maxLength: 80}), fc.string({maxLength: 80}))

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_TIME = /^\d{2}:\d{2}$/
const PERIOD = /^(?:\d{4}(?:-\d{2}|-\d{2,4}|-Q[1-4])?|\d{4}-\d{2}-\d{2})$/

describe('normalisers on any text', () => {
  it('should give ISO dates or null', () => {
    fc.assert(fc.property(anyText, (text) => {
      const iso = normaliseDate(text)
      expect(iso === null || ISO_DATE.test(iso)).toBe(true)
      for (const found of findDates(text)) expect(found.iso).toMatch(ISO_DATE)
    }), fuzzParameters(0.5))
  })

  it('should give 24-hour times or null', () => {
    fc.assert(fc.property(anyText, (text) => {
      const time = normaliseTime(text)
      expect(time === null || ISO_TIME.test(time)).toBe(true)
    }), fuzzParameters())
  })

  it('should give finite numbers or null', () => {
    fc.assert(fc.property(anyText, (text) => {
      const parsed = normaliseNumber(text)
      expect(parsed === null || Number.isFinite(parsed.value)).toBe(true)
    }), fuzzParameters())
  })

  it('should give periods in the schema forms or null', () => {
    fc.assert(fc.property(anyText, (text) => {
      const period = normalisePeriod(text)
      expect(period === null || PERIOD.test(period), String(period)).toBe(true)
    }), fuzzParameters())
  })

  it('should give names, roles, stamps and whitespace without throwing', () => {
    fc.assert(fc.property(anyText, (text) => {
      for (const person of normalisePeople(text)) expect(typeof person.name).toBe('string')
      const one = normalisePerson(text)
      expect(one === null || typeof one.name === 'string').toBe(true)
      expect(typeof normaliseRole(text)).toBe('string')
      const stamp = normalisePageStamp(text)
      expect(stamp === null || stamp.number === null || typeof stamp.number === 'string').toBe(true)
      expect(normaliseWhitespace(text)).not.toMatch(/ {2}/)
    }), fuzzParameters())
  })
})
