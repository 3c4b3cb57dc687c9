import {spawn} from 'node:child_process'
import {copyFile, mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {REPO, runCli} from '../util/cli.js'
import {makeTempDir} from '../util/temp-dir.js'

const FIXTURES = join(REPO, 'fixtures')
const BIN = fileURLToPath(new URL('../../bin/agendapack.js', import.meta.url))

/** A folder of packs: text-layer PDFs, markdown, an extension-less PDF, broken files and a non-pack. */
async function packFolder(copies = 3): Promise<string> {
  const dir = await makeTempDir('batch')
  await mkdir(join(dir, 'in', 'pdf'), {recursive: true})
  await mkdir(join(dir, 'in', 'md'), {recursive: true})
  for (let i = 1; i <= copies; i++) {
    await copyFile(join(FIXTURES, 'pdf-text', 'wexmoor-scrutiny.pdf'), join(dir, 'in', 'pdf', `w${i}.pdf`))
    await copyFile(join(FIXTURES, 'markdown', 'harbourside-housing.md'), join(dir, 'in', 'md', `h${i}.md`))
  }
  await copyFile(join(FIXTURES, 'pdf-text', 'layout-variants.pdf'), join(dir, 'in', 'pdf', 'download'))
  await copyFile(join(FIXTURES, 'bad', 'corrupt.pdf'), join(dir, 'in', 'pdf', 'corrupt.pdf'))
  await copyFile(join(FIXTURES, 'bad', 'zero-byte.pdf'), join(dir, 'in', 'md', 'zero.md'))
  await writeFile(join(dir, 'in', 'notes.docx'), 'PK not a pack')
  return dir
}

/** Every file below `dir`, relative, sorted. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, {recursive: true, withFileTypes: true})).filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort()
}

const env = (dir: string): Record<string, string> => ({XDG_CACHE_HOME: join(dir, 'cache')})

describe('agendapack extract over a folder', () => {
  let dir: string
  beforeAll(async () => { dir = await packFolder() })

  it('should write every good pack, name every broken one with its reason, skip non-packs, report JSON and exit 1', async () => {
    const run = runCli(['extract', 'in', '-o', 'out', '-j', '2', '--report', 'report.json'], dir, env(dir))
    expect(run.code).toBe(1)
    expect(await listing(join(dir, 'out'))).toEqual(['.agendapack-journal.ndjson', 'in/md/h1.md.json', 'in/md/h2.md.json', 'in/md/h3.md.json',
      'in/pdf/download.json', 'in/pdf/w1.pdf.json', 'in/pdf/w2.pdf.json', 'in/pdf/w3.pdf.json'])
    expect(run.stderr).toMatch(/^error in\/pdf\/corrupt\.pdf: damaged PDF/m)
    expect(run.stderr).toMatch(/^error in\/md\/zero\.md: file is empty/m)
    expect(run.stderr).toMatch(/^skip in\/notes\.docx: unsupported file type \(\.docx\)/m)
    expect(run.stderr).toMatch(/^agendapack: 7 packs ok, 2 failed, 1 skipped \(not packs\) in /m)
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))
    expect(report.packs).toEqual({total: 9, ok: 7, failed: 2, upToDate: 0, notRun: 0})
    expect(report.pages.byMethod).toEqual({'text': 18, 'text-layer': 38})
    expect(report.failures.map((f: {input: string}) => f.input)).toEqual(['in/md/zero.md', 'in/pdf/corrupt.pdf'])
    expect(report.unsupported).toEqual([{input: 'in/notes.docx', reason: 'unsupported file type (.docx): not a PDF, markdown or text file'}])
  })

  it('should give the same bytes with -j 1 as with -j 2, and skip packs already up to date unless --force', async () => {
    const one = runCli(['extract', 'in', '-o', 'one', '-j', '1', '-q'], dir, env(dir))
    expect(one.code).toBe(1)
    for (const name of (await listing(join(dir, 'out'))).filter((n) => n.endsWith('.json'))) {
      expect(await readFile(join(dir, 'one', name), 'utf8'), name).toBe(await readFile(join(dir, 'out', name), 'utf8'))
    }
    const again = runCli(['extract', 'in', '-o', 'out', '--report', 'again.json'], dir, env(dir))
    expect(JSON.parse(await readFile(join(dir, 'again.json'), 'utf8')).packs.upToDate).toBe(7)
    expect(again.stderr).toMatch(/^ok in\/pdf\/w1\.pdf → out\/in\/pdf\/w1\.pdf\.json \(10 pages: 10 text-layer; 2 warnings, up to date\)$/m)
    await copyFile(join(FIXTURES, 'markdown', 'wexmoor-scrutiny.md'), join(dir, 'in', 'md', 'h1.md'))
    runCli(['extract', 'in', '-o', 'out', '--report', 'changed.json'], dir, env(dir))
    expect(JSON.parse(await readFile(join(dir, 'changed.json'), 'utf8')).packs.upToDate).toBe(6)
    runCli(['extract', 'in', '-o', 'out', '--force', '--report', 'forced.json'], dir, env(dir))
    expect(JSON.parse(await readFile(join(dir, 'forced.json'), 'utf8')).packs.upToDate).toBe(0)
  })

  it('should write NDJSON lines (one per good pack, in input order) to a file or stdout, and shards that add up to the whole', async () => {
    const whole = runCli(['extract', 'in', '--format', 'ndjson', '-o', 'all.ndjson', '-q'], dir, env(dir))
    expect(whole.code).toBe(1)
    const lines = (await readFile(join(dir, 'all.ndjson'), 'utf8')).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.map((l) => JSON.parse(l).source.path)).toEqual(['in/md/h1.md', 'in/md/h2.md', 'in/md/h3.md', 'in/pdf/download', 'in/pdf/w1.pdf', 'in/pdf/w2.pdf', 'in/pdf/w3.pdf'])
    const stdout = runCli(['extract', 'in/md', '--format', 'ndjson', '-o', '-', '-q'], dir, env(dir))
    expect(stdout.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).source.path)).toEqual(['in/md/h1.md', 'in/md/h2.md', 'in/md/h3.md'])
    const shards = [0, 1, 2].map((k) => runCli(['extract', 'in', '--format', 'ndjson', '-o', 'shards', '--shard', `${k}/3`, '-q'], dir, env(dir)))
    expect(shards.map((s) => s.code)).toEqual([1, 1, 0]) // zero.md (4th) falls in shard 0, corrupt.pdf (5th) in shard 1
    const shardLines = (await Promise.all([0, 1, 2].map((k) => readFile(join(dir, 'shards', `packs.shard-${k}-of-3.ndjson`), 'utf8'))))
      .flatMap((t) => t.split('\n').filter(Boolean))
    expect(shardLines.sort()).toEqual([...lines].sort())
  })

  it('should stop a pack over --timeout with its reason and go on', async () => {
    await mkdir(join(dir, 'slow'))
    // Ten scanned pages take well over 3 s to OCR on any machine; the markdown pack well under.
    await copyFile(join(FIXTURES, 'pdf-scanned', 'wexmoor-scrutiny.pdf'), join(dir, 'slow', 'scan.pdf'))
    await copyFile(join(FIXTURES, 'markdown', 'layout-variants.md'), join(dir, 'slow', 'fast.md'))
    const run = runCli(['extract', 'slow', '-o', 'slow-out', '--timeout', '3', '--no-cache', '-j', '1'], dir, env(dir))
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error slow\/scan\.pdf: timed out after 3 s \(--timeout\); the pack was stopped$/m)
    expect(await listing(join(dir, 'slow-out'))).toContain('slow/fast.md.json')
  })
})

describe('agendapack extract --force on a warm OCR cache', () => {
  it('should redo every pack without OCR and write the same bytes as the cold run', async () => {
    const dir = await makeTempDir('warm')
    await mkdir(join(dir, 'in'))
    await copyFile(join(FIXTURES, 'pdf-mixed', 'harbourside-housing.pdf'), join(dir, 'in', 'mixed.pdf'))
    await copyFile(join(FIXTURES, 'markdown', 'layout-variants.md'), join(dir, 'in', 'notes.md'))
    expect(runCli(['extract', 'in', '-o', 'out', '--cache-dir', 'cache', '--report', 'cold.json', '-q'], dir).code).toBe(0)
    const cold = JSON.parse(await readFile(join(dir, 'cold.json'), 'utf8'))
    expect(cold.pages.byMethod.ocr).toBeGreaterThan(0)
    expect(cold.ocrCache.misses).toBeGreaterThan(0)
    const written = await Promise.all(['in/mixed.pdf.json', 'in/notes.md.json'].map((name) => readFile(join(dir, 'out', name), 'utf8')))
    expect(runCli(['extract', 'in', '-o', 'out', '--cache-dir', 'cache', '--force', '--report', 'warm.json', '-q'], dir).code).toBe(0)
    const warm = JSON.parse(await readFile(join(dir, 'warm.json'), 'utf8'))
    expect(warm.packs).toEqual({total: 2, ok: 2, failed: 0, upToDate: 0, notRun: 0})
    expect(warm.pages.byMethod).toEqual(cold.pages.byMethod)
    // No page reached the OCR pool: each OCR'd page came whole from the page cache, and is counted as a hit.
    expect(warm.ocrCache).toEqual({hits: cold.pages.byMethod.ocr, misses: 0})
    expect(await Promise.all(['in/mixed.pdf.json', 'in/notes.md.json'].map((name) => readFile(join(dir, 'out', name), 'utf8')))).toEqual(written)
  })
})

describe('agendapack extract interrupted', () => {
  it('should leave no half-written file on SIGINT and not redo finished packs when restarted', async () => {
    const dir = await packFolder(6)
    const first = await interruptAfter(['extract', 'in', '-o', 'out', '-j', '1'], dir, 2)
    const written = (await listing(join(dir, 'out'))).filter((n) => n.endsWith('.json'))
    expect((await listing(join(dir, 'out'))).filter((n) => n.includes('.tmp'))).toEqual([])
    for (const name of written) JSON.parse(await readFile(join(dir, 'out', name), 'utf8'))
    if (first.code === 130) {
      expect(first.stderr).toMatch(/interrupted: \d+ not done, run again to resume/)
      expect(written.length).toBeLessThan(13)
    }
    const again = runCli(['extract', 'in', '-o', 'out', '-j', '2', '--report', 'resumed.json'], dir, env(dir))
    expect(again.code).toBe(1)
    const report = JSON.parse(await readFile(join(dir, 'resumed.json'), 'utf8'))
    expect(report.packs.upToDate).toBe(written.length)
    expect(report.packs.ok).toBe(13)
  })
})

/** Runs the CLI and sends SIGINT once `okLines` packs are reported done. */
function interruptAfter(args: string[], cwd: string, okLines: number): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd, env: {...process.env, CI: 'true', NO_COLOR: '1', ...env(cwd)}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if ((stderr.match(/^ok /gm) ?? []).length >= okLines && child.exitCode === null && !child.killed) child.kill('SIGINT')
    })
    child.on('close', (code) => resolve({code, stderr}))
  })
}
