// Same bytes whatever the parallelism: a folder of fixture packs (text, markdown, text-layer PDF)
// extracted with -j 1 and with -j 2 gives identical files.
import {cp, readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {REPO, runCli} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

let dir: string

beforeAll(async () => {
  dir = await makeTempDir('jobs')
  for (const kind of ['text', 'markdown', 'pdf-text']) await cp(join(REPO, 'fixtures', kind), join(dir, 'in', kind), {recursive: true, filter: (f) => !f.endsWith('.json')})
})

describe('extract with -j 1 and -j 2', () => {
  it('should write the same files with the same bytes', async () => {
    const one = runCli(['extract', 'in', '-o', 'j1', '-j', '1', '-q', '--ocr', 'never'], dir)
    const two = runCli(['extract', 'in', '-o', 'j2', '-j', '2', '-q', '--ocr', 'never'], dir)
    expect([one.code, two.code], one.stderr + two.stderr).toEqual([0, 0])
    const files = (await readdir(join(dir, 'j1'), {recursive: true})).filter((f) => f.endsWith('.json')).sort()
    expect(files.length).toBeGreaterThanOrEqual(9)
    expect((await readdir(join(dir, 'j2'), {recursive: true})).filter((f) => f.endsWith('.json')).sort()).toEqual(files)
    for (const f of files) expect(await readFile(join(dir, 'j2', f), 'utf8'), f).toBe(await readFile(join(dir, 'j1', f), 'utf8'))
  })
})
