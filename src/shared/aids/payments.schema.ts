import { z } from 'zod'
import { calendarDate, cents, safeText } from '../primitives.ts'
import { paymentModes } from './aids.nomenclature.ts'

// The payments of a granted aid (issue 12, docs/aids.md « Requests, decisions, payments »): never edited nor deleted;
// a mistake is cancelled by a counter-entry (negative, with its reason); a scheduled instalment (a contract's) is paid
// once. Amounts are integer cents.

export const aidPaymentParams = z.object({ id: z.uuid('Identifiant invalide.') })
export const paymentModeSchema = z.enum(paymentModes.codes, 'Mode de paiement inconnu.')
const payee = safeText('Texte attendu.')
  .trim()
  .max(200, '200 caractères au plus.')
  .nullable()
  .default(null)
  .transform((v) => v || null)

export const aidPaymentInput = z
  .object({
    amountCents: cents().min(1, 'Montant du paiement requis.'),
    mode: paymentModeSchema,
    /** the third party paid (a landlord, a driving school), required for a payment to a third party */
    payee,
    paidOn: calendarDate(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'third_party' && !v.payee)
      ctx.addIssue({ code: 'custom', path: ['payee'], message: 'Indiquez le tiers payé.' })
  })
export type AidPaymentInput = z.output<typeof aidPaymentInput>

export const aidPaymentCancelInput = z.object({
  reason: safeText('Indiquez le motif de l’annulation.')
    .trim()
    .min(2, 'Indiquez le motif de l’annulation.')
    .max(500, '500 caractères au plus.'),
})
export const aidPayScheduledInput = z.object({ paidOn: calendarDate(), mode: paymentModeSchema })

export const paymentSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  amountCents: z.number().int(),
  mode: paymentModeSchema,
  modeLabel: z.string(),
  payee: z.string().nullable(),
  dueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  runId: z.string().nullable(),
  /** a counter-entry: the payment it cancels, and why */
  cancelsId: z.string().nullable(),
  reason: z.string().nullable(),
  /** cancelled by a later counter-entry */
  cancelledBy: z.string().nullable(),
  recordedAt: z.string(),
})
export type AidPayment = z.infer<typeof paymentSchema>
