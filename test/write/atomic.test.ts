import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {writeAtomic} from '../../src/write/atomic.js'
import {makeTempDir} from '../util/temp-dir.js'

describe('writeAtomic', () => {
  it('should write the whole file and leave no temporary file behind', async () => {
    const dir = await makeTempDir('atomic')
    await writeAtomic(join(dir, 'a', 'b.json'), '{"ok":true}\n')
    expect(await readFile(join(dir, 'a', 'b.json'), 'utf8')).toBe('{"ok":true}\n')
    expect(await readdir(join(dir, 'a'))).toEqual(['b.json'])
  })

  it('should leave no temporary file when the final rename fails', async () => {
    const dir = await makeTempDir('atomic')
    await mkdir(join(dir, 'b.json'))
    await writeFile(join(dir, 'b.json', 'keep'), 'old\n')
    await expect(writeAtomic(join(dir, 'b.json'), 'new\n')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['b.json'])
    expect(await readFile(join(dir, 'b.json', 'keep'), 'utf8')).toBe('old\n')
  })
})
