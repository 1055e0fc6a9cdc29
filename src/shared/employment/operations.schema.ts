import { z } from 'zod'
import { exportFormatSchema } from '../lists/list.schema.ts'
import { calendarDate, int4, safeText, versionSchema } from '../primitives.ts'
import { id, optionalText, required } from './common.schema.ts'
import {
  applicationOutcomes,
  applicationSources,
  contractKinds,
  funnelStages,
  operationStatuses,
} from './employment.nomenclature.ts'

// Recruitment operations run as a funnel (issue 14, docs/employment/operations.md): the operation, its information
// sessions, the applications and each step of one, the bulk actions on a session. The server validates every body with
// these schemas and the forms use the same ones.

export const operationParams = z.object({ id })
export const operationSessionParams = z.object({ id, sessionId: id })

const at = z.iso.datetime({ offset: true, message: 'Date et heure attendues.' })

export const operationInput = z
  .object({
    employerId: z.uuid('Choisissez l’entreprise.'),
    title: required(200, 'Intitulé de l’opération requis.'),
    sector: optionalText(200),
    positions: int4('Nombre de postes : un nombre entier.')
      .min(1, 'Au moins un poste.')
      .max(100_000, '100 000 postes au plus.'),
    profile: optionalText(4000),
    method: optionalText(4000),
    partners: optionalText(2000),
    startsOn: calendarDate('Date de début au format AAAA-MM-JJ.'),
    endsOn: calendarDate('Date de fin au format AAAA-MM-JJ.').nullable().default(null),
    status: z.enum(operationStatuses.codes, 'Statut inconnu.').default('running'),
  })
  .refine((o) => o.endsOn === null || o.endsOn >= o.startsOn, {
    path: ['endsOn'],
    message: 'La fin ne peut précéder le début.',
  })
export type OperationInput = z.output<typeof operationInput>
export const operationUpdate = operationInput.and(z.object({ version: versionSchema }))

export const operationListQuery = z.object({
  status: z.enum(operationStatuses.codes).optional(),
  employerId: id.optional(),
})

/** the funnel's figures, computed from the applications (funnelStages), the sources and the local share */
export const funnelSchema = z.object({
  applications: z.number(),
  invited: z.number(),
  attended: z.number(),
  tested: z.number(),
  interviewed: z.number(),
  hired: z.number(),
  /** applications whose commune is in the structure's territory (docs/employment/operations.md « Local ») */
  local: z.number(),
  /** applications whose commune is known (the local share's denominator) */
  withCommune: z.number(),
  /** local ÷ withCommune, in % with two decimals; null without any known commune */
  localPercent: z.number().nullable(),
  bySource: z.record(z.enum(applicationSources.codes), z.number()),
})
export type Funnel = z.infer<typeof funnelSchema>
export type FunnelStage = (typeof funnelStages.codes)[number]

export const operationSummarySchema = z.object({
  id,
  title: z.string(),
  employer: z.object({ id, name: z.string() }),
  sector: z.string().nullable(),
  positions: z.number(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(operationStatuses.codes),
  version: z.number(),
  funnel: funnelSchema,
})
export type OperationSummary = z.infer<typeof operationSummarySchema>

export const operationSessionSchema = z.object({
  id,
  at: z.string(),
  place: z.string().nullable(),
  capacity: z.number().nullable(),
  invited: z.number(),
  attended: z.number(),
  version: z.number(),
})
export type OperationSession = z.infer<typeof operationSessionSchema>

export const operationSchema = operationSummarySchema.extend({
  profile: z.string().nullable(),
  method: z.string().nullable(),
  partners: z.string().nullable(),
  officerName: z.string().nullable(),
  sessions: z.array(operationSessionSchema),
})
export type Operation = z.infer<typeof operationSchema>

export const sessionInput = z.object({
  at,
  place: optionalText(300),
  capacity: int4('Capacité : un nombre entier.')
    .min(1, 'Capacité : au moins 1.')
    .max(10_000, '10 000 au plus.')
    .nullable()
    .default(null),
})
export const sessionUpdate = sessionInput.and(z.object({ version: versionSchema }))

/** an application: a person of the files, or an outside applicant (name and commune only) */
export const applicationInput = z
  .object({
    personId: id.nullable().default(null),
    lastName: optionalText(100),
    firstName: optionalText(100),
    communeCode: z
      .string()
      .trim()
      .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code commune INSEE : 5 caractères.')
      .nullable()
      .default(null),
    communeName: optionalText(200),
    source: z.enum(applicationSources.codes, 'Qui a envoyé la candidature ?'),
    receivedOn: calendarDate('Date de réception au format AAAA-MM-JJ.'),
  })
  .refine((a) => a.personId !== null || a.lastName !== null, {
    path: ['lastName'],
    message: 'Choisissez une personne suivie ou indiquez le nom du candidat.',
  })
export type ApplicationInput = z.output<typeof applicationInput>

/** one step of an application, with the version read */
export const applicationStep = z.discriminatedUnion(
  'step',
  [
    z.object({ step: z.literal('invite'), infoSessionId: id, version: versionSchema }),
    z.object({ step: z.literal('attendance'), attended: z.boolean('Présent : oui ou non.'), version: versionSchema }),
    z.object({
      step: z.literal('test'),
      testResult: z.enum(['passed', 'failed'], 'Résultat du test : réussi ou échoué.'),
      version: versionSchema,
    }),
    z.object({
      step: z.literal('interview'),
      interviewedOn: calendarDate('Date de l’entretien au format AAAA-MM-JJ.'),
      version: versionSchema,
    }),
    z.object({
      step: z.literal('outcome'),
      outcome: z.enum(applicationOutcomes.codes, 'Issue inconnue.'),
      /** the contract of a hire of a person of the files: it becomes a placement and the person's employment situation */
      contractKind: z.enum(contractKinds.codes, 'Type de contrat inconnu.').nullable().default(null),
      startDate: calendarDate('Date d’embauche au format AAAA-MM-JJ.').nullable().default(null),
      durationMonths: int4('Durée en mois : un nombre entier.').max(120, '120 mois au plus.').nullable().default(null),
      hoursPerWeek: z
        .number('Heures par semaine : un nombre.')
        .positive('Heures par semaine : plus de 0.')
        .max(60, '60 heures par semaine au plus.')
        .nullable()
        .default(null),
      jobTitle: optionalText(200),
      version: versionSchema,
    }),
  ],
  { error: 'Étape inconnue (invite, attendance, test, interview, outcome).' },
)
export type ApplicationStep = z.output<typeof applicationStep>

const versioned = z.object({ id, version: versionSchema })
/** invite the selected applications to a session */
export const bulkInviteInput = z.object({
  applications: z.array(versioned).min(1, 'Sélectionnez au moins une candidature.').max(1000),
})
/** mark presence at a session */
export const bulkAttendanceInput = z.object({
  applications: z
    .array(versioned.extend({ attended: z.boolean('Présent : oui ou non.') }))
    .min(1, 'Sélectionnez au moins une candidature.')
    .max(1000),
})
export const bulkResultSchema = z.object({ updated: z.number() })

export const applicationListQuery = z.object({
  stage: z.enum(funnelStages.codes).optional(),
  source: z.enum(applicationSources.codes).optional(),
  sessionId: id.optional(),
  outcome: z.enum(applicationOutcomes.codes).optional(),
  q: safeText().trim().max(100).optional(),
})

/** the applications as a file (CSV by default, or a workbook), with the list's filters */
export const applicationExportQuery = applicationListQuery.extend({ format: exportFormatSchema.default('csv') })

export const applicationSchema = z.object({
  id,
  operationId: id,
  person: z.object({ id, firstName: z.string(), lastName: z.string() }).nullable(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  local: z.boolean(),
  source: z.enum(applicationSources.codes),
  receivedOn: z.string(),
  infoSessionId: id.nullable(),
  attended: z.boolean().nullable(),
  testResult: z.enum(['passed', 'failed']).nullable(),
  interviewedOn: z.string().nullable(),
  outcome: z.enum(applicationOutcomes.codes).nullable(),
  placementId: id.nullable(),
  version: z.number(),
})
export type Application = z.infer<typeof applicationSchema>
