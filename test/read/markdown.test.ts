import {existsSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readMarkdown} from '../../src/read/markdown.js'
import {blockText, pageText} from '../../src/tree/to-text.js'
import type {Block, Root, Table} from '../../src/tree/types.js'

const seeds = new URL('../../../shared/seeds/', import.meta.url)
function seed(name: string): string | null {
  const url = new URL(name, seeds)
  return existsSync(url) ? readFileSync(url, 'utf8') : null
}

function read(text: string, file = new VFile()): Root {
  return readMarkdown(text, file)
}

function blocks(text: string): Block[] {
  return read(text).children.flatMap((p) => p.children)
}

function tables(tree: Root): Table[] {
  return tree.children.flatMap((p) => p.children.filter((b): b is Table => b.type === 'table'))
}

describe('readMarkdown', () => {
  it('should read headings with their depth and paragraphs one line per source line', () => {
    const [title, body] = blocks('## Minutes of the meeting\n\nPresent: Councillors Amber\nApologies: none')
    expect(title).toMatchObject({type: 'heading', depth: 2})
    expect(blockText(title!)).toBe('Minutes of the meeting')
    expect(blockText(body!)).toBe('Present: Councillors Amber\nApologies: none')
  })

  it('should keep the number of ordered items as written', () => {
    const [first, second] = blocks('17. **APOLOGIES**\n\n18. **MINUTES OF THE LAST MEETING**')
    expect(first).toMatchObject({type: 'listItem', marker: '17.'})
    expect(blockText(first!)).toBe('17. APOLOGIES')
    expect(blockText(second!)).toBe('18. MINUTES OF THE LAST MEETING')
  })

  it('should flatten nested lists into items of their own', () => {
    const out = blocks('- Main point\n  - Sub point\n- 1) That the report be noted.')
    expect(out.map((b) => [b.type, b.type === 'listItem' ? b.marker : null, blockText(b)])).toEqual([
      ['listItem', '-', 'Main point'],
      ['listItem', '-', 'Sub point'],
      ['listItem', '1)', '1) That the report be noted.']
    ])
  })

  it('should read GFM tables with HTML reduced to clean cell text', () => {
    const [table] = blocks('| Item | Date |\n| --- | --- |\n| Report<br>part two | 4<sup>th</sup> May &amp; after |')
    expect(table!.type).toBe('table')
    expect(blockText(table!)).toBe('Item\tDate\nReport part two\t4th May & after')
    expect((table as Table).children[1]!.children[0]!.children).toHaveLength(2)
  })

  it('should read tab-separated lines as a table and take HTML out of their cells', () => {
    const text = 'Intro\n\n\t2022\t2023\n<b>Referrals</b>\t733\t<p>794</p> <p>(est.)</p>\n\nOutro'
    const out = blocks(text)
    expect(out.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph'])
    expect(blockText(out[1]!)).toBe('\t2022\t2023\nReferrals\t733\t794 (est.)')
  })

  it('should bridge one blank line inside a wide tab table', () => {
    const out = blocks('A\tB\tC\n1\t2\t3\n\n4\t5\t6')
    expect(out).toHaveLength(1)
    expect((out[0] as Table).children).toHaveLength(3)
  })

  it('should split inline "•" items inside a table cell into lines', () => {
    const [table] = blocks('Service\tGoing well\nFostering\t<ul> • Good visits. • Timely plans.</ul>')
    const cell = (table as Table).children[1]!.children[1]!
    expect(cell.children.map((l) => l.children.map((w) => w.value).join(' '))).toEqual(['• Good visits.', '• Timely plans.'])
  })

  it('should reduce HTML blocks to lines and warn once per page', () => {
    const file = new VFile()
    const tree = read('<p>First para</p><p>Second para</p>\n\n<div>More</div>', file)
    expect(pageText(tree.children[0]!)).toBe('First para\nSecond para\n\nMore')
    expect(file.messages.map((m) => [m.ruleId, (m as {page?: number}).page])).toEqual([['markdown-html', 1]])
  })

  it('should leave thematic breaks out and read quotes and code as paragraphs', () => {
    const out = blocks('Above\n\n---\n\n> Quoted words\n\n```\nplain code\n```')
    expect(out.map(blockText)).toEqual(['Above', 'Quoted words', 'plain code'])
  })

  it.each([
    ['a form feed', 'Page one text\n\fPage two text'],
    ['a page comment', 'Page one text\n\n<!-- page 2 -->\n\nPage two text'],
    ['a page stamp line', 'Page one text\n\nPage 1\n\nPage two text']
  ])('should start a new page at %s', (_name, text) => {
    const tree = read(text)
    expect(tree.children).toHaveLength(2)
    expect(tree.children.map((p) => p.data.page)).toEqual([1, 2])
    expect(pageText(tree.children[1]!)).toBe('Page two text')
  })

  it('should not make an empty page from a stamp followed by a page comment', () => {
    const tree = read('One\n\nPage 1\n\n<!-- page 2 -->\n\nTwo')
    expect(tree.children.map(pageText)).toEqual(['One\n\nPage 1', 'Two'])
  })

  it('should make one page of a markdown file without page marks', () => {
    const tree = read('# Title\n\nText')
    expect(tree.data.format).toBe('markdown')
    expect(tree.children).toHaveLength(1)
    expect(tree.children[0]!.data).toEqual({page: 1, method: 'text', reason: 'markdown', ocrConfidence: null, printedPage: null})
  })

  it('should put source positions on paragraph lines', () => {
    const [, para] = blocks('# Head\n\nfirst line\n  second line')
    if (para!.type === 'table') throw new Error('unexpected table')
    expect(para!.children.map((l) => l.position?.start)).toEqual([
      {line: 3, column: 1, offset: 8}, {line: 4, column: 3, offset: 21}
    ])
  })

  it.skipIf(!seed('003_5a5c2f7930083d64.txt'))('should read the seed report tables as tables with the HTML taken out', () => {
    const file = new VFile()
    const tree = read(seed('003_5a5c2f7930083d64.txt')!, file)
    const found = tables(tree)
    expect(found.length).toBeGreaterThanOrEqual(10)
    const cells = found.flatMap((t) => t.children.flatMap((r) => r.children.map((c) => c.children.map((l) => l.children.map((w) => w.value).join(' ')).join('\n'))))
    expect(cells.some((c) => /<\/?[a-z]+/i.test(c))).toBe(false)
    expect(cells).toContain('Target')
    expect(file.messages.filter((m) => m.ruleId === 'markdown-html')).toHaveLength(1)
  })

  it.skipIf(!seed('001_d6d3da9ca917fd94.txt'))('should keep the numbered items and headings of the seed minutes', () => {
    const out = read(seed('001_d6d3da9ca917fd94.txt')!).children.flatMap((p) => p.children)
    const numbered = out.filter((b) => b.type === 'listItem' && /^\d+\.$/.test(b.marker ?? '')).map((b) => (b as {marker: string}).marker)
    expect(numbered).toEqual(['38.', '39.', '40.', '41.', '43.', '44.'])
    expect(out.filter((b) => b.type === 'heading').map(blockText)).toContain("42. CHILDREN'S RESOURCE SERVICE AUDIT AND SERVICE RESPONSE")
  })

  it.skipIf(!seed('002_aa5144a882b7538a.txt'))('should read the seed report tab tables with a header row', () => {
    const found = tables(read(seed('002_aa5144a882b7538a.txt')!))
    expect(found.length).toBeGreaterThanOrEqual(2)
    expect(found[0]!.children[0]!.children).toHaveLength(7)
    expect(found[0]!.children).toHaveLength(6)
  })
})
