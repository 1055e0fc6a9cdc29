import type { z } from 'zod'
import { formatEuros, parseEuros } from '../../../../shared/money.ts'
import { envelopeInput, type ProfPlan, planDecisionInput, planInput } from '../../../../shared/training/fund.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'

// The fund's forms → the bodies the API reads, validated by its own zod schemas (docs/MODULES.md « Forms »). Amounts
// are typed in euros the French way (« 1 234,50 ») and sent as integer cents: a form field is the body's name without
// « Cents » (`totalCostCents` → `totalCost`, `cofunding.0.amountCents` → `cofunding.0.amount`), so a message of the
// schema or of the server lands on its field. Pure, so a unit test reads them without a browser.

export const BAD_AMOUNT = 'Montant en euros attendu, par exemple 1 234,50.'

/** euros as typed → cents; '' or not understood → NaN (the schema refuses it; our message says how) */
const centsOf = (text: string) => (text.trim() === '' ? Number.NaN : (parseEuros(text) ?? Number.NaN))
/** cents back into a field (no currency sign: the label says it) */
export const eurosForInput = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? '' : formatEuros(cents).replace(/\s*€$/, '')
const wholeOf = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)
const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

/** a body path → the form's field: `fundCents` → `fund`, `cofunding.0.amountCents` → `cofunding.0.amount` */
export const fieldOf = (path: string) => path.replace(/Cents$/, '')

/** The schema's messages by field, then the amounts': an amount not understood says how to write it. */
function check(schema: Parameters<typeof bodyErrors>[0], body: unknown, amounts: Record<string, string>) {
  const errors = bodyErrors(schema, body, fieldOf)
  for (const [field, text] of Object.entries(amounts))
    if (text.trim() !== '' && parseEuros(text) === null) errors[field] = BAD_AMOUNT
  return errors
}

/** The server's field messages keyed by the form's fields. */
export function serverErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {}
  const errors: Record<string, string> = {}
  for (const f of error.fields) errors[fieldOf(f.field)] ??= f.message
  return errors
}

// Envelopes -----------------------------------------------------------------------------------------------------------

export interface EnvelopeValues {
  year: number
  funder: string
  allocated: string
}
export function envelopeBody(v: EnvelopeValues) {
  const body = { year: v.year, funder: v.funder, allocatedCents: centsOf(v.allocated) }
  return { body, errors: check(envelopeInput, body, { allocated: v.allocated }) }
}

// Plans ---------------------------------------------------------------------------------------------------------------

export interface CofundingValues {
  cofunder: string
  kind: string | null
  amount: string
}
export interface PlanValues {
  personId: string
  employerName: string
  employerSiret: string
  contractKind: string | null
  contractStart: string | null
  contractEnd: string | null
  trainingTitle: string
  bodyId: string | null
  bodyName: string
  hours: string
  totalCost: string
  fund: string
  cofunding: CofundingValues[]
}

export type PlanBody = z.input<typeof planInput>

export const emptyCofunding = (): CofundingValues => ({ cofunder: '', kind: null, amount: '' })

export const planValues = (p?: ProfPlan): PlanValues => ({
  personId: p?.personId ?? '',
  employerName: p?.employerName ?? '',
  employerSiret: p?.employerSiret ?? '',
  contractKind: p?.contractKind ?? null,
  contractStart: p?.contractStart ?? null,
  contractEnd: p?.contractEnd ?? null,
  trainingTitle: p?.trainingTitle ?? '',
  bodyId: p?.bodyId ?? null,
  bodyName: p?.bodyId ? '' : (p?.bodyName ?? ''),
  hours: p ? String(p.hours) : '',
  totalCost: eurosForInput(p?.totalCostCents),
  fund: eurosForInput(p?.fundCents),
  cofunding: (p?.cofunding ?? []).map((c) => ({
    cofunder: c.cofunder,
    kind: c.kind,
    amount: eurosForInput(c.amountCents),
  })),
})

export function planBody(v: PlanValues) {
  const body = {
    personId: v.personId,
    employerName: v.employerName,
    employerSiret: orNull(v.employerSiret),
    contractKind: v.contractKind,
    contractStart: v.contractStart,
    contractEnd: v.contractEnd,
    trainingTitle: v.trainingTitle,
    bodyId: v.bodyId,
    bodyName: v.bodyId ? null : orNull(v.bodyName),
    hours: wholeOf(v.hours),
    totalCostCents: centsOf(v.totalCost),
    fundCents: centsOf(v.fund),
    cofunding: v.cofunding.map((c) => ({ cofunder: c.cofunder, kind: c.kind, amountCents: centsOf(c.amount) })),
  }
  const amounts: Record<string, string> = { totalCost: v.totalCost, fund: v.fund }
  v.cofunding.forEach((c, i) => {
    amounts[`cofunding.${i}.amount`] = c.amount
  })
  const errors = check(planInput, body, amounts)
  if (!v.personId) errors.personId = 'Choisissez la personne.'
  // sent as the API reads it when there is no error (the schema checked every field)
  return { body: body as PlanBody, errors }
}

// The committee's decision, a reimbursement ------------------------------------------------------------------------

export interface DecisionValues {
  decision: 'validated' | 'refused'
  committeeDate: string | null
  note: string
}
export function decisionBody(v: DecisionValues, version: number) {
  const body = { decision: v.decision, committeeDate: v.committeeDate, note: orNull(v.note), version }
  return { body: body as z.input<typeof planDecisionInput>, errors: check(planDecisionInput, body, {}) }
}
export function reimbursementBody(text: string, version: number) {
  const body = { reimbursedCents: centsOf(text), version }
  const errors: Record<string, string> = {}
  if (Number.isNaN(body.reimbursedCents)) errors.reimbursed = text.trim() ? BAD_AMOUNT : 'Montant remboursé requis.'
  return { body, errors }
}
