// Finds the pack's glossaries ("Glossary of terms", "Jargon buster", "Abbreviations") and reads
// every term, abbreviation and definition, with the page of the term; leaves them on file.data.glossary.
import type {GlossaryEntry} from '../compile/model.js'
import {readGlossaryColumns} from './glossary-columns.js'
import {draftText, type Draft} from './glossary-draft.js'
import {key, readGlossaryLines} from './glossary-lines.js'
import {glossaryRegions} from './glossary-region.js'
import {resolveTerm} from './glossary-term.js'
import {documentLines} from './lines.js'
import type {Stage} from './types.js'

/** Entries (≥) a glossary found by its heading needs; fewer means the heading was a mention. */
const MIN_ENTRIES = 2

/** Finds glossary terms with abbreviations and definitions. */
export const segmentGlossary: Stage = function segmentGlossary() {
  return function glossaryTransform(tree, file) {
    const lines = documentLines(tree)
    const entries: GlossaryEntry[] = []
    const seen = new Set<string>()
    for (const region of glossaryRegions(lines, file.data.parts ?? [])) {
      const drafts = readGlossaryColumns(region.lines) ?? readGlossaryLines(region.lines)
      const found = drafts.flatMap(toEntry)
      if (found.length < MIN_ENTRIES) continue
      for (const entry of found) {
        const id = key(entry.term) + '|' + key(entry.abbreviation ?? '')
        if (seen.has(id)) continue
        seen.add(id)
        entries.push(entry)
      }
    }
    file.data.glossary = entries
  }
}

/** The entry a draft makes, or none when it has no definition. */
function toEntry(draft: Draft): GlossaryEntry[] {
  const resolved = resolveTerm(draft.term, draftText(draft))
  if (!resolved.term || !resolved.definition) return []
  return [{term: resolved.term, abbreviation: resolved.abbreviation, definition: resolved.definition, page: draft.page}]
}
