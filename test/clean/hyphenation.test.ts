import {describe, expect, it} from 'vitest'
import {cleanHyphenation} from '../../src/clean/hyphenation.js'
import {pageText} from '../../src/tree/to-text.js'
import {textTree} from './make-tree.js'

function joined(...pages: string[]): string {
  const tree = textTree(...pages)
  cleanHyphenation(tree)
  return pageText(tree.children[0]!)
}

describe('cleanHyphenation', () => {
  it.each([
    ['the recom-\nmendation was agreed', 'the recommendation was agreed'],
    ['latest self-\nevaluation of services', 'latest self-evaluation of services'],
    ['the duty to co-\noperate', 'the duty to co-operate'],
    ['promote inter-\nagency cooperation', 'promote inter-agency cooperation'],
    ['an inter-\nvention plan', 'an intervention plan'],
    ['a non-\nstatutory duty', 'a non-statutory duty'],
    ['a multi-\nagency team', 'a multi-agency team'],
    ['aged O-\n19 receive help', 'aged O-19 receive help'],
    ['Anglo-\nSaxon', 'Anglo-Saxon'],
    ['dates 2022 -\n2023', 'dates 2022 -\n2023'],
    ['a line ending in a dash -\nnext', 'a line ending in a dash -\nnext'],
    ['well-\nbeing', 'well-being']
  ])('should join %j across the line end', (text, expected) => {
    expect(joined(text)).toBe(expected)
  })

  it('should let the file’s own words decide: a hyphenated form seen elsewhere keeps the hyphen', () => {
    expect(joined('the pre-\nproceedings stage', 'later pre-proceedings work')).toBe('the pre-proceedings stage')
  })

  it('should let the file’s own words decide: a joined form seen elsewhere drops the hyphen', () => {
    expect(joined('the cross-\nroads', 'at the crossroads')).toBe('the crossroads')
  })

  it('should not join across blocks', () => {
    expect(joined('first recom-\n\nmendation')).toBe('first recom-\n\nmendation')
  })
})
