// Tests for segmentAgenda: items, numbers (printed or inferred), titles, descriptions and printed
// page ranges, on the real seed packs, invented agendas and the generated fixtures.
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract.js'
import {segmentAgenda} from '../../src/segment/agenda.js'
import {itemStart, pageRange} from '../../src/segment/agenda-lines.js'
import {readSeed} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'
import {fixturePacks} from '../util/fixture-packs.js'

function agendaOf(pages: string[]) {
  const file = new VFile({path: 'test.txt'})
  segmentAgenda()(treeFromText(pages), file)
  return {items: file.data.agenda ?? [], messages: file.messages}
}

async function seedPack(name: 'agendaPackA' | 'agendaPackB') {
  const text = readSeed(name)
  return text === null ? null : (await extract({path: `${name}.txt`, data: new TextEncoder().encode(text)})).pack
}

describe('segmentAgenda', () => {
  it('reads a page range when OCR leaves a mark between "Pages" and its number', () => {
    expect(pageRange("(Pages'4-7)")).toEqual({from: 4, to: 7})
    expect(pageRange('(Pages 21 - 48)')).toEqual({from: 21, to: 48})
    expect(pageRange('(Page. 9)')).toEqual({from: 9, to: 9})
  })

  it('should read the ten items of the first seed pack with their page ranges', async () => {
    const pack = await seedPack('agendaPackA')
    if (!pack) return
    expect(pack.agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(pack.agenda[0]!.title).toBe('ELECTION OF VICE CHAIR')
    expect(pack.agenda[6]!.title).toBe('MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)')
    expect(pack.agenda[8]!.title).toBe("CHILDREN'S SERVICES IMPROVEMENT PLAN AND PERFORMANCE")
    expect(pack.agenda.map((item) => item.printedPages)).toEqual([
      null, null, null, null, null, null, {from: 1, to: 2}, {from: 3, to: 20}, {from: 21, to: 48}, {from: 49, to: 52}
    ])
    expect(pack.agenda[5]!.description).toBeNull()
    expect(pack.agenda[6]!.description).toContain('16 June 2022')
    expect(pack.warnings.filter((w) => w.code === 'agenda-item-number-inferred')).toEqual([])
  })

  it('should infer the numbers OCR lost in the second seed pack and warn with the page', async () => {
    const pack = await seedPack('agendaPackB')
    if (!pack) return
    expect(pack.agenda).toHaveLength(10)
    expect(pack.agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(pack.agenda[7]!.title).toBe('SOUTHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP (SSCP) ANNUAL REPORT')
    expect(pack.agenda[8]!.title).toBe('CHILDREN AND LEARNING - PERFORMANCE AND TRANSFORMATION')
    expect(pack.agenda[9]!.title).toBe('MONITORING SCRUTINY RECOMMENDATIONS')
    expect(pack.agenda.slice(5).map((item) => item.printedPages)).toEqual([
      {from: 1, to: 4}, {from: 5, to: 14}, {from: 15, to: 40}, {from: 41, to: 78}, {from: 79, to: 84}
    ])
    expect(pack.agenda[7]!.description).toMatch(/^Report of the Southampton Safeguarding Children Partnership/)
    const inferred = pack.warnings.filter((w) => w.code === 'agenda-item-number-inferred')
    expect(inferred.map((w) => w.page)).toEqual([5, 5, 5].map(() => inferred[0]!.page))
    expect(inferred).toHaveLength(3)
  })

  it('should read numbered items, a range broken over two lines and a number split from its title', () => {
    const {items, messages} = agendaOf([
      'Harrowfield District Council\n\nLicensing Committee\n\nAGENDA\n\n1. Apologies\n\n2. Minutes of the last meeting (Pages\n5 - 9)\n\nTo confirm the minutes.\n\n3\nPremises licence review: The Old Mill (Page 10)\n\nReport of the Licensing Manager.\n\nThis agenda was published on Friday, 3 May 2024'
    ])
    expect(items).toEqual([
      {number: '1', title: 'Apologies', printedPages: null, description: null},
      {number: '2', title: 'Minutes of the last meeting', printedPages: {from: 5, to: 9}, description: 'To confirm the minutes.'},
      {number: '3', title: 'Premises licence review: The Old Mill', printedPages: {from: 10, to: 10}, description: 'Report of the Licensing Manager.'}
    ])
    expect(messages).toEqual([])
  })

  it('should read item numbers set off from their titles by a dash, and not take a range for one', () => {
    const {items, messages} = agendaOf([
      'Fernleigh Town Council\n\nPlanning Committee\n\nAGENDA\n\n1 - APOLOGIES FOR ABSENCE\n\n2 – DECLARATIONS OF INTEREST\n\n3 - PLANNING APPLICATIONS (Pages 3 - 8)\n\nTo consider the applications listed.'
    ])
    expect(items.map((item) => [item.number, item.title])).toEqual([
      ['1', 'APOLOGIES FOR ABSENCE'], ['2', 'DECLARATIONS OF INTEREST'], ['3', 'PLANNING APPLICATIONS']
    ])
    expect(items[2]!.printedPages).toEqual({from: 3, to: 8})
    expect(items[2]!.description).toContain('To consider the applications listed.')
    expect(messages).toEqual([])
    expect(itemStart('4 - 6 pm site visit')).toBeNull()
    expect(itemStart('12 – January meeting')).toBeNull()
  })

  it('should number unnumbered items in capitals from the sequence and warn', () => {
    const {items, messages} = agendaOf([
      'AGENDA\n\n4 DECLARATIONS OF INTEREST\n\nMembers to declare any interests.\n\nBUDGET MONITORING QUARTER 2\n(Pages 11 - 30)\n\nReport of the Finance Director.\n\n6 WORK PROGRAMME (Pages 31 - 34)'
    ])
    expect(items.map((item) => [item.number, item.title])).toEqual([
      ['4', 'DECLARATIONS OF INTEREST'], ['5', 'BUDGET MONITORING QUARTER 2'], ['6', 'WORK PROGRAMME']
    ])
    expect(items[1]!.printedPages).toEqual({from: 11, to: 30})
    expect(messages.map((m) => m.ruleId)).toEqual(['agenda-item-number-inferred'])
  })

  it('should read a supplementary cover letter listing "Agenda Item No" with a page range', () => {
    const {items} = agendaOf([
      'Dear Member\n\nPLANNING COMMITTEE - TUESDAY, 4 JUNE 2024\n\nPlease find enclosed the following report.\n\nAgenda Item No\n8 Land at Mill Lane, Ashby (Pages 1 - 12)\n\nYours sincerely'
    ])
    expect(items).toEqual([{number: '8', title: 'Land at Mill Lane, Ashby', printedPages: {from: 1, to: 12}, description: null}])
  })

  it('should give no items when the document has no agenda', () => {
    expect(agendaOf(['MINUTES OF THE MEETING HELD ON 2 MAY 2024\n\n1. APOLOGIES\n\nNone.']).items).toEqual([])
  })

  it('should match the fixtures\' answer keys on text, markdown and text-layer PDF', async () => {
    for await (const {label, expected, pack} of fixturePacks()) {
      expect(pack.agenda, label).toEqual(expected.agenda)
    }
  })
})
