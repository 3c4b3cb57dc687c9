// Tests for the minutes segmenter: the minutes inside the seed packs as a person reads them, and
// invented minutes for each rule (other councils, wrapped lists, lettered resolutions, lost numbers).
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Minutes, Part} from '../../src/compile/model.js'
import {extract} from '../../src/extract.js'
import {segmentMinutes} from '../../src/segment/minutes.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'

/** Runs the minutes segmenter alone over invented pages, with parts when given. */
function minutesOf(pages: string[], parts?: Part[]): {minutes: Minutes[], file: VFile} {
  const file = new VFile({path: 'invented.txt'})
  if (parts) file.data.parts = parts
  segmentMinutes()(treeFromText(pages), file)
  return {minutes: file.data.minutes ?? [], file}
}

async function seedMinutes(name: SeedName): Promise<Minutes[] | null> {
  const text = readSeed(name)
  if (text === null) return null
  const {pack} = await extract({path: `${name}.txt`, data: new TextEncoder().encode(text)})
  return pack.minutes
}

const firstWords = (text: string, n = 3): string => text.split(/\s+/).slice(0, n).join(' ')

describe('segmentMinutes', () => {
  describe('on the seeds', () => {
    it('should read the minutes inside the first agenda pack (seed 000)', async (context) => {
      const minutes = await seedMinutes('agendaPackA')
      if (!minutes) return context.skip()
      expect(minutes).toHaveLength(1)
      const m = minutes[0]!
      expect(m.meetingDate).toBe('2022-06-16')
      expect(m.present).toEqual([{name: 'Winning', role: 'Chair'}, {name: 'D Galton', role: null}, {name: 'Windle', role: null}])
      expect(m.apologies.map((p) => p.name)).toEqual(['J Baillie', 'A Bunday', 'Vaughan'])
      expect(m.appointedMembers).toEqual([{name: 'Mr Rob Sanders', role: null}])
      expect(m.items.map((item) => item.number)).toEqual(['1', '2', '3', '4', null])
      expect(m.items[0]!.title).toBe('ELECTION OF VICE-CHAIR')
      expect(m.items[3]!.title).toBe('CHILDREN AND LEARNING SERVICE - PEER REVIEWS AND OFSTED ANNUAL ENGAGEMENT MEETING')
      expect(m.items[4]!.title).toBe('CHILDREN AND LEARNING - PERFORMANCE')
      expect(m.items.map((item) => item.resolutions.length)).toEqual([1, 1, 0, 1, 2])
      expect(firstWords(m.items[0]!.resolutions[0]!)).toBe('that this item')
      expect(firstWords(m.items[4]!.resolutions[1]!)).toBe('That, reflecting the')
      expect(m.items[2]!.text).toMatch(/^It was noted/)
      expect(m.items[2]!.text).toMatch(/and Vaughan\.$/)
    })

    it('should read the minutes given as markdown (seed 001)', async (context) => {
      const minutes = await seedMinutes('minutes')
      if (!minutes) return context.skip()
      expect(minutes).toHaveLength(1)
      const m = minutes[0]!
      expect(m.meetingDate).toBe('2023-07-06')
      expect(m.present).toHaveLength(6)
      expect(m.present[0]).toEqual({name: 'T Bunday', role: 'Chair'})
      expect(m.present.map((p) => p.name)).toContain('Mrs Mintoff')
      expect(m.apologies.map((p) => p.name)).toEqual(['Lambert', 'Quadir'])
      expect(m.appointedMembers.map((p) => p.name)).toEqual(['Rob Sanders'])
      expect(m.items.map((item) => item.number)).toEqual(['38', '39', '40', '41', '42', '43', '44'])
      expect(m.items[1]!.title).toBe('ELECTION OF VICE-CHAIR')
      expect(m.items[4]!.title).toBe("CHILDREN'S RESOURCE SERVICE AUDIT AND SERVICE RESPONSE")
      expect(m.items.map((item) => item.resolutions.length)).toEqual([0, 1, 1, 2, 1, 1, 0])
      expect(firstWords(m.items[3]!.resolutions[0]!)).toBe('That, to help')
      expect(m.items[6]!.text).not.toMatch(/intentionally left blank/)
    })

    it('should recover the numbers OCR split from their titles (seed 004)', async (context) => {
      const minutes = await seedMinutes('agendaPackB')
      if (!minutes) return context.skip()
      expect(minutes).toHaveLength(1)
      const m = minutes[0]!
      expect(m.meetingDate).toBe('2024-08-08')
      expect(m.present).toHaveLength(7)
      expect(m.present.slice(0, 2)).toEqual([{name: 'Barnes-Andrews', role: 'Chair'}, {name: 'Webb', role: 'Vice-Chair'}])
      expect(m.present.map((p) => p.name)).toContain('Mrs Blatchford')
      expect(m.apologies.map((p) => p.name)).toEqual(['Kaur', 'Allen'])
      expect(m.appointedMembers.map((p) => p.name)).toEqual(['Rob Sanders', 'Catherine Hobbs'])
      expect(m.items.map((item) => item.number)).toEqual(['8', '9', '10', '11', '12', '13', '14'])
      expect(m.items[2]!.title).toBe('EARLY YEARS AND CHILDCARE')
      expect(m.items[4]!.title).toBe('ANNUAL CONVERSATION WITH OFSTED AND PROGRESS OF POST-INSPECTION IMPROVEMENT PLAN')
      expect(m.items[6]!.title).toBe('MONITORING SCRUTINY RECOMMENDATIONS')
      expect(m.items.map((item) => item.resolutions.length)).toEqual([0, 1, 0, 3, 1, 0, 0])
      expect(firstWords(m.items[3]!.resolutions[2]!)).toBe('That the scheduled')
    })
  })

  describe('on invented minutes', () => {
    const otherCouncil = [
      'BRACKENFORD DISTRICT COUNCIL',
      '',
      'MINUTES of a meeting of the Licensing Committee held at the Guildhall on',
      'Tuesday, 4th March, 2025',
      '',
      'PRESENT: Councillor P Ashdown (Chairman), Councillor R Kemal',
      '(Vice-Chairman), Councillors T Oduya, B Nolan,',
      'S Fairweather and Mrs E Pryce',
      '',
      'Also present: Mr K Dale (Licensing Manager)',
      '',
      '12. Apologies for Absence',
      '',
      'There were none.',
      '',
      '13. Review of the Taxi Licensing Policy and the',
      'Conditions for Drivers',
      '',
      'The Committee considered the report of the Licensing Manager.',
      '',
      'RESOLVED:',
      '',
      '(a) that the revised policy be approved;',
      '',
      '(b) that the Licensing Manager be authorised to consult',
      '',
      'the trade on the new conditions.',
      '',
      '14. Gambling Act Statement of Principles',
      '',
      'It was RESOLVED that the statement be recommended to Council.',
      '',
      '15. Work Programme',
      '',
      'The Committee NOTED the work programme.',
      '',
      'The meeting closed at 8.15 pm.',
      '',
      'Chairman'
    ].join('\n')

    it('should read a heading over two lines, a present list over three lines and no apologies', () => {
      const [m] = minutesOf([otherCouncil]).minutes
      expect(m!.part).toBe('minutes-1')
      expect(m!.meetingDate).toBe('2025-03-04')
      expect(m!.present).toEqual([
        {name: 'P Ashdown', role: 'Chair'}, {name: 'R Kemal', role: 'Vice-Chair'}, {name: 'T Oduya', role: null},
        {name: 'B Nolan', role: null}, {name: 'S Fairweather', role: null}, {name: 'Mrs E Pryce', role: null}
      ])
      expect(m!.apologies).toEqual([])
      expect(m!.appointedMembers).toEqual([])
    })

    it('should read mixed-case numbered titles, wrapped titles, lettered points, It was RESOLVED and NOTED', () => {
      const [m] = minutesOf([otherCouncil]).minutes
      expect(m!.items.map((item) => [item.number, item.title])).toEqual([
        ['12', 'Apologies for Absence'],
        ['13', 'Review of the Taxi Licensing Policy and the Conditions for Drivers'],
        ['14', 'Gambling Act Statement of Principles'],
        ['15', 'Work Programme']
      ])
      expect(m!.items[0]!.text).toBe('There were none.')
      expect(m!.items[1]!.resolutions).toEqual(['that the revised policy be approved;', 'that the Licensing Manager be authorised to consult the trade on the new conditions.'])
      expect(m!.items[2]!.resolutions).toEqual(['that the statement be recommended to Council.'])
      expect(m!.items[3]!.resolutions).toEqual(['The Committee NOTED the work programme.'])
      expect(m!.items[3]!.text).toBe('The Committee NOTED the work programme.')
    })

    it('should split resolutions printed in one paragraph and take AGREED and RESOLVED variants', () => {
      const [m] = minutesOf([[
        'MINUTES OF THE MEETING HELD ON 2 OCTOBER 2024',
        '',
        'Present: Councillors Amadi (Chair) and Lowe',
        '',
        'Apologies: Councillor Hurst',
        '',
        '3. BUDGET MONITORING',
        '',
        'RESOLVED: 1) That the forecast be noted. 2) That a further report be brought in January.',
        '',
        '4. PARKING REVIEW',
        '',
        'RESOLVED – that the review be deferred.',
        '',
        '5. WORK PLAN',
        '',
        'AGREED that the work plan be updated.',
        '',
        'RESOLVED',
        '',
        'i) That the Chair writes to the Leader;',
        '',
        'ii) That officers report back.'
      ].join('\n')]).minutes
      expect(m!.apologies).toEqual([{name: 'Hurst', role: null}])
      expect(m!.items.map((item) => item.resolutions)).toEqual([
        ['That the forecast be noted.', 'That a further report be brought in January.'],
        ['that the review be deferred.'],
        ['that the work plan be updated.', 'That the Chair writes to the Leader;', 'That officers report back.']
      ])
    })

    it('should leave an unnumbered item after numbered ones unnumbered', () => {
      const [m] = minutesOf([[
        'MINUTES OF THE MEETING HELD ON 5 MAY 2023',
        '',
        'Present: Councillors Reed (Chair), Shah',
        '',
        '6. MINUTES OF THE PREVIOUS MEETING',
        'RESOLVED that the minutes be approved.',
        '',
        'HOUSING ALLOCATIONS UPDATE',
        '',
        'The Panel received an update on allocations.'
      ].join('\n')]).minutes
      expect(m!.items.map((item) => [item.number, item.title])).toEqual([['6', 'MINUTES OF THE PREVIOUS MEETING'], [null, 'HOUSING ALLOCATIONS UPDATE']])
      expect(m!.items[1]!.text).toBe('The Panel received an update on allocations.')
    })

    it('should give numbers left on their own lines back to the titles they fit, and fill the sequence', () => {
      const {minutes, file} = minutesOf([[
        'MINUTES OF THE MEETING HELD ON 9 JANUARY 2025',
        '',
        'Present: Councillors Quinn (Chair), Vale',
        '',
        '21.',
        '',
        'DECLARATIONS OF INTEREST',
        '',
        'None were declared.',
        '',
        'MINUTES OF THE PREVIOUS MEETING',
        '',
        'RESOLVED that the minutes be signed.',
        '',
        '23. LIBRARY SERVICES',
        '',
        'The Panel noted the report.',
        '',
        '24.',
        '',
        'ANY OTHER BUSINESS',
        '',
        'There was none.'
      ].join('\n')])
      expect(minutes[0]!.items.map((item) => item.number)).toEqual(['21', '22', '23', '24'])
      expect(minutes[0]!.items[0]!.text).toBe('None were declared.')
      expect(file.messages.map((m) => m.ruleId)).toContain('minute-number-inferred')
    })

    it('should read unnumbered plain titles when the minutes number nothing', () => {
      const [m] = minutesOf([[
        'Minutes of the Audit Committee',
        'held on Monday 3 June 2024 at 2.00pm',
        '',
        'Present: Councillor N. Byrne (Chair), Councillor O. Tate and Councillor P. Unwin',
        '',
        'Declarations of interest',
        '',
        'There were no declarations of interest.',
        '',
        'External audit plan',
        '',
        'The Committee received the plan from the external auditor.',
        '',
        'RESOLVED that the plan be noted.',
        '',
        'The meeting ended at 3.10pm.',
        '',
        'Chair'
      ].join('\n')]).minutes
      expect(m!.meetingDate).toBe('2024-06-03')
      expect(m!.present.map((p) => p.name)).toEqual(['N. Byrne', 'O. Tate', 'P. Unwin'])
      expect(m!.items.map((item) => [item.number, item.title])).toEqual([[null, 'Declarations of interest'], [null, 'External audit plan']])
      expect(m!.items[1]!.text).toBe('The Committee received the plan from the external auditor. RESOLVED that the plan be noted.')
    })

    it('should use the minutes parts when the parts segmenter found them', () => {
      const pages = ['AGENDA\n\n1 APOLOGIES', 'MINUTES OF THE MEETING HELD ON 1 APRIL 2024\n\nPresent: Councillor Ware (Chair)\n\n1. APOLOGIES\n\nNone.', 'DECISION-MAKER: CABINET\n\nSUBJECT: ROADS']
      const parts: Part[] = [
        {id: 'a', kind: 'agenda', title: null, agendaItem: null, pages: {from: 1, to: 1}, parent: null},
        {id: 'b', kind: 'minutes', title: null, agendaItem: '1', pages: {from: 2, to: 2}, parent: null},
        {id: 'c', kind: 'report', title: null, agendaItem: null, pages: {from: 3, to: 3}, parent: null}
      ]
      const {minutes} = minutesOf(pages, parts)
      expect(minutes).toHaveLength(1)
      expect(minutes[0]!.part).toBe('b')
      expect(minutes[0]!.items).toEqual([{number: '1', title: 'APOLOGIES', text: 'None.', resolutions: []}])
    })

    it('should start at a heading on the page before a minutes part that begins a page late', () => {
      const pages = ['AGENDA\n\n1 APOLOGIES\n\nMINUTES OF THE MEETING HELD ON 7 MAY 2024\n\nPresent: Councillor Ng (Chair)', '4. HIGHWAYS\n\nRESOLVED that the report be noted.']
      const parts: Part[] = [
        {id: 'a', kind: 'agenda', title: null, agendaItem: null, pages: {from: 1, to: 1}, parent: null},
        {id: 'b', kind: 'minutes', title: null, agendaItem: null, pages: {from: 2, to: 2}, parent: null}
      ]
      const [m] = minutesOf(pages, parts).minutes
      expect(m!.meetingDate).toBe('2024-05-07')
      expect(m!.present).toEqual([{name: 'Ng', role: 'Chair'}])
      expect(m!.items.map((item) => item.title)).toEqual(['HIGHWAYS'])
    })

    it('should read numbered paragraphs that resolve, and lists after "RESOLVED that Council:"', () => {
      const [m] = minutesOf([[
        'MINUTES of a meeting of the County Council held on Thursday, 6 February 2025.',
        '',
        '40. Annual Report',
        '',
        '1) The Leader introduced the report.',
        '',
        '2) RESOLVED that the report be noted.',
        '',
        '41. Capital Strategy',
        '',
        '3) RESOLVED that Council:',
        '',
        '(i) Notes the strategy; and',
        '',
        '(ii) Approves the borrowing limits.'
      ].join('\n')]).minutes
      expect(m!.items.map((item) => item.resolutions)).toEqual([['that the report be noted.'], ['Notes the strategy; and', 'Approves the borrowing limits.']])
    })

    it('should give no minutes for a pack without any', () => {
      expect(minutesOf(['AGENDA\n\n1 APOLOGIES\n\n2 MINUTES OF THE PREVIOUS MEETING']).minutes).toEqual([])
    })
  })
})
