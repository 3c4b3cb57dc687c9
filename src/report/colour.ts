// One chalk instance for the human report, coloured only on a TTY without NO_COLOR/--no-color.
// JSON output never goes through it.
import {Chalk, type ChalkInstance} from 'chalk'

/** A chalk instance with colour on or off. */
export function createColour(enabled: boolean): ChalkInstance {
  return new Chalk({level: enabled ? 1 : 0})
}
