// Tidies word values in place: zero-width characters, soft hyphens and control characters go,
// NBSP and other odd spaces become plain spaces, runs collapse, ends are trimmed.
import type {VFile} from 'vfile'
import {normaliseWhitespace} from '../normalise/whitespace.js'
import type {Root} from '../tree/types.js'
import {eachLine} from '../tree/walk.js'

/** C0/C1 control characters a text layer can leak into words (tab, LF and CR included). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
/** A soft hyphen ending a line's last word marks a line-end break; it becomes a visible hyphen. */
const TRAILING_SOFT_HYPHEN = /\u00ad$/

/**
 * Cleans whitespace inside every word of the tree.
 * A soft hyphen at the very end of a line is turned into "-" so the hyphenation cleaner can
 * join the broken word; elsewhere soft hyphens are dropped.
 * @param tree the page tree (changed in place)
 * @param _file the file (unused)
 */
export function cleanWhitespace(tree: Root, _file?: VFile): void {
  eachLine(tree, function clean(line) {
    const last = line.children[line.children.length - 1]
    for (const w of line.children) {
      const breaks = w === last && TRAILING_SOFT_HYPHEN.test(w.value)
      const value = normaliseWhitespace(w.value.replace(CONTROL, ' '))
      w.value = breaks && value ? value + '-' : value
    }
  })
}
