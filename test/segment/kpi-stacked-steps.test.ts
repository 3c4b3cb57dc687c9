// Tests placing the figures of a one-cell-per-line KPI row by line pitch: exact placements only,
// gaps where OCR lost a line, anchors on the lines around the row, and what cannot be placed.
import {describe, expect, it} from 'vitest'
import {placeBySteps, placeRow, type FigureLine, type Mark} from '../../src/segment/kpi-stacked-steps.js'

/** Lines 20 pt apart on page 1 at the given steps from y = 100, each moved by a small wobble (OCR boxes). */
const at = (steps: number[], page = 1, wobble: number[] = []): Mark[] => steps.map((k, i) => ({page, middle: 100 + 20 * k + (wobble[i] ?? 0)}))
const mark = (step: number, page = 1): Mark => ({page, middle: 100 + 20 * step})

describe('placeBySteps', () => {
  it('should place every line of a full row in its own column, in order', () => {
    expect(placeBySteps(at([0, 1, 2, 3, 4, 5], 1, [1, -1.5, 0.5, 2, -2, 0]), 6)).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('should leave the column of a line lost in the middle, the steps around it showing the gap', () => {
    expect(placeBySteps(at([0, 1, 3, 4, 5]), 6)).toEqual([0, 1, 3, 4, 5])
    expect(placeBySteps(at([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14]), 15)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14])
  })

  it('should place a lost first or last line only by the line before or after the row', () => {
    expect(placeBySteps(at([1, 2, 3, 4, 5]), 6)).toBeNull()
    expect(placeBySteps(at([1, 2, 3, 4, 5]), 6, {before: mark(-1)})).toEqual([1, 2, 3, 4, 5])
    expect(placeBySteps(at([0, 1, 2, 3, 4]), 6, {after: mark(6)})).toEqual([0, 1, 2, 3, 4])
  })

  it('should reject anchors that disagree on where the row starts', () => {
    expect(placeBySteps(at([0, 1, 2, 3, 4]), 6, {before: mark(-1), after: mark(5)})).toBeNull()
  })

  it('should carry a row over a page break only where no line is lost at the break', () => {
    const over = [...at([0, 1, 3, 4]), ...at([0, 1], 2)]
    expect(placeBySteps(over, 7, {before: mark(-1), after: mark(2, 2)})).toEqual([0, 1, 3, 4, 5, 6])
    const lostAtBreak = [...at([0, 1, 2, 3]), ...at([0, 1], 2)]
    expect(placeBySteps(lostAtBreak, 7, {before: mark(-1), after: mark(2, 2)})).toBeNull()
  })

  it('should reject lines off a regular pitch', () => {
    expect(placeBySteps(at([0, 1, 2.5, 3.5, 4.5, 5.5]), 7)).toBeNull()
    expect(placeBySteps(at([0, 1, 2, 3, 4, 5], 1, [0, 0, 8, 0, 0, 0]), 6)).toBeNull()
  })

  it('should reject more lines than columns, or lines spanning more columns than the row has', () => {
    expect(placeBySteps(at([0, 1, 2, 3, 4, 5, 6]), 6)).toBeNull()
    expect(placeBySteps(at([0, 1, 2, 4, 5, 6]), 6)).toBeNull()
  })

  it('should not place a row that lost more than a third of its lines', () => {
    expect(placeBySteps(at([0, 2, 4]), 6, {before: mark(-1), after: mark(6)})).toBeNull()
  })
})

describe('placeRow', () => {
  const lines = (values: string[][], steps: number[]): FigureLine[] => values.map((v, k) => ({mark: mark(steps[k]!), values: v, confidence: 0.9}))

  it('should join the digit pieces OCR spaced apart on one line into one figure, and note it', () => {
    const row = placeRow(lines([['180'], ['1', '19'], ['125'], ['137'], ['N/A']], [0, 2, 3, 4, 5]), 6, {before: mark(-1)})
    expect(row && [...row.cells]).toEqual([[0, '180'], [2, '119'], [3, '125'], [4, '137'], [5, 'N/A']])
    expect(row?.empty).toEqual([1])
    expect(row?.joined).toEqual([{read: '1 19', figure: '119', column: 2}])
  })

  it('should drop a lone mark beside a figure, and reject two figures on one line', () => {
    const specked = placeRow(lines([['1'], ['2'], ['3'], ['N/A', '-']], [0, 1, 2, 3]), 4, {})
    expect(specked && [...specked.cells.values()]).toEqual(['1', '2', '3', 'N/A'])
    expect(placeRow(lines([['1%'], ['2%'], ['3%', '4%']], [0, 1, 2]), 4, {after: mark(4)})).toBeNull()
  })
})
