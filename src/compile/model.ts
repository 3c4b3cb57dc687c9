// The one definition of the Pack document (spec/output-model.md): TypeBox schemas from which
// the TypeScript types, the published JSON Schema and the pre-write validator all come.
import {Type, type Static, type TSchema} from '@sinclair/typebox'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
/** An ISO date's pattern: the BigQuery schema reads fields of this pattern as DATE. */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'
const IsoDate = Type.String({pattern: ISO_DATE_PATTERN, description: 'ISO date YYYY-MM-DD'})
const Time24 = Type.String({pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: '24h time HH:MM'})
const PageNo = Type.Integer({minimum: 1, description: '1-based page index in the input'})
const PageRange = Type.Object({from: PageNo, to: PageNo}, {additionalProperties: false})
const PrintedRange = Type.Object({from: Type.Integer({minimum: 0}), to: Type.Integer({minimum: 0})}, {additionalProperties: false})
const strict = {additionalProperties: false} as const

export const SourceSchema = Type.Object({
  path: Type.String({description: 'the input path as given (relative)'}),
  sha256: Type.String({pattern: '^[0-9a-f]{64}$'}),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('markdown'), Type.Literal('text')]),
  pageCount: Type.Integer({minimum: 0})
}, strict)

export const PageSchema = Type.Object({
  page: PageNo,
  printedPage: Nullable(Type.String()),
  method: Type.Union([Type.Literal('text-layer'), Type.Literal('ocr'), Type.Literal('text'), Type.Literal('empty')]),
  ocrConfidence: Nullable(Type.Number({minimum: 0, maximum: 1})),
  chars: Type.Integer({minimum: 0}),
  text: Nullable(Type.String())
}, strict)

export const MeetingSchema = Type.Object({
  authority: Nullable(Type.String()),
  committee: Nullable(Type.String()),
  date: Nullable(IsoDate),
  time: Nullable(Time24),
  venue: Nullable(Type.String()),
  publishedOn: Nullable(IsoDate)
}, strict)

export const AgendaItemSchema = Type.Object({
  number: Nullable(Type.String()),
  title: Type.String(),
  printedPages: Nullable(PrintedRange),
  description: Nullable(Type.String())
}, strict)

export const PartKindSchema = Type.Union([
  'front-sheet', 'agenda', 'minutes', 'report', 'appendix', 'presentation', 'kpi-report', 'glossary', 'tracker', 'other'
].map((k) => Type.Literal(k)))

export const PartSchema = Type.Object({
  id: Type.String(),
  kind: PartKindSchema,
  title: Nullable(Type.String()),
  agendaItem: Nullable(Type.String()),
  pages: PageRange,
  parent: Nullable(Type.String())
}, strict)

export const PersonSchema = Type.Object({name: Type.String(), role: Nullable(Type.String())}, strict)

export const MinuteItemSchema = Type.Object({
  number: Nullable(Type.String()),
  title: Type.String(),
  text: Type.String(),
  resolutions: Type.Array(Type.String())
}, strict)

export const MinutesSchema = Type.Object({
  part: Type.String(),
  meetingDate: Nullable(IsoDate),
  present: Type.Array(PersonSchema),
  apologies: Type.Array(PersonSchema),
  appointedMembers: Type.Array(PersonSchema),
  items: Type.Array(MinuteItemSchema)
}, strict)

export const ContactSchema = Type.Object({
  role: Type.String(),
  title: Nullable(Type.String()),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String())
}, strict)

export const ReportSchema = Type.Object({
  part: Type.String(),
  agendaItem: Nullable(Type.String()),
  decisionMaker: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  dateOfDecision: Nullable(IsoDate),
  reportOf: Nullable(Type.String()),
  contacts: Type.Array(ContactSchema),
  confidentiality: Nullable(Type.String()),
  briefSummary: Nullable(Type.String()),
  recommendations: Type.Array(Type.String()),
  keyDecision: Nullable(Type.Boolean()),
  wardsAffected: Nullable(Type.String()),
  appendices: Type.Array(Type.Object({number: Nullable(Type.String()), title: Type.String()}, strict)),
  paragraphs: Type.Array(Type.Object({number: Nullable(Type.String()), section: Type.String(), text: Type.String()}, strict))
}, strict)

export const KpiColumnSchema = Type.Object({
  label: Type.String(),
  kind: Type.Union([Type.Literal('period'), Type.Literal('target'), Type.Literal('benchmark'), Type.Literal('other')]),
  period: Nullable(Type.String({pattern: '^\\d{4}(-\\d{2}|-Q[1-4])?$'}))
}, strict)

export const KpiTableSchema = Type.Object({
  part: Nullable(Type.String()),
  page: PageNo,
  title: Nullable(Type.String()),
  rag: Nullable(Type.Union([Type.Literal('Red'), Type.Literal('Amber'), Type.Literal('Green')])),
  columns: Type.Array(KpiColumnSchema),
  rows: Type.Array(Type.Object({
    indicator: Type.String(),
    measure: Nullable(Type.Union(['percentage', 'number', 'rate', 'currency'].map((k) => Type.Literal(k)))),
    cells: Type.Array(Type.Object({
      column: Type.String(),
      raw: Type.String(),
      value: Nullable(Type.Number()),
      /** Mean OCR confidence of the cell's words (0–1, two decimals); null for text layers, markdown and text. */
      confidence: Nullable(Type.Number({minimum: 0, maximum: 1}))
    }, strict))
  }, strict))
}, strict)

export const GlossaryEntrySchema = Type.Object({
  term: Type.String(),
  abbreviation: Nullable(Type.String()),
  definition: Type.String(),
  page: PageNo
}, strict)

export const TrackerSchema = Type.Object({
  part: Type.String(),
  rows: Type.Array(Type.Object({
    date: Nullable(IsoDate),
    title: Nullable(Type.String()),
    actionProposed: Nullable(Type.String()),
    actionTaken: Nullable(Type.String()),
    status: Nullable(Type.String())
  }, strict))
}, strict)

export const WarningSchema = Type.Object({
  code: Type.String({pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'}),
  message: Type.String(),
  page: Nullable(PageNo)
}, strict)

export const SCHEMA_VERSION = '1.0'

export const PackSchema = Type.Object({
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  source: SourceSchema,
  pages: Type.Array(PageSchema),
  meeting: MeetingSchema,
  agenda: Type.Array(AgendaItemSchema),
  parts: Type.Array(PartSchema),
  minutes: Type.Array(MinutesSchema),
  reports: Type.Array(ReportSchema),
  kpiTables: Type.Array(KpiTableSchema),
  glossary: Type.Array(GlossaryEntrySchema),
  trackers: Type.Array(TrackerSchema),
  warnings: Type.Array(WarningSchema)
}, {
  ...strict,
  $id: 'https://agendapack.dev/schema/pack-1.0.json',
  title: 'agendapack Pack document',
  description: 'One council agenda pack read into normalised, segmented data (agendapack output contract v1).'
})

export type Pack = Static<typeof PackSchema>
export type PackPage = Static<typeof PageSchema>
export type Meeting = Static<typeof MeetingSchema>
export type AgendaItem = Static<typeof AgendaItemSchema>
export type Part = Static<typeof PartSchema>
export type Minutes = Static<typeof MinutesSchema>
export type MinuteItem = Static<typeof MinuteItemSchema>
export type Person = Static<typeof PersonSchema>
export type Report = Static<typeof ReportSchema>
export type KpiTable = Static<typeof KpiTableSchema>
export type GlossaryEntry = Static<typeof GlossaryEntrySchema>
export type Tracker = Static<typeof TrackerSchema>
export type PackWarning = Static<typeof WarningSchema>
