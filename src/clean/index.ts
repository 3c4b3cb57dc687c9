// The cleaners in the order they run: whitespace, furniture (stamps, blank-page notices, running
// heads and feet), printed page numbers, bullets, hyphenation. They mark, they do not delete.
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {cleanBullets} from './bullets.js'
import {cleanFurniture} from './furniture.js'
import {cleanHyphenation} from './hyphenation.js'
import {cleanPrintedPage} from './printed-page.js'
import {cleanWhitespace} from './whitespace.js'

/**
 * Marks page furniture and OCR debris, joins hyphenation, records printed page numbers.
 * @param tree the page tree from any reader (changed in place; nothing is removed)
 * @param file the file being processed
 */
export function cleanTree(tree: Root, file: VFile): void {
  cleanWhitespace(tree, file)
  cleanFurniture(tree, file)
  cleanPrintedPage(tree, file)
  cleanBullets(tree, file)
  cleanHyphenation(tree, file)
}
