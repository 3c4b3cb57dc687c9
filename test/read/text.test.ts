import {existsSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readText} from '../../src/read/text.js'
import {blockText, pageText} from '../../src/tree/to-text.js'
import type {Page, Root} from '../../src/tree/types.js'

const seeds = new URL('../../../shared/seeds/', import.meta.url)
function seed(name: string): string | null {
  const url = new URL(name, seeds)
  return existsSync(url) ? readFileSync(url, 'utf8') : null
}

/** An invented OCR page: a first line, `filler` body lines, an optional stamp line at the end. */
function ocrPage(first: string, stamp: string | null, filler = 12): string[] {
  const body = Array.from({length: filler}, (_, i) => `The committee noted point ${i + 1} of the plan.`)
  return [first, ...body, ...(stamp ? [stamp] : [])]
}

function read(text: string): Root {
  return readText(text, new VFile())
}

function firstLine(page: Page): string {
  return pageText(page).split('\n')[0] ?? ''
}

describe('readText', () => {
  it('should split pages at form feeds and drop the empty tail after a final one', () => {
    const tree = read('First page\fSecond page\f')
    expect(tree.children.map(pageText)).toEqual(['First page', 'Second page'])
  })

  it('should keep an empty page between two form feeds', () => {
    const tree = read('One\f\fThree')
    expect(tree.children.map((p) => p.children.length)).toEqual([1, 0, 1])
  })

  it('should normalise CRLF line endings', () => {
    const tree = read('alpha\r\nbeta\r\n')
    expect(pageText(tree.children[0]!)).toBe('alpha\nbeta')
  })

  it('should read page breaks when the export lost its form feeds', () => {
    const lines = [...ocrPage('CABINET AGENDA', 'Page 1'), ...ocrPage(' Second page title', '-2-'), ...ocrPage(' Third page title', null)]
    const tree = read(lines.join('\n'))
    expect(tree.children).toHaveLength(3)
    expect(tree.children.map(firstLine)).toEqual(['CABINET AGENDA', 'Second page title', 'Third page title'])
    expect(pageText(tree.children[0]!).endsWith('Page 1')).toBe(true)
  })

  it('should end a page at a stamp when no page start follows it', () => {
    const lines = [...ocrPage('Opening words', 'Page 4'), ...ocrPage('Next page without a leading space', 'Page 5')]
    const tree = read(lines.join('\n'))
    expect(tree.children.map(firstLine)).toEqual(['Opening words', 'Next page without a leading space'])
  })

  it('should keep a side stamp read a few lines above the page end on its page', () => {
    const slide = ['Slide heading', 'A point on the slide', '6 abed', 'Last words on the slide', 'a']
    const lines = [...ocrPage('Report heading', null), ' ' + slide.join('\n'), ...ocrPage(' Later page', null)]
    const tree = read(lines.join('\n'))
    expect(tree.children.map(firstLine)).toEqual(['Report heading', 'Slide heading', 'Later page'])
  })

  it('should split at runs of blank lines when the file shows other page marks', () => {
    const lines = [...ocrPage('First', '-1-'), ...ocrPage(' Second', null), '', '', '', ...ocrPage('Third', null)]
    expect(read(lines.join('\n')).children.map(firstLine)).toEqual(['First', 'Second', 'Third'])
  })

  it('should treat blank-line runs as spacing in a file with no page marks', () => {
    expect(read('Intro paragraph\n\n\n\nSecond paragraph').children).toHaveLength(1)
  })

  it('should read one-space indentation as indentation when most lines have it', () => {
    const text = Array.from({length: 20}, (_, i) => ` Indented line ${i}`).join('\n')
    expect(read(text).children).toHaveLength(1)
  })

  it('should read a run of one-space lines as an indented list, not page starts', () => {
    const lines = [...ocrPage('Heading', null), ' - first nested point', ' - second nested point', ...ocrPage('More text', null)]
    expect(read(lines.join('\n')).children).toHaveLength(1)
  })

  it('should never make an empty page from page marks', () => {
    const lines = [...ocrPage('Start', 'Page 1'), '', '', '', '', ' Page 2', ...ocrPage('Body after a stamp at the head', 'Page 3'), '', '', '']
    const tree = read(lines.join('\n'))
    expect(tree.children.every((p) => p.children.length > 0)).toBe(true)
    expect(tree.children).toHaveLength(2)
  })

  it('should record how the page was read', () => {
    expect(read('text').children[0]!.data).toEqual({page: 1, method: 'text', reason: 'text export', ocrConfidence: null, printedPage: null})
  })

  it.each([
    ['• Real bullet item', '•'],
    ['e Regular scrutiny of plans', 'e'],
    ['¢ Monitoring the action plan', '¢'],
    ['o Referring issues to the Chair', 'o'],
    ['» Coordination of outreach', '»'],
    ['- Dash item', '-'],
    ['* Starred item', '*']
  ])('should start a list item at the bullet line %j, keeping the glyph as the first word', (text, glyph) => {
    const block = read(`Intro line\n${text}\nwrapped continuation`).children[0]!.children[1]!
    expect(block.type).toBe('listItem')
    if (block.type !== 'listItem') return
    expect(block.marker).toBe('•')
    expect(block.children[0]!.children[0]!.value).toBe(glyph)
    expect(block.children).toHaveLength(2)
  })

  it.each(['e-mail the clerk', 'e.g. this one', "o'clock start", 'o', 'every item'])('should not read %j as a bullet', (text) => {
    expect(read(text).children[0]!.children[0]!.type).not.toBe('listItem')
  })

  it('should read tab-separated lines as table rows', () => {
    const block = read('Measure\t2022\t2023\nReferrals\t733\t794').children[0]!.children[0]!
    expect(block.type).toBe('table')
    expect(blockText(block)).toBe('Measure\t2022\t2023\nReferrals\t733\t794')
  })

  it('should read a lone line in capitals as a heading', () => {
    const [first, second] = read('DISCLOSURE OF INTERESTS\n\nMembers must declare.').children[0]!.children
    expect(first).toMatchObject({type: 'heading', depth: 2})
    expect(second!.type).toBe('paragraph')
  })

  it('should give every word its line and column in the source', () => {
    const tree = read('first line\n  second  words')
    const word = tree.children[0]!.children[0]!
    if (word.type === 'table') throw new Error('unexpected table')
    expect(word.children[1]!.children[1]!.position).toEqual({
      start: {line: 2, column: 11, offset: 21}, end: {line: 2, column: 16, offset: 26}
    })
  })

  it.skipIf(!seed('000_41e2329a0f8f07eb.txt'))('should split the first OCR seed pack into its 51 pages', () => {
    const tree = read(seed('000_41e2329a0f8f07eb.txt')!)
    expect(tree.children).toHaveLength(51)
    const withStamp = tree.children.findIndex((p) => pageText(p).endsWith('\nPage 2'))
    expect(withStamp).toBe(5)
    expect(firstLine(tree.children[6]!)).toMatch(/^DECISION-MAKER/)
    expect(tree.children.every((p) => p.children.length > 0)).toBe(true)
  })

  it.skipIf(!seed('004_bad3b9073482ca66.txt'))('should split the second OCR seed pack into its 26 pages', () => {
    const tree = read(seed('004_bad3b9073482ca66.txt')!)
    expect(tree.children).toHaveLength(26)
    expect(pageText(tree.children[21]!).endsWith('Page 16')).toBe(true)
    expect(firstLine(tree.children[22]!)).toBe('Equality Impact Assessment')
  })
})
