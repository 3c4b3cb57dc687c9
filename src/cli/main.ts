// The process entry of `agendapack`: runs the program, maps outcomes to exit codes
// (0 ok, 1 some files failed, 2 usage error or bug) and never calls process.exit.
import {CommanderError} from 'commander'
import {createProgram} from './program.js'

process.on('uncaughtException', reportBug)
process.on('unhandledRejection', reportBug)

try {
  await createProgram((code) => { process.exitCode = code }).parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
    process.exitCode = done ? 0 : 2
  } else reportBug(error)
}

function reportBug(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`agendapack: internal error (this is a bug, please report it with the lines below)\n` +
    `node ${process.version}\n${text.split(process.cwd()).join('<cwd>')}\n`)
  process.exitCode = 2
}
