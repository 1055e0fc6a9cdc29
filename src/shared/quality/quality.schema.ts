import { z } from 'zod'
import { pageOf, pageQuery } from '../admin/admin.schema.ts'
import { exportFormatSchema } from '../lists/list.schema.ts'

// Data quality (docs/quality.md): the statistics department's data-entry charter as rules declared once in code
// (src/server/modules/quality/quality.rules.ts, each with its French explanation), the count of files breaking each
// rule by site and counsellor, the files to fix, and the counts month by month.

/** The rules' identifiers; each is declared once, with its SQL and its French words, in quality.rules.ts. */
export const qualityRuleIds = [
  'education_level_missing',
  'no_contact',
  'situation_past_planned_end',
  'enrolment_before_first_reception',
  'first_reception_after_first_interview',
  'first_reception_missing',
  'no_referent',
] as const
export const qualityRuleIdSchema = z.enum(qualityRuleIds, 'Règle de qualité inconnue.')
export type QualityRuleId = z.infer<typeof qualityRuleIdSchema>

export const qualityRuleSchema = z.object({
  id: qualityRuleIdSchema,
  /** what is wrong, in a few words */
  label: z.string(),
  /** why the charter asks for it and what counts as breaking it */
  explanation: z.string(),
  /** what to do in the file */
  fix: z.string(),
  /** the file's tab where it is fixed (?onglet=) */
  fileTab: z.string(),
})
export type QualityRule = z.infer<typeof qualityRuleSchema>

/** Which files: a site, a counsellor (the persons they are referent of), both or neither (the reader's scope). */
export const qualityScopeQuery = z.object({
  siteId: z.uuid('Site invalide.').optional(),
  counsellorId: z.uuid('Conseiller invalide.').optional(),
})

const ruleCounts = z.record(qualityRuleIdSchema, z.number().int())

export const qualityGroupSchema = z.object({
  /** a site's id, a counsellor's id, or null: persons with no referent */
  id: z.string().nullable(),
  label: z.string(),
  /** files in activity (an enrolment open today) */
  files: z.number().int(),
  counts: ruleCounts,
})
export type QualityGroup = z.infer<typeof qualityGroupSchema>

export const qualitySummarySchema = z.object({
  today: z.string(),
  rules: z.array(qualityRuleSchema.extend({ count: z.number().int() })),
  /** files in activity in the scope */
  files: z.number().int(),
  bySite: z.array(qualityGroupSchema),
  byCounsellor: z.array(qualityGroupSchema),
})
export type QualitySummary = z.infer<typeof qualitySummarySchema>

export const qualityRuleParams = z.object({ rule: qualityRuleIdSchema })

export const qualityFilesQuery = pageQuery.extend(qualityScopeQuery.shape)
export const qualityFilesExportQuery = qualityScopeQuery.extend({ format: exportFormatSchema })

export const qualityFileSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  siteName: z.string(),
  referentName: z.string().nullable(),
  /** what breaks the rule in this file, in French (« Dernier contact le 02/12/2025 ») */
  detail: z.string().nullable(),
})
export type QualityFile = z.infer<typeof qualityFileSchema>
export const qualityFilesPageSchema = pageOf(qualityFileSchema).extend({ rule: qualityRuleSchema, today: z.string() })

export const QUALITY_TREND_MAX_MONTHS = 24
export const qualityTrendQuery = z.object({
  siteId: z.uuid('Site invalide.').optional(),
  months: z.coerce
    .number()
    .int('Nombre de mois entier.')
    .min(2, '2 mois au moins.')
    .max(QUALITY_TREND_MAX_MONTHS, `${QUALITY_TREND_MAX_MONTHS} mois au plus.`)
    .default(12),
})
export const qualityTrendSchema = z.object({
  rules: z.array(qualityRuleSchema),
  months: z.array(
    z.object({
      /** 'yyyy-mm' */
      month: z.string(),
      /** the day counted: the month's last day, or today for the current month */
      day: z.string(),
      files: z.number().int(),
      counts: ruleCounts,
    }),
  ),
})
export type QualityTrend = z.infer<typeof qualityTrendSchema>
