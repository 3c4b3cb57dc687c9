// Tests page-stamp reading ("Page 24", "-1-", "Page 2 of 9", upside-down stamps), and on OCR'd
// pages the same stamps with specks around them; bare figures with specks are not stamps.
import {describe, expect, it} from 'vitest'
import {normalisePageStamp} from '../../src/normalise/page-stamp.js'

describe('normalisePageStamp', () => {
  it.each([
    ['Page 24', '24', 'page-number', false],
    ['  page 3 of 10 ', '3', 'page-number', false],
    ['- 24 -', '24', 'page-number', false],
    ['-1-', '1', 'page-number', false],
    ['– 7 –', '7', 'page-number', false],
    ['24', '24', 'page-number', true],
    ['6 abed', '9', 'page-stamp', false],
    ['0T gPed', '10', 'page-stamp', false],
    ['ebed', null, 'page-stamp', false]
  ])('should read %j as a stamp', (text, number, kind, bare) => {
    expect(normalisePageStamp(text)).toEqual({number, kind, bare})
  })

  it.each(['Agenda Item 9', 'Pages 3 - 20', 'Page', 'bed', 'page 24 overview', '0', 'abed abed', '12345'])(
    'should not read %j as a stamp', (text) => {
      expect(normalisePageStamp(text)).toBeNull()
    })

  it.each([
    ['Page 2 -', '2'],
    ['- Page 2 -', '2'],
    ['‘Page 5', '5'],
    ['.Page 2', '2'],
    ['Page 2of 9', '2'],
    ['Page 3 of9.', '3'],
    ['- 3 -.', '3'],
    [': -4- ,', '4'],
    ['|Page 12|', '12']
  ])('should read the OCR\'d stamp %j with specks around it as page %s', (text, number) => {
    expect(normalisePageStamp(text, {ocr: true})).toEqual({number, kind: 'page-number', bare: false})
  })

  it.each(['Page 2 -', '‘Page 5', '- 3 -.', 'Page 2of 9'])('should not read %j as a stamp from a text layer', (text) => {
    expect(normalisePageStamp(text)).toBeNull()
  })

  it.each(['3.', '- 3', '12,', 'Page 2 z', 'Pages 3 - 20.', 'Page 24 overview -', '"Page" 2 of the report', 'Agenda Item 9 -'])(
    'should not read %j as a stamp even when OCR\'d', (text) => {
      expect(normalisePageStamp(text, {ocr: true})).toBeNull()
    })
})
