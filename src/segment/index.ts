// Runs the segmenters over the cleaned tree in dependency order, each leaving its typed
// section of the Pack on `file.data` (meeting → agenda → parts → minutes, reports, glossary, KPI tables, trackers).
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {segmentAgenda} from './agenda.js'
import {segmentGlossary} from './glossary.js'
import {segmentKpiTables} from './kpi-tables.js'
import {segmentMeeting} from './meeting.js'
import {segmentMinutes} from './minutes.js'
import {segmentParts} from './parts.js'
import {segmentReportCover} from './report-cover.js'
import {segmentTracker} from './tracker.js'
import type {Transform} from './types.js'

/** The segmenters in order: parts needs the agenda; minutes, reports, KPI tables and trackers need the parts. */
const SEGMENTERS: Transform[] = [
  segmentMeeting(),
  segmentAgenda(),
  segmentParts(),
  segmentMinutes(),
  segmentReportCover(),
  segmentGlossary(),
  segmentKpiTables(),
  segmentTracker()
]

/** Runs every segmenter over the tree. */
export function segmentTree(tree: Root, file: VFile): void {
  for (const segment of SEGMENTERS) segment(tree, file)
}
