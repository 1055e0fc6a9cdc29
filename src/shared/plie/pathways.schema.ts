import { z } from 'zod'
import { isoDate } from '../accompaniment/accompaniment.schema.ts'
import { exitReasonSchema, situationKindSchema } from '../accompaniment/situations.schema.ts'
import { groupOfSituation, type SituationKind, situationGroups } from '../nomenclatures/accompaniment.ts'
import { requiredDate, whenValid } from '../persons/fields.ts'
import { safeText, versionSchema } from '../primitives.ts'
import { type StepKind, stepKinds } from './plie.nomenclature.ts'

// The PLIE pathway (issue 11, docs/plie.md « The pathway »): its referents over time, its steps (situations of the
// person file done at a host organisation), its exit. Server routes and web forms read the same contracts.

export const enrolmentParams = z.object({ enrolmentId: z.uuid('Identifiant invalide.') })
export const stepParams = enrolmentParams.extend({ situationId: z.uuid('Identifiant invalide.') })

/** The kind of step a situation is: an insertion contract in a SIAE, a training, a job (any contract), or other. */
export function stepKindOf(kind: SituationKind): StepKind {
  if (kind === 'insertion_contract') return 'insertion_job'
  const group = groupOfSituation(kind)
  if (group === 'training') return 'training'
  if (group === 'employment' || group === 'work_study' || group === 'integration_contract') return 'employment'
  return 'other'
}

export const pathwayReferentSchema = z.object({
  fromDate: z.string(),
  referentId: z.string(),
  referentName: z.string().nullable(),
})

export const pathwayStepSchema = z.object({
  situationId: z.string(),
  kind: situationKindSchema,
  kindLabel: z.string(),
  group: z.enum(situationGroups.codes),
  stepKind: z.enum(stepKinds.codes),
  startDate: z.string(),
  plannedEndDate: z.string().nullable(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  organisationKind: z.string().nullable(),
  stepReferent: z.string().nullable(),
  note: z.string().nullable(),
  /** no end date, or an end date today or later */
  open: z.boolean(),
  /** the situation's version (a change names it) */
  version: z.number().int(),
})
export type PathwayStep = z.infer<typeof pathwayStepSchema>

export const pathwayExitSchema = z.object({
  date: z.string(),
  reason: exitReasonSchema,
  reasonLabel: z.string(),
  positive: z.boolean(),
  situationId: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
})

export const pathwaySchema = z.object({
  enrolmentId: z.string(),
  personId: z.string(),
  entryDate: z.string(),
  /** no exit, or an exit date today or later */
  open: z.boolean(),
  committeeCaseId: z.string().nullable(),
  referentId: z.string().nullable(),
  referentName: z.string().nullable(),
  referents: z.array(pathwayReferentSchema),
  steps: z.array(pathwayStepSchema),
  exit: pathwayExitSchema.nullable(),
  /** the enrolment's version: a referent change or an exit names it */
  version: z.number().int(),
})
export type Pathway = z.infer<typeof pathwaySchema>

export const contactStateSchema = z.object({
  lastContact: z.string().nullable(),
  days: z.number(),
  ruleDays: z.number(),
  alert: z.boolean(),
  /** a step under way: the programme's rule « during a step » applies (quarterly rather than monthly) */
  stepUnderWay: z.boolean(),
})

export const personPlieSchema = z.object({
  pathways: z.array(pathwaySchema),
  /** the contact rule's state while a pathway is open; null otherwise */
  contact: contactStateSchema.nullable(),
})
export type PersonPlie = z.infer<typeof personPlieSchema>

export const referentChangeSchema = z.object({
  referentId: z.uuid('Choisissez un référent.'),
  fromDate: requiredDate('Date au format AAAA-MM-JJ.', 'Date requise.'),
  version: versionSchema,
})

const stepDates = z.object({
  startDate: requiredDate('Date de début au format AAAA-MM-JJ.', 'Date de début requise.'),
  plannedEndDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
})
const stepFields = z.object({
  kind: situationKindSchema,
  ...stepDates.shape,
  hoursPerWeek: z.number().min(0, 'Nombre d’heures positif.').max(80, 'Au plus 80 heures.').nullable().default(null),
  organisationId: z.uuid('Choisissez une structure.').nullable().default(null),
  /** who follows the step at the host, as written */
  stepReferent: safeText().trim().max(200, 'Au plus 200 caractères.').nullable().default(null),
  note: safeText().trim().max(4000, 'Au plus 4000 caractères.').nullable().default(null),
})
const checkStepDates = (v: z.infer<typeof stepDates>, ctx: z.RefinementCtx) => {
  if (v.endDate && v.endDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin précède la date de début.' })
  if (v.plannedEndDate && v.plannedEndDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'La fin prévue précède la date de début.' })
}
export const stepInputSchema = stepFields.superRefine(checkStepDates, whenValid(stepDates))
export type StepInput = z.output<typeof stepInputSchema>
export const stepUpdateSchema = stepFields
  .extend({ version: versionSchema })
  .superRefine(checkStepDates, whenValid(stepDates))

export const exitInputSchema = z.object({
  exitDate: requiredDate('Date de sortie au format AAAA-MM-JJ.', 'Date de sortie requise.'),
  exitReason: exitReasonSchema,
  /** the situation that proves a positive exit; omitted: the check finds one */
  exitSituationId: z.uuid('Identifiant invalide.').nullable().default(null),
  /** the employer-relations partner credited with the exit */
  partnerId: z.uuid('Identifiant invalide.').nullable().default(null),
  version: versionSchema,
})
export type ExitInput = z.output<typeof exitInputSchema>
