import { z } from 'zod'
import { codeList } from '../nomenclatures/code-list.ts'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'
import { id, optionalDate, optionalText, text } from './common.schema.ts'
import { poolKinds } from './employment.nomenclature.ts'

// Candidate pools (issue 14, docs/employment/pools.md): an apprenticeship-promotion programme, a home-care pool… with
// its eligibility criteria, its information sessions and its members' stages (positioned, informed, interviewed,
// joined, employed, left). The server validates every body with these schemas and the forms use the same ones.

export const poolParams = z.object({ id })
export const poolSessionParams = z.object({ id, sessionId: id })
export const poolMemberParams = z.object({ id })

/** why a member left the pool (pool_member.left_reason); « employed » counts as employed in the figures */
export const poolLeftReasons = codeList({
  employed: 'En emploi',
  training: 'Entrée en formation',
  dropped: 'Abandon',
  other: 'Autre motif',
})

/** the stages of a pool member, in order, as the figures count them */
export const poolStages = codeList({
  positioned: 'Positionnés',
  informed: 'Informés',
  interviewed: 'Entretiens',
  joined: 'Entrés dans le vivier',
  employed: 'En emploi',
})

export const poolInput = z
  .object({
    name: text(200).min(1, 'Nom du vivier requis.'),
    kind: z.enum(poolKinds.codes, 'Type de vivier inconnu.'),
    sector: optionalText(200),
    eligibility: optionalText(4000),
    startsOn: calendarDate('Date de début au format AAAA-MM-JJ.'),
    endsOn: optionalDate('Date de fin au format AAAA-MM-JJ.'),
    active: z.boolean('Actif : oui ou non.').default(true),
  })
  .refine((p) => p.endsOn === null || p.endsOn >= p.startsOn, {
    path: ['endsOn'],
    message: 'La fin ne peut précéder le début.',
  })
export type PoolInput = z.output<typeof poolInput>
export const poolUpdate = poolInput.and(z.object({ version: versionSchema }))
export const poolListQuery = z.object({
  kind: z.enum(poolKinds.codes).optional(),
  active: z.enum(['true', 'false']).optional(),
})

export const poolFiguresSchema = z.object({
  positioned: z.number(),
  informed: z.number(),
  interviewed: z.number(),
  joined: z.number(),
  employed: z.number(),
  left: z.number(),
})
export type PoolFigures = z.infer<typeof poolFiguresSchema>

export const poolSummarySchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(poolKinds.codes),
  sector: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  figures: poolFiguresSchema,
})
export type PoolSummary = z.infer<typeof poolSummarySchema>

export const poolSessionSchema = z.object({
  id,
  at: z.string(),
  place: z.string().nullable(),
  members: z.number(),
  version: z.number(),
})
export type PoolSession = z.infer<typeof poolSessionSchema>

export const poolSchema = poolSummarySchema.extend({
  eligibility: z.string().nullable(),
  officerName: z.string().nullable(),
  sessions: z.array(poolSessionSchema),
})
export type Pool = z.infer<typeof poolSchema>

export const poolSessionInput = z.object({
  at: z.iso.datetime({ offset: true, message: 'Date et heure attendues.' }),
  place: optionalText(300),
})
export const poolSessionUpdate = poolSessionInput.and(z.object({ version: versionSchema }))

export const memberInput = z.object({
  personId: z.uuid('Choisissez une personne.'),
  positionedOn: calendarDate('Date de positionnement au format AAAA-MM-JJ.'),
  infoSessionId: id.nullable().default(null),
})
export type MemberInput = z.output<typeof memberInput>

/** the member's stages, all at once, with the version read */
export const memberUpdate = z
  .object({
    infoSessionId: id.nullable().default(null),
    interviewedOn: optionalDate('Date de l’entretien au format AAAA-MM-JJ.'),
    joinedOn: optionalDate('Date d’entrée au format AAAA-MM-JJ.'),
    leftOn: optionalDate('Date de sortie au format AAAA-MM-JJ.'),
    leftReason: z.enum(poolLeftReasons.codes, 'Motif de sortie inconnu.').nullable().default(null),
    version: versionSchema,
  })
  .refine((m) => (m.leftOn === null) === (m.leftReason === null), {
    path: ['leftReason'],
    message: 'Une sortie a une date et un motif.',
  })
export type MemberUpdate = z.output<typeof memberUpdate>

export const memberListQuery = z.object({
  stage: z.enum(poolStages.codes).optional(),
  q: safeText().trim().max(100).optional(),
})

export const memberSchema = z.object({
  id,
  poolId: id,
  person: z.object({ id, firstName: z.string(), lastName: z.string() }),
  positionedOn: z.string(),
  positionedByName: z.string().nullable(),
  infoSessionId: id.nullable(),
  interviewedOn: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leftReason: z.enum(poolLeftReasons.codes).nullable(),
  /** a hire made through the pool (placement.pool_id), or left for a job */
  employed: z.boolean(),
  version: z.number(),
})
export type Member = z.infer<typeof memberSchema>
