import { z } from 'zod'
import { pageOf, pageQuery } from '../admin/admin.schema.ts'
import { attendances, eventKinds, propositionDomains, propositionOutcomes } from '../nomenclatures/accompaniment.ts'
import { requiredChoice, requiredDate } from '../persons/fields.ts'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'

// Contracts of the counsellor's daily record: events and propositions (situations, enrolments and the caseload have
// their own files). Used by the server routes and by the web forms alike.

export const isoDate = calendarDate()
/** The date of an event or a proposition (what a form left empty is "Date requise."). */
const recordDate = requiredDate('Date au format AAAA-MM-JJ.', 'Date requise.')
export const personParams = z.object({ personId: z.uuid('Identifiant invalide.') })
export const personItemParams = personParams.extend({ id: z.uuid('Identifiant invalide.') })
export { versionSchema }

const minutes = z
  .number('Nombre entier de minutes.')
  .int('Nombre entier de minutes.')
  .min(0, 'Durée positive.')
  .max(1440, 'Au plus 24 heures.')
  .nullable()
  .default(null)
const note = safeText().trim().max(4000, 'Au plus 4000 caractères.').nullable().default(null)

// Events -------------------------------------------------------------------------------------------
export const eventKindSchema = requiredChoice(eventKinds.codes, 'Choisissez le type.', 'Type d’événement inconnu.')
export const attendanceSchema = z.enum(attendances.codes, 'Présence inconnue.')

export const eventSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: eventKindSchema,
  date: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  counsellorId: z.string().nullable(),
  counsellorName: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  /** null: not recorded yet (always null on a planned appointment) */
  attendance: attendanceSchema.nullable(),
  note: z.string().nullable(),
  /** dated after today: a planned appointment */
  planned: z.boolean(),
  version: z.number().int(),
})
export type Event = z.infer<typeof eventSchema>

export const eventListQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: eventKindSchema.optional(),
})
export const eventPageSchema = pageOf(eventSchema)

export const eventInputSchema = z.object({
  kind: eventKindSchema,
  date: recordDate,
  /** omitted: the person's site (on create), unchanged (on update) */
  siteId: z.uuid('Identifiant invalide.').nullable().optional(),
  /** omitted: the signed-in counsellor (on create), unchanged (on update) */
  counsellorId: z.uuid('Identifiant invalide.').nullable().optional(),
  durationMinutes: minutes,
  attendance: attendanceSchema.nullable().default(null),
  note,
})
export type EventInput = z.input<typeof eventInputSchema>
export const eventUpdateSchema = eventInputSchema.extend({ version: versionSchema })

// Propositions ---------------------------------------------------------------------------------------
export const propositionDomainSchema = requiredChoice(
  propositionDomains.codes,
  'Choisissez le domaine.',
  'Domaine inconnu.',
)
export const propositionOutcomeSchema = z.enum(propositionOutcomes.codes, 'Suite inconnue.')

/** A theme of the configurable list: national rows plus the structure's own, each mapped to a national code. */
export const propositionThemeSchema = z.object({
  code: z.string(),
  domain: propositionDomainSchema,
  label: z.string(),
  nationalCode: z.string(),
  /** a local item of the structure (false: national list) */
  local: z.boolean(),
  /** health: shown only to those who follow the person */
  sensitive: z.boolean(),
  active: z.boolean(),
})
export type PropositionThemeItem = z.infer<typeof propositionThemeSchema>

export const propositionSchema = z.object({
  id: z.string(),
  personId: z.string(),
  date: z.string(),
  domain: propositionDomainSchema,
  theme: z.string(),
  themeLabel: z.string(),
  nationalTheme: z.string(),
  sensitive: z.boolean(),
  text: z.string().nullable(),
  outcome: propositionOutcomeSchema,
  durationMinutes: z.number().nullable(),
  counsellorId: z.string().nullable(),
  counsellorName: z.string().nullable(),
  siteId: z.string().nullable(),
  version: z.number().int(),
})
export type Proposition = z.infer<typeof propositionSchema>

export const propositionListQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  domain: propositionDomainSchema.optional(),
  theme: safeText().trim().max(60).optional(),
})
export const propositionPageSchema = pageOf(propositionSchema).extend({
  /** health propositions left out because the signed-in user may not see them */
  hiddenSensitive: z.number().int(),
})

export const propositionInputSchema = z.object({
  date: recordDate,
  domain: propositionDomainSchema,
  theme: safeText('Choisissez le thème.').trim().min(1, 'Choisissez le thème.').max(60, '60 caractères au plus.'),
  text: safeText().trim().max(4000, 'Au plus 4000 caractères.').nullable().default(null),
  outcome: propositionOutcomeSchema.default('pending'),
  durationMinutes: minutes,
})
export type PropositionInput = z.input<typeof propositionInputSchema>
export const propositionUpdateSchema = propositionInputSchema.extend({ version: versionSchema })
