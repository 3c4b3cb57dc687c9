// The run journal in the output folder: one line per pack written (input hash, options, output
// hash, summary figures), so a re-run skips packs that are up to date and an interrupted run resumes.
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {appendFile, readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {writeAtomic} from '../write/atomic.js'

/** Journal files start with this name (one per shard, so shards sharing a folder never write the same file). */
export const JOURNAL_PREFIX = '.agendapack-journal'

/** What the journal remembers of one written pack. */
export interface JournalRecord {
  /** Output name relative to the output folder. */
  output: string
  /** sha256 of the input file. */
  input: string
  /** The options that shaped the output (see {@link optionsKey}). */
  options: string
  /** sha256 of the output file as written. */
  sha256: string
  pages: number
  methods: Record<string, number>
  warnings: Record<string, number>
}

/** The records of a folder's journals (a later line wins) and the file this run appends to. */
export interface Journal {
  get(output: string): JournalRecord | undefined
  /** Appends one record (one write, one line). */
  add(record: JournalRecord): Promise<void>
  /** Rewrites this run's journal file with one line per output (drops superseded lines). */
  compact(): Promise<void>
}

/**
 * Opens the journals of `folder` for reading and `<folder>/<JOURNAL_PREFIX><suffix>.ndjson` for writing.
 * Lines cut short by a killed run are ignored.
 */
export async function openJournal(folder: string, suffix: string): Promise<Journal> {
  const own = join(folder, `${JOURNAL_PREFIX}${suffix}.ndjson`)
  const records = new Map<string, JournalRecord>()
  const mine = new Map<string, JournalRecord>()
  let names: string[] = []
  try {
    names = (await readdir(folder)).filter((n) => n.startsWith(JOURNAL_PREFIX) && n.endsWith('.ndjson')).sort()
  } catch {
    names = []
  }
  let needsNewline = false
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => '')
    for (const record of parseRecords(text)) {
      records.set(record.output, record)
      if (join(folder, name) === own) mine.set(record.output, record)
    }
    if (join(folder, name) === own) needsNewline = text.length > 0 && !text.endsWith('\n')
  }
  return {
    get: (output) => records.get(output),
    async add(record) {
      records.set(record.output, record)
      mine.set(record.output, record)
      await appendFile(own, (needsNewline ? '\n' : '') + JSON.stringify(record) + '\n')
      needsNewline = false
    },
    async compact() {
      if (mine.size === 0) return
      const sorted = [...mine.values()].sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0))
      await writeAtomic(own, sorted.map((r) => JSON.stringify(r) + '\n').join(''))
    }
  }
}

function parseRecords(text: string): JournalRecord[] {
  const out: JournalRecord[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const value = JSON.parse(line) as JournalRecord
      if (typeof value.output === 'string' && typeof value.input === 'string' && typeof value.sha256 === 'string') out.push(value)
    } catch {
      // A line cut short by a killed run: that pack is simply done again.
    }
  }
  return out
}

/** sha256 of a file, read as a stream (memory stays flat for large packs); null when unreadable. */
export async function hashFile(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(null))
  })
}

/** sha256 of a text as written (UTF-8). */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
