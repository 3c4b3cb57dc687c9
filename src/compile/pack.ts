// Compiles the cleaned, segmented page tree into the Pack document of the output contract,
// with a fixed key order, so the same tree always gives the same JSON bytes.
import type {VFile} from 'vfile'
import {pageText} from '../tree/to-text.js'
import type {Page, Root} from '../tree/types.js'
import {compileWarnings} from './warnings.js'
import {SCHEMA_VERSION, type Meeting, type Pack, type PackPage} from './model.js'

/** What compilePack needs to know besides the tree. */
export interface CompileOptions {
  /** Path recorded in `source.path` (relative, as given). */
  path: string
  sha256: string
  /** Include `pages[].text` (default true); false writes null to keep files small. */
  text?: boolean
}

const EMPTY_MEETING: Meeting = {authority: null, committee: null, date: null, time: null, venue: null, publishedOn: null}

/** Builds the Pack from the tree and the file's segment results and messages. */
export function compilePack(tree: Root, file: VFile, options: Readonly<CompileOptions>): Pack {
  const data = file.data
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {path: options.path, sha256: options.sha256, format: tree.data.format, pageCount: tree.children.length},
    pages: tree.children.map((page) => compilePage(page, options.text !== false)),
    meeting: data.meeting ?? {...EMPTY_MEETING},
    agenda: data.agenda ?? [],
    parts: data.parts ?? [],
    minutes: data.minutes ?? [],
    reports: data.reports ?? [],
    kpiTables: data.kpiTables ?? [],
    glossary: data.glossary ?? [],
    trackers: data.trackers ?? [],
    warnings: compileWarnings(file)
  }
}

function compilePage(page: Page, withText: boolean): PackPage {
  const text = pageText(page)
  const confidence = page.data.ocrConfidence
  return {
    page: page.data.page,
    printedPage: page.data.printedPage,
    method: page.data.method,
    ocrConfidence: confidence === null ? null : Math.round(confidence * 1000) / 1000,
    chars: text.length,
    text: withText ? text : null
  }
}
