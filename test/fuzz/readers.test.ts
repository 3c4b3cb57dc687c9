// Property tests over the text and markdown readers, the cleaners and the segmenters behind them:
// whatever the text, extract either refuses it with a PackError or returns a pack that validates.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {validatePack} from '../../src/compile/validate.js'
import {PackError} from '../../src/errors.js'
import {extract} from '../../src/extract.js'
import {fuzzParameters} from './runs.js'

/** Pieces of agenda packs and of markdown syntax, mixed at random into documents. */
const PIECES = ['# ', '## ', '### ', '> ', '- ', '* ', '1. ', '(a) ', '| ', ' | ', '|---|---|', '---', '```', '**', '_', '<br>', '<p>', '</td>',
  '<!-- page -->', '<!-- page 3 -->', '\f', '\n', '\n\n', '\t', 'Page 3', '- 4 -', 'AGENDA', 'Agenda Item 5', 'MINUTES', 'RESOLVED',
  'Present:', 'Apologies', 'Councillor A Byrne (Chair)', 'Tuesday, 4th June 2024 at 7.30 pm', '(Pages 3 - 12)', 'Report of the Clerk',
  'SUBJECT:', 'DATE OF DECISION:', 'Recommendations', 'Indicator', 'Target', 'Oct-21', '2023/24', '1,922', '24%', 'N/A', 'Glossary',
  'KPI', 'hedge-', 'row', 'Lantern Vale Parish Council', 'שלום', '議会', '\u00a0', '\u200b', '�', 'é']
const document = fc.array(fc.constantFrom(...PIECES), {maxLength: 120}).map((parts) => parts.join(''))
const anyText = fc.oneof({weight: 3, arbitrary: document}, {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 400})})

async function checkExtract(name: string, text: string): Promise<void> {
  try {
    const {pack} = await extract({path: name, data: new TextEncoder().encode(text)}, {ocr: 'never'})
    expect(validatePack(pack)).toEqual([])
  } catch (error) {
    if (!(error instanceof PackError)) throw error
    expect(error.message).not.toMatch(/\n/)
  }
}

describe('extract on generated text and markdown', () => {
  it('should read any .txt into a valid pack or refuse it with a PackError', async () => {
    await fc.assert(fc.asyncProperty(anyText, (text) => checkExtract('fuzz.txt', text)), fuzzParameters())
  })

  it('should read any .md into a valid pack or refuse it with a PackError', async () => {
    await fc.assert(fc.asyncProperty(anyText, (text) => checkExtract('fuzz.md', text)), fuzzParameters())
  })
})
