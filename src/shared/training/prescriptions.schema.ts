import { z } from 'zod'
import { calendarDate, int4, safeText, versionSchema } from '../primitives.ts'
import { sessionSchema } from './catalogue.schema.ts'
import { infoAttendances, prescriptionStatuses, trainingExitKinds } from './training.nomenclature.ts'

// A prescription and its answers (issue 13, docs/training/prescriptions.md): the counsellor files it from the
// person file, the training department validates, asks for more or refuses, the person is convened to the
// information session, the training body answers (attendance, tests, outcome), records the entry (the person's
// training situation) and the exit with its result.

const id = z.uuid('Identifiant invalide.')
export const prescriptionParams = z.object({ id })
export const prescriptionPersonParams = z.object({ personId: id })

export const ARGUMENT_MAX = 4000
const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)

/** the counsellor's request: a session, the argument, the site that files it */
export const prescriptionInput = z.object({
  sessionId: z.uuid('Choisissez une session.'),
  argument: text(ARGUMENT_MAX).min(10, 'Argumentez la demande (10 caractères au moins).'),
  siteId: z.uuid('Choisissez le site.'),
})
export type PrescriptionInput = z.output<typeof prescriptionInput>

/** filed again after the department asked for more */
export const resubmitInput = z.object({
  argument: text(ARGUMENT_MAX).min(10, 'Argumentez la demande (10 caractères au moins).'),
  version: versionSchema,
})

/** the training department's decision on a filed prescription */
export const departmentDecisionInput = z
  .object({
    decision: z.enum(['validated', 'refused', 'more_info'], 'Décision inconnue.'),
    note: optionalText(2000),
    version: versionSchema,
  })
  .refine((d) => d.decision === 'validated' || d.note !== null, {
    path: ['note'],
    message: 'Indiquez le motif du refus ou le complément demandé.',
  })
export type DepartmentDecisionInput = z.output<typeof departmentDecisionInput>

/** the training body's answer after the information session: attendance, tests, outcome */
export const bodyAnswerInput = z
  .object({
    infoAttendance: z.enum(infoAttendances.codes, 'Présence inconnue.'),
    testResult: optionalText(2000),
    outcome: z.enum(['accepted', 'waiting_list', 'not_accepted'], 'Résultat du positionnement inconnu.'),
    outcomeReason: optionalText(2000),
    version: versionSchema,
  })
  .refine((a) => a.outcome !== 'not_accepted' || a.outcomeReason !== null, {
    path: ['outcomeReason'],
    message: 'Indiquez pourquoi la personne n’est pas retenue.',
  })
  .refine((a) => a.infoAttendance === 'present' || a.outcome !== 'accepted', {
    path: ['outcome'],
    message: 'Une personne absente à l’information collective ne peut pas être retenue.',
  })
export type BodyAnswerInput = z.output<typeof bodyAnswerInput>

export const entryInput = z.object({ entryDate: calendarDate('Date d’entrée requise.'), version: versionSchema })

export const exitInput = z.object({
  exitDate: calendarDate('Date de sortie requise.'),
  exitKind: z.enum(trainingExitKinds.codes, 'Motif de sortie inconnu.'),
  qualificationObtained: z.boolean('Indiquez si la qualification est obtenue.').nullable().default(null),
  hoursAttended: int4().max(10_000, '10 000 heures au plus.').nullable().default(null),
  resultNote: optionalText(2000),
  version: versionSchema,
})
export type ExitInput = z.output<typeof exitInput>

export const cancelInput = z.object({ reason: optionalText(500), version: versionSchema })

const statusSchema = z.enum(prescriptionStatuses.codes)

export const prescriptionEventSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  fromStatus: statusSchema.nullable(),
  toStatus: statusSchema,
  note: z.string().nullable(),
})

/** the person as a training body sees them: what identifies and reaches them, nothing else of the file */
export const prescribedPersonSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})

export const prescriptionSchema = z.object({
  id,
  person: prescribedPersonSchema,
  session: sessionSchema,
  prescriberName: z.string().nullable(),
  siteId: id.nullable(),
  argument: z.string(),
  status: statusSchema,
  filedAt: z.string(),
  answerDueOn: z.string().nullable(),
  decidedAt: z.string().nullable(),
  departmentNote: z.string().nullable(),
  convenedAt: z.string().nullable(),
  infoAttendance: z.enum(infoAttendances.codes).nullable(),
  testResult: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  entryDate: z.string().nullable(),
  situationId: id.nullable(),
  hoursAttended: z.number().nullable(),
  exitDate: z.string().nullable(),
  exitKind: z.enum(trainingExitKinds.codes).nullable(),
  qualificationObtained: z.boolean().nullable(),
  resultNote: z.string().nullable(),
  events: z.array(prescriptionEventSchema),
  version: z.number(),
})
export type Prescription = z.infer<typeof prescriptionSchema>
export const prescriptionListSchema = z.array(prescriptionSchema)

/** the department's and the body's lists of prescriptions */
export const prescriptionListQuery = z.object({
  status: statusSchema.optional(),
  sessionId: id.optional(),
  bodyId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

/** the training officer's worklist (docs/training/screens.md) */
export const worklistSchema = z.object({
  /** filed, to validate (the oldest first) */
  toValidate: prescriptionListSchema,
  /** the department asked for more: waiting for the counsellor */
  moreInfo: prescriptionListSchema,
  /** validated (or on the waiting list) and the body has not answered by the due day */
  answersOverdue: prescriptionListSchema,
  /** open sessions starting within 60 days with at most a fifth of their places left */
  sessionsFilling: z.array(sessionSchema),
})
export type TrainingWorklist = z.infer<typeof worklistSchema>
