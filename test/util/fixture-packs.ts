// Runs each fixture pack of the given kinds through extract (OCR off) beside its answer key,
// for segmenter tests that compare one section with the key.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Pack} from '../../src/compile/model.js'
import {extract} from '../../src/extract.js'

/** One fixture pack: a label for messages, its answer key and what agendapack made of it. */
export interface FixturePack {
  label: string
  expected: Pack
  pack: Pack
}

/** The fixture packs of `kinds` (folders under fixtures/), in name order. */
export async function* fixturePacks(kinds: readonly string[] = ['text', 'markdown', 'pdf-text']): AsyncGenerator<FixturePack> {
  for (const kind of kinds) {
    const dir = join('fixtures', kind)
    if (!existsSync(dir)) continue
    const names = readdirSync(dir).sort()
    for (const name of names.filter((f) => f.endsWith('.expected.json'))) {
      const source = names.find((f) => f.startsWith(name.replace('.expected.json', '.')) && !f.endsWith('.json'))!
      const {pack} = await extract(join(dir, source), {ocr: 'never'})
      yield {label: `${kind}/${source}`, expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Pack, pack}
    }
  }
}
