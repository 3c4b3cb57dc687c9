import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {REPO, runCli} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

describe('agendapack regress', () => {
  // OCR of the scanned fixtures on a cold cache: minutes on a busy 2-core machine.
  it('should find every bundled fixture pack equal to its golden file', () => {
    const run = runCli(['regress', 'fixtures'])
    expect(run.stderr).toMatch(/^agendapack regress: (\d+) of \1 packs match their golden files$/m)
    expect(run.code).toBe(0)
  }, 600_000)

  it('should list each differing field with its path, expected and got, and exit 1 until --update', async () => {
    const dir = await makeTempDir('regress')
    await mkdir(join(dir, 'fx', 'md'), {recursive: true})
    await copyFile(join(REPO, 'fixtures', 'markdown', 'harbourside-housing.md'), join(dir, 'fx', 'md', 'h.md'))
    await copyFile(join(REPO, 'fixtures', 'bad', 'zero-byte.pdf'), join(dir, 'fx', 'zero.pdf'))
    const missing = runCli(['regress', 'fx', '--no-cache'], dir)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^differs md\/h\.md: no golden file \(h\.md\.pack\.json\); run agendapack regress --update$/m)
    expect(runCli(['regress', 'fx', '--update', '--no-cache'], dir).code).toBe(0)
    expect(JSON.parse(await readFile(join(dir, 'fx', 'zero.pdf.error.json'), 'utf8'))).toEqual({error: 'file is empty (0 bytes)'})
    const golden = join(dir, 'fx', 'md', 'h.md.pack.json')
    const pack = JSON.parse(await readFile(golden, 'utf8'))
    expect(pack.source.path).toBe('md/h.md')
    pack.meeting.committee = 'Invented Committee'
    pack.agenda.pop()
    await writeFile(golden, JSON.stringify(pack, null, 2) + '\n')
    const changed = runCli(['regress', 'fx', '--no-cache'], dir)
    expect(changed.code).toBe(1)
    expect(changed.stderr).toMatch(/^differs md\/h\.md: 2 differences$/m)
    expect(changed.stderr).toMatch(/^ {2}meeting\.committee: expected "Invented Committee", got "[^"]+"$/m)
    expect(changed.stderr).toMatch(/^ {2}agenda\[\d+\]: expected \(absent\), got \{"number":/m)
    expect(changed.stderr).toMatch(/^agendapack regress: 1 of 2 packs match their golden files, 1 differ$/m)
  })
})
