// Tests keeping the rows of one KPI table apart when their names are mended: invented names.
import {describe, expect, it} from 'vitest'
import {namesApart} from '../../src/segment/kpi-names-apart.js'

describe('namesApart', () => {
  it('should take mends that keep names apart, and names printed alike may stay alike', () => {
    expect(namesApart(['Lets dane', 'Lets made', 'Lets made'], ['Lets done', 'Lets made', 'Lets made'])).toEqual(['Lets done', 'Lets made', 'Lets made'])
  })

  it('should put back the printed names of rows a mend would give one name, and of rows that puts back', () => {
    // "Lets dane" → "Lets made" clashes with a printed "Lets made"; put back, "Lets dane" clashes with the third row's mend
    expect(namesApart(['Lets dane', 'Lets made', 'Lets dene'], ['Lets made', 'Lets made', 'Lets dane'])).toEqual(['Lets dane', 'Lets made', 'Lets dene'])
    expect(namesApart(['Lets dane', 'Lets dene'], ['Lets done', 'Lets done'])).toEqual(['Lets dane', 'Lets dene'])
  })
})
