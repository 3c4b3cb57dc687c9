// `npm run bench`: agendapack against the reference tools on the same pages, in one run —
// pdftotext for the text layer, the native tesseract CLI for OCR — plus scaling, memory and start-up.
//
// Packs of 30 and 300 pages (text-layer and scanned) are laid out from the invented fixture
// content (scripts/fixtures), cached in node_modules/.cache/agendapack-bench, and reused.
// Options: --quick skips the 300-page scanned pack (the OCR scaling figure is then missing);
// --workers N sets the OCR parallelism of both engines (default: the cores, at most 4);
// --ocr-only --pages N (for iterating on OCR) runs only the OCR comparison on an N-page scanned
// pack, with per-stage timings, and does not write bench/results.json.
// Writes bench/results.json and prints a table of the figures, ratios and targets.
//
// What each OCR side includes (same rendered pages, same parallelism, same resolution hint):
// - agendapack: the whole `extract` run — process start, pdf.js, routing, page images (the scan's
//   decoded image resized, or a pdf.js render), tesseract.js (wasm, model 4.0.0_best_int from
//   @tesseract.js-data/eng), orientation checks, cleaning, segmentation, JSON writing.
// - native tesseract 5 (OMP_THREAD_LIMIT=1, N processes): recognition of PGM files agendapack's
//   renderer made beforehand (untimed), twice: with the same model as agendapack (the target's
//   reference) and with the CLI's own default model (Debian ships the smaller "fast" model).
// CER: each side's text against the known page text, after the same filter (running head and
// page-number lines, bullet glyphs) — so furniture agendapack keeps is still counted once, but
// furniture it removes is not an advantage; agendapack's page text as written is shown too.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {fileURLToPath, pathToFileURL} from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CACHE = join(ROOT, 'node_modules', '.cache', 'agendapack-bench')
const BIN = join(ROOT, 'bin', 'agendapack.js')
const RSS_PROBE = join(ROOT, 'bench', 'rss-probe.mjs')
const PDFJS_FLOOR = join(ROOT, 'bench', 'pdfjs-floor.mjs')
const SCRIPTS = join(ROOT, 'dist-scripts', 'scripts', 'fixtures')
/** Bump when the way packs are made changes, so old caches are not reused. */
const PACK_VERSION = 1
const SMALL = 30
const LARGE = 300
/** GNU time, when installed, gives each command's user + system CPU seconds (steadier than wall time on a busy machine). */
const GNU_TIME = '/usr/bin/time'
/** Runs of `agendapack --version` timed; the median is reported. */
const STARTUP_RUNS = 5

/** Targets from the issue: ratios against the reference measured in the same run. */
const TARGETS = {
  textRateVsPdftotext: 0.25, // agendapack pages/s ≥ 0.25 × pdftotext's
  ocrTimeVsTesseract: 1.25, // agendapack s/page ≤ 1.25 × native tesseract's
  ocrCerPointsOverTesseract: 1, // CER ≤ native + 1 point
  scaling: 11, // time(300 pages) / time(30 pages) ≤ 11
  peakRssMb: 600
}

const args = process.argv.slice(2)
const OCR_ONLY = args.includes('--ocr-only')
const QUICK = args.includes('--quick') || OCR_ONLY
const OCR_PAGES = args.includes('--pages') ? Number(args[args.indexOf('--pages') + 1]) : SMALL
if (!(OCR_PAGES > 0)) throw new Error('--pages needs a positive number of pages')
const WORKERS = Number(args[args.indexOf('--workers') + 1]) > 0 && args.includes('--workers')
  ? Number(args[args.indexOf('--workers') + 1])
  : Math.min(4, availableParallelism())

/** Printed with the OCR figures: what each side's time and CER include. */
const OCR_SIDES = [
  'ocr sides: agendapack = whole `extract` run (start-up, pdf.js, routing, page images, tesseract.js wasm with',
  '  4.0.0_best_int, orientation checks, cleaning, segmentation, writing); native tesseract = recognition only of',
  '  PGM pages agendapack rendered beforehand, same dpi, OMP_THREAD_LIMIT=1, as many processes as workers, with the',
  '  same model (the target) and with its own default model; CER on both after the same furniture filter.'
].join('\n')

function log(text) {
  process.stderr.write(text + '\n')
}

/** Installs the Debian packages of the reference tools when their commands are missing. */
function ensureTools() {
  const missing = []
  if (!hasCommand('pdftotext')) missing.push('poppler-utils')
  if (!hasCommand('tesseract')) missing.push('tesseract-ocr')
  if (missing.length === 0) return
  log(`installing ${missing.join(', ')} (apt-get)…`)
  const sudo = process.getuid?.() === 0 ? [] : ['sudo']
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'}
  run([...sudo, 'apt-get', 'update', '-qq'], env)
  run([...sudo, 'apt-get', 'install', '-y', '-qq', ...missing], env)
  for (const tool of ['pdftotext', 'tesseract']) if (!hasCommand(tool)) throw new Error(`${tool} is still missing after apt-get install`)
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'}).status === 0
}

function run(argv, env = process.env) {
  const result = spawnSync(argv[0], argv.slice(1), {stdio: 'inherit', env})
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${result.status})`)
}

/** Lays out the fixture packs once and cycles through their pages to make `n`-page packs (each size cached). */
async function makePacks(sizes) {
  mkdirSync(CACHE, {recursive: true})
  const stamp = join(CACHE, `packs-v${PACK_VERSION}.json`)
  const names = {text: (n) => join(CACHE, `text-${n}.pdf`), scan: (n) => join(CACHE, `scan-${n}.pdf`), known: (n) => join(CACHE, `known-${n}.json`)}
  const fresh = existsSync(stamp)
  const missing = sizes.filter((n) => !fresh || !(existsSync(names.text(n)) && existsSync(names.scan(n)) && existsSync(names.known(n))))
  if (missing.length === 0) {
    log(`reusing packs in ${CACHE}`)
    return {names, sizes}
  }
  if (!existsSync(join(SCRIPTS, 'layout-pack.js'))) throw new Error('run `npx tsc -p tsconfig.scripts.json` first (npm run bench does)')
  const load = (file) => import(pathToFileURL(join(SCRIPTS, file)).href)
  const [{layoutPack}, {renderPdf}, {scanPages}, {expectedPageText}, wexmoor, harbourside, variants] = await Promise.all([
    load('layout-pack.js'), load('render-pdf.js'), load('scan.js'), load('page-text.js'),
    load('content/wexmoor.js'), load('content/harbourside.js'), load('content/layout-variants.js')
  ])
  const unique = [wexmoor.WEXMOOR, harbourside.HARBOURSIDE, variants.LAYOUT_VARIANTS].flatMap((p) => layoutPack(p).pages)
  log(`scanning ${unique.length} distinct pages once…`)
  const uniquePdf = await renderPdf(unique, {title: 'bench', author: 'agendapack bench'})
  const scans = await scanPages(uniquePdf, unique.map((_, i) => i), 'bench')
  for (const n of missing) {
    log(`making the ${n}-page packs…`)
    const pages = Array.from({length: n}, (_, i) => unique[i % unique.length])
    const images = new Map(pages.map((_, i) => [i, scans.get(i % unique.length)]))
    const meta = {title: `Benchmark pack, ${n} pages`, author: 'agendapack bench'}
    writeFileSync(names.text(n), await renderPdf(pages, meta))
    writeFileSync(names.scan(n), await renderPdf(pages, {...meta, images}))
    writeFileSync(names.known(n), JSON.stringify(pages.map((p) => ({text: expectedPageText(p, 'printed'), runningHead: p.runningHead, printedPage: p.printedPage}))))
  }
  writeFileSync(stamp, JSON.stringify({version: PACK_VERSION, pages: unique.length}))
  return {names, sizes}
}

/** Runs a command, returning wall seconds, stdout and (for agendapack) the peak RSS in MB. */
function timed(argv, options = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = join(tmpdir(), `agendapack-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
    const env = {...process.env, ...options.env, ...(options.rss ? {AGENDAPACK_BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--import=${pathToFileURL(RSS_PROBE).href}`} : {})}
    const cpuFile = `${rssFile}-cpu`
    const command = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, ...argv] : argv
    const start = process.hrtime.bigint()
    const child = spawn(command[0], command.slice(1), {env, stdio: ['ignore', 'pipe', 'pipe']})
    const out = []
    const err = []
    child.stdout.on('data', (c) => out.push(c))
    child.stderr.on('data', (c) => err.push(c))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      if (code !== 0 && !options.allowFail) return reject(new Error(`${argv.join(' ')} exited ${code}: ${Buffer.concat(err).toString().slice(0, 500)}`))
      let rssMb = null
      if (options.rss && existsSync(rssFile)) {
        rssMb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024
        rmSync(rssFile)
      }
      let cpuSeconds = null
      if (existsSync(cpuFile)) {
        const line = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1) ?? ''
        const [user, sys] = line.split(' ').map(Number)
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user + sys
        rmSync(cpuFile)
      }
      resolve({seconds, cpuSeconds, stdout: Buffer.concat(out).toString('utf8'), rssMb})
    })
  })
}

/** Runs `agendapack extract` on one pack into a fresh folder; returns time, RSS and the pack. */
async function agendapack(pdf, extra) {
  const out = join(CACHE, 'out')
  rmSync(out, {recursive: true, force: true})
  const result = await timed([process.execPath, BIN, 'extract', pdf, '-o', out, '-q', ...noCache(), ...extra], {rss: true})
  const name = pdf.split('/').pop()
  return {...result, pack: JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'))}
}

let cacheFlags
/** `--no-cache` when the CLI has an OCR cache: every page is OCR'd in every run, as by tesseract. */
function noCache() {
  cacheFlags ??= spawnSync(process.execPath, [BIN, 'extract', '--help'], {encoding: 'utf8'}).stdout.includes('--no-cache') ? ['--no-cache'] : []
  return cacheFlags
}

/** Renders each page as agendapack does for OCR (same image, same scale) and writes 8-bit PGM files; times it. */
async function renderForTesseract(pdf, folder) {
  const {openPdf, closePdf} = await import(pathToFileURL(join(ROOT, 'dist/read/pdf/open.js')).href)
  const {renderPage} = await import(pathToFileURL(join(ROOT, 'dist/read/pdf/render.js')).href)
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder, {recursive: true})
  const doc = await openPdf(new Uint8Array(readFileSync(pdf)))
  const files = []
  const dpis = []
  const clock = stopwatch()
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      clock.restart()
      const image = await renderPage(page)
      clock.pause()
      page.cleanup()
      const file = join(folder, `page-${String(n).padStart(4, '0')}.pgm`)
      writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`), Buffer.from(image.data)]))
      files.push(file)
      dpis.push(Math.round(image.scale * 72))
    }
  } finally {
    await closePdf(doc)
  }
  return {files, dpis, render: clock.total()}
}

/** Wall and process CPU seconds (all threads) of the stretches between `run` and `pause`. */
function stopwatch() {
  let wall = 0
  let cpu = 0
  let since = null
  const start = () => { since = {wall: process.hrtime.bigint(), cpu: process.cpuUsage()} }
  start()
  return {
    pause() {
      const used = process.cpuUsage(since.cpu)
      wall += Number(process.hrtime.bigint() - since.wall) / 1e9
      cpu += (used.user + used.system) / 1e6
      start()
    },
    restart: start,
    total: () => ({wallSeconds: wall, cpuSeconds: cpu})
  }
}

/** tesseract.js alone, as agendapack drives it (pool, orientation check), over the PGM files, `WORKERS` at a time. */
async function tesseractJsStage(files, dpis) {
  const {createOcrPool} = await import(pathToFileURL(join(ROOT, 'dist/read/pdf/ocr-pool.js')).href)
  const {readUpright} = await import(pathToFileURL(join(ROOT, 'dist/read/pdf/orientation.js')).href)
  const pool = createOcrPool({size: WORKERS})
  try {
    await pool.recognise({width: 8, height: 8, data: new Uint8Array(64).fill(255), dpi: 300}) // start-up not counted
    const clock = stopwatch()
    let next = 0
    let turned = 0
    let passes = 0
    async function lane() {
      while (next < files.length) {
        const i = next++
        const pgm = readFileSync(files[i])
        const header = pgm.toString('latin1', 0, 40).match(/^P5\n(\d+) (\d+)\n255\n/)
        const image = {width: Number(header[1]), height: Number(header[2]), data: new Uint8Array(pgm.subarray(header[0].length)), dpi: dpis[i]}
        const read = await pool.session((session) => readUpright({recognise: (img) => { passes++; return session.recognise(img) }}, image))
        if (read.rotation !== 0) turned++
      }
    }
    await Promise.all(Array.from({length: WORKERS}, lane))
    clock.pause()
    return {...clock.total(), pagesTurned: turned, recognitions: passes}
  } finally {
    await pool.terminate()
  }
}

/** agendapack's model, uncompressed into a tessdata folder, so native tesseract can read with the same model. */
function sameModelTessdata() {
  const folder = join(CACHE, 'tessdata-best-int')
  const file = join(folder, 'eng.traineddata')
  if (!existsSync(file)) {
    const packageJson = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')
    mkdirSync(folder, {recursive: true})
    writeFileSync(file, gunzipSync(readFileSync(join(dirname(packageJson), '4.0.0_best_int', 'eng.traineddata.gz'))))
  }
  return folder
}

/** Native tesseract over the rendered pages, `WORKERS` processes at a time, one thread each, told each page's dpi. */
async function nativeTesseract(files, dpis, tessdata) {
  const texts = new Array(files.length)
  let next = 0
  let cpu = 0
  const start = process.hrtime.bigint()
  const model = tessdata ? ['--tessdata-dir', tessdata] : []
  async function lane() {
    while (next < files.length) {
      const i = next++
      const result = await timed(['tesseract', files[i], '-', '-l', 'eng', '--psm', '3', '--dpi', String(dpis[i]), ...model], {env: {OMP_THREAD_LIMIT: '1'}})
      texts[i] = result.stdout
      cpu = cpu === null || result.cpuSeconds === null ? null : cpu + result.cpuSeconds
    }
  }
  await Promise.all(Array.from({length: WORKERS}, lane))
  return {seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: cpu, texts}
}

/** Whitespace runs → one space, so layout spacing is not counted as an OCR error. */
function flat(text) {
  return text.replace(/\s+/g, ' ').trim()
}

function levenshtein(a, b) {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

/** Character error rate over all pages (edits / expected characters), as a percentage. */
function cerPercent(known, texts) {
  let edits = 0
  let chars = 0
  known.forEach((k, i) => {
    const want = flat(k.text)
    edits += levenshtein(want, flat(texts[i] ?? ''))
    chars += want.length
  })
  return (100 * edits) / Math.max(1, chars)
}

/**
 * What a user's script would do to raw tesseract output before comparing it with cleaned text:
 * drop the running head and the page-number line, and the bullet glyph OCR reads at line starts.
 */
function lightClean(text, known) {
  const head = known.runningHead ? flat(known.runningHead).toLowerCase() : null
  return text.split('\n')
    .filter((line) => {
      const l = flat(line).toLowerCase()
      if (head && l && levenshtein(l, head) <= Math.max(2, head.length * 0.15)) return false
      return !/^\W*(?:page\s*)?\d{1,4}\W*$/i.test(l)
    })
    .map((line) => line.replace(/^\s*[•·«©¢eo*-]\s+(?=\S)/u, ''))
    .join('\n')
}

async function startupSeconds() {
  const times = []
  for (let i = 0; i < STARTUP_RUNS; i++) times.push((await timed([process.execPath, BIN, '--version'])).seconds)
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

function pagesOf(known) {
  return JSON.parse(readFileSync(known, 'utf8'))
}

async function benchText(names) {
  const result = {}
  for (const n of [SMALL, LARGE]) {
    const ours = await agendapack(names.text(n), ['--ocr', 'never'])
    const poppler = await timed(['pdftotext', '-layout', names.text(n), '-'])
    const floor = await timed([process.execPath, PDFJS_FLOOR, names.text(n)])
    result[n] = {pages: n, agendapackSeconds: ours.seconds, agendapackPagesPerSecond: n / ours.seconds, peakRssMb: ours.rssMb,
      pdftotextSeconds: poppler.seconds, pdftotextPagesPerSecond: n / poppler.seconds,
      pdfjsAloneSeconds: floor.seconds, pdfjsAlonePagesPerSecond: n / floor.seconds}
    log(`text ${n}: agendapack ${fmt(n / ours.seconds)} pages/s, pdftotext ${fmt(n / poppler.seconds)} pages/s`)
  }
  return result
}

async function benchOcr(names, sizes) {
  const result = {}
  for (const n of sizes) {
    const known = pagesOf(names.known(n))
    const ours = await agendapack(names.scan(n), ['--ocr', 'auto', '--ocr-workers', String(WORKERS)])
    const oursTexts = ours.pack.pages.map((p) => p.text ?? '')
    const folder = join(CACHE, `pgm-${n}`)
    const {files, dpis, render} = await renderForTesseract(names.scan(n), folder)
    const same = await nativeTesseract(files, dpis, sameModelTessdata())
    const native = await nativeTesseract(files, dpis, null)
    const stages = OCR_ONLY ? {render, tesseractJs: await tesseractJsStage(files, dpis)} : null
    rmSync(folder, {recursive: true, force: true})
    const filtered = (texts) => texts.map((t, i) => lightClean(t, known[i]))
    result[n] = {pages: n, workers: WORKERS,
      agendapackSeconds: ours.seconds, agendapackSecondsPerPage: ours.seconds / n, peakRssMb: ours.rssMb,
      agendapackCerPercent: cerPercent(known, filtered(oursTexts)), agendapackAsWrittenCerPercent: cerPercent(known, oursTexts),
      agendapackCpuSecondsPerPage: perPage(ours.cpuSeconds, n), tesseractCpuSecondsPerPage: perPage(same.cpuSeconds, n),
      tesseractSeconds: same.seconds, tesseractSecondsPerPage: same.seconds / n,
      tesseractCerPercent: cerPercent(known, filtered(same.texts)), tesseractRawCerPercent: cerPercent(known, same.texts),
      tesseractDefaultModelSecondsPerPage: native.seconds / n, tesseractDefaultModelCerPercent: cerPercent(known, filtered(native.texts)),
      ...(stages ? {stages} : {})}
    const r = result[n]
    log(`ocr ${n}: agendapack ${fmt(r.agendapackSecondsPerPage)} s/page CER ${fmt(r.agendapackCerPercent)}% (as written ${fmt(r.agendapackAsWrittenCerPercent)}%); ` +
      `tesseract same model ${fmt(r.tesseractSecondsPerPage)} s/page CER ${fmt(r.tesseractCerPercent)}%; default model ${fmt(r.tesseractDefaultModelSecondsPerPage)} s/page CER ${fmt(r.tesseractDefaultModelCerPercent)}%`)
    if (stages) printStages(r)
  }
  return result
}

function perPage(seconds, n) {
  return seconds === null || seconds === undefined ? null : seconds / n
}

/** Where agendapack's seconds go: page images and tesseract.js measured in-process, the rest by difference of CPU seconds. */
function printStages(r) {
  const {render, tesseractJs} = r.stages
  const n = r.pages
  const restCpu = r.agendapackCpuSecondsPerPage === null ? null : r.agendapackCpuSecondsPerPage - (render.cpuSeconds + tesseractJs.cpuSeconds) / n
  log(`stages, ${n} pages, ${WORKERS} workers                        wall s/page  CPU s/page`)
  log(`  page images (pdf.js decode, resize or render), 1 thread:   ${fmt(render.wallSeconds / n).padStart(6)}  ${fmt(render.cpuSeconds / n).padStart(6)}`)
  log(`  tesseract.js + orientation checks, ${WORKERS} workers:            ${fmt(tesseractJs.wallSeconds / n).padStart(6)}  ${fmt(tesseractJs.cpuSeconds / n).padStart(6)}  (${tesseractJs.recognitions} recognitions, ${tesseractJs.pagesTurned} pages turned)`)
  log(`  rest of extract (start-up, routing, clean, segment, write):   –     ${fmt(restCpu).padStart(6)}  (CPU by difference)`)
  log(`  agendapack extract, whole run:                             ${fmt(r.agendapackSecondsPerPage).padStart(6)}  ${fmt(r.agendapackCpuSecondsPerPage).padStart(6)}`)
  log(`  native tesseract, same model, ${WORKERS} processes:               ${fmt(r.tesseractSecondsPerPage).padStart(6)}  ${fmt(r.tesseractCpuSecondsPerPage).padStart(6)}`)
}

function fmt(n, digits = 2) {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits)
}

function tesseractVersion() {
  return spawnSync('tesseract', ['--version'], {encoding: 'utf8'}).stdout.split('\n')[0] ?? ''
}

function summarise(text, ocr, startup) {
  const rows = []
  const row = (what, value, target, ok) => rows.push({what, value, target, ok})
  const t30 = text[SMALL]
  const t300 = text[LARGE]
  row('text: agendapack / pdftotext pages/s (300 pages)', t300.agendapackPagesPerSecond / t300.pdftotextPagesPerSecond, `≥ ${TARGETS.textRateVsPdftotext}`, t300.agendapackPagesPerSecond / t300.pdftotextPagesPerSecond >= TARGETS.textRateVsPdftotext)
  row('text: agendapack / pdftotext pages/s (30 pages)', t30.agendapackPagesPerSecond / t30.pdftotextPagesPerSecond, `≥ ${TARGETS.textRateVsPdftotext}`, t30.agendapackPagesPerSecond / t30.pdftotextPagesPerSecond >= TARGETS.textRateVsPdftotext)
  // The ceiling the mandated reader sets: pdf.js asked for each page's text and nothing else, in a fresh process.
  row('reference: pdf.js text content alone / pdftotext pages/s (300)', t300.pdfjsAlonePagesPerSecond / t300.pdftotextPagesPerSecond, 'ceiling', true)
  row('text: agendapack / pdf.js text content alone (300 pages)', t300.agendapackPagesPerSecond / t300.pdfjsAlonePagesPerSecond, 'report', true)
  const o30 = ocr[SMALL]
  row(`ocr: agendapack / tesseract (same model) s/page (30 pages, ${WORKERS} workers)`, o30.agendapackSecondsPerPage / o30.tesseractSecondsPerPage, `≤ ${TARGETS.ocrTimeVsTesseract}`, o30.agendapackSecondsPerPage / o30.tesseractSecondsPerPage <= TARGETS.ocrTimeVsTesseract)
  row('ocr: CER agendapack − tesseract, same filter (points)', o30.agendapackCerPercent - o30.tesseractCerPercent, `≤ ${TARGETS.ocrCerPointsOverTesseract}`, o30.agendapackCerPercent - o30.tesseractCerPercent <= TARGETS.ocrCerPointsOverTesseract)
  row('scaling: text time(300) / time(30)', t300.agendapackSeconds / t30.agendapackSeconds, `≤ ${TARGETS.scaling}`, t300.agendapackSeconds / t30.agendapackSeconds <= TARGETS.scaling)
  if (ocr[LARGE]) row('scaling: ocr time(300) / time(30)', ocr[LARGE].agendapackSeconds / o30.agendapackSeconds, `≤ ${TARGETS.scaling}`, ocr[LARGE].agendapackSeconds / o30.agendapackSeconds <= TARGETS.scaling)
  for (const [what, mb] of [['text 30', t30.peakRssMb], ['text 300', t300.peakRssMb], ['ocr 30', o30.peakRssMb], ['ocr 300', ocr[LARGE]?.peakRssMb]]) {
    if (mb !== null && mb !== undefined) row(`peak RSS, ${what} (MB)`, mb, `< ${TARGETS.peakRssMb}`, mb < TARGETS.peakRssMb)
  }
  row('start-up: agendapack --version (s)', startup, 'report', true)
  return rows
}

function printTable(rows, text, ocr) {
  const out = ['', OCR_SIDES]
  out.push('', 'figure'.padEnd(56) + 'value'.padStart(10) + '  target'.padEnd(10) + '  ok')
  for (const r of rows) out.push(r.what.padEnd(56) + fmt(r.value).padStart(10) + ('  ' + r.target).padEnd(10) + (r.ok ? '  yes' : '  NO'))
  out.push('', 'raw figures:')
  for (const [n, t] of Object.entries(text)) out.push(`  text ${n} pages: agendapack ${fmt(t.agendapackSeconds)} s (${fmt(t.agendapackPagesPerSecond, 1)} pages/s), pdftotext ${fmt(t.pdftotextSeconds, 3)} s (${fmt(t.pdftotextPagesPerSecond, 0)} pages/s), pdf.js text content alone ${fmt(t.pdfjsAloneSeconds)} s (${fmt(t.pdfjsAlonePagesPerSecond, 0)} pages/s)`)
  for (const [n, o] of Object.entries(ocr)) out.push(`  ocr ${n} pages: agendapack ${fmt(o.agendapackSecondsPerPage)} s/page CER ${fmt(o.agendapackCerPercent)}% (page text as written ${fmt(o.agendapackAsWrittenCerPercent)}%), ` +
    `tesseract same model ${fmt(o.tesseractSecondsPerPage)} s/page CER ${fmt(o.tesseractCerPercent)}% (unfiltered ${fmt(o.tesseractRawCerPercent)}%), ` +
    `default model ${fmt(o.tesseractDefaultModelSecondsPerPage)} s/page CER ${fmt(o.tesseractDefaultModelCerPercent)}%`)
  process.stdout.write(out.join('\n') + '\n')
}

async function main() {
  ensureTools()
  if (OCR_ONLY) {
    const {names} = await makePacks([OCR_PAGES])
    const ocr = await benchOcr(names, [OCR_PAGES])
    const o = ocr[OCR_PAGES]
    process.stdout.write(`\n${OCR_SIDES}\nocr ${OCR_PAGES} pages, ${WORKERS} workers: s/page agendapack / tesseract (same model) ${fmt(o.agendapackSecondsPerPage / o.tesseractSecondsPerPage)} ` +
      `(target ≤ ${TARGETS.ocrTimeVsTesseract}; CPU s/page ${fmt(o.agendapackCpuSecondsPerPage / o.tesseractCpuSecondsPerPage)}), / tesseract (default model) ${fmt(o.agendapackSecondsPerPage / o.tesseractDefaultModelSecondsPerPage)}; ` +
      `CER agendapack − tesseract ${fmt(o.agendapackCerPercent - o.tesseractCerPercent)} points (target ≤ ${TARGETS.ocrCerPointsOverTesseract})\n`)
    return
  }
  const {names} = await makePacks([SMALL, LARGE])
  const startup = await startupSeconds()
  const text = await benchText(names)
  const ocr = await benchOcr(names, QUICK ? [SMALL] : [SMALL, LARGE])
  const rows = summarise(text, ocr, startup)
  printTable(rows, text, ocr)
  const results = {
    node: process.version, cores: availableParallelism(), workers: WORKERS, quick: QUICK, tesseract: tesseractVersion(),
    startupSeconds: startup, text, ocr, targets: TARGETS, ratios: rows
  }
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
  log('wrote bench/results.json')
}

await main()
