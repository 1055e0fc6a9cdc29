import { z } from 'zod'
import { situationGroups, situationKindCodes } from '../nomenclatures/accompaniment.ts'
import { codeList } from '../nomenclatures/code-list.ts'
import { requiredChoice, requiredDate, whenValid } from '../persons/fields.ts'
import { safeText } from '../primitives.ts'
import { isoDate, versionSchema } from './accompaniment.schema.ts'

// Contracts of situations (what the person does, dated) and programme enrolments (CIVIS, CEJ, PLIE pathway…).

const list = codeList

// Situations ----------------------------------------------------------------------------------------
export const situationKindSchema = requiredChoice(
  situationKindCodes,
  'Choisissez le type de situation.',
  'Type de situation inconnu.',
)

export const situationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: situationKindSchema,
  kindLabel: z.string(),
  group: z.enum(situationGroups.codes),
  startDate: z.string(),
  plannedEndDate: z.string().nullable(),
  endDate: z.string().nullable(),
  organisationName: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  note: z.string().nullable(),
  counsellorId: z.string().nullable(),
  /** no end date, or an end date today or later */
  open: z.boolean(),
  version: z.number().int(),
})
export type Situation = z.infer<typeof situationSchema>
export const situationListQuery = z.object({ open: z.enum(['true', 'false']).optional() })

const situationDates = z.object({
  startDate: requiredDate('Date de début au format AAAA-MM-JJ.', 'Date de début requise.'),
  plannedEndDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
})
const situationFields = z.object({
  kind: situationKindSchema,
  ...situationDates.shape,
  /** the employer or the training body */
  organisationName: safeText().trim().max(200, 'Au plus 200 caractères.').nullable().default(null),
  hoursPerWeek: z.number().min(0, 'Nombre d’heures positif.').max(80, 'Au plus 80 heures.').nullable().default(null),
  note: safeText().trim().max(4000, 'Au plus 4000 caractères.').nullable().default(null),
})
type SituationDates = { startDate: string; plannedEndDate: string | null; endDate: string | null }
const checkSituationDates = (v: SituationDates, ctx: z.RefinementCtx) => {
  if (v.endDate && v.endDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin précède la date de début.' })
  if (v.plannedEndDate && v.plannedEndDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'La fin prévue précède la date de début.' })
}
export const situationInputSchema = situationFields.superRefine(checkSituationDates, whenValid(situationDates))
export type SituationInput = z.input<typeof situationInputSchema>
export const situationUpdateSchema = situationFields
  .extend({ version: versionSchema })
  .superRefine(checkSituationDates, whenValid(situationDates))

// Enrolments ----------------------------------------------------------------------------------------
/** Why an enrolment ended. The positive ones are the PLIE's "sorties positives". */
export const enrolmentExitReasons = list({
  cdi: 'CDI',
  cdd_over_6_months: 'CDD de plus de 6 mois',
  work_study: 'Contrat en alternance',
  interim_1215h: 'Intérim d’au moins 1215 heures sur 12 mois',
  cirma: 'CIRMA',
  qualifying_training: 'Formation qualifiante de plus de 6 mois',
  business_creation: 'Création d’entreprise',
  end_of_programme: 'Fin du dispositif',
  moved_away: 'Déménagement',
  health: 'Santé',
  maternity: 'Maternité',
  dropped_out: 'Abandon (sans contact depuis 6 mois)',
  referred: 'Orientation vers un autre organisme',
  retirement: 'Retraite',
  no_solution: 'Fin de parcours sans solution',
  death: 'Décès',
  other: 'Autre',
})
export const positiveExitReasons: readonly string[] = [
  'cdi',
  'cdd_over_6_months',
  'work_study',
  'interim_1215h',
  'cirma',
  'qualifying_training',
  'business_creation',
]
export const exitReasonSchema = z.enum(enrolmentExitReasons.codes, 'Motif de sortie inconnu.')

export const enrolmentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  programmeId: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  programmeKind: z.enum(['service', 'scheme']),
  /** the programme's type (admin: mission_locale, plie, civis, cej…): a CEJ's planned end is computed when not recorded */
  programmeType: z.string(),
  entryDate: z.string(),
  exitDate: z.string().nullable(),
  exitReason: exitReasonSchema.nullable(),
  /** the planned end as recorded (null: not recorded; a CEJ's is then computed, shared/lists/list.schema.ts) */
  plannedEndDate: z.string().nullable(),
  reinforced: z.boolean(),
  referentId: z.string().nullable(),
  referentName: z.string().nullable(),
  /** no exit date, or an exit date today or later */
  open: z.boolean(),
  version: z.number().int(),
})
export type Enrolment = z.infer<typeof enrolmentSchema>

const enrolmentDates = z.object({
  entryDate: requiredDate('Date d’entrée au format AAAA-MM-JJ.', 'Date d’entrée requise.'),
  exitDate: isoDate.nullable().default(null),
  exitReason: exitReasonSchema.nullable().default(null),
  /** an extended (or shortened) CEJ's planned end; null: not recorded (computed for a CEJ) */
  plannedEndDate: isoDate.nullable().default(null),
})
const enrolmentFields = z.object({
  programmeId: z.uuid('Choisissez un programme.'),
  ...enrolmentDates.shape,
  /** reinforced accompaniment (e.g. CEJ "renforcé", PLIE reinforced follow-up) */
  reinforced: z.boolean().default(false),
  /** omitted: the signed-in counsellor (on create), unchanged (on update); null: no referent */
  referentId: z.uuid('Identifiant invalide.').nullable().optional(),
})
type EnrolmentDates = {
  entryDate: string
  exitDate: string | null
  exitReason: string | null
  plannedEndDate: string | null
}
const checkEnrolmentDates = (v: EnrolmentDates, ctx: z.RefinementCtx) => {
  if (v.exitDate && v.exitDate < v.entryDate)
    ctx.addIssue({ code: 'custom', path: ['exitDate'], message: 'La date de sortie précède la date d’entrée.' })
  if (v.plannedEndDate && v.plannedEndDate < v.entryDate)
    ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'La fin prévue précède la date d’entrée.' })
  if (v.exitReason && !v.exitDate)
    ctx.addIssue({ code: 'custom', path: ['exitDate'], message: 'Un motif de sortie demande une date de sortie.' })
}
export const enrolmentInputSchema = enrolmentFields.superRefine(checkEnrolmentDates, whenValid(enrolmentDates))
export type EnrolmentInput = z.input<typeof enrolmentInputSchema>
export const enrolmentUpdateSchema = enrolmentFields
  .extend({ version: versionSchema })
  .superRefine(checkEnrolmentDates, whenValid(enrolmentDates))
