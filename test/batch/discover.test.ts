import {mkdir, symlink, writeFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {discoverInputs} from '../../src/batch/discover.js'
import {makeTempDir} from '../util/temp-dir.js'

async function tree(): Promise<string> {
  const dir = await makeTempDir('discover')
  await mkdir(join(dir, 'packs', 'minutes'), {recursive: true})
  await writeFile(join(dir, 'packs', 'b.pdf'), '%PDF-1.4')
  await writeFile(join(dir, 'packs', 'a.md'), '# A')
  await writeFile(join(dir, 'packs', 'notes.docx'), 'x')
  await writeFile(join(dir, 'packs', '.hidden.pdf'), 'x')
  await writeFile(join(dir, 'packs', 'minutes', 'c.txt'), 'C')
  await symlink(join(dir, 'packs'), join(dir, 'packs', 'minutes', 'loop'))
  return dir
}

describe('discoverInputs', () => {
  it('should walk folders recursively in sorted order, mirroring the tree in output names', async () => {
    const dir = await tree()
    const {files, problems, skipped} = await discoverInputs([join(dir, 'packs')])
    expect(files.map((f) => relative(dir, f.path))).toEqual(['packs/a.md', 'packs/b.pdf', 'packs/minutes/c.txt'])
    expect(files.map((f) => f.outputName)).toEqual(['packs/a.md.json', 'packs/b.pdf.json', 'packs/minutes/c.txt.json'])
    expect(problems).toEqual([{path: join(dir, 'packs', 'minutes', 'loop'), reason: 'symbolic link loop: folder already visited'}])
    expect(skipped).toEqual([{path: join(dir, 'packs', 'notes.docx'), reason: 'unsupported file type (.docx): not a PDF, markdown or text file'}])
  })

  it('should skip devices in a folder or a glob, never reading them (a link to /dev/zero would never end)', async () => {
    const dir = await tree()
    await symlink('/dev/zero', join(dir, 'packs', 'zero.pdf'))
    await symlink('/dev/null', join(dir, 'packs', 'minutes', 'null.txt'))
    const reason = 'not a regular file (a device, pipe or socket)'
    const walked = await discoverInputs([join(dir, 'packs')])
    expect(walked.files.map((f) => relative(dir, f.path))).toEqual(['packs/a.md', 'packs/b.pdf', 'packs/minutes/c.txt'])
    expect(walked.skipped).toContainEqual({path: join(dir, 'packs', 'zero.pdf'), reason})
    expect(walked.skipped).toContainEqual({path: join(dir, 'packs', 'minutes', 'null.txt'), reason})
    const globbed = await discoverInputs([`${dir}/packs/*.pdf`])
    expect(globbed.files.map((f) => relative(dir, f.path))).toEqual(['packs/b.pdf'])
    expect(globbed.skipped).toEqual([{path: `${dir}/packs/zero.pdf`, reason}])
  })

  it('should take a PDF by its first bytes whatever its name, and expand glob patterns', async () => {
    const dir = await tree()
    await writeFile(join(dir, 'packs', 'download'), 'junk line\n%PDF-1.7\n')
    await writeFile(join(dir, 'packs', 'scan.PDF.part'), '%PDF-1.4')
    const walked = await discoverInputs([join(dir, 'packs')])
    expect(walked.files.map((f) => f.outputName)).toContain('packs/download.json')
    expect(walked.files.map((f) => f.outputName)).toContain('packs/scan.PDF.part.json')
    const globbed = await discoverInputs([`${dir}/packs/**/*.{md,txt}`, `${dir}/none/*.pdf`])
    expect(globbed.files.map((f) => relative(dir, f.path))).toEqual(['packs/a.md', 'packs/minutes/c.txt'])
    expect(globbed.problems).toEqual([{path: `${dir}/none/*.pdf`, reason: 'no file matches the pattern'}])
  })

  it('should give the same sorted list whatever the order of the inputs', async () => {
    const dir = await tree()
    const one = await discoverInputs([join(dir, 'packs', 'minutes'), join(dir, 'packs', 'b.pdf')])
    const two = await discoverInputs([join(dir, 'packs', 'b.pdf'), join(dir, 'packs', 'minutes')])
    expect(one.files).toEqual(two.files)
  })

  it('should report a missing input and keep the others', async () => {
    const dir = await tree()
    const {files, problems} = await discoverInputs([join(dir, 'nope.pdf'), join(dir, 'packs', 'b.pdf')])
    expect(files.map((f) => f.outputName)).toEqual(['b.pdf.json'])
    expect(problems).toEqual([{path: join(dir, 'nope.pdf'), reason: 'no such file or folder'}])
  })

  it('should give files of the same name in two named folders distinct outputs', async () => {
    const dir = await tree()
    await mkdir(join(dir, 'other'))
    await writeFile(join(dir, 'other', 'b.pdf'), '%PDF-1.4')
    const {files} = await discoverInputs([join(dir, 'packs', 'b.pdf'), join(dir, 'other', 'b.pdf')])
    const names = files.map((f) => f.outputName)
    expect(new Set(names).size).toBe(2)
    expect(names.every((n) => n.endsWith('b.pdf.json'))).toBe(true)
  })
})
