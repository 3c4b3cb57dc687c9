// STUB — finds glossary terms with abbreviations and definitions.
// Leaves its result on file.data.glossary.
import type {Stage} from './types.js'

/** Finds glossary terms with abbreviations and definitions. */
export const segmentGlossary: Stage = function segmentGlossary() {
  return function glossaryTransform() {}
}
