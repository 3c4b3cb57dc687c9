// Reliability of `agendapack extract` on one folder of good packs mixed with hostile files, link
// loops and unwritable outputs: one `error <path>: <reason>` line per bad file, exit code 1, the
// good files written exactly as when run alone, and no partial or temporary files.
import {chmod, copyFile, mkdir, readdir, readFile, symlink, writeFile} from 'node:fs/promises'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {validatePack} from '../../src/compile/validate.js'
import {REPO, runCli, type CliRun} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'
import {hostileFiles, type HostileFile} from './hostile-files.js'

/** Good packs put beside the hostile files (fixture copies: a text export, markdown and a text-layer PDF). */
const GOOD = ['fixtures/text/wexmoor-scrutiny.txt', 'fixtures/markdown/harbourside-housing.md', 'fixtures/pdf-text/layout-variants.pdf']

let dir: string
let files: HostileFile[]
let run: CliRun

/** Every file below `folder`, relative to it. */
async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(folder.length + 1)).sort()
}

function errorLines(stderr: string, path: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(`error ${path}: `))
}

beforeAll(async () => {
  dir = await makeTempDir('hostile')
  await mkdir(join(dir, 'in'))
  files = await hostileFiles()
  for (const f of files) await writeFile(join(dir, 'in', f.name), f.bytes)
  for (const good of GOOD) await copyFile(join(REPO, good), join(dir, 'in', good.split('/').pop()!))
  await symlink('.', join(dir, 'in', 'loop'))
  await symlink('link-b.md', join(dir, 'in', 'link-a.md'))
  await symlink('link-a.md', join(dir, 'in', 'link-b.md'))
  run = runCli(['extract', 'in', '-o', 'out', '-q'], dir)
})

describe('agendapack extract on a folder of good and hostile files', () => {
  it('should finish with exit code 1 and no stack trace', () => {
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).not.toMatch(/\n\s+at |Error: |\bundefined\b/)
  })

  it('should give each failing file exactly one line naming it and the reason, and write nothing for it', async () => {
    const written = await listTree(join(dir, 'out'))
    for (const f of files.filter((x) => 'fails' in x.outcome)) {
      const lines = errorLines(run.stderr, `in/${f.name}`)
      expect(lines, `${f.name}:\n${run.stderr}`).toHaveLength(1)
      expect(lines[0]).toMatch((f.outcome as {fails: RegExp}).fails)
      expect(written.filter((w) => w.startsWith(`in/${f.name}`))).toEqual([])
    }
  })

  it('should write a valid pack for every readable hostile file', async () => {
    for (const f of files.filter((x) => 'reads' in x.outcome)) {
      expect(errorLines(run.stderr, `in/${f.name}`), f.name).toEqual([])
      const pack = JSON.parse(await readFile(join(dir, 'out', 'in', `${f.name}.json`), 'utf8'))
      expect(validatePack(pack), f.name).toEqual([])
      expect(pack.pages, f.name).toHaveLength((f.outcome as {reads: {pages: number}}).reads.pages)
    }
  })

  it('should report link loops by name and not follow them', async () => {
    for (const name of ['loop', 'link-a.md', 'link-b.md']) expect(errorLines(run.stderr, `in/${name}`), name).toHaveLength(1)
    expect((await listTree(join(dir, 'out'))).filter((w) => w.startsWith('in/loop/'))).toEqual([])
  })

  it('should leave no temporary or partial files', async () => {
    const written = await listTree(join(dir, 'out'))
    expect(written.filter((w) => /\.tmp|~$|\.part$/.test(w))).toEqual([])
    for (const w of written.filter((x) => x.endsWith('.json'))) {
      expect(() => JSON.parse(readFileSync(join(dir, 'out', w), 'utf8')), w).not.toThrow()
    }
  })

  it('should write the good files exactly as when they are run alone', async () => {
    const names = GOOD.map((g) => g.split('/').pop()!)
    const alone = runCli(['extract', ...names.map((n) => `in/${n}`), '-o', 'alone', '-q'], dir)
    expect(alone.code, alone.stderr).toBe(0)
    for (const name of names) {
      expect(await readFile(join(dir, 'out', 'in', `${name}.json`), 'utf8'), name).toBe(await readFile(join(dir, 'alone', `${name}.json`), 'utf8'))
    }
  })
})

describe('agendapack extract into an output folder it cannot write', () => {
  it('should fail each file with one line and write nothing when the output path runs through a file', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x')
    const result = runCli(['extract', 'in/wexmoor-scrutiny.txt', 'in/harbourside-housing.md', '-o', 'not-a-folder/out', '-q'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stderr.trim().split('\n').filter((l) => /^error /.test(l)).length).toBeGreaterThanOrEqual(1)
    expect(result.stderr).toMatch(/not-a-folder/)
  })

  it.skipIf(process.getuid?.() === 0)('should fail with one line when the output folder is read-only', async () => {
    await mkdir(join(dir, 'read-only'))
    await chmod(join(dir, 'read-only'), 0o500)
    const result = runCli(['extract', 'in/wexmoor-scrutiny.txt', '-o', 'read-only/out', '-q'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/^error .*(permission denied|EACCES)/m)
    expect(await readdir(join(dir, 'read-only'))).toEqual([])
  })
})
