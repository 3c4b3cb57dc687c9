import {describe, expect, it} from 'vitest'
import {findDates, normaliseDate} from '../../src/normalise/date.js'
import {normaliseTime} from '../../src/normalise/time.js'
import {normalisePeople, normaliseRole} from '../../src/normalise/person.js'
import {normaliseNumber} from '../../src/normalise/number.js'
import {normalisePeriod} from '../../src/normalise/period.js'
import {normaliseWhitespace} from '../../src/normalise/whitespace.js'

describe('normaliseDate', () => {
  it.each([
    ['Thursday, 21st July, 2022 at 5.30 pm', '2022-07-21'],
    ['21/07/2022', '2022-07-21'],
    ['03/09/2024', '2024-09-03'],
    ['MINUTES OF THE MEETING HELD ON 6 JULY 2023', '2023-07-06'],
    ['This agenda was published on Wednesday, 13 July 2022', '2022-07-13'],
    ['Tuesday 3 September 2024, 10:00am', '2024-09-03'],
    ['1st Sept 2024', '2024-09-01'],
    ['2024-03-14', '2024-03-14'],
    ['Jul-22', null],
    ['21 July', null],
    ['N/A', null],
    ['our management team is now 95% permanent', null],
    ['to be reported today', null],
    ['', null]
  ])('should read %j as %j', (text, iso) => {
    expect(normaliseDate(text)).toBe(iso)
  })

  it('should find every complete date in a sentence, in order', () => {
    expect(findDates('held on 30 March 2023 and 6 July 2023').map((d) => d.iso)).toEqual(['2023-03-30', '2023-07-06'])
  })
})

describe('normaliseTime', () => {
  it.each([
    ['5.30 pm', '17:30'], ['at 10:00am', '10:00'], ['12.15 p.m.', '12:15'], ['12 am', '00:00'],
    ['6pm', '18:00'], ['17:30', '17:30'], ['noon', '12:00'], ['Pages 1 - 6', null], ['21/07/2022', null]
  ])('should read %j as %j', (text, time) => {
    expect(normaliseTime(text)).toBe(time)
  })
})

describe('normalisePeople', () => {
  it('should split a councillors list and attach bracketed roles', () => {
    expect(normalisePeople('Councillors T Bunday (Chair), J Baillie, Barnes-Andrews, Chapman, Mrs Mintoff and Webb')).toEqual([
      {name: 'T Bunday', role: 'Chair'}, {name: 'J Baillie', role: null}, {name: 'Barnes-Andrews', role: null},
      {name: 'Chapman', role: null}, {name: 'Mrs Mintoff', role: null}, {name: 'Webb', role: null}
    ])
  })

  it('should drop "Councillor" inside the list and read a vice-chair', () => {
    expect(normalisePeople('Councillor A Okafor (vice chair); Councillor P Lindqvist & Cllr R Dunmore.')).toEqual([
      {name: 'A Okafor', role: 'Vice-Chair'}, {name: 'P Lindqvist', role: null}, {name: 'R Dunmore', role: null}
    ])
  })

  it('should give no people for an empty list', () => {
    expect(normalisePeople(' , and ')).toEqual([])
  })

  it.each([['CHAIRMAN', 'Chair'], ['Vice Chair', 'Vice-Chair'], ['substitute', 'Substitute']])('should name the role %j as %j', (raw, role) => {
    expect(normaliseRole(raw)).toBe(role)
  })
})

describe('normaliseNumber', () => {
  it.each([
    ['1,922', {value: 1922, measure: 'number'}],
    ['24%', {value: 24, measure: 'percentage'}],
    ['24.5 %', {value: 24.5, measure: 'percentage'}],
    ['£1.2m', {value: 1200000, measure: 'currency'}],
    ['£350k', {value: 350000, measure: 'currency'}],
    ['(5)', {value: -5, measure: 'number'}],
    ['-3.5', {value: -3.5, measure: 'number'}],
    ['35.6 per 10,000', {value: 35.6, measure: 'rate'}],
    ['0.75', {value: 0.75, measure: 'number'}],
    ['N/A', null],
    ['our management team is now 95% permanent', null],
    ['to be reported today', null], ['TBC', null], ['-', null], ['10-12', null], ['1,92', null], ['', null], ['Good', null]
  ])('should read %j', (raw, parsed) => {
    expect(normaliseNumber(raw)).toEqual(parsed)
  })
})

describe('normalisePeriod', () => {
  it.each([
    ['Oct-21', '2021-10'], ['April 2022', '2022-04'], ['Sept 23', '2023-09'], ['2012/13', '2012-13'],
    ['21/22', '2021-22'], ['2019-2020', '2019-20'], ['Q4 2023/24', '2023-Q4'], ['2024 Q1', '2024-Q1'],
    ['2022', '2022'], ['Target', null], ['England', null], ['2012/15', null], ['Foo-21', null]
  ])('should read %j as %j', (label, period) => {
    expect(normalisePeriod(label)).toBe(period)
  })
})

describe('normaliseWhitespace', () => {
  it('should collapse odd spaces and drop invisible characters', () => {
    expect(normaliseWhitespace('  Pages\u00a01 -  6\u200b ')).toBe('Pages 1 - 6')
    expect(normaliseWhitespace('co\u00adoperate')).toBe('cooperate')
  })
})
