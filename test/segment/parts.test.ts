// Tests for segmentParts: every page in exactly one part, in order, with kinds, agenda items,
// parents and titles, on the seed packs, single documents, invented packs and the fixtures.
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {Part} from '../../src/compile/model.js'
import {extract} from '../../src/extract.js'
import {segmentAgenda} from '../../src/segment/agenda.js'
import {segmentParts} from '../../src/segment/parts.js'
import {readSeed, type SeedName} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'
import {fixturePacks} from '../util/fixture-packs.js'

/** Kind, pages, agenda item and parent of each part, for compact comparisons. */
function outline(parts: Part[]): string[] {
  return parts.map((p) => `${p.id} ${p.kind} ${p.pages.from}-${p.pages.to} item=${p.agendaItem} parent=${p.parent}`)
}

function expectCoverage(parts: Part[], pageCount: number): void {
  expect(parts[0]?.pages.from).toBe(1)
  parts.forEach((part, i) => {
    expect(part.id).toBe(`p${i + 1}`)
    expect(part.pages.to).toBeGreaterThanOrEqual(part.pages.from)
    if (i > 0) expect(part.pages.from).toBe(parts[i - 1]!.pages.to + 1)
  })
  expect(parts[parts.length - 1]?.pages.to).toBe(pageCount)
}

function partsOf(pages: string[], printedPages?: Array<string | null>) {
  const file = new VFile({path: 'test.txt'})
  const tree = treeFromText(pages, printedPages ? {printedPages} : {})
  segmentAgenda()(tree, file)
  segmentParts()(tree, file)
  return {parts: file.data.parts ?? [], messages: file.messages}
}

async function seedPack(name: SeedName, ext: string) {
  const text = readSeed(name)
  return text === null ? null : (await extract({path: `${name}.${ext}`, data: new TextEncoder().encode(text)})).pack
}

describe('segmentParts', () => {
  it('should split the first seed pack into front sheet, agenda, minutes, reports and their appendices', async () => {
    const pack = await seedPack('agendaPackA', 'txt')
    if (!pack) return
    expectCoverage(pack.parts, pack.pages.length)
    expect(pack.parts.map((p) => p.kind)).toEqual([
      'front-sheet', 'agenda', 'minutes', 'report', 'presentation', 'report', 'appendix', 'glossary', 'report', 'tracker'
    ])
    expect(pack.parts.map((p) => p.agendaItem)).toEqual([null, null, '7', '8', '8', '9', '9', '9', '10', '10'])
    expect(pack.parts.map((p) => p.parent)).toEqual([null, null, null, null, 'p4', null, 'p6', 'p6', null, 'p9'])
    expect(pack.parts[2]!.title).toBe('MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)')
    expect(pack.parts[4]!.title).toBe('Early Help highlight report - July 22')
    expect(pack.parts[7]!.title).toBe('Appendix 2')
    expect(pack.parts[5]!.title).toBe("CHILDREN'S SERVICES IMPROVEMENT PLAN AND PERFORMANCE")
    expect(pack.warnings.filter((w) => w.code === 'agenda-item-unmatched')).toEqual([])
  })

  it('should link the second seed pack\'s minutes and reports to their items', async () => {
    const pack = await seedPack('agendaPackB', 'txt')
    if (!pack) return
    expectCoverage(pack.parts, pack.pages.length)
    const byItem = pack.parts.filter((p) => p.kind === 'minutes' || p.kind === 'report').map((p) => [p.kind, p.agendaItem])
    expect(byItem.slice(0, 3)).toEqual([['minutes', '6'], ['report', '7'], ['report', '8']])
  })

  it('should give one part to a minutes-only document and to single reports without a cover sheet', async () => {
    for (const [name, kind] of [['minutes', 'minutes'], ['agencyReport', 'report'], ['selfEvaluation', 'report']] as const) {
      const pack = await seedPack(name, 'md')
      if (!pack) continue
      expectCoverage(pack.parts, pack.pages.length)
      expect(pack.parts.map((p) => p.kind), name).toEqual([kind])
    }
  })

  it('should map printed page ranges onto pages and find appendices after a report closes', () => {
    const {parts, messages} = partsOf([
      'Ashby Town Council\n\nFinance Committee',
      'AGENDA\n\n1 MINUTES (Pages 1 - 2)\n\n2 GRANTS POLICY (Pages 3 - 5)\n\n3 RISK REGISTER (Pages 6 - 6)',
      'MINUTES OF THE MEETING HELD ON 4 MARCH 2024\n\nPresent: Councillors Ames and Bell',
      'The meeting ended at 8 pm.',
      'DECISION-MAKER: FINANCE COMMITTEE\nSUBJECT: GRANTS POLICY\n\nThe policy is set out below.',
      'Background Papers\nNone.',
      'Appendix 1\n\nDraft grants policy text.',
      'Agenda Item 3\n\nDECISION-MAKER: FINANCE COMMITTEE\nSUBJECT: CORPORATE RISK REGISTER'
    ], [null, null, '1', '2', '3', '4', '5', '6'])
    expect(outline(parts)).toEqual([
      'p1 front-sheet 1-1 item=null parent=null',
      'p2 agenda 2-2 item=null parent=null',
      'p3 minutes 3-4 item=1 parent=null',
      'p4 report 5-6 item=2 parent=null',
      'p5 appendix 7-7 item=2 parent=p4',
      'p6 report 8-8 item=3 parent=null'
    ])
    expect(parts[3]!.title).toBe('GRANTS POLICY')
    expect(parts[4]!.title).toBe('Appendix 1')
    expect(messages).toEqual([])
  })

  it('should place items by sequence when no page shows a printed number', () => {
    const {parts} = partsOf([
      'AGENDA\n\n1 BUDGET (Pages 1 - 2)\n\n2 PARKING REVIEW (Pages 3 - 3)',
      'DECISION-MAKER: CABINET\nSUBJECT: BUDGET 2025/26',
      'More about the budget.',
      'DECISION-MAKER: CABINET\nSUBJECT: PARKING REVIEW'
    ])
    expect(outline(parts)).toEqual([
      'p1 agenda 1-1 item=null parent=null',
      'p2 report 2-3 item=1 parent=null',
      'p3 report 4-4 item=2 parent=null'
    ])
  })

  it('should match reports by subject and warn about a report no agenda item names', () => {
    const {parts, messages} = partsOf([
      'AGENDA\n\n1 APOLOGIES\n\n2 HOUSING STRATEGY UPDATE',
      'DECISION-MAKER: CABINET\nSUBJECT: Housing Strategy Update',
      'DECISION-MAKER: CABINET\nSUBJECT: Leisure centre contract'
    ])
    expect(parts.map((p) => [p.kind, p.agendaItem])).toEqual([['agenda', null], ['report', '2'], ['report', null]])
    expect(messages.map((m) => [m.ruleId, (m as {page?: number}).page])).toEqual([['agenda-item-unmatched', 3]])
  })

  it('should make one part of an unrecognisable document and none of an empty one', () => {
    expect(outline(partsOf(['Shopping list', 'Eggs and milk']).parts)).toEqual(['p1 other 1-2 item=null parent=null'])
    expect(partsOf([]).parts).toEqual([])
  })

  it('should match the fixtures\' kinds, pages, agenda items, parents and titles on text, markdown and text-layer PDF', async () => {
    const shape = (parts: Part[]) => parts.map((p) => [p.kind, p.pages, p.agendaItem, p.parent !== null, p.title])
    for await (const {label, expected, pack} of fixturePacks()) {
      expect(shape(pack.parts), label).toEqual(shape(expected.parts))
    }
  })
})
