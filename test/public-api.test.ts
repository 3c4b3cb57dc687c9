import {describe, expect, it} from 'vitest'

describe('public API', () => {
  it('should export exactly the documented names', async () => {
    const api = await import('../src/index.js')
    expect(Object.keys(api).sort()).toEqual([
      'PackError', 'PackSchema', 'RULES', 'SCHEMA_VERSION', 'createOcrPool', 'extract', 'isPack', 'packJsonSchema', 'validatePack'
    ])
  })
})
