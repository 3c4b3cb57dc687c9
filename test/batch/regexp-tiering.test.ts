// Tests that a pack worker's regexp setting keeps a rarely used pattern in V8's interpreter (no
// machine-code compile on its second use) while its matches stay the same. Runs the build (dist/).
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {REGEXP_INTERPRETED_USES} from '../../src/batch/regexp-tiering.js'

const TIERING = fileURLToPath(new URL('../../dist/batch/regexp-tiering.js', import.meta.url))

/** Runs a fresh node that optionally applies the setting, then uses a relative-date pattern `uses` times; V8's tier-up trace and the matches. */
function run(apply: boolean, uses: number): {tierUps: number; matches: string} {
  const script = `${apply ? `(await import(${JSON.stringify(TIERING)})).interpretRareRegexps()` : ''}
const pattern = new RegExp('(?:about|around)?\\\\s*(?:one|two|three|[0-9]+)\\\\s*(?:days?|weeks?)(?:\\\\s*and\\\\s*(?:one|two|[0-9]+)\\\\s*(?:days?|weeks?)){0,10}\\\\s*ago', 'i')
const found = []
for (let i = 0; i < ${uses}; i++) found.push(pattern.exec(i % 2 ? 'It was 3 days and 2 weeks ago' : 'no date here')?.[0] ?? '-')
console.error(found.join('|'))`
  const child = spawnSync(process.execPath, ['--trace-regexp-tier-up', '--input-type=module', '-e', script], {encoding: 'utf8'})
  expect(child.status, child.stderr).toBe(0)
  return {tierUps: (child.stdout.match(/needs tier-up compilation/g) ?? []).length, matches: child.stderr.trim()}
}

describe('interpretRareRegexps', () => {
  it('should leave a pattern used a few times uncompiled, with the same matches', () => {
    const before = {off: run(false, 0), on: run(true, 0)}
    const off = run(false, 10)
    const on = run(true, 10)
    expect(off.tierUps).toBeGreaterThan(before.off.tierUps)
    expect(on.tierUps).toBe(before.on.tierUps)
    expect(on.matches).toBe(off.matches)
    expect(on.matches.split('|')[1]?.trim()).toBe('3 days and 2 weeks ago')
  })

  it('should still compile a pattern used more than REGEXP_INTERPRETED_USES times', () => {
    const before = run(true, 0)
    expect(run(true, REGEXP_INTERPRETED_USES + 5).tierUps).toBeGreaterThan(before.tierUps)
  })
})
