import { z } from 'zod'
import { calendarDate, int4, safeText, versionSchema } from '../primitives.ts'
import { id, optionalDate, optionalText, required } from './common.schema.ts'
import {
  candidateStatuses,
  contractKinds,
  followUpOutcomes,
  offerStatuses,
  refusalReasons,
} from './employment.nomenclature.ts'
import { isRomeCode } from './rome.ts'

// Offers, the people positioned on them, matching, hires and their follow-ups, and a person's job projects (issue 14,
// docs/employment/offers.md). The server validates every body with these schemas and the forms use the same ones.

export const offerParams = z.object({ id })
export const candidateParams = z.object({ id })
export const followUpParams = z.object({ id })
export const projectParams = z.object({ id })
export const employmentPersonParams = z.object({ personId: id })

export const romeCodeSchema = safeText('Code ROME attendu.')
  .trim()
  .toUpperCase()
  .refine(isRomeCode, 'Code ROME inconnu (une lettre et quatre chiffres : K2111).')
const hoursPerWeek = z
  .number('Heures par semaine : un nombre.')
  .positive('Heures par semaine : plus de 0.')
  .max(60, '60 heures par semaine au plus.')
  .nullable()
  .default(null)
const durationMonths = int4('Durée en mois : un nombre entier.')
  .min(0, 'Durée en mois : 0 ou plus.')
  .max(120, '120 mois au plus.')
  .nullable()
  .default(null)

/** the shared offer form (« fiche de prise d'offre ») */
export const offerInput = z
  .object({
    employerId: z.uuid('Choisissez l’entreprise.'),
    contactId: id.nullable().default(null),
    title: required(200, 'Intitulé du poste requis.'),
    romeCode: romeCodeSchema,
    contractKind: z.enum(contractKinds.codes, 'Type de contrat inconnu.'),
    durationMonths,
    hoursPerWeek,
    positions: int4().min(1, 'Au moins un poste.').max(10_000, '10 000 postes au plus.').default(1),
    place: optionalText(300),
    postcode: optionalText(10),
    communeCode: optionalText(10),
    communeName: optionalText(200),
    level2019: int4('Niveau : un nombre de 1 à 8.')
      .min(1, 'Niveau : un nombre de 1 à 8.')
      .max(8, 'Niveau : un nombre de 1 à 8.')
      .nullable()
      .default(null),
    drivingLicenceRequired: z.boolean('Permis requis : oui ou non.').default(false),
    experienceMonths: int4('Expérience en mois : un nombre entier.')
      .min(0, 'Expérience : 0 mois ou plus.')
      .max(600, '600 mois au plus.')
      .nullable()
      .default(null),
    requirements: optionalText(2000),
    description: optionalText(4000),
    startsOn: optionalDate('Date de début au format AAAA-MM-JJ.'),
    closesOn: optionalDate('Date limite au format AAAA-MM-JJ.'),
    /** the sites whose counsellors receive the offer (at least one) */
    siteIds: z.array(id).min(1, 'Choisissez au moins un site de diffusion.').max(100),
    status: z.enum(['draft', 'open'], 'Statut inconnu.').default('open'),
  })
  .refine((o) => o.contractKind === 'cdi' || o.durationMonths !== null, {
    path: ['durationMonths'],
    message: 'Indiquez la durée du contrat (en mois).',
  })
export type OfferInput = z.output<typeof offerInput>
export const offerUpdateInput = offerInput.and(z.object({ version: versionSchema }))
/** the statuses an offer may be moved to by hand (filled is also set by the hire of the last position) */
export const offerTransitions: Record<(typeof offerStatuses.codes)[number], (typeof offerStatuses.codes)[number][]> = {
  draft: ['open', 'cancelled'],
  open: ['filled', 'closed', 'cancelled'],
  filled: ['open', 'closed'],
  closed: ['open'],
  cancelled: [],
}
export const offerStatusInput = z.object({
  status: z.enum(offerStatuses.codes, 'Statut inconnu.'),
  version: versionSchema,
})

export const offerListQuery = z.object({
  status: z.enum(offerStatuses.codes).optional(),
  employerId: id.optional(),
  siteId: id.optional(),
  /** the offers of one job (ROME code, « k2204 » read as « K2204 »; an unknown code: 400 naming it) */
  romeCode: romeCodeSchema.optional(),
  /** a word of the title, the employer or the ROME label */
  q: safeText().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

const statusSchema = z.enum(candidateStatuses.codes)
const candidatePersonSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  siteId: id.nullable(),
  referentName: z.string().nullable(),
})
export const candidateEventSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  fromStatus: statusSchema.nullable(),
  toStatus: statusSchema,
  note: z.string().nullable(),
})
export const candidateSchema = z.object({
  id,
  offerId: id,
  person: candidatePersonSchema,
  status: statusSchema,
  refusalReason: z.enum(refusalReasons.codes).nullable(),
  note: z.string().nullable(),
  positionedByName: z.string().nullable(),
  positionedAt: z.string(),
  interviewOn: z.string().nullable(),
  placementId: id.nullable(),
  events: z.array(candidateEventSchema),
  version: z.number(),
})
export type Candidate = z.infer<typeof candidateSchema>

export const offerSummarySchema = z.object({
  id,
  employerId: id,
  employerName: z.string(),
  title: z.string(),
  romeCode: z.string().nullable(),
  contractKind: z.enum(contractKinds.codes),
  durationMonths: z.number().nullable(),
  positions: z.number(),
  communeName: z.string().nullable(),
  startsOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  status: z.enum(offerStatuses.codes),
  officerName: z.string().nullable(),
  /** candidates by status (all of them, whoever's files they are) */
  candidateCounts: z.record(z.string(), z.number()),
  createdAt: z.string(),
})
export type OfferSummary = z.infer<typeof offerSummarySchema>
export const offerListSchema = z.object({ items: z.array(offerSummarySchema) })

export const offerSchema = offerSummarySchema.extend({
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  place: z.string().nullable(),
  postcode: z.string().nullable(),
  communeCode: z.string().nullable(),
  level2019: z.number().nullable(),
  drivingLicenceRequired: z.boolean(),
  experienceMonths: z.number().nullable(),
  requirements: z.string().nullable(),
  description: z.string().nullable(),
  siteIds: z.array(id),
  /** the candidates the reader may see: all of them for the department, the counsellor's own files' otherwise */
  candidates: z.array(candidateSchema),
  /** candidates the reader does not see (other counsellors' files) */
  otherCandidates: z.number(),
  version: z.number(),
})
export type Offer = z.infer<typeof offerSchema>

/** a person matching an offer, with why (docs/employment/offers.md « Matching ») */
export const matchSchema = z.object({
  person: candidatePersonSchema,
  score: z.number(),
  /** the project that matched: its ROME code and label */
  projectRomeCode: z.string().nullable(),
  /** French reasons shown beside the score: « Projet K2111 », « Même commune », « Permis B »… */
  reasons: z.array(z.string()),
  /** what does not fit (shown, not filtered): « Niveau 3 < 4 demandé »… */
  warnings: z.array(z.string()),
  communeName: z.string().nullable(),
  alreadyPositioned: z.boolean(),
})
export type Match = z.infer<typeof matchSchema>
export const matchListSchema = z.object({ items: z.array(matchSchema) })

export const positionInput = z.object({
  personId: z.uuid('Choisissez la personne.'),
  note: optionalText(2000),
})
export type PositionInput = z.output<typeof positionInput>

export const candidateStatusInput = z
  .object({
    status: z.enum(['sent', 'interview', 'refused', 'withdrawn'], 'Statut inconnu.'),
    refusalReason: z.enum(refusalReasons.codes, 'Motif inconnu.').nullable().default(null),
    interviewOn: optionalDate('Date d’entretien au format AAAA-MM-JJ.'),
    note: optionalText(2000),
    version: versionSchema,
  })
  .refine((c) => c.status !== 'refused' || c.refusalReason !== null, {
    path: ['refusalReason'],
    message: 'Indiquez le motif.',
  })
  .refine((c) => c.status !== 'interview' || c.interviewOn !== null, {
    path: ['interviewOn'],
    message: 'Indiquez la date de l’entretien.',
  })
export type CandidateStatusInput = z.output<typeof candidateStatusInput>

/** the hire: the contract the person signed (the offer's by default) */
export const hireInput = z
  .object({
    startDate: calendarDate('Date d’embauche requise.'),
    contractKind: z.enum(contractKinds.codes, 'Type de contrat inconnu.'),
    durationMonths,
    hoursPerWeek,
    version: versionSchema,
  })
  .refine((h) => h.contractKind === 'cdi' || h.durationMonths !== null, {
    path: ['durationMonths'],
    message: 'Indiquez la durée du contrat (en mois).',
  })
export type HireInput = z.output<typeof hireInput>

export const followUpSchema = z.object({
  id,
  placementId: id,
  milestoneMonths: z.number(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  outcome: z.enum(followUpOutcomes.codes).nullable(),
  note: z.string().nullable(),
  version: z.number(),
})
export const placementSchema = z.object({
  id,
  person: candidatePersonSchema,
  employerId: id,
  employerName: z.string(),
  offerId: id.nullable(),
  contractKind: z.enum(contractKinds.codes),
  jobTitle: z.string().nullable(),
  startDate: z.string(),
  durationMonths: z.number().nullable(),
  hoursPerWeek: z.number().nullable(),
  situationId: id.nullable(),
  officerName: z.string().nullable(),
  followUps: z.array(followUpSchema),
  version: z.number(),
})
export type Placement = z.infer<typeof placementSchema>
export const placementParams = z.object({ id })
export const placementListSchema = z.object({ items: z.array(placementSchema) })

export const followUpInput = z.object({
  doneOn: calendarDate('Date du suivi requise.'),
  outcome: z.enum(followUpOutcomes.codes, 'Résultat du suivi inconnu.'),
  note: optionalText(2000),
  version: versionSchema,
})
export type FollowUpInput = z.output<typeof followUpInput>
export const followUpListQuery = z.object({
  /**
   * overdue: due before today and not done; alerts: not done and due within 7 days or overdue (the worklist's);
   * upcoming: not done and due within 30 days (overdue ones included); all: done or not
   */
  when: z.enum(['overdue', 'alerts', 'upcoming', 'all'], 'Filtre inconnu.').default('overdue'),
})
export const followUpItemSchema = followUpSchema.extend({ placement: placementSchema.omit({ followUps: true }) })
export const followUpListSchema = z.object({ items: z.array(followUpItemSchema) })

export const jobProjectInput = z.object({
  romeCode: romeCodeSchema,
  label: optionalText(200),
  maxDistanceKm: int4('Distance en km : un nombre entier.')
    .min(0, 'Distance : 0 km ou plus.')
    .max(1000, '1 000 km au plus.')
    .nullable()
    .default(null),
  availableFrom: optionalDate('Date de disponibilité au format AAAA-MM-JJ.'),
})
export type JobProjectInput = z.output<typeof jobProjectInput>
export const jobProjectUpdateInput = jobProjectInput.extend({
  active: z.boolean('Actif : oui ou non.'),
  version: versionSchema,
})
export const jobProjectSchema = z.object({
  id,
  romeCode: z.string(),
  label: z.string().nullable(),
  maxDistanceKm: z.number().nullable(),
  availableFrom: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
})

export const jobProjectListSchema = z.object({ items: z.array(jobProjectSchema) })
/** a candidacy with its offer (the person's tab, the worklist) */
export const candidacySchema = candidateSchema.extend({ offer: offerSummarySchema })
export type Candidacy = z.infer<typeof candidacySchema>

/** the person file's « Emploi » tab */
export const personEmploymentSchema = z.object({
  projects: z.array(jobProjectSchema),
  candidates: z.array(candidacySchema),
  placements: z.array(placementSchema),
})
export type PersonEmployment = z.infer<typeof personEmploymentSchema>

/** the employment officer's home (docs/employment/screens.md) */
export const employmentWorklistSchema = z.object({
  openOffers: z.array(offerSummarySchema),
  /** sent to the employer or at interview for 7 days or more without an answer */
  candidatesToFollow: z.array(candidacySchema),
  followUpsDue: z.array(followUpItemSchema),
  operationsRunning: z.array(
    z.object({ id, title: z.string(), employerName: z.string(), positions: z.number(), hired: z.number() }),
  ),
})
export type EmploymentWorklist = z.infer<typeof employmentWorklistSchema>
