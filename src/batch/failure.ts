// The one-line reason shown for a pack that failed: a PackError's own message, anything else
// marked as a bug (first line only, never a stack trace).
import {PackError} from '../errors.js'

/** The one-line reason shown for a failed file. */
export function failureReason(error: unknown): string {
  if (error instanceof PackError) return error.message
  const text = error instanceof Error ? error.message : String(error)
  return `internal error: ${text.split('\n')[0]} (this is a bug, please report it)`
}
