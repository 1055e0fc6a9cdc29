import { z } from 'zod'
import { calendarDate, cents, distinct, safeText, versionSchema } from '../primitives.ts'
import { aidDecisions, aidPurposes, aidTracks, requestStatuses } from './aids.nomenclature.ts'
import { paymentSchema } from './payments.schema.ts'

// A person's aid requests, their decision and what was paid (issue 12, docs/aids.md « Requests, decisions,
// payments »). Amounts are integer cents; the euros are written the French way only on the screens.

const id = z.uuid('Identifiant invalide.')
export const aidPersonParams = z.object({ personId: id })
export const aidRequestParams = z.object({ id })

export const ARGUMENT_MAX = 4000
export const DOCUMENT_MAX = 200
const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)

/** the documents received: labels of the fund's list, each once */
export const documentsSchema = z
  .array(text(DOCUMENT_MAX).min(1, 'Document sans nom.'), 'Liste de documents attendue.')
  .max(50, '50 documents au plus.')
  .refine(distinct, 'Un document est cité deux fois.')

export const trackSchema = z.enum(aidTracks.codes, 'Voie inconnue.')
export const purposeSchema = z.enum(aidPurposes.codes, 'Objet de l’aide inconnu.')
const positiveCents = (message: string) => cents().min(1, message)

export const aidRequestInput = z.object({
  fundId: z.uuid('Choisissez le fonds.'),
  track: trackSchema.default('ordinary'),
  purpose: purposeSchema,
  amountAskedCents: positiveCents('Montant demandé requis.'),
  argument: optionalText(ARGUMENT_MAX),
  documents: documentsSchema.default([]),
  siteId: z.uuid('Choisissez le site.'),
  /** the allowance's month: its first day */
  month: calendarDate()
    .refine((d) => d.endsWith('-01'), 'Le mois s’écrit par son premier jour (AAAA-MM-01).')
    .nullable()
    .default(null),
  projectId: id.nullable().default(null),
})
export type AidRequestInput = z.output<typeof aidRequestInput>

export const aidDocumentsInput = z.object({ documents: documentsSchema, version: versionSchema })
export const aidCancelInput = z.object({ reason: optionalText(500), version: versionSchema })
export const aidProofInput = z.object({ receivedOn: calendarDate(), version: versionSchema })

/**
 * A decision on a complete request (the officer's route, or a commission through decideRequest's commissionId):
 * granted (the amount asked unless given), partly granted (less than asked), refused (a criterion), redirected
 * (another fund: the counsellor asks there).
 */
export const aidDecisionInput = z
  .object({
    decision: z.enum(aidDecisions.codes, 'Décision inconnue.'),
    amountGrantedCents: positiveCents('Montant accordé requis.').nullable().default(null),
    refusalCriterion: optionalText(500),
    redirectedFundId: id.nullable().default(null),
    reason: optionalText(2000),
    version: versionSchema,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (v.decision === 'partly_granted' && v.amountGrantedCents === null)
      issue('amountGrantedCents', 'Indiquez le montant accordé.')
    if ((v.decision === 'refused' || v.decision === 'redirected') && v.amountGrantedCents !== null)
      issue('amountGrantedCents', 'Pas de montant pour une aide refusée ou réorientée.')
    if (v.decision === 'refused' && !v.refusalCriterion) issue('refusalCriterion', 'Indiquez le critère du refus.')
    if (v.decision !== 'refused' && v.refusalCriterion) issue('refusalCriterion', 'Critère d’un refus seulement.')
    if (v.decision === 'redirected' && !v.redirectedFundId)
      issue('redirectedFundId', 'Choisissez le fonds vers lequel réorienter.')
    if (v.decision !== 'redirected' && v.redirectedFundId)
      issue('redirectedFundId', 'Fonds d’une réorientation seulement.')
  })
export type AidDecisionInput = z.output<typeof aidDecisionInput>

export const requestStatusSchema = z.enum(requestStatuses.codes)

export const aidRequestSchema = z.object({
  id: z.string(),
  personId: z.string(),
  fundId: z.string(),
  fundCode: z.string(),
  fundName: z.string(),
  track: trackSchema,
  purpose: z.string(),
  month: z.string().nullable(),
  projectId: z.string().nullable(),
  siteId: z.string(),
  amountAskedCents: z.number().int(),
  argument: z.string().nullable(),
  documents: z.array(z.string()),
  /** the fund's documents not received yet (the request stays « submitted » until there are none) */
  missingDocuments: z.array(z.string()),
  askedOn: z.string(),
  askedAt: z.string(),
  askedBy: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: requestStatusSchema,
  statusLabel: z.string(),
  /** who decides it: an officer (emergency, or a fund decided by an officer) or a commission */
  decidedIn: z.enum(['officer', 'commission']),
  commissionId: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  amountGrantedCents: z.number().int().nullable(),
  refusalCriterion: z.string().nullable(),
  redirectedFundId: z.string().nullable(),
  decisionReason: z.string().nullable(),
  proofReceivedOn: z.string().nullable(),
  /** paid (counter-entries included) and scheduled, not yet paid */
  paidCents: z.number().int(),
  scheduledCents: z.number().int(),
  version: z.number().int(),
})
export type AidRequest = z.infer<typeof aidRequestSchema>

export const aidRequestWithPaymentsSchema = aidRequestSchema.extend({ payments: z.array(paymentSchema) })
export const aidRequestListSchema = z.array(aidRequestWithPaymentsSchema)

/** a request in the aid officer's worklist */
export const workItemSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  fundId: z.string(),
  fundCode: z.string(),
  track: trackSchema,
  purpose: z.string(),
  status: requestStatusSchema,
  amountAskedCents: z.number().int(),
  amountGrantedCents: z.number().int().nullable(),
  paidCents: z.number().int(),
  missingDocuments: z.array(z.string()),
  askedOn: z.string(),
  dueAt: z.string().nullable(),
  /** an emergency's hours left before its 48 hours are out (negative when late) */
  hoursLeft: z.number().int().nullable(),
  version: z.number().int(),
})
export const dueInstalmentSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  personId: z.string(),
  personName: z.string(),
  fundCode: z.string(),
  amountCents: z.number().int(),
  dueOn: z.string(),
})
export const worklistSchema = z.object({
  toComplete: z.array(workItemSchema),
  toDecide: z.array(workItemSchema),
  emergencies: z.array(workItemSchema),
  toPay: z.array(workItemSchema),
  instalmentsDue: z.array(dueInstalmentSchema),
  proofsAwaited: z.array(workItemSchema),
})
export type Worklist = z.infer<typeof worklistSchema>
