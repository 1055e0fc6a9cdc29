import { z } from 'zod'
import { safeText, versionSchema } from '../primitives.ts'
import { eligibilitySchema } from './eligibility.ts'
import { proposalStatuses } from './plie.nomenclature.ts'

// Contracts of the PLIE proposals (docs/plie.md, « Entry »): a counsellor proposes a person for a pathway, Jalon checks
// the eligibility on the day and keeps it with the proposal; the site's committee decides.

const id = z.uuid('Identifiant invalide.')
export const personParams = z.object({ personId: id })
export const proposalParams = z.object({ id })

export const MOTIVATION_MAX = 2000

export const proposalInput = z
  .object({
    siteId: z.uuid('Choisissez le site dont le comité examinera la proposition.'),
    motivation: safeText('Texte attendu.')
      .trim()
      .max(MOTIVATION_MAX, `${MOTIVATION_MAX} caractères au plus.`)
      .nullable()
      .default(null),
    /** propose a person the rules find ineligible: the committee decides; a motivation is then required */
    override: z.boolean('Oui ou non.').default(false),
  })
  .superRefine((v, ctx) => {
    if (v.override && !v.motivation)
      ctx.addIssue({
        code: 'custom',
        path: ['motivation'],
        message: 'Motivez la proposition d’une personne qui ne remplit pas les règles d’éligibilité.',
      })
  })
export type ProposalInput = z.input<typeof proposalInput>

export const withdrawInput = z.object({ version: versionSchema })

export const proposalStatusSchema = z.enum(proposalStatuses.codes, 'Statut de proposition inconnu.')
export const proposalListQuery = z.object({
  status: proposalStatusSchema.optional(),
  siteId: id.optional(),
})

export const proposalSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  proposedOn: z.string(),
  proposedById: z.string().nullable(),
  proposedByName: z.string().nullable(),
  motivation: z.string().nullable(),
  status: proposalStatusSchema,
  /** the eligibility found on the proposal's day */
  eligibility: eligibilitySchema,
  /** proposed although the rules found the person ineligible (the committee decides) */
  overridden: z.boolean(),
  /** the committee whose agenda holds it, undecided; null: not on an agenda */
  committeeId: z.string().nullable(),
  version: z.number().int(),
})
export type Proposal = z.infer<typeof proposalSchema>

/** The answer to a proposal: the proposal, and a word for the user when it goes against the rules. */
export const proposalCreatedSchema = proposalSchema.extend({ notice: z.string().nullable() })
export const proposalListSchema = z.object({ items: z.array(proposalSchema), truncated: z.boolean() })

/** GET /api/persons/:personId/plie/eligibility: the check on today. */
export const eligibilityViewSchema = eligibilitySchema.extend({
  /** the reader may not see RSA and RQTH: those publics answer false and the eligibility may be understated */
  sensitiveHidden: z.boolean(),
})
