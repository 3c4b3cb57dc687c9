// Types for pdf.js's worker module, which pdfjs-dist ships without declarations: src/read/pdf/pdfjs.ts
// only loads it and hands it to pdf.js's fake worker as globalThis.pdfjsWorker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
