// Loads an input file's bytes, turning file-system failures into one-line PackErrors
// ("no such file", "is a folder", "permission denied") instead of stack traces.
import {readFile} from 'node:fs/promises'
import {PackError} from '../errors.js'

/** Reads the whole file; throws PackError('io-error') with a short reason on failure. */
export async function loadInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    throw new PackError('io-error', ioReason(error), {cause: error})
  }
}

/** Short human reason for a Node file-system error. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT': return 'no such file'
    case 'EISDIR': return 'is a folder, not a file'
    case 'EACCES':
    case 'EPERM': return 'permission denied'
    case 'ELOOP': return 'too many symbolic links (a link loop)'
    case 'ENOSPC': return 'no space left on the device'
    case 'EROFS': return 'read-only file system'
    default: return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'cannot read'
  }
}
