// What the stages leave on `file.data`: each segmenter's typed results, compiled into the Pack.
// Declared on vfile's DataMap so every stage sees the same types.
import type {AgendaItem, GlossaryEntry, KpiTable, Meeting, Minutes, Part, Report, Tracker} from './compile/model.js'

declare module 'vfile' {
  interface DataMap {
    meeting: Meeting
    agenda: AgendaItem[]
    parts: Part[]
    minutes: Minutes[]
    reports: Report[]
    kpiTables: KpiTable[]
    glossary: GlossaryEntry[]
    trackers: Tracker[]
  }
}
