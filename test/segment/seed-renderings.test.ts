// Seed packs 000 and 004 printed into text-layer PDFs (in memory, as a checker would: wrapped
// Helvetica lines, "Page N" footers) must segment like the seed texts: F1 ≥ 0.95 per section.
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract.js'
import {comparePacks, SECTIONS} from '../../scripts/render-seed-compare.js'
import {seedLayout} from '../../scripts/render-seed-pages.js'
import {renderSeedPdf} from '../../scripts/render-seed-pdf.js'
import {haveSeeds, readSeed, SEEDS, type SeedName} from '../../seeds/seeds.js'

/** F1 (≥) every section of a rendering must reach against the seed text's own result. */
const MIN_F1 = 0.95

async function scores(name: SeedName) {
  const text = readSeed(name)!
  const file = SEEDS[name].file
  const reference = (await extract({path: file, data: new TextEncoder().encode(text)}, {ocr: 'never'})).pack
  const pdf = await renderSeedPdf(seedLayout(text, file))
  const rendered = (await extract({path: `${name}.pdf`, data: new Uint8Array(pdf)}, {ocr: 'never'})).pack
  return {reference, rendered, scores: comparePacks(reference, rendered, {pages: false})}
}

describe.skipIf(!haveSeeds())('seed renderings (text-layer PDF)', () => {
  for (const name of ['agendaPackA', 'agendaPackB'] as const) {
    it(`should segment ${name} printed to PDF as it segments its text`, async () => {
      const {reference, rendered, scores: result} = await scores(name)
      // crowded seed pages spill onto extra PDF pages, so page numbers are not compared
      expect(rendered.pages.length).toBeGreaterThanOrEqual(reference.pages.length)
      expect(rendered.pages.every((page) => page.method === 'text-layer')).toBe(true)
      const low = SECTIONS.filter((section) => result[section].f1 < MIN_F1)
        .map((section) => ({section, f1: result[section].f1, missing: result[section].missing, extra: result[section].extra}))
      expect(low).toEqual([])
    })
  }
})
