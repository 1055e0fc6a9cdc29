import { z } from 'zod'
import { pageOf, pageQuery } from '../admin/admin.schema.ts'
import { exportFormatSchema, listFilters } from '../lists/list.schema.ts'
import { eventKindSchema } from './accompaniment.schema.ts'
import { situationKindSchema } from './situations.schema.ts'

/** Days without contact before the caseload raises an alert, when no programme of the person sets a rule. */
export const DEFAULT_CONTACT_DAYS = 90

export const caseloadQuery = pageQuery.extend({
  /** a director may look at any counsellor's caseload; a counsellor sees their own */
  counsellorId: z.uuid('Identifiant invalide.').optional(),
  alert: z.enum(['only']).optional(),
  sort: z.enum(['name', 'lastContact', 'nextEvent']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...listFilters.shape,
})
export type CaseloadQuery = z.input<typeof caseloadQuery>
/** GET /api/caseload/export: the same list, every page, as a file */
export const caseloadExportQuery = caseloadQuery.omit({ page: true, pageSize: true }).extend({
  format: exportFormatSchema,
})

export const caseloadRowSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  siteId: z.string(),
  /** latest event dated today or before whose attendance is present (or not recorded); null: none */
  lastContactDate: z.string().nullable(),
  /** days from the last contact to today; null when there has been no contact */
  daysSinceContact: z.number().int().nullable(),
  /** earliest event dated after today */
  nextEvent: z.object({ id: z.string(), date: z.string(), kind: eventKindSchema }).nullable(),
  openSituations: z.array(z.object({ id: z.string(), kind: situationKindSchema, label: z.string() })),
  openEnrolments: z.array(z.object({ id: z.string(), programmeId: z.string(), code: z.string() })),
  /** the rule that applies: the strictest of the open enrolments' programmes (during a step if one is open) */
  contactDays: z.number().int(),
  /** more days without contact than the rule allows (no contact ever: counted from the first reception) */
  alert: z.boolean(),
  /** the day the person turns 26 (the Mission Locale's accompaniment ends) */
  ageOutDate: z.string(),
  /** the planned end of an open CEJ (entry + 12 months), the earliest if several; null: no CEJ open */
  cejPlannedEnd: z.string().nullable(),
})
export type CaseloadRow = z.infer<typeof caseloadRowSchema>
export const caseloadPageSchema = pageOf(caseloadRowSchema).extend({
  counsellorId: z.string(),
  /** persons in alert in the whole caseload (not only this page) */
  alerts: z.number().int(),
  today: z.string(),
})
