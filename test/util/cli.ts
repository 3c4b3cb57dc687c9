// Runs the built CLI (dist/) as a user would, capturing stdout, stderr and the exit code.
// `npm test` builds first; the e2e tests need that build.
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
const BIN = fileURLToPath(new URL('../../bin/agendapack.js', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `agendapack …args` in `cwd` (default: the repository) with CI set and no colour. */
export function runCli(args: string[], cwd: string = REPO, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, CI: 'true', NO_COLOR: '1', ...env},
    timeout: 300_000
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
