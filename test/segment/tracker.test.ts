// Tests for the recommendation-tracker segmenter: the tracker appendix of the seed packs, and
// invented trackers as tables, as run-together OCR text, with numbered recommendations and gaps.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {cleanTree} from '../../src/clean/index.js'
import {extract} from '../../src/extract.js'
import {segmentTracker} from '../../src/segment/tracker.js'
import type {Part, Tracker} from '../../src/compile/model.js'
import {readSeed} from '../../seeds/seeds.js'
import {treeFromText} from '../util/tree-from-text.js'

function trackersOf(pages: string[], parts: Part[] = []): {trackers: Tracker[]; file: VFile} {
  const file = new VFile({path: 'invented.txt'})
  file.data.parts = parts
  segmentTracker()(treeFromText(pages), file)
  return {trackers: file.data.trackers ?? [], file}
}

/** A table row for treeFromText; empty cells stay empty. */
function row(...cells: string[]): string {
  return cells.map((cell) => cell || ' ').join(' | ')
}

function part(id: string, kind: Part['kind'], from: number, to: number): Part {
  return {id, kind, title: null, agendaItem: null, pages: {from, to}, parent: null}
}

describe('segmentTracker', () => {
  it('should read the tracker appendix at the end of agenda pack A', async () => {
    const text = readSeed('agendaPackA')
    if (text === null) return
    const {pack} = await extract({path: 'seed.txt', data: new TextEncoder().encode(text)})
    expect(pack.trackers).toHaveLength(1)
    const [tracker] = pack.trackers
    const last = pack.pages.length
    const owner = pack.parts.find((p) => p.id === tracker!.part)
    if (pack.parts.length > 0) expect(owner?.pages.to).toBe(last)
    expect(tracker!.rows).toHaveLength(3)
    expect(tracker!.rows[0]).toMatchObject({date: '2022-06-16', title: 'Children and Learning Service — Peer reviews', status: 'Completed'})
    expect(tracker!.rows[0]!.actionProposed).toMatch(/^That the Panel are provided with a copy of/)
    expect(tracker!.rows[2]).toMatchObject({date: '2022-06-16', title: 'Children and Learning - Performance', status: 'Completed'})
    expect(tracker!.rows[2]!.actionProposed).toMatch(/^That, reflecting the importance of early/)
    expect(pack.warnings.map((w) => w.code)).toContain('tracker-columns-merged')
  })

  it('should find no tracker rows in agenda pack B, whose extract stops before its tracker', async () => {
    const text = readSeed('agendaPackB')
    if (text === null) return
    const {pack} = await extract({path: 'seed.txt', data: new TextEncoder().encode(text)})
    expect(pack.trackers).toEqual([])
  })

  it('should read a tracker printed as a table, in the part of kind tracker', () => {
    const {trackers} = trackersOf([
      'MONITORING SCRUTINY RECOMMENDATIONS\n\nThe Panel is asked to note the responses.',
      'Appendix 1\n\n' + [
        row('Date', 'Title', 'Action proposed', 'Action taken', 'Progress status'),
        row('12/03/2024', 'Bus shelters', 'Survey shelters in every ward.', 'Survey under way.', 'In progress'),
        row('', '', 'Publish the survey results.', 'Results due in June.', 'Not started'),
        row('7 May 2024', 'Street lighting', 'Report on the LED programme.', 'Report circulated on 2 June.', 'Completed')
      ].join('\n')
    ], [part('p1', 'report', 1, 1), part('p2', 'tracker', 2, 2)])
    expect(trackers).toEqual([{part: 'p2', rows: [
      {date: '2024-03-12', title: 'Bus shelters', actionProposed: 'Survey shelters in every ward.', actionTaken: 'Survey under way.', status: 'In progress'},
      {date: '2024-03-12', title: 'Bus shelters', actionProposed: 'Publish the survey results.', actionTaken: 'Results due in June.', status: 'Not started'},
      {date: '2024-05-07', title: 'Street lighting', actionProposed: 'Report on the LED programme.', actionTaken: 'Report circulated on 2 June.', status: 'Completed'}
    ]}])
  })

  it('should start a row per numbered recommendation, and keep an unreadable date and empty cells null', () => {
    const {trackers} = trackersOf([
      'Recommendations tracker\n\n' + [
        row('Meeting date', 'Subject', 'Recommendation', 'Response', 'Status'),
        row('01/02/2024', 'Libraries', '1) That opening hours are reviewed.', '', 'Open'),
        row('', '', '2) That the Panel visits a library.', 'Visit held on 4 March.', 'Closed'),
        row('TBC', 'Parks', 'That a tree survey is shared.', '', '')
      ].join('\n')
    ])
    expect(trackers).toHaveLength(1)
    expect(trackers[0]!.part).toBe('')
    expect(trackers[0]!.rows).toEqual([
      {date: '2024-02-01', title: 'Libraries', actionProposed: 'That opening hours are reviewed.', actionTaken: null, status: 'Open'},
      {date: '2024-02-01', title: 'Libraries', actionProposed: 'That the Panel visits a library.', actionTaken: 'Visit held on 4 March.', status: 'Closed'},
      {date: null, title: 'Parks', actionProposed: 'That a tree survey is shared.', actionTaken: null, status: null}
    ])
  })

  it('should read run-together OCR text: date, title, status, and the actions kept together', () => {
    const {trackers, file} = trackersOf([
      'Scrutiny Monitoring\nDate Title Action proposed Action taken Progress\nStatus\n' +
      '14/09/23 | Waste 1) That the recycling figures are shared Figures were sent on 2/10/23 Completed\n' +
      'Collection with the Panel.\n' +
      '2) That crews attend the next meeting. Invitation sent. Outstanding'
    ], [part('p9', 'tracker', 1, 1)])
    expect(trackers[0]!.part).toBe('p9')
    expect(trackers[0]!.rows.map((row) => [row.date, row.title, row.status])).toEqual([
      ['2023-09-14', 'Waste Collection', 'Completed'],
      ['2023-09-14', 'Waste Collection', 'Outstanding']
    ])
    expect(trackers[0]!.rows[0]!.actionProposed).toMatch(/^That the recycling figures are shared/)
    expect(file.messages.map((m) => m.ruleId)).toEqual(['tracker-columns-merged'])
  })

  it('should leave an OCR\'d page stamp under the last row out of its action', () => {
    const tree = treeFromText([
      'Scrutiny Monitoring\nDate Title Action proposed Action taken Progress\nStatus\n' +
      '14/09/23 | Waste 1) That the recycling figures are shared Figures were sent on 2/10/23 Completed\n' +
      'Collection with the Panel.\n' +
      '2) That crews attend the next meeting. Invitation sent. Outstanding\n' +
      'Report back on the review of bin rounds.\n\nPage 8'
    ], {ocr: true})
    const file = new VFile({path: 'scan.pdf'})
    file.data.parts = [part('p9', 'tracker', 1, 1)]
    cleanTree(tree, file)
    segmentTracker()(tree, file)
    const rows = file.data.trackers?.[0]?.rows ?? []
    expect(rows).toHaveLength(2)
    expect(rows.map((row) => [row.actionProposed, row.actionTaken, row.status].join(' ')).join(' ')).not.toMatch(/Page 8/)
    expect(rows[1]!.actionProposed).toMatch(/Report back on the review of bin rounds\.$/)
  })

  it('should leave packs without a tracker header alone', () => {
    const {trackers} = trackersOf(['MONITORING SCRUTINY RECOMMENDATIONS\n\nThe Panel received the report and noted the actions taken.'])
    expect(trackers).toEqual([])
  })
})

describe('segmentTracker on the invented fixture packs', () => {
  for (const [kind, ext] of [['markdown', 'md'], ['text', 'txt'], ['pdf-text', 'pdf']] as const) {
    it(`should read the ${kind} tracker rows as its answer key gives them`, async () => {
      const base = new URL(`../../fixtures/${kind}/wexmoor-scrutiny`, import.meta.url)
      const {pack} = await extract(`${base.pathname}.${ext}`)
      const expected = JSON.parse(readFileSync(`${base.pathname}.expected.json`, 'utf8')) as {trackers: Tracker[]}
      expect(pack.trackers.map((tracker) => tracker.rows)).toEqual(expected.trackers.map((tracker) => tracker.rows))
      const owner = pack.parts.find((one) => one.id === pack.trackers[0]!.part)
      expect(owner?.pages.from).toBe(10)
    })
  }
})
