// Tests for the glossary segmenter: what a person reads off the seed packs' glossaries, and
// invented glossaries in the other shapes councils print (tables, "ABC – …" lists, OCR lines).
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {extract} from '../../src/extract.js'
import {segmentGlossary} from '../../src/segment/glossary.js'
import {expandAbbreviation, resolveTerm} from '../../src/segment/glossary-term.js'
import type {GlossaryEntry} from '../../src/compile/model.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'

async function seedGlossary(name: SeedName, ext: string): Promise<GlossaryEntry[] | null> {
  const text = readSeed(name)
  if (text === null) return null
  const {pack} = await extract({path: `seed.${ext}`, data: new TextEncoder().encode(text)})
  return pack.glossary
}

function glossaryOf(pages: string[]): GlossaryEntry[] {
  const file = new VFile({path: 'invented.txt'})
  segmentGlossary()(treeFromText(pages), file)
  return file.data.glossary ?? []
}

describe('segmentGlossary', () => {
  it('should read every term of the glossary near the end of agenda pack A', async () => {
    const glossary = await seedGlossary('agendaPackA', 'txt')
    if (!glossary) return
    expect(glossary).toHaveLength(54)
    expect(glossary[0]).toMatchObject({term: 'Abuse', abbreviation: null})
    expect(glossary[0]!.definition).toMatch(/^Abuse is the act of violation/)
    const dcs = glossary.find((entry) => entry.abbreviation === 'DCS')
    expect(dcs?.term).toBe("Director of Children's Services")
    expect(dcs?.definition).toMatch(/^Every top tier local authority/)
    expect(glossary.find((entry) => entry.abbreviation === 'ILR')?.term).toBe('Indefinite Leave to Remain')
    expect(glossary.find((entry) => entry.abbreviation === 'YOI')?.term).toBe('Young Offender Institution')
    expect(glossary.find((entry) => entry.term === 'CAFCASS')?.definition).toMatch(/^Children and Family Court Advisory/)
    expect(glossary.map((entry) => entry.term)).not.toContain('Sources')
    expect(glossary.at(-1)?.term).toBe('Youth Offending Service or Team')
  })

  it('should follow a definition over a page break in agenda pack A', async () => {
    const glossary = await seedGlossary('agendaPackA', 'txt')
    if (!glossary) return
    const permanence = glossary.find((entry) => entry.term === 'Permanence Plan')
    expect(permanence?.definition).toMatch(/best preparation for adulthood\. Wherever possible, permanence/)
    expect(permanence?.definition).toMatch(/meets the child's needs\.$/)
    const next = glossary.find((entry) => entry.term === 'Personal Education Plan')
    expect(next!.page).toBeGreaterThan(permanence!.page)
  })

  it('should find no glossary in the seeds that have none', async () => {
    for (const [name, ext] of [['minutes', 'md'], ['agencyReport', 'md'], ['selfEvaluation', 'md'], ['agendaPackB', 'txt']] as const) {
      const glossary = await seedGlossary(name, ext)
      if (glossary) expect(glossary, name).toEqual([])
    }
  })

  it('should read a two-column glossary table', () => {
    const glossary = glossaryOf([
      'Report text ends here.',
      'Appendix C - Glossary\n\nTerm | Definition\nDelayed Transfer of Care (DToC) | A patient ready to leave hospital who is still in a bed.\nReablement | Short support at home after an illness.\nSEND | Special educational needs and disabilities'
    ])
    expect(glossary).toEqual([
      {term: 'Delayed Transfer of Care', abbreviation: 'DToC', definition: 'A patient ready to leave hospital who is still in a bed.', page: 2},
      {term: 'Reablement', abbreviation: null, definition: 'Short support at home after an illness.', page: 2},
      {term: 'Special educational needs and disabilities', abbreviation: 'SEND', definition: 'Special educational needs and disabilities', page: 2}
    ])
  })

  it('should read "ABC – Definition" lines under an Abbreviations heading', () => {
    const glossary = glossaryOf([
      'ABBREVIATIONS\n\nASB – Anti-social behaviour\nPCSO - Police Community Support Officer\nHMO: House in Multiple Occupation, a home shared by three or more\ntenants who are not one household.\nOfsted – the inspectorate for schools and care.'
    ])
    expect(glossary.map((entry) => [entry.term, entry.abbreviation])).toEqual([
      ['Anti-social behaviour', 'ASB'],
      ['Police Community Support Officer', 'PCSO'],
      ['House in Multiple Occupation', 'HMO'],
      ['Ofsted', null]
    ])
    expect(glossary[2]!.definition).toBe('a home shared by three or more tenants who are not one household.')
    expect(glossary[0]!.definition).toBe('Anti-social behaviour')
  })

  it('should read terms on their own lines with definitions running over a page', () => {
    const glossary = glossaryOf([
      'Jargon buster\n\nCare Leaver\nA young person aged 16 to 25 who has been looked after by the council\n\nEducation, Health and Care Plan (EHCP)\nA legal document describing a child’s needs and the help the council',
      'will give, reviewed every year.\n\nFamily Hub\nA building where families get help in one place.'
    ])
    expect(glossary).toEqual([
      {term: 'Care Leaver', abbreviation: null, definition: 'A young person aged 16 to 25 who has been looked after by the council', page: 1},
      {term: 'Education, Health and Care Plan', abbreviation: 'EHCP', definition: 'A legal document describing a child’s needs and the help the council will give, reviewed every year.', page: 1},
      {term: 'Family Hub', abbreviation: null, definition: 'A building where families get help in one place.', page: 2}
    ])
  })

  it('should skip an index of terms printed before the definitions', () => {
    const glossary = glossaryOf([
      'GLOSSARY\nAdult Social Care\nBetter Care Fund\nCarer\nDirect Payment\nExtra Care Housing\nSources',
      'Adult Social Care\nSupport for adults who need help to live their lives.\n\nBetter Care Fund\nA pooled budget shared by the council and the NHS.\n\nCarer\nSomeone who looks after a relative or friend without pay.\n\nDirect Payment\nMoney paid to a person so they can buy their own care.\n\nExtra Care Housing\nHomes with care staff on site.\n\nSources\nThe Care Act guidance.'
    ])
    expect(glossary.map((entry) => entry.term)).toEqual(['Adult Social Care', 'Better Care Fund', 'Carer', 'Direct Payment', 'Extra Care Housing'])
    expect(glossary.every((entry) => entry.page === 2)).toBe(true)
  })

  it('should not take ordinary paragraphs or a mention of a glossary for entries', () => {
    const glossary = glossaryOf([
      'Appendices\n1. Budget monitoring report\n2. Glossary of terms\n\nDocuments in Members’ Rooms\n1. None\n\nEquality Impact Assessment\nDo the implications of the report require an assessment?',
      'The Panel asked for a glossary to be added to future reports.\n\nRisk Management\nThe risks are set out in the register.'
    ])
    expect(glossary).toEqual([])
  })
})

describe('resolveTerm', () => {
  it('should read the term shapes councils print', () => {
    expect(resolveTerm('Child in Need (CIN)', 'A child…')).toEqual({term: 'Child in Need', abbreviation: 'CIN', definition: 'A child…'})
    expect(resolveTerm('CIN – Child in Need', '')).toEqual({term: 'Child in Need', abbreviation: 'CIN', definition: 'Child in Need'})
    expect(resolveTerm('CIN - Child in Need', '')).toMatchObject({term: 'Child in Need', abbreviation: 'CIN'})
    expect(resolveTerm('Youth Offending Service (YOS or YOT)', 'A team.')).toMatchObject({term: 'Youth Offending Service', abbreviation: 'YOS or YOT'})
    expect(resolveTerm('Section 20 (of the Children Act)', 'Accommodation.')).toMatchObject({term: 'Section 20 (of the Children Act)', abbreviation: null})
  })

  it('should match an abbreviation to the words it stands for', () => {
    expect(expandAbbreviation('CAFCASS', 'Children and Family Court Advisory and Support Service')?.expansion).toBe('Children and Family Court Advisory and Support Service')
    expect(expandAbbreviation('MASH', 'Multi-Agency Safeguarding Hub: the front door')).toMatchObject({expansion: 'Multi-Agency Safeguarding Hub', rest: 'the front door', separated: true})
    expect(expandAbbreviation('IRO', 'An officer who reviews plans')).toBeNull()
  })
})

describe('segmentGlossary on the invented fixture packs', () => {
  for (const [kind, ext] of [['markdown', 'md'], ['text', 'txt'], ['pdf-text', 'pdf']] as const) {
    it(`should read the ${kind} glossary table as its answer key gives it`, async () => {
      const base = new URL(`../../fixtures/${kind}/wexmoor-scrutiny`, import.meta.url)
      const {pack} = await extract(`${base.pathname}.${ext}`)
      const expected = JSON.parse(readFileSync(`${base.pathname}.expected.json`, 'utf8')) as {glossary: GlossaryEntry[]}
      expect(pack.glossary).toEqual(expected.glossary)
    })
  }
})
