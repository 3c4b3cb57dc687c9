// The no-network guard (test/setup/no-network.ts) really blocks the network, here and in the CLI
// processes the tests start, and OCR still works offline with the language data from its package.
import {spawnSync} from 'node:child_process'
import {request} from 'node:http'
import {lookup} from 'node:dns/promises'
import {describe, expect, it} from 'vitest'
import '../setup/no-network.js'
import {extract} from '../../src/extract.js'
import {runCli} from '../util/cli.js'
import {imagesOnlyPdf} from './hostile-files.js'

describe('network access in the tests', () => {
  it('should make fetch, DNS and TCP fail', async () => {
    await expect(fetch('https://example.org/')).rejects.toThrow(/network access is disabled/)
    await expect(lookup('example.org')).rejects.toThrow(/network access is disabled/)
    await expect(new Promise((resolve, reject) => {
      request({host: '93.184.215.14', port: 80, path: '/'}, resolve).on('error', reject).end()
    })).rejects.toThrow(/network access is disabled/)
  })

  it('should make the network fail in the Node processes the tests start, and the CLI still run', () => {
    const child = spawnSync(process.execPath, ['-e', "fetch('https://example.org/').catch((e) => console.log(e.message))"], {encoding: 'utf8'})
    expect(child.stdout).toMatch(/network access is disabled/)
    expect(runCli(['--version']).code).toBe(0)
  })

  it('should OCR a scanned page offline', async () => {
    const {pack} = await extract({path: 'scan.pdf', data: imagesOnlyPdf()}, {ocr: 'auto', ocrWorkers: 1})
    expect(pack.pages.map((p) => p.method)).toEqual(['ocr'])
  })
})
