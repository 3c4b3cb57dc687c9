// Tests the parting of reader blocks at paragraph spacing: a heading OCR kept in one block with the
// paragraph under it is parted from it; a heading in larger type wrapped over two lines is not.
import {describe, expect, it} from 'vitest'
import {documentLines} from '../../src/segment/lines.js'
import {line, page, paragraph, root, word} from '../../src/tree/build.js'
import type {Line} from '../../src/tree/types.js'

/** Body type: word boxes 10 pt tall, lines 14 pt apart (top to top). */
const BODY_PT = 10
const PITCH_PT = 14

function ocrLine(y: number, text: string, height = BODY_PT): Line {
  let x = 60
  const words = text.split(' ').map((value) => {
    const box: [number, number, number, number] = [x, y, x + 6 * value.length, y + height]
    x = box[2] + 4
    return word(value, {page: 1, bbox: box, confidence: 0.95})
  })
  return line(words, {page: 1, confidence: 0.95})
}

/** Blocks of OCR'd lines, each [text, top, height?]; the texts of the blocks documentLines gives back. */
function blocksOf(blocks: Array<Array<[string, number, number?]>>): string[][] {
  const made = blocks.map((lines) => paragraph(lines.map(([text, y, height]) => ocrLine(y, text, height)), {page: 1}))
  const tree = root([page(made, {page: 1, method: 'ocr', reason: 'test', ocrConfidence: 0.95, printedPage: null, width: 595, height: 842})], 'pdf')
  const out: string[][] = []
  for (const one of documentLines(tree)) {
    if (one.first) out.push([])
    out.at(-1)!.push(one.text)
  }
  return out
}

const BODY: Array<[string, number]> = ['The Committee considered a report on the', 'programme to tackle damp and mould in the',
  'housing stock. Surveyors had inspected', 'many homes and remedial work had been', 'completed in most of them.']
  .map((text, i) => [text, 100 + i * PITCH_PT])

describe('splitBlocksAtGaps', () => {
  it('should part a heading from the paragraph OCR kept it with, a paragraph space (1.4 pitches) below it', () => {
    const blocks = blocksOf([BODY, [['Declarations of interest', 200], ['There were no declarations of interest.', 200 + 1.43 * PITCH_PT]]])
    expect(blocks.slice(1)).toEqual([['Declarations of interest'], ['There were no declarations of interest.']])
  })

  it('should keep single-spaced lines of a paragraph together', () => {
    expect(blocksOf([BODY])).toEqual([BODY.map(([text]) => text)])
  })

  it('should keep a heading in larger type together over its wrapped lines', () => {
    const big = 1.5 * BODY_PT
    const heading: Array<[string, number, number]> = [['Minutes of the Housing and Communities', 200, big], ['Overview and Scrutiny Committee', 200 + 1.5 * PITCH_PT, big]]
    expect(blocksOf([BODY, heading]).slice(1)).toEqual([heading.map(([text]) => text)])
  })
})
