// The hostile inputs of the reliability suite, built in memory (pdfkit and hand-written bytes,
// invented text), each with what agendapack must do with it: fail with a one-line reason, or read it.
import PDFDocument from 'pdfkit'
import {grayImage, simplePdf, textContent, toUnicodeCMap} from './hostile-pdf.js'

/** What a hostile file must give: a failure whose reason matches, or a pack (checked by `pages`). */
export type Outcome =
  | {fails: RegExp}
  | {reads: {pages: number; methods?: string[]; text?: RegExp}}

export interface HostileFile {
  name: string
  bytes: Uint8Array
  outcome: Outcome
}

const BODY = [
  'Lantern Vale Parish Council',
  'Meeting of the Allotments and Open Spaces Committee',
  'to be held on Tuesday, 4th June 2024 at 7.30 pm in the Reading Room.',
  'Members are asked to consider the report on the orchard hedge and the pond survey.',
  'Apologies for absence should be sent to the clerk by noon on the day of the meeting.'
]

/** Seeded bytes (a tiny LCG, so the files are the same every run). */
export function garbage(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n)
  let s = seed >>> 0
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    out[i] = s >>> 24
  }
  return out
}

/** A pdfkit PDF of invented text; `options` go to the PDFDocument constructor. */
export async function pdfkitPdf(lines: string[], options: PDFKit.PDFDocumentOptions = {}, pages = 1): Promise<Uint8Array> {
  const doc = new PDFDocument({size: 'A4', margin: 60, info: {CreationDate: new Date(Date.UTC(2024, 0, 2))}, ...options})
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage()
    for (const line of lines) doc.fontSize(11).text(line)
  }
  doc.end()
  return done
}

/** A font whose glyph names mean nothing and that has no ToUnicode map (text copies as junk). */
const NO_UNICODE_FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /XQZHostileGlyphs /FirstChar 32 /LastChar 126 ' +
  `/Widths [${Array(95).fill(500).join(' ')}] /Encoding << /Type /Encoding /Differences [33 ${Array.from({length: 94}, (_, i) => `/g${i + 3}`).join(' ')}] >> >>`

/** Hebrew, Arabic and CJK words: each shown through a ToUnicode map from codes 0xA1…, RTL words in visual order. */
const RTL_WORDS = ['שלום', 'مرحبا']
const CJK_WORDS = ['議会の議事録']

function rtlCjkPdf(): Uint8Array {
  const codePoints: number[] = []
  const codeOf = (ch: string): string => {
    const cp = ch.codePointAt(0)!
    if (!codePoints.includes(cp)) codePoints.push(cp)
    return '\\' + (0xa1 + codePoints.indexOf(cp)).toString(8)
  }
  const visual = [...RTL_WORDS.map((w) => [...w].reverse().join('')), ...CJK_WORDS]
  const shown = visual.map((w) => [...w].map(codeOf).join('')).map((codes, i) => `1 0 0 1 ${60 + i * 120} 760 Tm (${codes}) Tj`).join('\n')
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>'
  return simplePdf([`BT /F1 14 Tf\n${shown}\nET\n` + textContent(BODY, 11, 700)], {
    font, extra: [{num: 5, body: toUnicodeCMap(0xa1, codePoints)}]
  })
}

/** A font whose encoding sends every letter to the next letter's glyph: the text layer reads as a cipher (no common words), so the page goes to OCR (empty under --ocr never). */
const SHIFTED_FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [97 ' +
  Array.from({length: 26}, (_, i) => '/' + String.fromCharCode(97 + ((i + 1) % 26))).join(' ') + '] >> >>'

function cyclicPagesPdf(): Uint8Array {
  // The page tree lists itself among its kids.
  return replaceObject(simplePdf([textContent(BODY)]), 2, '<< /Type /Pages /Kids [2 0 R 10 0 R] /Count 2 >>')
}

/** Rewrites object `num`'s body in place (offsets shift, so readers must rebuild the xref). */
function replaceObject(bytes: Uint8Array, num: number, body: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1')
  const at = text.indexOf(`\n${num} 0 obj\n`)
  const end = text.indexOf('\nendobj', at)
  return new Uint8Array(Buffer.from(text.slice(0, at) + `\n${num} 0 obj\n${body}` + text.slice(end), 'latin1'))
}

function cyclicRefsPdf(): Uint8Array {
  // The content stream's length and the page's resources are reference chains that loop.
  const page = simplePdf([textContent(BODY)], {extra: [
    {num: 6, body: '7 0 R'},
    {num: 7, body: '6 0 R'},
    {num: 8, body: '<< /Font << /F1 3 0 R >> /Self 8 0 R /Loop 6 0 R >>'}
  ]})
  const text = Buffer.from(page).toString('latin1').replace('/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >>', '/Resources 8 0 R /Annots 6 0 R')
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

function blankPages(n: number): Uint8Array {
  return simplePdf(Array(n).fill(''))
}

function hugePage(): Uint8Array {
  const content = `q 20000 0 0 20000 0 0 cm /Im1 Do Q\n` + textContent(BODY, 240, 19000)
  return simplePdf([content], {mediaBox: '[0 0 20000 20000]'})
}

/** A page that only paints images (no text, no vector drawing). */
export function imagesOnlyPdf(): Uint8Array {
  return simplePdf(['q 400 0 0 560 95 140 cm /Im1 Do Q\nq 80 0 0 80 40 40 cm /Im1 Do Q'], {extra: [{num: 4, body: grayImage(64, 64)}]})
}

function zeroPages(): Uint8Array {
  return replaceObject(simplePdf(['']), 2, '<< /Type /Pages /Kids [] /Count 0 >>')
}

/**
 * Builds every hostile file. Names carry the kind, so a failing check says which file it was.
 * @returns the files in a fixed order
 */
export async function hostileFiles(): Promise<HostileFile[]> {
  const longGood = await pdfkitPdf(BODY, {}, 3)
  const files: HostileFile[] = [
    {name: 'garbage-after-header.pdf', bytes: concat(Buffer.from('%PDF-1.5\n'), garbage(3000, 99)), outcome: {fails: /damaged PDF|not a readable PDF/}},
    {name: 'truncated-at-60pc.pdf', bytes: longGood.subarray(0, Math.floor(longGood.length * 0.6)), outcome: {fails: /damaged PDF/}},
    {name: 'empty.md', bytes: new Uint8Array(), outcome: {fails: /file is empty \(0 bytes\)/}},
    {name: 'empty-named.pdf', bytes: new Uint8Array(), outcome: {fails: /file is empty \(0 bytes\)/}},
    {name: 'login-page.pdf', bytes: Buffer.from('\ufeff\n  <HTML><HEAD><TITLE>Sign in</TITLE></HEAD><BODY><form>Password</form></BODY></HTML>\n'), outcome: {fails: /HTML/}},
    {name: 'head-only-html.pdf', bytes: Buffer.from('<head><meta charset="utf-8"><title>Moved</title></head><body>This document has moved.</body>'), outcome: {fails: /HTML/}},
    {name: 'user-password.pdf', bytes: await pdfkitPdf(BODY, {userPassword: 'lantern-vale', ownerPassword: 'clerk', pdfVersion: '1.7'}), outcome: {fails: /encrypted PDF: it needs a password/}},
    {name: 'user-password-rc4.pdf', bytes: await pdfkitPdf(BODY, {userPassword: 'orchard', pdfVersion: '1.3'}), outcome: {fails: /encrypted PDF: it needs a password/}},
    {name: 'owner-password-only.pdf', bytes: await pdfkitPdf(BODY, {ownerPassword: 'clerk', pdfVersion: '1.4', permissions: {copying: false, modifying: false}}), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /Allotments and Open Spaces Committee/}}},
    {name: 'zero-pages.pdf', bytes: zeroPages(), outcome: {fails: /PDF has no pages/}},
    {name: 'blank-1000-pages.pdf', bytes: blankPages(1000), outcome: {reads: {pages: 1000}}},
    {name: 'huge-20000pt-page.pdf', bytes: hugePage(), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /Allotments and Open Spaces/}}},
    {name: 'images-only.pdf', bytes: imagesOnlyPdf(), outcome: {reads: {pages: 1}}},
    {name: 'xref-wrong-offsets.pdf', bytes: simplePdf([textContent(BODY)], {damage: 'wrong-offsets'}), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /Reading Room/}}},
    {name: 'xref-missing.pdf', bytes: simplePdf([textContent(BODY)], {damage: 'missing'}), outcome: {fails: /damaged PDF: no valid cross-reference table or trailer/}},
    {name: 'xref-bad-startxref.pdf', bytes: simplePdf([textContent(BODY)], {damage: 'bad-startxref'}), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /Reading Room/}}},
    {name: 'cyclic-page-tree.pdf', bytes: cyclicPagesPdf(), outcome: {fails: /damaged PDF: no page could be read \(the page tree is damaged: it loops/}},
    {name: 'cyclic-references.pdf', bytes: cyclicRefsPdf(), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /Reading Room/}}},
    {name: 'font-without-unicode.pdf', bytes: simplePdf([textContent([...BODY, ...BODY, ...BODY])], {font: NO_UNICODE_FONT}), outcome: {reads: {pages: 1}}},
    {name: 'font-shifted-encoding.pdf', bytes: simplePdf([textContent([...BODY, ...BODY, ...BODY].map((l) => l.toLowerCase()))], {font: SHIFTED_FONT}), outcome: {reads: {pages: 1, methods: ['empty']}}},
    {name: 'rtl-and-cjk.pdf', bytes: rtlCjkPdf(), outcome: {reads: {pages: 1, methods: ['text-layer'], text: /שלום[\s\S]*مرحبا[\s\S]*議会の議事録[\s\S]*Reading Room/}}},
    {name: 'rtl-and-cjk.md', bytes: Buffer.from('# مجلس المدينة\n\nשלום עולם — 議会の議事録\n\n| 項目 | ערך |\n| --- | --- |\n| 予算 | 100 |\n'), outcome: {reads: {pages: 1, text: /議会の議事録/}}},
    {name: 'malformed.md', bytes: Buffer.from(malformedMarkdown()), outcome: {reads: {pages: 1}}},
    {name: 'deep-nesting.md', bytes: Buffer.from('>'.repeat(20000) + ' quote\n\n' + '- '.repeat(5000) + 'item\n'), outcome: {reads: {pages: 1}}},
    {name: 'garbage.txt', bytes: garbage(5000, 7), outcome: {fails: /binary file/}},
    {name: 'garbage.md', bytes: garbage(700, 8), outcome: {fails: /binary file/}},
    {name: 'zip-named.md', bytes: concat(Buffer.from('PK\u0003\u0004'), garbage(900, 9)), outcome: {fails: /binary file/}}
  ]
  return files
}

/** Markdown that breaks the usual shapes: open fences, ragged tables, stray HTML, runaway emphasis. */
function malformedMarkdown(): string {
  return [
    '# Agenda', '', '```', 'unclosed code fence', '', '| a | b |', '|---', '| 1 | 2 | 3 | 4 |', '',
    '<div><table><tr><td>cell', '**never closed *emphasis [link](http://', '![img](', '',
    '#'.repeat(12) + ' too deep', '1) item', '99999999999. huge number', 'odd \u200b\u202e reversed \ufffd', '',
    '---', '<!-- unterminated comment', ''
  ].join('\n')
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([a, b]))
}

