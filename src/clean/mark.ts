// The one way cleaners take something out of the body text: they mark it as furniture of a
// kind and leave it in the tree, so the raw text and its positions stay available.
import type {FurnitureKind, NodeData} from '../tree/types.js'

/**
 * Marks a node (line or word) as furniture of a kind.
 * @param data the node's data (changed in place)
 * @param kind what the furniture is
 */
export function mark(data: NodeData, kind: FurnitureKind): void {
  data.layer = 'furniture'
  data.furniture = kind
}
