import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compilePack} from '../../src/compile/pack.js'
import {packJsonSchema, validatePack} from '../../src/compile/validate.js'
import {page, paragraph, root, textLine} from '../../src/tree/build.js'
import {report} from '../../src/messages.js'

function samplePack() {
  const tree = root([
    page([paragraph([textLine('Wexmoor Borough Council', 1), textLine('Licensing Committee', 1)], {page: 1})],
      {page: 1, method: 'text', reason: 'text export', ocrConfidence: null, printedPage: null})
  ], 'text')
  const file = new VFile({path: 'packs/wexmoor.txt'})
  report(file, 'empty-page', 'Unexpected empty page, expected text', 1)
  return compilePack(tree, file, {path: 'packs/wexmoor.txt', sha256: 'a'.repeat(64)})
}

describe('validatePack', () => {
  it('should accept a compiled pack with every section present', () => {
    const pack = samplePack()
    expect(validatePack(pack)).toEqual([])
    expect(Object.keys(pack)).toEqual([
      'schemaVersion', 'source', 'pages', 'meeting', 'agenda', 'parts', 'minutes', 'reports',
      'kpiTables', 'glossary', 'trackers', 'warnings'
    ])
    expect(pack.pages[0]).toEqual({page: 1, printedPage: null, method: 'text', ocrConfidence: null, chars: 43,
      text: 'Wexmoor Borough Council\nLicensing Committee'})
    expect(pack.warnings).toEqual([{code: 'empty-page', message: 'Unexpected empty page, expected text', page: 1}])
  })

  it('should name the path of each problem in an invalid pack', () => {
    const pack = samplePack() as unknown as Record<string, unknown>
    const broken = {...pack, meeting: {...(pack['meeting'] as object), date: '21st July 2022'}, extra: 1}
    const problems = validatePack(broken)
    expect(problems.map((p) => p.path)).toContain('/meeting/date')
    expect(problems.length).toBeGreaterThan(0)
  })

  it('should reject a missing section rather than treat it as empty', () => {
    const {agenda: _agenda, ...rest} = samplePack()
    expect(validatePack(rest).map((p) => p.path)).toContain('/agenda')
  })
})

describe('packJsonSchema', () => {
  it('should publish a JSON Schema that requires every top-level field', () => {
    const schema = packJsonSchema() as {required: string[]; properties: Record<string, unknown>}
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'pages', 'kpiTables', 'warnings']))
    expect(JSON.stringify(schema)).not.toContain('Symbol')
  })
})
