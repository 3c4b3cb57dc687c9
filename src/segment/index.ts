// Runs the segmenters over the cleaned tree, each leaving its typed results on `file.data`.
// Segmentation (meeting, agenda, parts, minutes, reports, KPI tables…) lands in later issues.
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'

/** The segmenters in order; each reads the tree and writes its section of the Pack to file.data. */
const SEGMENTERS: Array<(tree: Root, file: VFile) => void> = []

/** Runs every segmenter over the tree. */
export function segmentTree(tree: Root, file: VFile): void {
  for (const segment of SEGMENTERS) segment(tree, file)
}
