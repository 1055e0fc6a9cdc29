import { z } from 'zod'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'

// Indicators, their results and the annual report: the contract between the reporting module, the web page and
// anyone who reads the JSON export. Results are tables and figures so that every output (screen, spreadsheet, PDF)
// renders any indicator without knowing it.

const isoDate = calendarDate()

/** What a value is: how it is formatted and whether statistical secrecy applies to it (counts only). */
export const valueKindSchema = z.enum(['count', 'share', 'average', 'change', 'amount'])
export type ValueKind = z.infer<typeof valueKindSchema>

export const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: valueKindSchema,
  decimals: z.number().int(),
  /** a share or average column: the count column it derives from (hidden with it) */
  of: z.string().optional(),
  /** this column is the rows' total (its cells are the sum of the other count columns) */
  total: z.boolean().optional(),
  /** false: the column's cells do not add up (distinct persons over groups that overlap) */
  additive: z.boolean().optional(),
})
export type Column = z.infer<typeof columnSchema>

export const rowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** null: hidden by statistical secrecy (its index is in `hidden`), or no value (a share of nobody) */
  values: z.array(z.number().nullable()),
  /** the indexes of the values hidden by statistical secrecy */
  hidden: z.array(z.number().int()).optional(),
  /** the table's total row (its cells are the sum of the rows that have no parent) */
  total: z.boolean().optional(),
  /** a detail row: its parent row is the sum of its children */
  parent: z.string().optional(),
})
export type Row = z.infer<typeof rowSchema>

export const resultTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** the heading of the row labels' column */
  rowHeader: z.string(),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  note: z.string().optional(),
  /** crosses health, justice or welfare status: published with the higher secrecy threshold */
  sensitive: z.boolean().optional(),
})
export type ResultTable = z.infer<typeof resultTableSchema>

export const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: valueKindSchema,
  decimals: z.number().int(),
  /** null: hidden by statistical secrecy (`hidden`), or no value (a share of an empty population) */
  value: z.number().nullable(),
  hidden: z.boolean().optional(),
  /** for a share: the persons it counts, checked against the secrecy threshold */
  count: z.number().nullable().optional(),
})
export type Figure = z.infer<typeof figureSchema>

export const objectiveResultSchema = z.object({
  objectiveId: z.string(),
  agreement: z.string(),
  funder: z.string(),
  subKey: z.string().nullable(),
  label: z.string(),
  target: z.number(),
  result: z.number().nullable(),
  gap: z.number().nullable(),
  /** result / target, in percent, one decimal */
  rate: z.number().nullable(),
  /** the target is prorated: the period is not made of whole calendar years */
  prorated: z.boolean(),
})
export type ObjectiveResult = z.infer<typeof objectiveResultSchema>

export const periodSchema = z.object({ from: isoDate, to: isoDate })
export type Period = z.infer<typeof periodSchema>

export const scopeSchema = z.object({
  siteIds: z.array(z.string()).optional(),
  programmeId: z.string().optional(),
  communeCode: z.string().optional(),
  counsellorId: z.string().optional(),
  sex: z.enum(['F', 'M']).optional(),
})
export type Scope = z.infer<typeof scopeSchema>

const baseResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  period: periodSchema,
  /** the indicator's headline count (persons, rows) */
  value: z.number().nullable(),
  figures: z.array(figureSchema),
  tables: z.array(resultTableSchema),
  objectives: z.array(objectiveResultSchema),
  /** published output: the threshold applied and how many cells it hid */
  secrecy: z.object({ threshold: z.number().int(), hidden: z.number().int() }).optional(),
})
export const indicatorResultSchema = baseResultSchema.extend({
  /** asked with bySex: the same indicator restricted to women, then to men */
  bySex: z.object({ F: baseResultSchema, M: baseResultSchema }).optional(),
})
export type IndicatorResult = z.infer<typeof indicatorResultSchema>

export const catalogueEntrySchema = z.object({
  id: z.string(),
  family: z.string(),
  /** the family's French title, declared by the module that computes it */
  familyLabel: z.string(),
  label: z.string(),
  definition: z.string(),
  population: z.string(),
  breakdowns: z.array(z.string()),
  notes: z.array(z.string()),
  sensitive: z.boolean(),
  /** the figures a yearly objective can name besides the headline value (an objective without key) */
  objectiveKeys: z.array(z.object({ key: z.string(), label: z.string() })),
})
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>

/** Query of every indicator route: period, scope, sex split, year on year, published or internal. */
export const indicatorQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    siteId: z.uuid('Identifiant invalide.').optional(),
    programmeId: z.uuid('Identifiant invalide.').optional(),
    communeCode: z
      .string()
      .regex(/^[0-9AB]{5}$/, 'Code INSEE invalide.')
      .optional(),
    counsellorId: z.uuid('Identifiant invalide.').optional(),
    bySex: z.enum(['true', 'false']).optional(),
    /** how many periods side by side: this one and the (compare − 1) previous ones of the same length */
    compare: z.coerce.number().int().min(1).max(10).default(1),
    public: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] })
export type IndicatorQuery = z.input<typeof indicatorQuery>

export const indicatorComparisonSchema = z.object({
  indicator: catalogueEntrySchema,
  /** oldest period first; the requested period is the last */
  results: z.array(indicatorResultSchema),
})
export type IndicatorComparison = z.infer<typeof indicatorComparisonSchema>

export const reportFormatSchema = z.enum(['json', 'xlsx', 'pdf'])
export type ReportFormat = z.infer<typeof reportFormatSchema>

export const reportQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    siteId: z.uuid('Identifiant invalide.').optional(),
    format: reportFormatSchema.default('json'),
    /** published output (statistical secrecy applied); the spreadsheet and the PDF are published unless told otherwise */
    public: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] })

export const chartSpecSchema = z.object({
  /** the result table the chart draws */
  table: z.string(),
  /** bar: one bar per row; stacked: rows × count columns; pie: shares of the rows; years: columns side by side */
  kind: z.enum(['bar', 'stacked', 'pie', 'years']),
  title: z.string(),
})
export type ChartSpec = z.infer<typeof chartSpecSchema>

export const sectionItemSchema = z.object({
  indicator: z.string(),
  /** the tables of the result shown here, in order (absent: all of them) */
  tables: z.array(z.string()).optional(),
  /** show the result's figures (key figures and shares) */
  figures: z.boolean(),
  charts: z.array(chartSpecSchema),
})
export type SectionItem = z.infer<typeof sectionItemSchema>

export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** a spreadsheet tab's name (31 characters at most) */
  shortTitle: z.string().max(31),
  intro: z.string().optional(),
  items: z.array(sectionItemSchema),
})
export type ReportSection = z.infer<typeof reportSectionSchema>

export const annualReportSchema = z.object({
  title: z.string(),
  structure: z.string(),
  period: periodSchema,
  scope: z.object({ site: z.string().nullable() }),
  generatedAt: z.string(),
  published: z.boolean(),
  secrecyThreshold: z.number().int().nullable(),
  sections: z.array(reportSectionSchema),
  /** every indicator of the report, keyed by its id */
  indicators: z.record(z.string(), indicatorResultSchema),
})
export type AnnualReport = z.infer<typeof annualReportSchema>

// Objectives ------------------------------------------------------------------------------------------------------

export const agreementSchema = z.object({
  id: z.string(),
  name: z.string(),
  funder: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  version: z.number().int(),
})
export type Agreement = z.infer<typeof agreementSchema>
export const agreementInputSchema = z
  .object({
    name: safeText().trim().min(2, 'Nom requis.').max(160),
    funder: safeText().trim().min(2, 'Financeur requis.').max(160),
    periodStart: isoDate,
    periodEnd: isoDate,
  })
  .refine((a) => a.periodStart <= a.periodEnd, {
    message: 'La fin de la convention doit suivre son début.',
    path: ['periodEnd'],
  })
export const agreementUpdateSchema = z
  .object({
    name: safeText().trim().min(2, 'Nom requis.').max(160),
    funder: safeText().trim().min(2, 'Financeur requis.').max(160),
    periodStart: isoDate,
    periodEnd: isoDate,
    version: versionSchema,
  })
  .refine((a) => a.periodStart <= a.periodEnd, {
    message: 'La fin de la convention doit suivre son début.',
    path: ['periodEnd'],
  })

export const objectiveSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  indicatorId: z.string(),
  subKey: z.string().nullable(),
  year: z.number().int(),
  target: z.number(),
  version: z.number().int(),
})
export type Objective = z.infer<typeof objectiveSchema>
/** numeric(14, 2) in the database */
const target = z.number().min(0, 'Objectif positif.').max(999_999_999_999.99, 'Objectif trop grand.')
export const objectiveInputSchema = z.object({
  agreementId: z.uuid('Identifiant invalide.'),
  indicatorId: safeText().trim().min(1).max(80),
  subKey: safeText().trim().min(1).max(80).nullable().default(null),
  year: z.number().int().min(2000).max(2100),
  target,
})
export const objectiveUpdateSchema = z.object({
  target,
  version: versionSchema,
})
export const objectiveListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  indicatorId: safeText().trim().max(80).optional(),
  agreementId: z.uuid('Identifiant invalide.').optional(),
})
