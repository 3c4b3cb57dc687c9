// Tests for segmentMeeting: authority, committee, date, time, venue and publication date from
// front sheets, dated headings and cover letters; minutes and cover sheets only as fallbacks.
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract.js'
import {segmentMeeting} from '../../src/segment/meeting.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'
import {fixturePacks} from '../util/fixture-packs.js'

function meetingOf(pages: string[]) {
  const file = new VFile({path: 'test.txt'})
  segmentMeeting()(treeFromText(pages), file)
  return file.data.meeting
}

async function seedMeeting(name: SeedName, ext: string) {
  const text = readSeed(name)
  return text === null ? null : (await extract({path: `${name}.${ext}`, data: new TextEncoder().encode(text)})).pack.meeting
}

describe('segmentMeeting', () => {
  it('should read the first seed pack: names as printed, publication date, date from the cover sheets', async () => {
    const meeting = await seedMeeting('agendaPackA', 'txt')
    if (!meeting) return
    expect(meeting).toEqual({
      authority: 'SOUTHAMPTON CITY COUNCIL', committee: 'CHILDREN AND FAMILIES SCRUTINY PANEL',
      date: '2022-07-21', time: null, venue: null, publishedOn: '2022-07-13'
    })
  })

  it('should not take the date of the minutes inside the second seed pack as the meeting date', async () => {
    const meeting = await seedMeeting('agendaPackB', 'txt')
    if (!meeting) return
    expect(meeting.date).toBe('2024-09-26')
    expect(meeting.publishedOn).toBe('2024-09-18')
    expect(meeting.committee).toBe('CHILDREN AND FAMILIES SCRUTINY PANEL')
  })

  it('should take the names and the minuted meeting\'s date from a minutes-only document', async () => {
    const meeting = await seedMeeting('minutes', 'md')
    if (!meeting) return
    expect(meeting).toEqual({
      authority: 'SOUTHAMPTON CITY COUNCIL', committee: 'CHILDREN AND FAMILIES SCRUTINY PANEL',
      date: '2023-07-06', time: null, venue: null, publishedOn: null
    })
  })

  it('should read the date of printed minutes from their opening sentence', () => {
    expect(meetingOf([
      'ASHCOMBE DISTRICT COUNCIL\n\nLICENSING COMMITTEE\n\nMINUTES of a meeting of the Licensing Committee held in the Guildhall,\nMarket Square on Wednesday, 9 October 2024.\n\nPRESENT: Mr A Bell (Chairman), Mrs C Dunn\n\n1. Apologies\n\nThere were none.'
    ])).toMatchObject({authority: 'ASHCOMBE DISTRICT COUNCIL', committee: 'LICENSING COMMITTEE', date: '2024-10-09'})
  })

  it('should read a bare date printed under or beside the heading, with its time', () => {
    expect(meetingOf(['HARBOUR BOARD March 17, 2010\n\nMINUTES\n\nThe meeting was called to order by the Chair.'])?.date).toBe('2010-03-17')
    expect(meetingOf(['PLANNING COMMISSION\nREGULAR MEETING MINUTES\n\nJanuary 27, 2020, 7:00 p.m.\nCivic Centre\n\n1. CALL TO ORDER'])).toMatchObject({date: '2020-01-27', time: '19:00'})
  })

  it('should not take the date of earlier minutes printed on an agenda\'s front sheet as the meeting date', () => {
    expect(meetingOf(['AGENDA\n\nPLANNING COMMITTEE\n\n1. Apologies\n\n2. Minutes of the meeting held on 6 March 2024 (Pages 1 - 4)\n\n3. Planning applications (Pages 5 - 30)'])?.date).toBeNull()
  })

  it('should read a ModernGov front sheet with DATE AND TIME and VENUE boxes', () => {
    expect(meetingOf([
      'Thornbury Borough Council\n\nPlanning Committee\n\nDATE AND TIME Tuesday, 2nd April, 2024 at 7.00 pm\nVENUE Committee Room 2, Thornbury Town Hall,\nHigh Street, TB1 2AA\nCONTACT Jo Bell, Democratic Services\n\nThis agenda was published on Friday, 22 March 2024\n\nAGENDA\n\n1 APOLOGIES\n\n2 MINUTES (Pages 1 - 4)'
    ])).toEqual({
      authority: 'Thornbury Borough Council', committee: 'Planning Committee', date: '2024-04-02', time: '19:00',
      venue: 'Committee Room 2, Thornbury Town Hall, High Street, TB1 2AA', publishedOn: '2024-03-22'
    })
  })

  it('should read an agenda headed by the committee, with the date line and venue under it and a signed-off date', () => {
    expect(meetingOf([
      'AGENDA\n\nCABINET\n\nMonday, 10th June, 2024, at 2.30 pm\nThe Council Chamber, Civic Offices,\nStation Road, Ashby\n\n1. Apologies\n\n2. Budget update (Pages 1 - 9)\n\nJane Doe\nHead of Governance\n\n31 May 2024'
    ])).toEqual({authority: null, committee: 'CABINET', date: '2024-06-10', time: '14:30', venue: 'The Council Chamber, Civic Offices, Station Road, Ashby', publishedOn: '2024-05-31'})
  })

  it('should read the committee and date from a supplementary letter heading, not the letter date', () => {
    const meeting = meetingOf(['Date: 3 June 2024\n\nDear Member\n\nPLANNING COMMITTEE - TUESDAY, 4 JUNE 2024\n\nAgenda Item No\n8 Land at Mill Lane (Pages 1 - 12)\n\nYours sincerely'])
    expect(meeting?.committee).toBe('PLANNING COMMITTEE')
    expect(meeting?.date).toBe('2024-06-04')
  })

  it('should leave every field null for a document that names no meeting', () => {
    expect(meetingOf(['Some notes about the weather.\n\nIt rained.'])).toEqual({authority: null, committee: null, date: null, time: null, venue: null, publishedOn: null})
  })

  it('should match the fixtures\' answer keys on text, markdown and text-layer PDF', async () => {
    for await (const {label, expected, pack} of fixturePacks()) {
      expect(pack.meeting, label).toEqual(expected.meeting)
    }
  })
})
