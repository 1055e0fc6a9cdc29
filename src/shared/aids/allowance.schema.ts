import { z } from 'zod'
import { calendarDate, cents, safeText } from '../primitives.ts'
import { documentsSchema } from './requests.schema.ts'

// The CIVIS/CEJ allowance's monthly payment runs (issue 12, docs/aids.md « The CIVIS/CEJ allowance »): one run per fund
// and month pays every granted, unpaid allowance of that month and gives the payment file.

const id = z.uuid('Identifiant invalide.')
export const fundParams = z.object({ id })
export const paymentRunParams = z.object({ id, runId: id })

/** a month, written by its first day (2026-03-01) */
export const monthSchema = calendarDate('Le mois s’écrit par son premier jour (AAAA-MM-01).').refine(
  (d) => d.endsWith('-01'),
  'Le mois s’écrit par son premier jour (AAAA-MM-01).',
)

/** A month of allowance asked for a young person (the amount: the fund's monthly ceiling unless given). */
export const allowanceAskInput = z.object({
  fundId: z.uuid('Choisissez le fonds.'),
  month: monthSchema,
  amountAskedCents: cents().min(1, 'Montant demandé requis.').nullable().default(null),
  siteId: z.uuid('Choisissez le site.'),
  argument: safeText('Texte attendu.')
    .trim()
    .max(4000, '4000 caractères au plus.')
    .nullable()
    .default(null)
    .transform((v) => v || null),
  documents: documentsSchema.default([]),
})
export const allowancePersonParams = z.object({ personId: id })

export const paymentRunInput = z.object({ month: monthSchema })
export const paymentRunListQuery = z.object({
  year: z.coerce
    .number('Année attendue.')
    .int('Année attendue.')
    .min(1990, 'Année entre 1990 et 2100.')
    .max(2100, 'Année entre 1990 et 2100.')
    .optional(),
})

export const paymentRunSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  month: z.string(),
  payments: z.number().int(),
  totalCents: z.number().int(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
})
export type PaymentRun = z.infer<typeof paymentRunSchema>
export const paymentRunListSchema = z.array(paymentRunSchema)

/** The columns of the payment file (CSV, docs/aids.md « The payment file »). */
export const PAYMENT_FILE_COLUMNS = ['Nom', 'Prénom', 'Date de naissance', 'IBAN', 'Montant', 'Référence'] as const
