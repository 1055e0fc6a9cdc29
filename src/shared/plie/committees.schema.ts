import { z } from 'zod'
import { requiredChoice, requiredDate } from '../persons/fields.ts'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'
import { caseKinds, committeeDecisions } from './plie.nomenclature.ts'

// Contracts of the PLIE committees (docs/plie.md, « Entry »): a site's committee on a date, who sat, its agenda of
// cases (an entry: a proposal; a review: an open pathway), a decision and a minute per case, then closed (held).

const id = z.uuid('Identifiant invalide.')
export const committeeParams = z.object({ id })
export const committeeCaseParams = z.object({ id, caseId: id })

export const MAX_MEMBERS = 40
export const MAX_CASES = 60

const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)

export const committeeInput = z.object({
  siteId: z.uuid('Choisissez le site du comité.'),
  date: requiredDate('Date au format AAAA-MM-JJ.', 'Date du comité requise.'),
  note: text(1000).nullable().default(null),
})
export type CommitteeInput = z.input<typeof committeeInput>

export const committeeListQuery = z
  .object({
    from: calendarDate('Date de début au format AAAA-MM-JJ.').optional(),
    to: calendarDate('Date de fin au format AAAA-MM-JJ.').optional(),
    siteId: id.optional(),
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
  members: z.array(memberInput).max(MAX_MEMBERS, `Au plus ${MAX_MEMBERS} membres.`),
  version: versionSchema,
})
export type MembersInput = z.input<typeof membersInput>

/** An entry case from a proposal, or a review case of an open pathway: exactly one of the two. */
export const caseInput = z.object({ proposalId: id.optional(), enrolmentId: id.optional() }).superRefine((v, ctx) => {
  if (!!v.proposalId === !!v.enrolmentId)
    ctx.addIssue({
      code: 'custom',
      path: ['proposalId'],
      message: 'Indiquez une proposition (entrée) ou un parcours (point de parcours), l’un ou l’autre.',
    })
})
export type CaseInput = z.input<typeof caseInput>

export const decisionSchema = requiredChoice(committeeDecisions.codes, 'Choisissez la décision.', 'Décision inconnue.')
export const decisionInput = z
  .object({
    decision: decisionSchema,
    refusalReason: text(500).nullable().default(null),
    minute: text(2000).min(1, 'Rédigez le relevé de décision.'),
    /** the referent an accepted entry gets */
    referentId: id.nullable().default(null),
    version: versionSchema,
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refused' && !v.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Indiquez le motif du refus.' })
    if (v.decision !== 'refused' && v.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Un motif de refus ne va qu’avec un refus.' })
  })
export type DecisionInput = z.input<typeof decisionInput>

export const heldInput = z.object({ version: versionSchema })

export const memberSchema = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  present: z.boolean(),
})

export const caseSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  kind: z.enum(caseKinds.codes),
  proposalId: z.string().nullable(),
  enrolmentId: z.string().nullable(),
  /** the proposal's motivation (entry), or the pathway's entry date (review) */
  motivation: z.string().nullable(),
  pathwayEntryDate: z.string().nullable(),
  decision: z.enum(committeeDecisions.codes).nullable(),
  refusalReason: z.string().nullable(),
  minute: z.string().nullable(),
  referentId: z.string().nullable(),
  referentName: z.string().nullable(),
  version: z.number().int(),
})
export type CommitteeCase = z.infer<typeof caseSchema>

export const committeeSummarySchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  date: z.string(),
  status: z.enum(['planned', 'held']),
  note: z.string().nullable(),
  cases: z.number().int(),
  decided: z.number().int(),
  version: z.number().int(),
})
export const committeeListSchema = z.object({ items: z.array(committeeSummarySchema), truncated: z.boolean() })

/** A committee with its agenda: members, then cases in order. */
export const committeeSchema = committeeSummarySchema.extend({
  members: z.array(memberSchema),
  agenda: z.array(caseSchema),
})
export type Committee = z.infer<typeof committeeSchema>
