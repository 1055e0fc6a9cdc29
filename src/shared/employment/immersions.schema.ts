import { z } from 'zod'
import { addDays, addMonths } from '../dates.ts'
import { calendarDate, distinct, int4, versionSchema } from '../primitives.ts'
import { id, optionalText, required } from './common.schema.ts'
import { immersionObjectives, immersionOutcomes, immersionStatuses } from './employment.nomenclature.ts'
import { romeCodeSchema } from './offers.schema.ts'

// Work immersions (PMSMP, « période de mise en situation en milieu professionnel ») and their programmes' modules
// (issue 14, docs/employment/immersions.md). The agreement's fields follow the official form (Cerfa 13912): the
// beneficiary, the host establishment and its tutor, the place, dates and hours, the activities and the skills to
// observe, the one objective, the prescriber (the structure). The server validates every body with these schemas and
// the forms use the same ones.

export const immersionParams = z.object({ id })
export const programmeParams = z.object({ id })

/** A PMSMP lasts one month at most, continuous or not (Code du travail, D. 5135-2): the last day is the eve of +1 month. */
export const lastDayAllowed = (startsOn: string) => addDays(addMonths(startsOn, 1), -1)
/** With the same host, an immersion may be renewed once: two live agreements within 12 months, no third. */
export const MAX_WITH_SAME_HOST = 2

const agreementFields = {
  employerId: z.uuid('Choisissez l’entreprise d’accueil.'),
  objective: z.enum(immersionObjectives.codes, 'Choisissez l’objectif de l’immersion.'),
  jobTitle: required(200, 'Indiquez le métier ou le poste observé.'),
  romeCode: romeCodeSchema.nullable().default(null),
  activities: optionalText(2000),
  skillsObserved: optionalText(2000),
  place: optionalText(300),
  tutorName: required(200, 'Indiquez le nom du tuteur.'),
  tutorJobTitle: optionalText(200),
  tutorPhone: optionalText(30),
  tutorEmail: optionalText(254).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    message: 'Adresse électronique invalide.',
  }),
  startsOn: calendarDate('Date de début au format AAAA-MM-JJ.'),
  endsOn: calendarDate('Date de fin au format AAAA-MM-JJ.'),
  hoursPerWeek: z
    .number('Heures par semaine : un nombre.')
    .positive('Heures par semaine : plus de 0.')
    .max(48, '48 heures par semaine au plus.')
    .nullable()
    .default(null),
  schedule: optionalText(500),
  programmeId: id.nullable().default(null),
  moduleNumber: int4('Module : un nombre entier.')
    .min(1, 'Module : de 1 à 20.')
    .max(20, 'Module : de 1 à 20.')
    .nullable()
    .default(null),
  poolId: id.nullable().default(null),
}

type Agreement = { startsOn: string; endsOn: string; programmeId: string | null; moduleNumber: number | null }
const agreementRules = <T extends z.ZodType<Agreement>>(schema: T) =>
  schema
    .refine((i) => i.endsOn >= i.startsOn, {
      path: ['endsOn'],
      message: 'La fin ne peut pas précéder le début.',
    })
    .refine((i) => i.endsOn < i.startsOn || i.endsOn <= lastDayAllowed(i.startsOn), {
      path: ['endsOn'],
      message: 'Une immersion dure un mois au plus (continue ou discontinue).',
    })
    .refine((i) => (i.programmeId === null) === (i.moduleNumber === null), {
      path: ['moduleNumber'],
      message: 'Un programme se choisit avec son module.',
    })

/** the counsellor prepares the agreement for one of their people */
export const immersionInput = agreementRules(
  z.object({ personId: z.uuid('Choisissez la personne.'), ...agreementFields }),
)
export type ImmersionInput = z.output<typeof immersionInput>
/** the agreement changed while it is a draft (every field but the person) */
export const immersionUpdateInput = agreementRules(z.object({ ...agreementFields, version: versionSchema }))
export type ImmersionUpdateInput = z.output<typeof immersionUpdateInput>

export const signInput = z.object({
  signedOn: calendarDate('Date de signature au format AAAA-MM-JJ.'),
  version: versionSchema,
})
export const assessmentInput = z.object({
  validated: z.boolean('Indiquez si l’immersion est validée.'),
  assessment: required(4000, 'Indiquez l’évaluation du tuteur.'),
  skillsObserved: optionalText(2000),
  version: versionSchema,
})
export const completeInput = z.object({ version: versionSchema })
export const cancelInput = z.object({ reason: optionalText(500), version: versionSchema })
export const outcomeInput = z
  .object({
    outcome: z.enum(immersionOutcomes.codes, 'Choisissez la suite donnée.'),
    placementId: id.nullable().default(null),
    version: versionSchema,
  })
  .refine((o) => o.outcome === 'contract' || o.placementId === null, {
    path: ['placementId'],
    message: 'Seul un contrat de travail se relie à une embauche.',
  })

export const immersionListQuery = z.object({
  status: z.enum(immersionStatuses.codes).optional(),
  programmeId: id.optional(),
  moduleNumber: z.coerce.number().int().min(1).max(20).optional(),
  personId: id.optional(),
  employerId: id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
})

export const immersionSchema = z.object({
  id,
  person: z.object({ id, firstName: z.string(), lastName: z.string(), birthDate: z.string().nullable() }),
  employer: z.object({
    id,
    name: z.string(),
    siret: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    communeName: z.string().nullable(),
  }),
  programme: z.object({ id, name: z.string() }).nullable(),
  moduleNumber: z.number().nullable(),
  moduleLabel: z.string().nullable(),
  poolId: id.nullable(),
  objective: z.enum(immersionObjectives.codes),
  jobTitle: z.string(),
  romeCode: z.string().nullable(),
  activities: z.string().nullable(),
  skillsObserved: z.string().nullable(),
  place: z.string().nullable(),
  tutorName: z.string(),
  tutorJobTitle: z.string().nullable(),
  tutorPhone: z.string().nullable(),
  tutorEmail: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  hoursPerWeek: z.number().nullable(),
  schedule: z.string().nullable(),
  prescriber: z.object({ id, name: z.string() }).nullable(),
  status: z.enum(immersionStatuses.codes),
  signedOn: z.string().nullable(),
  validated: z.boolean().nullable(),
  assessment: z.string().nullable(),
  outcome: z.enum(immersionOutcomes.codes).nullable(),
  placementId: id.nullable(),
  createdAt: z.string(),
  version: z.number(),
})
export type Immersion = z.infer<typeof immersionSchema>
export const immersionListSchema = z.array(immersionSchema)

// Programmes ------------------------------------------------------------------------------------------------------

const moduleInput = z.object({
  number: int4('Numéro de module : un nombre entier.').min(1, 'Module : de 1 à 20.').max(20, 'Module : de 1 à 20.'),
  label: required(200, 'Indiquez l’intitulé du module.'),
  objective: z.enum(immersionObjectives.codes, 'Choisissez l’objectif du module.'),
})
export const programmeInput = z.object({
  name: required(200, 'Indiquez le nom du programme.'),
  active: z.boolean().default(true),
  modules: z
    .array(moduleInput)
    .min(1, 'Au moins un module.')
    .max(20, '20 modules au plus.')
    .refine((ms) => distinct(ms.map((m) => m.number)), 'Deux modules portent le même numéro.'),
})
export type ProgrammeInput = z.output<typeof programmeInput>
export const programmeUpdateInput = programmeInput.extend({ version: versionSchema })

export const moduleFiguresSchema = z.object({
  number: z.number(),
  label: z.string(),
  objective: z.enum(immersionObjectives.codes),
  /** people with a live (not cancelled) immersion in the module */
  people: z.number(),
  immersions: z.number(),
  /** people with a validated immersion in the module */
  validated: z.number(),
  /** validated people / people (null with nobody) */
  rate: z.number().nullable(),
  contracts: z.number(),
})
export const programmeSchema = z.object({
  id,
  name: z.string(),
  active: z.boolean(),
  version: z.number(),
  modules: z.array(moduleFiguresSchema),
  people: z.number(),
})
export type Programme = z.infer<typeof programmeSchema>
export type ModuleFigures = z.infer<typeof moduleFiguresSchema>
export const programmeListSchema = z.array(programmeSchema)
