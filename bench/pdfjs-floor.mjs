// The floor of agendapack's text path, for `npm run bench`: a fresh Node process that loads pdf.js
// the way agendapack does and asks it for every page's text content, doing nothing with it.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const pdfjs = await import(`${ROOT}dist/read/pdf/pdfjs.js`)
await pdfjs.loadPdfWorker()
const doc = await pdfjs.getDocument({data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0, isEvalSupported: false}).promise
let items = 0
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n)
  items += (await page.getTextContent()).items.length
  page.cleanup()
}
await doc.destroy()
process.stdout.write(`${items}\n`)
