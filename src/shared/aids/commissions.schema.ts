import { z } from 'zod'
import { requiredDate } from '../persons/fields.ts'
import { calendarDate, cents, safeText, versionSchema } from '../primitives.ts'
import { aidDecisionInput, requestStatusSchema, trackSchema } from './requests.schema.ts'

// The aid commissions and the reinforced aid's contract (issue 12, docs/aids.md « Commissions and the reinforced
// aid »): a commission of a fund on a date, who sat, its agenda (the complete requests it decides), a decision with its
// reason per request, then held; the contract of a granted reinforced aid, its monthly instalments, its signature.

const id = z.uuid('Identifiant invalide.')
export const commissionParams = z.object({ id })
export const commissionCaseParams = z.object({ id, requestId: id })
export const contractRequestParams = z.object({ id })

export const MAX_MEMBERS = 40
export const MAX_CASES = 80

const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)

export const commissionInput = z.object({
  fundId: z.uuid('Choisissez le fonds.'),
  date: requiredDate('Date au format AAAA-MM-JJ.', 'Date de la commission requise.'),
  note: optionalText(1000),
  /** put on the agenda every complete request waiting for this fund's commission (true unless told) */
  fromPending: z.boolean('Oui ou non.').default(true),
})
export type CommissionInput = z.input<typeof commissionInput>

export const commissionListQuery = z
  .object({
    from: calendarDate('Date de début au format AAAA-MM-JJ.').optional(),
    to: calendarDate('Date de fin au format AAAA-MM-JJ.').optional(),
    fundId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La date de fin précède la date de début.' })
  })

/** A member: a user of the structure (userId), or someone from outside named as written (name). */
export const memberInput = z
  .object({
    userId: id.nullable().default(null),
    name: text(120).nullable().default(null),
    organisation: text(120).nullable().default(null),
    present: z.boolean('Présent : oui ou non.').default(true),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && !v.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Choisissez un utilisateur ou indiquez un nom.' })
  })
export const membersInput = z.object({
  members: z.array(memberInput, 'Liste de membres attendue.').max(MAX_MEMBERS, `Au plus ${MAX_MEMBERS} membres.`),
  version: versionSchema,
})
export type MembersInput = z.input<typeof membersInput>

export const caseInput = z.object({ requestId: z.uuid('Choisissez la demande.') })

/** A commission's decision: the officer's decision (requests.schema.ts), its reason required. */
export const commissionDecisionInput = aidDecisionInput.superRefine((v, ctx) => {
  if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez le motif de la décision.' })
})
export type CommissionDecisionInput = z.input<typeof commissionDecisionInput>

export const heldInput = z.object({ version: versionSchema })

export const memberSchema = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  present: z.boolean(),
})

/** A request on the agenda, with its decision once taken (the request's version: the one a decision names) */
export const commissionCaseSchema = z.object({
  requestId: z.string(),
  personId: z.string(),
  personName: z.string(),
  birthDate: z.string(),
  track: trackSchema,
  purpose: z.string(),
  amountAskedCents: z.number().int(),
  argument: z.string().nullable(),
  askedOn: z.string(),
  status: requestStatusSchema,
  amountGrantedCents: z.number().int().nullable(),
  refusalCriterion: z.string().nullable(),
  redirectedFundId: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
})
export type CommissionCase = z.infer<typeof commissionCaseSchema>

export const commissionSummarySchema = z.object({
  id: z.string(),
  fundId: z.string(),
  fundCode: z.string(),
  fundName: z.string(),
  date: z.string(),
  status: z.enum(['planned', 'held']),
  note: z.string().nullable(),
  cases: z.number().int(),
  decided: z.number().int(),
  version: z.number().int(),
})
export const commissionListSchema = z.object({ items: z.array(commissionSummarySchema), truncated: z.boolean() })

export const commissionSchema = commissionSummarySchema.extend({
  members: z.array(memberSchema),
  agenda: z.array(commissionCaseSchema),
})
export type Commission = z.infer<typeof commissionSchema>

/** The requests a commission could take: complete, of its fund, decided by commission or on the reinforced track. */
export const candidateListSchema = z.array(commissionCaseSchema)

// The reinforced aid's contract -------------------------------------------------------------------------------------

export const CONTRACT_MONTHS_MAX = 24

export const contractInput = z.object({
  startsOn: requiredDate('Date au format AAAA-MM-JJ.', 'Date de début requise.'),
  months: z
    .number('Nombre de mois requis.')
    .int('Nombre de mois entier attendu.')
    .min(1, 'Au moins un mois.')
    .max(CONTRACT_MONTHS_MAX, `Au plus ${CONTRACT_MONTHS_MAX} mois.`),
  monthlyCents: cents('Montant mensuel requis.').min(1, 'Montant mensuel requis.'),
  commitments: text(4000).min(1, 'Indiquez les engagements du jeune.'),
})
export type ContractInput = z.input<typeof contractInput>

export const contractSignInput = z.object({ signedOn: calendarDate(), version: versionSchema })

export const instalmentSchema = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  dueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  /** cancelled by a counter-entry */
  cancelled: z.boolean(),
})

export const contractSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  personId: z.string(),
  startsOn: z.string(),
  months: z.number().int(),
  monthlyCents: z.number().int(),
  totalCents: z.number().int(),
  amountGrantedCents: z.number().int(),
  commitments: z.string(),
  signedOn: z.string().nullable(),
  instalments: z.array(instalmentSchema),
  version: z.number().int(),
})
export type Contract = z.infer<typeof contractSchema>
