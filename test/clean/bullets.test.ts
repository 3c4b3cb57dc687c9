import {describe, expect, it} from 'vitest'
import {cleanBullets} from '../../src/clean/bullets.js'
import {page, root} from '../../src/tree/build.js'
import {pageText} from '../../src/tree/to-text.js'
import {item, textTree} from './make-tree.js'

function cleaned(text: string): string {
  const tree = textTree(text)
  cleanBullets(tree)
  return pageText(tree.children[0]!)
}

describe('cleanBullets', () => {
  it.each([
    ['• Real bullet', 'Real bullet'],
    ['e Regular scrutiny of performance', 'Regular scrutiny of performance'],
    ['¢ Monitoring the plan', 'Monitoring the plan'],
    ['o Referring issues', 'Referring issues'],
    ['» Coordination of outreach', 'Coordination of outreach'],
    ['« Quoted debris item', 'Quoted debris item'],
    ['= Ensuring services respond', 'Ensuring services respond'],
    ['- dash item', 'dash item'],
    ['* |ntroduction of leads', '|ntroduction of leads'],
    ['e 2020 figures', '2020 figures'],
    ['•', '']
  ])('should take the bullet off %j', (text, expected) => {
    expect(cleaned(text)).toBe(expected)
  })

  it.each([
    'e-mail the clerk',
    'e.g. the first case',
    "o'clock start",
    'o',
    'e',
    'e lower case with no list around it',
    '© Crown copyright'
  ])('should keep the real words of %j', (text) => {
    expect(cleaned(text)).toBe(text)
  })

  it('should take lower-case debris off when the same debris starts a capitalised item on the page', () => {
    expect(cleaned('e Act with propriety\ne act within the rules')).toBe('Act with propriety\nact within the rules')
  })

  it('should take lower-case debris off inside a list item', () => {
    const tree = root([page([item(['e act with propriety'])], {page: 1, method: 'text', reason: 'test', ocrConfidence: null, printedPage: null})], 'text')
    cleanBullets(tree)
    expect(pageText(tree.children[0]!)).toBe('act with propriety')
  })
})
