// Builds small PDFs in memory with pdfkit for reader tests: `draw` writes the pages of invented
// content (the first page exists already) and the bytes come back when the document ends.
import PDFDocument from 'pdfkit'

export type Doc = InstanceType<typeof PDFDocument>

/** The bytes of a pdfkit document drawn by `draw` (A4, 50 pt margins unless `options` say otherwise). */
export async function makePdf(draw: (doc: Doc) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({size: 'A4', margin: 50, ...options})
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  draw(doc)
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}
