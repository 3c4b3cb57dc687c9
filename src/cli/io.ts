// The CLI's streams, colour and environment in one object, so commands can be tested with spies
// instead of the real process streams.
import type {ChalkInstance} from 'chalk'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {createColour} from '../report/colour.js'

/** Where a command writes: JSON to `out`, the human report to `err`. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  colour: ChalkInstance
  /** Progress display on stderr is wanted (a TTY, not --quiet, not CI). */
  interactive: boolean
  /** The stderr stream, for the progress display (only used when interactive). */
  errStream: NodeJS.WriteStream | null
  /** Default OCR cache folder: $XDG_CACHE_HOME/agendapack, else ~/.cache/agendapack (%LOCALAPPDATA% on Windows). */
  cacheHome: string
  /** Subscribes to Ctrl-C / kill (SIGINT, SIGTERM) once; returns the unsubscribe. */
  onInterrupt: (handler: () => void) => () => void
}

/** The real process streams, with colour only on a TTY and without NO_COLOR. */
export function processIo(options: {color?: boolean; quiet?: boolean}): CliIo {
  const tty = Boolean(process.stderr.isTTY)
  const colourOn = tty && options.color !== false && !process.env['NO_COLOR']
  const interactive = tty && !options.quiet && !process.env['CI']
  return {
    out: (text) => void (process.stdout.destroyed || process.stdout.write(text)),
    err: (text) => void (process.stderr.destroyed || process.stderr.write(text)),
    colour: createColour(colourOn),
    interactive,
    errStream: interactive ? process.stderr : null,
    cacheHome: defaultCacheHome(),
    onInterrupt(handler) {
      // Once per signal: a second Ctrl-C falls back to Node's default and ends the process at once.
      process.once('SIGINT', handler)
      process.once('SIGTERM', handler)
      return () => {
        process.removeListener('SIGINT', handler)
        process.removeListener('SIGTERM', handler)
      }
    }
  }
}

function defaultCacheHome(): string {
  const xdg = process.env['XDG_CACHE_HOME']
  if (xdg) return join(xdg, 'agendapack')
  if (process.platform === 'win32' && process.env['LOCALAPPDATA']) return join(process.env['LOCALAPPDATA'], 'agendapack', 'Cache')
  return join(homedir(), '.cache', 'agendapack')
}
