// Tests for renderPage on scanned pages: a page that is one upright image is taken from the decoded
// image (8-bit and 1-bit grey) and resized, the same pixels pdf.js would draw; anything else is drawn.
import {describe, expect, it} from 'vitest'
import {renderPage, resize} from '../../../src/read/pdf/render.js'
import type {RenderedPage} from '../../../src/read/pdf/render.js'
import {withFirstPage} from '../../util/scanned-pdf.js'

/** A4 in points. */
const A4: [number, number] = [595.28, 841.89]

interface TestImage {
  width: number
  height: number
  bits: 1 | 8
  /** Grey rows as stored in the PDF (1-bit rows start on a byte; 1 = white). */
  data: Uint8Array
}

/** A small "scan": black left half, white right half, a mid-grey band across the middle third. */
function halves(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = y > height / 3 && y < (2 * height) / 3 ? 128 : x < width / 2 ? 0 : 255
  }
  return data
}

/** Black left half, white right half, packed one bit a pixel. */
function halvesBits(width: number, height: number): Uint8Array {
  const rowBytes = (width + 7) >> 3
  const data = new Uint8Array(rowBytes * height)
  for (let y = 0; y < height; y++) {
    for (let x = Math.ceil(width / 2); x < width; x++) data[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7)
  }
  return data
}

/** A one-page A4 PDF, written by hand, whose content draws `image` with `placement` (a cm matrix) and then `extra`. */
function imagePdf(image: TestImage, placement = `${A4[0]} 0 0 ${A4[1]} 0 0`, extra = ''): Uint8Array {
  const content = Buffer.from(`q ${placement} cm /Im0 Do Q\n${extra}\n`, 'latin1')
  const imageDict = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent ${image.bits}`
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`),
    stream('', content),
    stream(imageDict, Buffer.from(image.data))
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let length = parts[0]!.length
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    offsets.push(length)
    parts.push(object)
    length += object.length
  })
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n')
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`))
  return new Uint8Array(Buffer.concat(parts))
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')])
}

function render(bytes: Uint8Array): Promise<RenderedPage> {
  return withFirstPage(bytes, (page) => renderPage(page))
}

/** Grey value at a point given as fractions of the image. */
function at(page: RenderedPage, fx: number, fy: number): number {
  return page.data[Math.floor(fy * page.height) * page.width + Math.floor(fx * page.width)]!
}

/** Mean absolute difference of two same-sized renderings over the rows from `fromRow` (fraction) down to `toRow`. */
function meanDifference(a: RenderedPage, b: RenderedPage, fromRow: number, toRow: number): number {
  let sum = 0
  let count = 0
  for (let y = Math.floor(fromRow * a.height); y < Math.floor(toRow * a.height); y++) {
    for (let x = 0; x < a.width; x++, count++) sum += Math.abs(a.data[y * a.width + x]! - b.data[y * a.width + x]!)
  }
  return sum / count
}

const SMALL_SCAN = {width: 400, height: 566}

describe('renderPage on a full-page scan', () => {
  it('should give the scan enlarged towards 300 dpi, page-sized, with its own pixels', async () => {
    const page = await render(imagePdf({...SMALL_SCAN, bits: 8, data: halves(SMALL_SCAN.width, SMALL_SCAN.height)}))
    expect(page.scale).toBeCloseTo((3 * SMALL_SCAN.width) / A4[0], 2)
    expect([page.width, page.height]).toEqual([Math.ceil(A4[0] * page.scale), Math.ceil(A4[1] * page.scale)])
    expect([at(page, 0.25, 0.1), at(page, 0.75, 0.1), at(page, 0.25, 0.5), at(page, 0.75, 0.9)]).toEqual([0, 255, 128, 255])
  })

  it('should give the same pixels as pdf.js draws when something else is on the page', async () => {
    const image: TestImage = {...SMALL_SCAN, bits: 8, data: halves(SMALL_SCAN.width, SMALL_SCAN.height)}
    const direct = await render(imagePdf(image))
    // A small filled square at the foot of the page makes pdf.js draw the whole page.
    const drawn = await render(imagePdf(image, undefined, '0 g 280 10 20 20 re f'))
    expect([drawn.width, drawn.height, drawn.scale]).toEqual([direct.width, direct.height, direct.scale])
    expect(at(drawn, 0.49, 0.985)).toBe(0)
    // Close to pdf.js's drawing, yet not identical: the scan's own pixels were taken, not drawn.
    const difference = meanDifference(direct, drawn, 0, 0.95)
    expect(difference).toBeLessThan(2)
    expect(difference).toBeGreaterThan(0)
  })

  it('should read a 1-bit scan (rows padded to bytes) as black and white', async () => {
    const width = 403
    const bits = await render(imagePdf({width, height: 566, bits: 1, data: halvesBits(width, 566)}))
    expect([at(bits, 0.2, 0.5), at(bits, 0.8, 0.5), at(bits, 0.45, 0.9), at(bits, 0.55, 0.1)]).toEqual([0, 255, 0, 255])
  })

  it('should let pdf.js draw a mirrored scan', async () => {
    const page = await render(imagePdf({...SMALL_SCAN, bits: 8, data: halves(SMALL_SCAN.width, SMALL_SCAN.height)}, `-${A4[0]} 0 0 ${A4[1]} ${A4[0]} 0`))
    expect([at(page, 0.25, 0.1), at(page, 0.75, 0.1)]).toEqual([255, 0])
  })
})

describe('resize', () => {
  it('should return the image itself at its own size', () => {
    const image = {width: 2, height: 1, data: new Uint8Array([0, 255])}
    expect(resize(image, 2, 1)).toBe(image)
  })

  it('should enlarge by linear interpolation between pixel centres', () => {
    const out = resize({width: 2, height: 1, data: new Uint8Array([0, 200])}, 4, 1)
    expect([...out.data]).toEqual([0, 50, 150, 200])
  })

  it('should shrink by whole factors as the mean of each block', () => {
    const out = resize({width: 4, height: 2, data: new Uint8Array([0, 100, 200, 200, 100, 200, 0, 0])}, 2, 1)
    expect([...out.data]).toEqual([100, 100])
  })
})
