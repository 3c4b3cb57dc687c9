// Fatal, per-file failures: the file cannot be read at all. The batch records them as one line
// naming the file and the reason, and goes on with the other files.

/** Why a file could not be turned into a Pack. */
export type FailureCode =
  | 'empty-file'
  | 'not-supported'
  | 'pdf-corrupt'
  | 'pdf-encrypted'
  | 'io-error'
  | 'timeout'
  | 'invalid-output'

/** A failure that stops one file; `message` is the one-line reason shown to the user. */
export class PackError extends Error {
  readonly code: FailureCode
  constructor(code: FailureCode, message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'PackError'
    this.code = code
  }
}
