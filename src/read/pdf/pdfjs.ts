// Loads pdf.js (legacy build) and, before the first document, its worker code, each time putting
// back the native built-ins their bundled core-js polyfills replace process-wide on Node 20: a JS
// Array.prototype.push (6× slower than the native one, and every module pays for it) and
// JSON.parse / JSON.stringify. Every runtime use of pdf.js in src/ goes through this module.

/** The natives, saved before pdf.js's polyfills run. */
const NATIVE = {push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify}

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
restoreNatives()

export const {getDocument, OPS, Util, VerbosityLevel} = pdfjs

let workerLoaded: Promise<void> | undefined

/**
 * Loads pdf.js's worker code for its in-process ("fake") worker, which takes it from
 * `globalThis.pdfjsWorker` instead of importing it itself; call before the first getDocument.
 * Kept out of start-up, so commands that never open a PDF do not pay for it.
 */
export function loadPdfWorker(): Promise<void> {
  workerLoaded ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(function install(worker) {
    const scope = globalThis as typeof globalThis & {pdfjsWorker?: unknown}
    scope.pdfjsWorker ??= worker
    restoreNatives()
  })
  return workerLoaded
}

/** Puts the saved natives back (they give the same results for every input pdf.js and agendapack pass them). */
function restoreNatives(): void {
  Object.defineProperty(Array.prototype, 'push', {value: NATIVE.push, writable: true, configurable: true, enumerable: false})
  JSON.parse = NATIVE.parse
  JSON.stringify = NATIVE.stringify
}
