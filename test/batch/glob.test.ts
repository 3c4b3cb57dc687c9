import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {expandGlob, isGlob, segmentRegExp} from '../../src/batch/glob.js'
import {makeTempDir} from '../util/temp-dir.js'

describe('segmentRegExp', () => {
  it('should match *, ?, classes and braces within one name, and keep dot files out of *', () => {
    expect(segmentRegExp('*.pdf').test('a.pdf')).toBe(true)
    expect(segmentRegExp('*.pdf').test('.a.pdf')).toBe(false)
    expect(segmentRegExp('2024-0[1-3]?.md').test('2024-02x.md')).toBe(true)
    expect(segmentRegExp('2024-0[!1-3]?.md').test('2024-02x.md')).toBe(false)
    expect(segmentRegExp('{agenda,minutes}.txt').test('minutes.txt')).toBe(true)
    expect(segmentRegExp('a+b(1).pdf').test('a+b(1).pdf')).toBe(true)
  })
})

describe('expandGlob', () => {
  it('should expand ** across folders in sorted order, below the literal prefix only', async () => {
    const dir = await makeTempDir('glob')
    await mkdir(join(dir, 'packs', '2024', 'march'), {recursive: true})
    await mkdir(join(dir, 'packs', '.hidden'))
    for (const name of ['packs/b.pdf', 'packs/a.pdf', 'packs/2024/c.pdf', 'packs/2024/march/d.pdf', 'packs/2024/notes.md', 'packs/.hidden/e.pdf']) {
      await writeFile(join(dir, name), 'x')
    }
    expect(isGlob(`${dir}/packs/**/*.pdf`)).toBe(true)
    const found = await expandGlob(`${dir}/packs/**/*.pdf`)
    expect(found.map((p) => p.slice(dir.length + 1))).toEqual(['packs/2024/c.pdf', 'packs/2024/march/d.pdf', 'packs/a.pdf', 'packs/b.pdf'])
    expect((await expandGlob(`${dir}/packs/*.{md,pdf}`)).map((p) => p.slice(dir.length + 1))).toEqual(['packs/a.pdf', 'packs/b.pdf'])
    expect(await expandGlob(`${dir}/nothing/*.pdf`)).toEqual([])
  })
})
