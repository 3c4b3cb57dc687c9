// Mutated-PDF smoke: seeded byte flips, cuts, insertions and duplicated chunks of the fixture PDFs
// go through extract; each must refuse the file with a one-line PackError or give a valid pack, in bounded time.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {validatePack} from '../../src/compile/validate.js'
import {PackError} from '../../src/errors.js'
import {extract} from '../../src/extract.js'
import {simplePdf, textContent} from '../reliability/hostile-pdf.js'
import {fuzzParameters} from './runs.js'

/** Longest one mutated file may take before it counts as a hang (ms; a sound one takes well under a second). */
const HANG_MS = 30_000
/** Mutated files tried in `npm test` (scaled by FUZZ_RUNS under `npm run fuzz`). */
const SMOKE_WEIGHT = 2

const SOURCES: Uint8Array[] = [
  ...['pdf-text/harbourside-housing.pdf', 'pdf-text/layout-variants.pdf', 'pdf-text/wexmoor-scrutiny.pdf', 'bad/owner-only.pdf']
    .map((f) => new Uint8Array(readFileSync(new URL(`../../fixtures/${f}`, import.meta.url)))),
  simplePdf([textContent(['Lantern Vale Parish Council', 'Agenda', '1. Apologies for absence', '2. Minutes of the last meeting'])])
]

type Edit =
  | {kind: 'flip'; at: number; byte: number}
  | {kind: 'cut'; at: number; length: number}
  | {kind: 'insert'; at: number; bytes: number[]}
  | {kind: 'copy'; from: number; to: number; length: number}
  | {kind: 'truncate'; at: number}

/** Positions are fractions of the file length, so one edit list fits every source. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {weight: 4, arbitrary: fc.record({kind: fc.constant('flip' as const), at: fc.double({min: 0, max: 1, noNaN: true}), byte: fc.integer({min: 0, max: 255})})},
  fc.record({kind: fc.constant('cut' as const), at: fc.double({min: 0, max: 1, noNaN: true}), length: fc.integer({min: 1, max: 400})}),
  fc.record({kind: fc.constant('insert' as const), at: fc.double({min: 0, max: 1, noNaN: true}), bytes: fc.array(fc.oneof(fc.integer({min: 0, max: 255}), fc.constantFrom(...Buffer.from(' obj endobj R << >> [ ] /Length stream endstream xref trailer 0 9'))), {minLength: 1, maxLength: 40})}),
  fc.record({kind: fc.constant('copy' as const), from: fc.double({min: 0, max: 1, noNaN: true}), to: fc.double({min: 0, max: 1, noNaN: true}), length: fc.integer({min: 1, max: 2000})}),
  fc.record({kind: fc.constant('truncate' as const), at: fc.double({min: 0.3, max: 1, noNaN: true})})
)

function mutate(source: Uint8Array, edits: Edit[]): Uint8Array {
  let bytes = Buffer.from(source)
  for (const e of edits) {
    const at = (f: number): number => Math.min(bytes.length, Math.floor(f * bytes.length))
    if (e.kind === 'flip' && bytes.length > 0) bytes[Math.min(bytes.length - 1, at(e.at))] = e.byte
    else if (e.kind === 'cut') bytes = Buffer.concat([bytes.subarray(0, at(e.at)), bytes.subarray(at(e.at) + e.length)])
    else if (e.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at(e.at)), Buffer.from(e.bytes), bytes.subarray(at(e.at))])
    else if (e.kind === 'copy') bytes = Buffer.concat([bytes.subarray(0, at(e.to)), bytes.subarray(at(e.from), at(e.from) + e.length), bytes.subarray(at(e.to))])
    else if (e.kind === 'truncate') bytes = bytes.subarray(0, at(e.at))
  }
  return new Uint8Array(bytes)
}

async function withinHangLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${HANG_MS} ms: a hang`)), HANG_MS)
  })
  try {
    return await Promise.race([work, hang])
  } finally {
    clearTimeout(timer)
  }
}

describe('extract on mutated PDFs', () => {
  it('should refuse each with a one-line PackError or give a valid pack', async () => {
    const cases = fc.record({source: fc.integer({min: 0, max: SOURCES.length - 1}), edits: fc.array(edit, {minLength: 1, maxLength: 6})})
    await fc.assert(fc.asyncProperty(cases, async ({source, edits}) => {
      const bytes = mutate(SOURCES[source]!, edits)
      try {
        const {pack} = await withinHangLimit(extract({path: 'mutated.pdf', data: bytes}, {ocr: 'never'}))
        expect(validatePack(pack)).toEqual([])
      } catch (error) {
        if (!(error instanceof PackError)) throw error
        expect(error.message).not.toMatch(/\n/)
      }
    }), fuzzParameters(SMOKE_WEIGHT))
  })
})
