import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { type AidPaymentInput, aidPaymentInput } from '../../../../shared/aids/payments.schema.ts'
import {
  type AidDecisionInput,
  type AidRequestInput,
  aidDecisionInput,
  aidRequestInput,
} from '../../../../shared/aids/requests.schema.ts'
import { formatEuros, parseEuros } from '../../../../shared/money.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'

// The aids' forms → the bodies the API reads (its own zod schemas validate them, docs/MODULES.md « Forms »). Amounts
// are typed in euros the French way (« 1 234,50 ») and sent as cents; a message on `…Cents` lands on the euros field.
// Pure, so the unit test reads them without a browser.

const BAD_AMOUNT = 'Montant en euros attendu, par exemple 1 234,50.'
const blank = (s: string) => (s.trim() === '' ? null : s.trim())

/** euros as typed → cents; '' → null; not understood → NaN (the schema then names the field) */
const centsOf = (text: string) => (text.trim() === '' ? null : (parseEuros(text) ?? Number.NaN))
/** « 1 234,50 » back into a field (no currency sign: the label says it) */
export const eurosForInput = (cents: number | null) => (cents === null ? '' : formatEuros(cents).replace(/\s*€$/, ''))

const amountField = (path: string) => (path.endsWith('Cents') ? 'amount' : path)
/** the amount's own messages: a value not understood says how to write it */
function amountErrors(errors: Record<string, string>, text: string, required: string | null) {
  if (text.trim() === '' && required) errors.amount = required
  else if (text.trim() !== '' && parseEuros(text) === null) errors.amount = BAD_AMOUNT
  return errors
}

/** The server's field messages keyed by the form's fields (`amountGrantedCents` → `amount`). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {}
  const errors: Record<string, string> = {}
  for (const [field, message] of Object.entries(error.fieldErrors())) errors[amountField(field)] ??= message
  return errors
}

export interface RequestValues {
  fundId: string | null
  track: string | null
  purpose: string | null
  /** euros as typed */
  amount: string
  argument: string
  documents: string[]
  siteId: string | null
}
export const emptyRequest = (siteId: string | null): RequestValues => ({
  fundId: null,
  track: null,
  purpose: null,
  amount: '',
  argument: '',
  documents: [],
  siteId,
})

/** A fund just chosen: its only track and purpose are taken, its fixed amount written, documents of another dropped. */
export function withFund(v: RequestValues, fund: Fund | undefined): RequestValues {
  if (!fund) return { ...v, fundId: null, track: null, purpose: null, documents: [] }
  return {
    ...v,
    fundId: fund.id,
    track:
      fund.tracks.length === 1 ? fund.tracks[0] : v.track && fund.tracks.includes(v.track as never) ? v.track : null,
    purpose:
      fund.purposes.length === 1 ? fund.purposes[0] : v.purpose && fund.purposes.includes(v.purpose) ? v.purpose : null,
    amount: fund.fixedAmountCents !== null ? eurosForInput(fund.fixedAmountCents) : v.amount,
    documents: v.documents.filter((d) => fund.documents.includes(d)),
  }
}

export function requestBody(v: RequestValues): { body: AidRequestInput; errors: Record<string, string> } {
  const body = {
    fundId: v.fundId ?? '',
    track: (v.track ?? '') as AidRequestInput['track'],
    purpose: (v.purpose ?? '') as AidRequestInput['purpose'],
    amountAskedCents: centsOf(v.amount) as number,
    argument: blank(v.argument),
    documents: v.documents,
    siteId: v.siteId ?? '',
    month: null,
    projectId: null,
  }
  const errors = amountErrors(bodyErrors(aidRequestInput, body, amountField), v.amount, 'Montant demandé requis.')
  if (!v.track) errors.track = 'Choisissez la voie.'
  return { body, errors }
}

export interface DecisionValues {
  decision: string | null
  /** euros as typed; empty for « accordée » grants the amount asked */
  amount: string
  refusalCriterion: string
  redirectedFundId: string | null
  reason: string
}
export const emptyDecision: DecisionValues = {
  decision: null,
  amount: '',
  refusalCriterion: '',
  redirectedFundId: null,
  reason: '',
}

/** Only what the decision takes is sent: an amount when granted, a criterion when refused, a fund when redirected. */
export function decisionBody(
  v: DecisionValues,
  version: number,
): { body: AidDecisionInput; errors: Record<string, string> } {
  const granting = v.decision === 'granted' || v.decision === 'partly_granted'
  const body = {
    decision: (v.decision ?? '') as AidDecisionInput['decision'],
    amountGrantedCents: granting ? centsOf(v.amount) : null,
    refusalCriterion: v.decision === 'refused' ? blank(v.refusalCriterion) : null,
    redirectedFundId: v.decision === 'redirected' ? v.redirectedFundId : null,
    reason: blank(v.reason),
    version,
  }
  const errors = bodyErrors(aidDecisionInput, body, amountField)
  if (!v.decision) errors.decision = 'Choisissez la décision.'
  if (granting) amountErrors(errors, v.amount, v.decision === 'partly_granted' ? 'Indiquez le montant accordé.' : null)
  return { body, errors }
}

export interface PaymentValues {
  amount: string
  mode: string | null
  payee: string
  paidOn: string | null
}
export function paymentBody(v: PaymentValues): { body: AidPaymentInput; errors: Record<string, string> } {
  const body = {
    amountCents: centsOf(v.amount) as number,
    mode: (v.mode ?? '') as AidPaymentInput['mode'],
    payee: v.mode === 'third_party' ? blank(v.payee) : null,
    paidOn: v.paidOn ?? '',
  }
  const errors = amountErrors(bodyErrors(aidPaymentInput, body, amountField), v.amount, 'Montant du paiement requis.')
  if (!v.mode) errors.mode = 'Choisissez le mode de paiement.'
  if (!v.paidOn) errors.paidOn = 'Indiquez la date du paiement.'
  return { body, errors }
}

/** An emergency's time left, in French: « 5 h restantes », « en retard de 3 h ». */
export const hoursLeftLabel = (hours: number) =>
  hours >= 0 ? `${hours} h restante${hours > 1 ? 's' : ''}` : `en retard de ${-hours} h`

/** hours left before `dueAt` (whole hours, rounded down; negative when late) */
export const hoursLeftOf = (dueAt: string, now: Date = new Date()) =>
  Math.floor((new Date(dueAt).getTime() - now.getTime()) / 3_600_000)

/** A request's granted amount still to pay (counter-entries counted, scheduled instalments not paid yet). */
export const leftToPay = (r: { amountGrantedCents: number | null; paidCents: number; scheduledCents: number }) =>
  Math.max((r.amountGrantedCents ?? 0) - r.paidCents - r.scheduledCents, 0)
