import { z } from 'zod'
import { calendarDate, cents, distinct, int4, safeText, versionSchema } from '../primitives.ts'
import { profCofunderKinds, profContractKinds, profPlanStatuses } from './training.nomenclature.ts'

// The professionalisation fund (issue 13, docs/training/fund.md): yearly envelopes, the
// training plans of employees in subsidised contracts with their co-funders, the fund committee's decision, the
// envelope's consumption and the cost per hour. Amounts are integer cents.

const id = z.uuid('Identifiant invalide.')
export const planParams = z.object({ id })
export const envelopeParams = z.object({ id })
export const fundYearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) })
/** DELETE of an envelope names the version read (`?version=`) */
export const fundVersionQuery = z.object({
  version: z.coerce.number('Version requise.').pipe(versionSchema),
})

const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)

export const envelopeInput = z.object({
  year: z.number('Année requise.').int().min(1990, 'Année invalide.').max(2100, 'Année invalide.'),
  funder: text(200).min(1, 'Financeur requis.'),
  allocatedCents: cents('Montant de l’enveloppe requis.'),
})
export const envelopeUpdate = envelopeInput.extend({ version: versionSchema })
export const envelopeSchema = z.object({
  id,
  year: z.number(),
  funder: z.string(),
  allocatedCents: z.number(),
  version: z.number(),
})

export const cofundingInput = z.object({
  cofunder: text(200).min(1, 'Nom du cofinanceur requis.'),
  kind: z.enum(profCofunderKinds.codes, 'Type de cofinanceur inconnu.'),
  amountCents: cents('Montant du cofinancement requis.'),
})

export const planInput = z
  .object({
    personId: id,
    employerName: text(200).min(1, 'Employeur requis.'),
    employerSiret: safeText()
      .trim()
      .regex(/^[0-9]{14}$/, 'Le SIRET compte 14 chiffres.')
      .nullable()
      .default(null),
    contractKind: z.enum(profContractKinds.codes, 'Contrat inconnu.'),
    contractStart: calendarDate().nullable().default(null),
    contractEnd: calendarDate().nullable().default(null),
    trainingTitle: text(300).min(1, 'Intitulé de la formation requis.'),
    bodyId: id.nullable().default(null),
    bodyName: optionalText(200),
    hours: int4().min(1, 'Nombre d’heures requis.').max(10_000, '10 000 heures au plus.'),
    totalCostCents: cents('Coût total requis.'),
    fundCents: cents('Part du fonds requise.'),
    cofunding: z
      .array(cofundingInput)
      .max(20, '20 cofinanceurs au plus.')
      .refine((l) => distinct(l.map((c) => c.cofunder.toLowerCase())), 'Un cofinanceur est cité deux fois.')
      .default([]),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (p.contractStart && p.contractEnd && p.contractEnd < p.contractStart)
      issue('contractEnd', 'La fin du contrat précède son début.')
    const shares = p.fundCents + p.cofunding.reduce((s, c) => s + c.amountCents, 0)
    if (shares > p.totalCostCents) issue('fundCents', 'Le fonds et les cofinanceurs dépassent le coût total.')
    if (!p.bodyId && !p.bodyName) issue('bodyName', 'Indiquez l’organisme de formation.')
  })
export type PlanInput = z.output<typeof planInput>
export const planUpdate = z.intersection(planInput, z.object({ version: versionSchema }))

/** the fund committee's decision on a plan */
export const planDecisionInput = z
  .object({
    decision: z.enum(['validated', 'refused'], 'Décision inconnue.'),
    committeeDate: calendarDate('Date du comité requise.'),
    note: optionalText(2000),
    version: versionSchema,
  })
  .refine((d) => d.decision === 'validated' || d.note !== null, {
    path: ['note'],
    message: 'Indiquez le motif du refus.',
  })
export const planReimbursementInput = z.object({ reimbursedCents: cents(), version: versionSchema })
export const planCancelInput = z.object({ reason: optionalText(500), version: versionSchema })

export const planSchema = z.object({
  id,
  personId: id,
  personName: z.string(),
  employerName: z.string(),
  employerSiret: z.string().nullable(),
  contractKind: z.enum(profContractKinds.codes),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  trainingTitle: z.string(),
  bodyId: id.nullable(),
  bodyName: z.string().nullable(),
  hours: z.number(),
  totalCostCents: z.number(),
  fundCents: z.number(),
  cofunding: z.array(
    z.object({ cofunder: z.string(), kind: z.enum(profCofunderKinds.codes), amountCents: z.number() }),
  ),
  /** fund ÷ hours, in cents (rounded) */
  costPerHourCents: z.number(),
  status: z.enum(profPlanStatuses.codes),
  committeeDate: z.string().nullable(),
  decisionNote: z.string().nullable(),
  reimbursedCents: z.number().nullable(),
  version: z.number(),
})
export type ProfPlan = z.infer<typeof planSchema>
export const planListSchema = z.array(planSchema)
export const planListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(profPlanStatuses.codes).optional(),
  personId: id.optional(),
})

/** a year of the fund: the envelope, what validated plans commit, what is left, hours, cost per hour */
export const fundYearSchema = z.object({
  year: z.number(),
  envelopes: z.array(envelopeSchema),
  allocatedCents: z.number(),
  committedCents: z.number(),
  remainingCents: z.number(),
  reimbursedCents: z.number(),
  plansValidated: z.number(),
  plansSubmitted: z.number(),
  employees: z.number(),
  hours: z.number(),
  /** committed ÷ hours, in cents (rounded); null without hours */
  costPerHourCents: z.number().nullable(),
  cofundingCents: z.number(),
  cofunders: z.number(),
})
export type FundYear = z.infer<typeof fundYearSchema>
