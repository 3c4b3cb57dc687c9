import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {REPO} from '../util/cli.js'

describe('agendapack output into a closed pipe', () => {
  it('should stop quietly when the reader goes away (| head), not loop on errors', () => {
    const run = spawnSync('sh', ['-c', 'node bin/agendapack.js inspect fixtures/text/wexmoor-scrutiny.txt 2>&1 | head -n 1'], {
      cwd: REPO, encoding: 'utf8', timeout: 60_000, env: {...process.env, NO_COLOR: '1'}
    })
    expect(run.error).toBeUndefined() // a hang would time out here
    expect(run.stdout).toBe('fixtures/text/wexmoor-scrutiny.txt (text, 10 pages)\n')
  })
})
