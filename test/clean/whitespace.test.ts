import {describe, expect, it} from 'vitest'
import {cleanWhitespace} from '../../src/clean/whitespace.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'

function clean(values: string[]): string[] {
  const l = line(values.map((value) => word(value, {page: 1})), {page: 1})
  const tree = root([page([paragraph([l], {page: 1})], {page: 1, method: 'text', reason: 'test', ocrConfidence: null, printedPage: null})], 'text')
  cleanWhitespace(tree)
  return l.children.map((w) => w.value)
}

describe('cleanWhitespace', () => {
  it.each([
    [['\u00a0Pages\u00a0'], ['Pages']],
    [['co\u00adoperate'], ['cooperate']],
    [['zero\u200bwidth'], ['zerowidth']],
    [['\ufeffBOM'], ['BOM']],
    [['a\u0007b'], ['a b']],
    [['two  spaces'], ['two spaces']],
    [['recom\u00ad'], ['recom-']],
    [['mid\u00ad', 'end'], ['mid', 'end']]
  ])('should clean %j to %j', (values, expected) => {
    expect(clean(values)).toEqual(expected)
  })
})
