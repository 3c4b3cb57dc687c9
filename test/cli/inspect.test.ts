import {describe, expect, it} from 'vitest'
import {runCli} from '../util/cli.js'

describe('agendapack inspect', () => {
  it('should show per page the method and why, the printed number and the furniture removed', () => {
    const run = runCli(['inspect', 'fixtures/pdf-mixed/harbourside-housing.pdf', '--ocr', 'never'])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('fixtures/pdf-mixed/harbourside-housing.pdf (pdf, 6 pages)')
    expect(lines[1]).toMatch(/^page\s+method\s+printed\s+chars\s+conf\s+reason$/)
    expect(lines.find((l) => l.startsWith('2 '))).toMatch(/^2\s+text-layer\s+1\s+\d+\s+-\s+text layer sound$/)
    expect(run.stdout).toContain('removed: Page 1 (page-number)')
    expect(lines.find((l) => l.startsWith('3 '))).toMatch(/^3\s+empty\s+-\s+0\s+-\s+no text layer; OCR switched off$/)
    expect(run.stdout).toMatch(/p3 warning .* ocr-unavailable/)
  })

  it('should give the same facts as JSON', () => {
    const run = runCli(['inspect', 'fixtures/text/wexmoor-scrutiny.txt', '--json'])
    const report = JSON.parse(run.stdout)
    expect(report.format).toBe('text')
    expect(report.pages[2]).toMatchObject({page: 3, method: 'text', printedPage: '1', confidence: null})
    expect(report.pages[2].furniture).toContain('Page 1 (page-number)')
  })

  it('should fail with one line naming a bad file', () => {
    const run = runCli(['inspect', 'fixtures/bad/encrypted.pdf'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error fixtures\/bad\/encrypted\.pdf: encrypted PDF/)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})
