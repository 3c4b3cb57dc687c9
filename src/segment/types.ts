// The shape of a segmenter: configured once with options, then run over each file's tree,
// reporting through the file and leaving its typed results on file.data.
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'

/** Runs over the whole tree; reports through `file`; leaves results on `file.data`. */
export type Transform = (tree: Root, file: VFile) => void

/** A stage is configured once, then run per file (unified's plugin → transformer split). */
export type Stage<Options = undefined> = (options?: Readonly<Options> | null) => Transform
