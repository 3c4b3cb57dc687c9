// Writes small PDFs byte by byte for the reliability tests: correct ones to start from, and
// broken ones (bad xref, cyclic references, no pages, fonts without Unicode maps) pdfkit cannot make.

/** One indirect object: its number and the text between `obj` and `endobj` (latin1 bytes). */
export interface PdfObject {
  num: number
  body: string
}

/** How to damage the cross-reference section. */
export type XrefDamage = 'none' | 'wrong-offsets' | 'missing' | 'bad-startxref'

/** A stream object's body with its /Length filled in. */
export function stream(dict: string, data: string): string {
  return `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`
}

/**
 * Serialises objects into a PDF file with a classic xref table.
 * @param objects the objects (object 1 must be the catalog)
 * @param damage how to break the xref table, if at all
 * @returns the file's bytes
 */
export function pdfFile(objects: PdfObject[], damage: XrefDamage = 'none'): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets = new Map<number, number>()
  for (const o of objects) {
    offsets.set(o.num, Buffer.byteLength(out, 'latin1'))
    out += `${o.num} 0 obj\n${o.body}\nendobj\n`
  }
  const size = Math.max(...objects.map((o) => o.num)) + 1
  const xrefAt = Buffer.byteLength(out, 'latin1')
  if (damage !== 'missing') {
    out += `xref\n0 ${size}\n0000000000 65535 f \n`
    for (let n = 1; n < size; n++) {
      const at = offsets.get(n)
      const shifted = damage === 'wrong-offsets' && at !== undefined ? at + 37 : at
      out += at === undefined ? '0000000000 65535 f \n' : `${String(shifted).padStart(10, '0')} 00000 n \n`
    }
    out += `trailer\n<< /Size ${size} /Root 1 0 R >>\n`
  }
  out += `startxref\n${damage === 'bad-startxref' ? xrefAt + 9999 : xrefAt}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

/** Catalog, page tree and pages: `contents[i]` is page i's content stream, all pages share font F1 = object 3. */
export function simplePdf(contents: string[], options: {mediaBox?: string; font?: string; extra?: PdfObject[]; damage?: XrefDamage} = {}): Uint8Array {
  const first = 10
  const kids = contents.map((_, i) => `${first + 2 * i} 0 R`).join(' ')
  const objects: PdfObject[] = [
    {num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>'},
    {num: 2, body: `<< /Type /Pages /Kids [${kids}] /Count ${contents.length} >>`},
    {num: 3, body: options.font ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'}
  ]
  contents.forEach((content, i) => {
    const mediaBox = options.mediaBox ?? '[0 0 595 842]'
    objects.push({num: first + 2 * i, body: `<< /Type /Page /Parent 2 0 R /MediaBox ${mediaBox} /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`})
    objects.push({num: first + 2 * i + 1, body: stream('', content)})
  })
  objects.push(...(options.extra ?? []))
  if (!objects.some((o) => o.num === 4)) objects.push({num: 4, body: grayImage(8, 8)})
  return pdfFile(objects.sort((a, b) => a.num - b.num), options.damage ?? 'none')
}

/** A content stream showing each line at the left margin from the top (PDF string escapes applied). */
export function textContent(lines: string[], size = 11, top = 780): string {
  const shown = lines.map((l, i) => `1 0 0 1 60 ${top - i * size * 1.4} Tm (${escapePdf(l)}) Tj`).join('\n')
  return `BT /F1 ${size} Tf\n${shown}\nET`
}

/** An uncompressed grey image XObject, `w` × `h` pixels of a checker pattern. */
export function grayImage(w: number, h: number): string {
  let pixels = ''
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels += String.fromCharCode((x + y) % 2 ? 40 : 220)
  return stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels)
}

/** A ToUnicode CMap sending single-byte codes `first…` to the given code points. */
export function toUnicodeCMap(first: number, codePoints: number[]): string {
  const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0')
  const map = codePoints.map((cp, i) => `<${hex(first + i, 2)}> <${hex(cp, 4)}>`).join('\n')
  const body = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Hostile-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<00> <FF>\nendcodespacerange\n' +
    `${codePoints.length} beginbfchar\n${map}\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`
  return stream('', body)
}

function escapePdf(text: string): string {
  return text.replace(/[\\()]/g, (c) => '\\' + c)
}
