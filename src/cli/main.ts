// The process entry of `agendapack`: runs the program, maps outcomes to exit codes
// (0 ok, 1 some files failed, 2 usage error or bug) and never calls process.exit.
import {CommanderError} from 'commander'
import {createProgram} from './program.js'

/** Set while a bug is being reported, so a failing stderr never loops (declared before any handler can run). */
let reporting = false

process.on('uncaughtException', reportBug)
process.on('unhandledRejection', reportBug)
process.stdout.on('error', closedStream)
process.stderr.on('error', closedStream)

try {
  await createProgram((code) => { process.exitCode = code }).parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
    process.exitCode = done ? 0 : 2
  } else reportBug(error)
}

/** A reader that went away (`agendapack inspect pack.pdf | head`) is not a bug: stop writing to it. */
function closedStream(this: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.destroy()
  else reportBug(error)
}

function reportBug(error: unknown): void {
  process.exitCode = 2
  if (reporting || process.stderr.destroyed) return // never loop on a failing stderr
  reporting = true
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`agendapack: internal error (this is a bug, please report it with the lines below)\n` +
    `node ${process.version}\n${text.split(process.cwd()).join('<cwd>')}\n`)
  reporting = false
}
