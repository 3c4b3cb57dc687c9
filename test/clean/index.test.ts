import {existsSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {cleanTree} from '../../src/clean/index.js'
import {readMarkdown} from '../../src/read/markdown.js'
import {readText} from '../../src/read/text.js'
import {pageText} from '../../src/tree/to-text.js'
import type {Root} from '../../src/tree/types.js'
import {textTree} from './make-tree.js'

const seeds = new URL('../../../shared/seeds/', import.meta.url)
function seed(name: string): string | null {
  const url = new URL(name, seeds)
  return existsSync(url) ? readFileSync(url, 'utf8') : null
}

function cleanedText(name: string): Root {
  const file = new VFile()
  const tree = readText(seed(name)!, file)
  cleanTree(tree, file)
  return tree
}

/** Lines of the cleaned pages that still start with a bullet glyph or OCR bullet debris. */
function debrisLines(tree: Root): string[] {
  return tree.children.flatMap((p) => pageText(p).split('\n')).filter((l) => /^(?:[eo¢»«•*=]|-) \p{L}/u.test(l))
}

describe('cleanTree', () => {
  it('should run every cleaner: stamps out, bullets off, words joined, printed page recorded', () => {
    const tree = textTree('e Regular scrutiny of the recom-\nmendations\u00a0made\n\nPage 7')
    cleanTree(tree, new VFile())
    expect(pageText(tree.children[0]!)).toBe('Regular scrutiny of the recommendations made')
    expect(tree.children[0]!.data.printedPage).toBe('7')
  })

  it.skipIf(!seed('000_41e2329a0f8f07eb.txt'))('should clean the first OCR seed pack: stamps, printed pages, bullets, hyphenation', () => {
    const tree = cleanedText('000_41e2329a0f8f07eb.txt')
    const printed = tree.children.map((p) => p.data.printedPage)
    expect(printed[4]).toBe('1')
    expect(printed[5]).toBe('2')
    expect(printed[11]).toBe('9')
    expect(printed[12]).toBe('10')
    expect(pageText(tree.children[4]!)).not.toMatch(/-1-$/)
    expect(pageText(tree.children[5]!)).not.toMatch(/Page 2$/)
    expect(debrisLines(tree)).toEqual([])
    const all = tree.children.map(pageText).join('\n')
    expect(all).toContain('version of the self-evaluation.')
    expect(all).toContain('Agenda Item 9')
  })

  it.skipIf(!seed('004_bad3b9073482ca66.txt'))('should clean the second OCR seed pack: the "Page 16" stamp and bullet debris', () => {
    const tree = cleanedText('004_bad3b9073482ca66.txt')
    expect(tree.children[21]!.data.printedPage).toBe('16')
    expect(pageText(tree.children[21]!)).not.toMatch(/Page 16$/)
    expect(debrisLines(tree)).toEqual([])
  })

  it.skipIf(!seed('001_d6d3da9ca917fd94.txt'))('should mark the blank-page notice of the seed minutes as furniture', () => {
    const file = new VFile()
    const tree = readMarkdown(seed('001_d6d3da9ca917fd94.txt')!, file)
    cleanTree(tree, file)
    expect(pageText(tree.children[0]!)).not.toContain('intentionally left blank')
    expect(pageText(tree.children[0]!)).toContain('38. APOLOGIES AND CHANGES IN PANEL MEMBERSHIP')
  })

  it.skipIf(!seed('003_5a5c2f7930083d64.txt'))('should take the "•" glyphs off the seed report table cells', () => {
    const file = new VFile()
    const tree = readMarkdown(seed('003_5a5c2f7930083d64.txt')!, file)
    cleanTree(tree, file)
    const text = pageText(tree.children[0]!)
    expect(text).toContain('Effective multi-agency work undertaken.')
    expect(text).not.toMatch(/•/)
  })
})
