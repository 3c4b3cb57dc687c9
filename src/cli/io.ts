// The CLI's streams and colour in one object, so commands can be tested with spies
// instead of the real process streams.
import type {ChalkInstance} from 'chalk'
import {createColour} from '../report/colour.js'

/** Where a command writes: JSON to `out`, the human report to `err`. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  colour: ChalkInstance
  /** Progress lines on stderr are wanted (a TTY, not --quiet, not CI). */
  interactive: boolean
}

/** The real process streams, with colour only on a TTY and without NO_COLOR. */
export function processIo(options: {color?: boolean; quiet?: boolean}): CliIo {
  const tty = Boolean(process.stderr.isTTY)
  const colourOn = tty && options.color !== false && !process.env['NO_COLOR']
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    colour: createColour(colourOn),
    interactive: tty && !options.quiet && !process.env['CI']
  }
}
