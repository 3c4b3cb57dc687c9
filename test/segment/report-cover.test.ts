// Tests the officer-report segmenter: seeds read as a person reads their cover sheets, and
// invented cover sheets of other councils (missing rows, broken contact rows, lettered points).
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import type {Report} from '../../src/compile/model.js'
import {extract} from '../../src/extract.js'
import {segmentReportCover} from '../../src/segment/report-cover.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'

async function seedReports(name: SeedName): Promise<Report[]> {
  const text = readSeed(name) as string
  const {pack} = await extract({path: `${name}.txt`, data: new TextEncoder().encode(text)})
  return pack.reports
}

function reportsOf(pages: string[], data: Partial<VFile['data']> = {}): Report[] {
  const file = new VFile({path: 'invented.txt'})
  Object.assign(file.data, data)
  segmentReportCover()(treeFromText(pages), file)
  return file.data.reports ?? []
}

const haveSeeds = readSeed('agendaPackA') !== null

describe.runIf(haveSeeds)('segmentReportCover on the seeds', () => {
  it('should read the three cover sheets of the 2022 scrutiny pack', async () => {
    const reports = await seedReports('agendaPackA')
    expect(reports).toHaveLength(3)
    expect(reports.map((r) => r.decisionMaker)).toEqual(Array(3).fill('CHILDREN AND FAMILIES SCRUTINY PANEL'))
    expect(reports.map((r) => r.subject)).toEqual(['EARLY HELP AND PREVENTION', "CHILDREN'S SERVICES IMPROVEMENT PLAN AND PERFORMANCE", 'MONITORING SCRUTINY RECOMMENDATIONS'])
    expect(reports.map((r) => r.dateOfDecision)).toEqual(['2022-07-21', '2022-07-21', '2022-07-21'])
    expect(reports.map((r) => r.reportOf)).toEqual(['INTEGRATED HEAD OF SERVICE - PREVENTION AND EARLY HELP', 'EXECUTIVE DIRECTOR CHILDREN AND LEARNING', 'DIRECTOR — LEGAL AND BUSINESS SERVICES'])
    expect(reports.map((r) => r.agendaItem)).toEqual(['8', '9', '10'])
    expect(reports.map((r) => r.keyDecision)).toEqual([false, false, false])
    expect(reports.map((r) => r.wardsAffected)).toEqual(['None', 'All', 'None'])
    expect(reports.map((r) => r.confidentiality)).toEqual(['None', 'Not applicable', 'None'])
  })

  it('should rebuild the contact rows and split the recommendations of the 2022 pack', async () => {
    const [first, second, third] = await seedReports('agendaPackA') as [Report, Report, Report]
    expect(first.contacts.map((c) => [c.role, c.name])).toEqual([['Executive Director', 'Rob Henderson'], ['Author', 'Dan Buckle']])
    expect(first.contacts[1]).toMatchObject({phone: '023 80 833955', email: 'dan.buckle@southampton.gov.uk'})
    expect(third.contacts.map((c) => [c.role, c.title, c.name])).toEqual([
      ['Executive Director', 'Director of Legal and Business Services', 'Richard Ivory'], ['Author', 'Scrutiny Manager', 'Mark Pirnie']
    ])
    expect(first.recommendations).toHaveLength(1)
    expect(first.recommendations[0]).toMatch(/^That the Panel notes the Highlight Report/)
    expect(second.recommendations).toHaveLength(3)
    expect(second.recommendations.map((r) => r.slice(0, 22))).toEqual(['That progress deliveri', 'That there is a furthe', 'That the Panel conside'])
    expect(third.recommendations[0]).toMatch(/^That the Panel considers the responses/)
  })

  it('should number the paragraphs under their headings and list the appendices of the 2022 pack', async () => {
    const [first, second, third] = await seedReports('agendaPackA') as [Report, Report, Report]
    expect(first.paragraphs.filter((p) => p.number).map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    expect(first.paragraphs.find((p) => p.number === '9')).toMatchObject({section: 'LEGAL IMPLICATIONS'})
    expect(first.paragraphs.find((p) => p.number === '9')?.text).toMatch(/^The duty to undertake overview and scrutiny/)
    expect(first.paragraphs.find((p) => p.number === '4')?.text).toMatch(/prevent further problems in the future\.$/)
    expect(third.paragraphs.find((p) => p.number === '1')).toMatchObject({section: 'REASONS FOR REPORT RECOMMENDATIONS'})
    expect(third.paragraphs.find((p) => p.number === '5')).toMatchObject({section: 'RESOURCE IMPLICATIONS', text: 'None'})
    expect(second.paragraphs.find((p) => p.number === '17')).toMatchObject({section: 'RISK MANAGEMENT IMPLICATIONS'})
    expect(first.appendices).toEqual([{number: '1', title: 'Early Help highlight report - July 22'}])
    expect(second.appendices.map((a) => a.number)).toEqual(['1', '2'])
    expect(second.appendices[1]?.title).toBe('Glossary of terms')
    expect(third.appendices).toHaveLength(1)
  })

  it('should read both cover sheets of the 2024 scrutiny pack', async () => {
    const reports = await seedReports('agendaPackB')
    expect(reports).toHaveLength(2)
    const [youth, sscp] = reports as [Report, Report]
    expect(youth).toMatchObject({decisionMaker: 'CHILDREN AND FAMILIES SCRUTINY PANEL', subject: 'THE YOUTH JUSTICE SERVICE', dateOfDecision: '2024-09-26', agendaItem: '7', keyDecision: false, wardsAffected: 'None'})
    expect(youth.reportOf).toBe('ROB HENDERSON, EXECUTIVE DIRECTOR OF CHILDREN AND LEARNING')
    expect(sscp).toMatchObject({subject: 'SOUTHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP (SSCP) ANNUAL REPORT', dateOfDecision: '2024-09-26', reportOf: 'SOUTHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP', keyDecision: false, wardsAffected: 'None'})
    expect(youth.contacts.map((c) => c.name)).toEqual(['Rob Henderson', 'Tim Nelson'])
    expect(sscp.contacts.map((c) => [c.role, c.name, c.phone])).toEqual([['Executive Director', 'Robert Henderson', '023 8083 4899'], ['Author', 'Rebecca Holdsworth', '023 8091 7671']])
    expect(youth.recommendations).toHaveLength(2)
    expect(youth.recommendations[1]).toMatch(/^That the Panel is provided with a further update/)
    expect(sscp.recommendations).toHaveLength(1)
    expect(youth.appendices).toEqual([])
    expect(sscp.appendices).toEqual([{number: '1', title: 'Draft Southampton Safeguarding Children Yearly Report 2023/2024'}])
    expect(sscp.paragraphs.filter((p) => p.number).map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    expect(sscp.paragraphs.find((p) => p.number === '8')).toMatchObject({section: 'RESOURCE IMPLICATIONS', text: 'Not applicable'})
    expect(sscp.paragraphs.find((p) => p.number === '5')?.text).toMatch(/^The report covers: SSCP Governance Structure .* Future priorities$/)
    expect(youth.paragraphs.find((p) => p.number === '22')).toMatchObject({section: 'POLICY FRAMEWORK IMPLICATIONS'})
  })

  it('should read a report without a council cover sheet from its title and headings', async () => {
    const [agency] = await seedReports('agencyReport') as [Report]
    expect(agency).toMatchObject({subject: 'Single Agency Report', dateOfDecision: '2013-02-04', decisionMaker: null, keyDecision: null})
    const developments = agency.paragraphs.filter((p) => p.section === 'Key developments over this reporting period')
    expect(developments[0]?.text).toMatch(/^Children Services is undergoing the Transformation Programme/)
    const [evaluation] = await seedReports('selfEvaluation') as [Report]
    expect(evaluation).toMatchObject({subject: 'Self-evaluation', dateOfDecision: null})
    expect(evaluation.paragraphs[0]).toMatchObject({number: null, section: 'Introduction from Executive Director'})
    expect(evaluation.paragraphs[0]?.text).toMatch(/^Since our last self-evaluation/)
  })
})

describe('segmentReportCover', () => {
  const cover = [
    'Agenda Item 6',
    '',
    'DECISION-MAKER: CABINET',
    'SUBJECT: LIBRARY SERVICE MODERNISATION AND',
    'OPENING HOURS',
    'DATE OF DECISION: 9 OCTOBER 2025',
    'REPORT OF: CABINET MEMBER FOR LEISURE',
    '',
    'CONTACT DETAILS',
    '',
    'Director | Title | Director of Place',
    '',
    'Name: | Alys Penhallow Tel: | 01632 960555',
    '',
    'E-mail| alys.penhallow@thornbury.example',
    '',
    'STATEMENT OF CONFIDENTIALITY',
    '',
    'None.',
    '',
    'BRIEF SUMMARY',
    '',
    'This report proposes new opening hours for the six branch libraries and',
    'a single booking system for study rooms.',
    '',
    'RECOMMENDATIONS:',
    '',
    '(a) To approve the opening hours in Appendix 1 from',
    'January 2026; and',
    '(b) To delegate the booking system contract to the Director of Place.',
    '',
    'REASONS FOR REPORT RECOMMENDATIONS',
    '',
    '1. Visits have moved to evenings and weekends.',
    '',
    'DETAIL (Including consultation carried out)',
    '',
    '2. A survey of 1,240 residents ran over the summer.',
    '',
    'Survey results',
    '',
    '3.',
    '',
    'Most residents asked for later',
    'opening on Thursdays.'
  ].join('\n')
  const coverEnd = [
    'RESOU',
    '',
    'RCE IMPLICATIONS',
    '',
    'Capital/Revenue',
    '',
    '4. The change saves £42,000 a year.',
    '',
    'KEY DECISION? Yes',
    '',
    'WARDS/COMMUNITIES AFFECTED: Abbey, Harbour and Moorside',
    '',
    'SUPPORTING DOCUMENTATION',
    '',
    'Appendices',
    '',
    '1.',
    '',
    'Proposed opening hours',
    '',
    '2. Equality impact',
    'assessment',
    '',
    'Documents In Members’ Rooms',
    '',
    '1. None'
  ].join('\n')

  it('should read another council\'s cover sheet with wrapped values, contacts and lettered points', () => {
    const [only, ...rest] = reportsOf([cover, coverEnd])
    expect(rest).toEqual([])
    expect(only).toMatchObject({
      part: 'report-1', agendaItem: '6', decisionMaker: 'CABINET', subject: 'LIBRARY SERVICE MODERNISATION AND OPENING HOURS',
      dateOfDecision: '2025-10-09', reportOf: 'CABINET MEMBER FOR LEISURE', confidentiality: 'None', keyDecision: true,
      wardsAffected: 'Abbey, Harbour and Moorside'
    })
    expect(only?.briefSummary).toBe('This report proposes new opening hours for the six branch libraries and a single booking system for study rooms.')
    expect(only?.contacts).toEqual([{role: 'Director', title: 'Director of Place', name: 'Alys Penhallow', phone: '01632 960555', email: 'alys.penhallow@thornbury.example'}])
    expect(only?.recommendations).toEqual(['To approve the opening hours in Appendix 1 from January 2026', 'To delegate the booking system contract to the Director of Place.'])
    expect(only?.appendices).toEqual([{number: '1', title: 'Proposed opening hours'}, {number: '2', title: 'Equality impact assessment'}])
  })

  it('should end an OCR\'d appendix list before the page stamp under it', () => {
    const listLast = coverEnd.slice(0, coverEnd.indexOf('\n\nDocuments In')) + '\n\nPage 4'
    const tree = treeFromText([cover, listLast], {ocr: true})
    const file = new VFile({path: 'scan.pdf'})
    cleanTree(tree, file)
    segmentReportCover()(tree, file)
    expect(file.data.reports?.[0]?.appendices).toEqual([{number: '1', title: 'Proposed opening hours'}, {number: '2', title: 'Equality impact assessment'}])
  })

  it('should number paragraphs across pages, join lone numbers and mend split headings', () => {
    const [only] = reportsOf([cover, coverEnd])
    expect(only?.paragraphs).toEqual([
      {number: '1', section: 'REASONS FOR REPORT RECOMMENDATIONS', text: 'Visits have moved to evenings and weekends.'},
      {number: '2', section: 'DETAIL (Including consultation carried out)', text: 'A survey of 1,240 residents ran over the summer.'},
      {number: '3', section: 'DETAIL (Including consultation carried out)', text: 'Most residents asked for later opening on Thursdays.'},
      {number: '4', section: 'RESOURCE IMPLICATIONS', text: 'The change saves £42,000 a year.'}
    ])
  })

  it('should leave the date null when the DATE OF DECISION row is missing', () => {
    const [only] = reportsOf([[
      'DECISION-MAKER: Overview and Scrutiny Committee',
      'SUBJECT: Action tracker',
      'REPORT OF: Democratic Services Officer',
      '',
      'RECOMMENDATIONS:',
      '',
      'That the Committee notes the tracker.'
    ].join('\n')])
    expect(only).toMatchObject({decisionMaker: 'Overview and Scrutiny Committee', subject: 'Action tracker', dateOfDecision: null, reportOf: 'Democratic Services Officer', keyDecision: null, wardsAffected: null, contacts: [], paragraphs: []})
    expect(only?.recommendations).toEqual(['That the Committee notes the tracker.'])
  })

  it('should rebuild contact rows broken apart and in column order', () => {
    const [only] = reportsOf([[
      'DECISION-MAKER: Planning Committee',
      'SUBJECT: Tree preservation orders',
      '',
      'CONTACT DETAILS',
      '',
      'Executi',
      '',
      've Director',
      '',
      'Title | Director of Growth',
      '',
      'Name:| Idris Ferreira',
      '',
      'Tel: | 01632 960901',
      '',
      'E-mail| idris.ferreira@wyeford.example',
      '',
      'Author Name: Mei Okonjo',
      'Tel: 01632 960902',
      'E-mail: mei.okonjo@wyeford.example',
      'Title: Senior Tree Officer',
      '',
      'BRIEF SUMMARY',
      '',
      'Two new orders are proposed.'
    ].join('\n')])
    expect(only?.contacts).toEqual([
      {role: 'Executive Director', title: 'Director of Growth', name: 'Idris Ferreira', phone: '01632 960901', email: 'idris.ferreira@wyeford.example'},
      {role: 'Author', title: 'Senior Tree Officer', name: 'Mei Okonjo', phone: '01632 960902', email: 'mei.okonjo@wyeford.example'}
    ])
    expect(only?.briefSummary).toBe('Two new orders are proposed.')
  })

  it('should take values OCR put on the next line or before their label', () => {
    const [only] = reportsOf([[
      'HOUSING COMMITTEE',
      'DECISION-MAKER:',
      '',
      'SUBJECT:',
      'Empty homes strategy',
      '',
      'DATE OF DECISION: 2nd February 2026',
      '',
      'STATEMENT OF Not applicable',
      'CONFIDENTIALITY:',
      '',
      'RECOMMENDATIONS:',
      '',
      '1. That the strategy is adopted.',
      '2. That progress is reported in a year.'
    ].join('\n')])
    expect(only).toMatchObject({decisionMaker: 'HOUSING COMMITTEE', subject: 'Empty homes strategy', dateOfDecision: '2026-02-02', confidentiality: 'Not applicable'})
    expect(only?.recommendations).toEqual(['That the strategy is adopted.', 'That progress is reported in a year.'])
  })

  it('should read a From/To/Subject header block and numbered sections', () => {
    const [only] = reportsOf([[
      'From: Jo Marsh, Cabinet Member for Transport',
      '',
      'To: Cabinet - 12 March 2026',
      '',
      'Subject: Bus shelter renewal',
      '',
      'Key Decision: Yes - It affects more than 2 Electoral Divisions',
      '',
      'Classification: Unrestricted',
      '',
      'Electoral Division: All',
      '',
      'Summary: The shelters are beyond repair.',
      '',
      'Recommendation(s):',
      'Cabinet is asked to:',
      '',
      'A. AGREE the renewal programme; and',
      '',
      'B. DELEGATE the contract award.',
      '',
      '1. Introduction',
      '',
      '1.1 There are 312 shelters.',
      '',
      '1.2 Half were installed before 1995.'
    ].join('\n')])
    expect(only).toMatchObject({
      decisionMaker: 'Cabinet', dateOfDecision: '2026-03-12', subject: 'Bus shelter renewal', reportOf: 'Jo Marsh, Cabinet Member for Transport',
      keyDecision: true, confidentiality: 'Unrestricted', wardsAffected: 'All', briefSummary: 'The shelters are beyond repair.'
    })
    expect(only?.recommendations).toEqual(['AGREE the renewal programme', 'DELEGATE the contract award.'])
    expect(only?.paragraphs).toEqual([
      {number: '1.1', section: 'Introduction', text: 'There are 312 shelters.'},
      {number: '1.2', section: 'Introduction', text: 'Half were installed before 1995.'}
    ])
  })

  it('should use the report parts and their agenda items when the parts segmenter found them', () => {
    const reports = reportsOf(['Minutes of the last meeting', cover, coverEnd], {
      agenda: [{number: '6', title: 'Library Service Modernisation and Opening Hours', printedPages: null, description: null}],
      parts: [
        {id: 'minutes-1', kind: 'minutes', title: null, agendaItem: '2', pages: {from: 1, to: 1}, parent: null},
        {id: 'report-6', kind: 'report', title: null, agendaItem: '6', pages: {from: 2, to: 3}, parent: null}
      ]
    })
    expect(reports.map((r) => [r.part, r.agendaItem, r.subject])).toEqual([['report-6', '6', 'LIBRARY SERVICE MODERNISATION AND OPENING HOURS']])
  })

  it('should match a report to the agenda by its subject when it carries no stamp', () => {
    const file = new VFile({path: 'invented.txt'})
    file.data.agenda = [{number: '3', title: 'Minutes'}, {number: '4', title: 'Empty Homes Strategy 2026'}].map((a) => ({...a, printedPages: null, description: null}))
    segmentReportCover()(treeFromText(['DECISION-MAKER: Housing Committee\nSUBJECT: Empty homes strategy\nDATE OF DECISION: 2 February 2026']), file)
    expect(file.data.reports?.[0]?.agendaItem).toBe('4')
    expect(file.messages).toEqual([])
  })

  it('should find no report in a pack without cover sheets and warn about none', () => {
    const file = new VFile({path: 'invented.txt'})
    file.data.agenda = [{number: '1', title: 'Apologies', printedPages: null, description: null}]
    segmentReportCover()(treeFromText(['Agenda\n\n1. Apologies']), file)
    expect(file.data.reports).toEqual([])
  })
})
