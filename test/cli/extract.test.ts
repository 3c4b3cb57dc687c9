import {copyFile, mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {REPO, runCli, type CliRun} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

const BAD = join(REPO, 'fixtures', 'bad')
const BAD_FILES: Array<[string, RegExp]> = [
  ['zero-byte.pdf', /file is empty/],
  ['truncated.pdf', /damaged|truncated|corrupt|PDF/i],
  ['corrupt.pdf', /damaged|corrupt|PDF/i],
  ['html-named.pdf', /not a PDF: the file is an HTML/],
  ['encrypted.pdf', /encrypted PDF/],
  ['binary.txt', /binary file/]
]

const MINUTES_MD = `# Wexmoor Borough Council

## Licensing Committee

Minutes of the meeting held on Tuesday 3 September 2024

Present: Councillors A Okafor (Chair), P Lindqvist and R Dunmore

| Item | Decision |
| --- | --- |
| Premises licence, 4 Mill Lane | Granted with conditions |
`
const AGENDA_TXT = 'HARBOURSIDE DISTRICT COUNCIL\nPLANNING COMMITTEE\n\nAGENDA\n\n1 APOLOGIES\n\nPage 1\n\f' +
  '2 MINUTES OF THE PREVIOUS MEETING (Pages 3 - 6)\nTo approve the minutes.\n\nPage 2\n'

async function batchFolder(): Promise<string> {
  const dir = await makeTempDir('cli')
  await mkdir(join(dir, 'in'))
  await writeFile(join(dir, 'in', 'minutes.md'), MINUTES_MD)
  await writeFile(join(dir, 'in', 'agenda.txt'), AGENDA_TXT)
  for (const [name] of BAD_FILES) if (existsSync(join(BAD, name))) await copyFile(join(BAD, name), join(dir, 'in', name))
  return dir
}

describe('agendapack extract', () => {
  let dir: string
  let run: CliRun
  beforeAll(async () => {
    dir = await batchFolder()
    run = runCli(['extract', 'in', '-o', 'out'], dir)
  })

  it('should write every good file while each bad file fails alone with a one-line reason', async () => {
    expect(run.code).toBe(1)
    expect(await readdir(join(dir, 'out', 'in'))).toEqual(['agenda.txt.json', 'minutes.md.json'])
    for (const [name, reason] of BAD_FILES) {
      if (!existsSync(join(BAD, name))) continue
      const line = run.stderr.split('\n').find((l) => l.startsWith(`error in/${name}: `))
      expect(line, `stderr names ${name}:\n${run.stderr}`).toBeDefined()
      expect(line).toMatch(reason)
    }
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack traces
  })

  it('should leave no temporary or partial files in the output folder', async () => {
    const names = await readdir(join(dir, 'out', 'in'))
    expect(names.filter((n) => n.includes('.tmp'))).toEqual([])
  })

  it('should write packs that validate against the schema', () => {
    const check = runCli(['validate', 'out/in/agenda.txt.json', 'out/in/minutes.md.json'], dir)
    expect(check.stderr).toBe('valid out/in/agenda.txt.json\nvalid out/in/minutes.md.json\n')
    expect(check.code).toBe(0)
  })

  it('should record the input path as given and split text exports at form feeds', async () => {
    const pack = JSON.parse(await readFile(join(dir, 'out', 'in', 'agenda.txt.json'), 'utf8'))
    expect(pack.source).toMatchObject({path: 'in/agenda.txt', format: 'text', pageCount: 2})
    expect(pack.pages.map((p: {printedPage: string}) => p.printedPage)).toEqual(['1', '2'])
    expect(pack.pages[1].text).not.toContain('Page 2')
  })

  it('should give the same bytes on a second run', async () => {
    const again = runCli(['extract', 'in', '-o', 'again', '-q'], dir)
    expect(again.code).toBe(1)
    for (const name of ['agenda.txt.json', 'minutes.md.json']) {
      expect(await readFile(join(dir, 'again', 'in', name), 'utf8')).toBe(await readFile(join(dir, 'out', 'in', name), 'utf8'))
    }
  })

  it('should exit 0 when every file is good, and write one pack to stdout with -o -', () => {
    const one = runCli(['extract', 'in/minutes.md', '-o', '-'], dir)
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout).source.path).toBe('in/minutes.md')
  })

  it('should exit 2 on a usage error', () => {
    const bad = runCli(['extract', '--ocr', 'sometimes'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/Allowed choices are auto, always, never/)
  })

  it('should exit 1 naming an output folder it cannot write', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be')
    const blocked = runCli(['extract', 'in/minutes.md', '-o', 'blocker/out'], dir)
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toMatch(/^error in\/minutes\.md: cannot write blocker\/out\/minutes\.md\.json: /m)
  })
})

describe('agendapack schema and validate', () => {
  it('should print the JSON Schema and reject a pack with a wrong field', async () => {
    const schema = runCli(['schema'])
    expect(schema.code).toBe(0)
    expect(JSON.parse(schema.stdout).title).toBe('agendapack Pack document')
    const dir = await makeTempDir('validate')
    await writeFile(join(dir, 'bad.json'), JSON.stringify({schemaVersion: '1.0'}))
    await writeFile(join(dir, 'broken.json'), '{"schemaVersion": ')
    const check = runCli(['validate', 'bad.json', 'broken.json', 'missing.json'], dir)
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/^invalid bad\.json: \/source: /m)
    expect(check.stderr).toMatch(/^invalid broken\.json: not JSON: /m)
    expect(check.stderr).toMatch(/^invalid missing\.json: no such file$/m)
  })
})

describe('agendapack --version and --help', () => {
  it('should print the version and exit 0', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'))
    const run = runCli(['--version'])
    expect(run.stdout.trim()).toBe(pkg.version)
    expect(run.code).toBe(0)
  })
})
