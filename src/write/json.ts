// Serialises a Pack as the contract's JSON bytes: two-space indent, trailing newline, key order
// as compiled, so the same Pack always gives the same bytes.
import type {Pack} from '../compile/model.js'

/** The JSON text written for a Pack. */
export function packJson(pack: Pack): string {
  return JSON.stringify(pack, null, 2) + '\n'
}
