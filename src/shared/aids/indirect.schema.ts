import { z } from 'zod'
import { calendarDate, cents, int4, safeText, versionSchema } from '../primitives.ts'

// Contracts of the indirect aids (issue 12, docs/aids.md « Indirect aids »): an action a fund pays for without a
// person's request (a training for identified jobs, a collective workshop), with its day, amount and participants,
// listed per fund and year.

const id = z.uuid('Identifiant invalide.')
export const indirectParams = z.object({ id })

const yearMessage = 'Année entre 1990 et 2100.'
export const indirectListQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, yearMessage)
    .transform(Number)
    .pipe(z.number().int().min(1990, yearMessage).max(2100, yearMessage)),
  fundId: id.optional(),
})
export const indirectDeleteQuery = z.object({
  version: z
    .string()
    .regex(/^\d{1,9}$/, 'Version invalide.')
    .transform(Number)
    .pipe(versionSchema),
})

export const indirectInput = z.object({
  fundId: id,
  spentOn: calendarDate(),
  label: safeText('Texte attendu.').trim().min(2, 'Intitulé de l’action requis.').max(200, '200 caractères au plus.'),
  amountCents: cents().refine((v) => v > 0, 'Montant supérieur à zéro attendu.'),
  participants: int4().max(100000, 'Nombre trop grand.').nullable().default(null),
})
export type IndirectInput = z.output<typeof indirectInput>
export const indirectUpdateInput = indirectInput.extend({ version: versionSchema })

export const indirectSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  fundCode: z.string(),
  fundName: z.string(),
  spentOn: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  participants: z.number().int().nullable(),
  version: z.number().int(),
})
export type IndirectAid = z.infer<typeof indirectSchema>
export const indirectListSchema = z.object({
  items: z.array(indirectSchema),
  /** the year's total, for the listed fund(s) */
  totalCents: z.number().int(),
})
