// Tests that OCR runs with the network unreachable: fetch and socket/HTTP(S) calls throw in the
// test process AND inside tesseract.js's worker threads (each is started with a blocker).
import {writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import path from 'node:path'
import {afterAll, describe, expect, it, vi} from 'vitest'
import {VFile} from 'vfile'
import {makeTempDir} from '../../util/temp-dir.js'

/** Preloaded (`--require`) in every worker thread: any network attempt throws there too. */
const BLOCKER = [
  'const blocked = () => { throw new Error("network access is blocked in this test") };',
  'globalThis.fetch = async () => blocked();',
  'const net = require("node:net"), http = require("node:http"), https = require("node:https");',
  'net.Socket.prototype.connect = blocked; net.connect = net.createConnection = blocked;',
  'http.request = http.get = https.request = https.get = blocked;'
].join('\n')

const require = createRequire(import.meta.url)
const threads = require('node:worker_threads') as typeof import('node:worker_threads')
const OriginalWorker = threads.Worker
let workersStarted = 0

/** tesseract.js reads `Worker` from worker_threads when it loads, so this runs before any import of it. */
async function blockNetworkInWorkers(): Promise<void> {
  const blockerFile = path.join(await makeTempDir('offline'), 'block-network.cjs')
  writeFileSync(blockerFile, BLOCKER)
  threads.Worker = class extends OriginalWorker {
    constructor(filename: string | URL, options: import('node:worker_threads').WorkerOptions = {}) {
      workersStarted++
      super(filename, {...options, execArgv: [...(options.execArgv ?? process.execArgv), '--require', blockerFile]})
    }
  } as typeof OriginalWorker
}

/** Proves the blocker works inside a worker started the same way. */
function fetchInWorker(): Promise<string> {
  const probe = new threads.Worker(
    'fetch("http://127.0.0.1:9/").then(() => "fetched", (e) => e.message).then((m) => require("node:worker_threads").parentPort.postMessage(m))',
    {eval: true}
  )
  return new Promise((resolve, reject) => {
    probe.once('message', (message: string) => void probe.terminate().then(() => resolve(message)))
    probe.once('error', reject)
  })
}

function blockNetworkHere() {
  const refuse = () => {
    throw new Error('network access is blocked in this test')
  }
  return [
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse),
    vi.spyOn(http, 'request').mockImplementation(refuse),
    vi.spyOn(https, 'request').mockImplementation(refuse),
    vi.spyOn(http, 'get').mockImplementation(refuse),
    vi.spyOn(https, 'get').mockImplementation(refuse)
  ]
}

afterAll(() => {
  threads.Worker = OriginalWorker
  vi.restoreAllMocks()
})

describe('ocrPage offline', () => {
  it('should OCR a scanned page with every network access failing', async () => {
    await blockNetworkInWorkers()
    const spies = blockNetworkHere()
    expect(await fetchInWorker()).toBe('network access is blocked in this test')
    const {ocrPage} = await import('../../../src/read/pdf/ocr.js')
    const {createOcrPool} = await import('../../../src/read/pdf/ocr-pool.js')
    const {scannedPdf, withFirstPage, AGENDA_LINES} = await import('../../util/scanned-pdf.js')
    const {pageText} = await import('../../../src/tree/to-text.js')
    const pool = createOcrPool({size: 1})
    try {
      const file = new VFile()
      const page = await withFirstPage(await scannedPdf(AGENDA_LINES.slice(0, 5)), (pdfPage) => ocrPage(pdfPage, 1, pool, file))
      expect(pageText(page)).toContain('Wexmoor Borough Council')
      expect(file.messages).toEqual([])
    } finally {
      await pool.terminate()
    }
    expect(workersStarted).toBeGreaterThanOrEqual(2) // the probe and the OCR worker
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
  })
})
