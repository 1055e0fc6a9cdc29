import { z } from 'zod'
import { exitReasonSchema, situationKindSchema } from '../accompaniment/situations.schema.ts'
import { distinct, safeText, versionSchema } from '../primitives.ts'
import { organisationKinds, stepKinds } from './plie.nomenclature.ts'

// The PLIE's host organisations and partners, its member communes, and what a partner account sees (issue 11,
// docs/plie.md « The pathway »).

export const organisationParams = z.object({ id: z.uuid('Identifiant invalide.') })
export const organisationKindSchema = z.enum(organisationKinds.codes, 'Type de structure inconnu.')

export const organisationSchema = z.object({
  id: z.string(),
  kind: organisationKindSchema,
  kindLabel: z.string(),
  name: z.string(),
  agreement: z.string().nullable(),
  places: z.number().int().nullable(),
  active: z.boolean(),
  /** steps it hosts (all time) */
  stepsHosted: z.number().int(),
  /** exits credited to it (an employer-relations partner) */
  exitsCredited: z.number().int(),
  /** the partner accounts linked to it */
  userIds: z.array(z.string()),
  version: z.number().int(),
})
export type Organisation = z.infer<typeof organisationSchema>

export const organisationInputSchema = z.object({
  kind: organisationKindSchema,
  name: safeText().trim().min(2, 'Nom requis.').max(200, 'Au plus 200 caractères.'),
  /** the agreement (conventionnement) it works under, as written */
  agreement: safeText().trim().max(200, 'Au plus 200 caractères.').nullable().default(null),
  places: z
    .number('Nombre entier attendu.')
    .int('Nombre entier attendu.')
    .min(0, 'Nombre positif.')
    .max(100000, 'Au plus 100 000 places.')
    .nullable()
    .default(null),
  active: z.boolean().default(true),
})
export const organisationUpdateSchema = organisationInputSchema.extend({ version: versionSchema })
export const organisationUsersSchema = z.object({
  userIds: z.array(z.uuid('Identifiant invalide.')).max(100).refine(distinct, 'Chaque compte une seule fois.'),
  version: versionSchema,
})

export const plieCommuneSchema = z.object({ code: z.string(), name: z.string() })
export const plieCommunesInputSchema = z.object({
  communes: z
    .array(z.string().regex(/^[0-9AB]{5}$/, 'Code INSEE invalide.'))
    .max(1000)
    .refine(distinct, 'Chaque commune une seule fois.'),
})

/** What a partner account sees of a person: name, the steps its organisations host, the exit credited to them. */
export const partnerPersonSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  steps: z.array(
    z.object({
      kind: situationKindSchema,
      kindLabel: z.string(),
      stepKind: z.enum(stepKinds.codes),
      startDate: z.string(),
      plannedEndDate: z.string().nullable(),
      endDate: z.string().nullable(),
      organisationName: z.string(),
    }),
  ),
  exit: z
    .object({
      date: z.string(),
      reason: exitReasonSchema,
      reasonLabel: z.string(),
      organisationName: z.string(),
    })
    .nullable(),
})
export type PartnerPerson = z.infer<typeof partnerPersonSchema>
