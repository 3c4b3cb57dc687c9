import {copyFile, mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {REPO, runCli} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

const K8S = join(REPO, 'examples', 'kubernetes', 'indexed-job.yaml')
const ACTIONS = join(REPO, 'examples', 'github-actions', 'extract-matrix.yml')

/** A small folder of packs at `<dir>/<folder>` (text only: fast) with one broken file. */
async function packs(dir: string, folder: string): Promise<void> {
  await mkdir(join(dir, folder, 'md'), {recursive: true})
  for (const name of ['harbourside-housing', 'layout-variants', 'wexmoor-scrutiny']) {
    await copyFile(join(REPO, 'fixtures', 'markdown', `${name}.md`), join(dir, folder, 'md', `${name}.md`))
    await copyFile(join(REPO, 'fixtures', 'text', `${name}.txt`), join(dir, folder, `${name}.txt`))
  }
  await copyFile(join(REPO, 'fixtures', 'bad', 'corrupt.pdf'), join(dir, folder, 'corrupt.pdf'))
}

/** The agendapack arguments of a manifest's command line, with its variables replaced. */
function commandArgs(line: string, vars: Record<string, string>): string[] {
  let text = line.replace(/^.*?agendapack(?:\.js)? /, '')
  for (const [name, value] of Object.entries(vars)) text = text.split(name).join(value)
  return text.trim().split(/\s+/)
}

async function ndjsonLines(files: string[]): Promise<string[]> {
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).flatMap((t) => t.split('\n').filter(Boolean)).sort()
}

describe('examples/', () => {
  let dir: string
  let whole: string[]
  beforeAll(async () => {
    dir = await makeTempDir('examples')
    await packs(dir, 'packs')
    runCli(['extract', 'packs', '--format', 'ndjson', '-o', 'whole.ndjson', '-q', '--no-cache'], dir)
    whole = await ndjsonLines([join(dir, 'whole.ndjson')])
    expect(whole).toHaveLength(6)
  })

  it('kubernetes/indexed-job.yaml: one shard per completion index, whose union is the whole run', async () => {
    const text = await readFile(K8S, 'utf8')
    expect(text).toMatch(/^ {2}completionMode: Indexed$/m)
    const completions = Number(/^ {2}completions: (\d+)$/m.exec(text)?.[1])
    expect(Number(/^ {2}parallelism: (\d+)$/m.exec(text)?.[1])).toBe(completions)
    const line = /^\s+- exec agendapack extract .*$/m.exec(text)?.[0] ?? ''
    expect(line).toContain(`--shard \${JOB_COMPLETION_INDEX}/${completions} `)
    await mkdir(join(dir, 'k8s', 'data'), {recursive: true})
    await packs(join(dir, 'k8s'), 'data/packs')
    const outputs: string[] = []
    for (let index = 0; index < completions; index++) {
      const args = commandArgs(line, {'${JOB_COMPLETION_INDEX}': String(index), '/data/': 'data/'})
      const run = runCli([...args, '-q'], join(dir, 'k8s'))
      expect([0, 1], run.stderr).toContain(run.code)
      outputs.push(join(dir, 'k8s', 'data', 'out', `packs.shard-${index}-of-${completions}.ndjson`))
      const report = JSON.parse(await readFile(join(dir, 'k8s', 'data', 'out', `report.shard-${index}-of-${completions}.json`), 'utf8'))
      expect(report.shard).toBe(`${index}/${completions}`)
    }
    expect((await ndjsonLines(outputs)).map(pathOf)).toEqual(whole.map(pathOf))
  })

  it('github-actions/extract-matrix.yml: one shard per matrix job, whose union is the whole run', async () => {
    const text = await readFile(ACTIONS, 'utf8')
    const shards = JSON.parse(/^ {8}shard: (\[[\d, ]+\])$/m.exec(text)?.[1] ?? '[]') as number[]
    expect(shards).toEqual(shards.map((_s, i) => i))
    const line = /^\s+run: bin\/agendapack\.js extract .*$/m.exec(text)?.[0] ?? ''
    expect(line).toContain(`--shard \${{ matrix.shard }}/${shards.length} `)
    const outputs: string[] = []
    for (const shard of shards) {
      const run = runCli([...commandArgs(line, {'${{ matrix.shard }}': String(shard)}), '-q'], dir)
      expect([0, 1], run.stderr).toContain(run.code)
      outputs.push(join(dir, 'out', `packs.shard-${shard}-of-${shards.length}.ndjson`))
    }
    expect(await ndjsonLines(outputs)).toEqual(whole)
  })
})

function pathOf(line: string): string {
  return (JSON.parse(line) as {source: {path: string}}).source.path.replace(/^data\//, '')
}
