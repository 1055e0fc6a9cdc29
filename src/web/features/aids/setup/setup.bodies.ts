import type { z } from 'zod'
import { commissionDecisionInput, contractInput } from '../../../../shared/aids/commissions.schema.ts'
import { envelopeInputSchema, type Fund, fundInputSchema } from '../../../../shared/aids/funds.schema.ts'
import { indirectInput } from '../../../../shared/aids/indirect.schema.ts'
import { projectDecisionInput, projectInput, projectOutcomeInput } from '../../../../shared/aids/projects.schema.ts'
import { formatEuros, parseEuros } from '../../../../shared/money.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'

// The aids' configuration forms → the bodies the API reads, validated by its own zod schemas (docs/MODULES.md
// « Forms »). Amounts are typed in euros the French way (« 1 234,50 ») and sent as integer cents: the form's field is
// the body's name without « Cents » (`allocated` → `allocatedCents`), so a message of the schema or of the server on
// `allocatedCents` lands on `allocated`. Pure, so the unit test reads them without a browser.

export const BAD_AMOUNT = 'Montant en euros attendu, par exemple 1 234,50.'
export const BAD_NUMBER = 'Nombre entier attendu.'

/** euros as typed → cents; '' → null; not understood → NaN (the schema then refuses it, our message says how) */
export const centsOf = (text: string) => (text.trim() === '' ? null : (parseEuros(text) ?? Number.NaN))
/** cents back into a field (no currency sign: the label says it) */
export const eurosForInput = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? '' : formatEuros(cents).replace(/\s*€$/, '')
/** a whole number as typed → number; '' → null; not a whole number → NaN */
export const wholeOf = (text: string) =>
  text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN
const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

/** the form's field of a body path: `allocatedCents` → `allocated`, `holderIds.0` → `holderIds` */
export const fieldOf = (path: string) => {
  const top = path.split('.')[0] ?? path
  return top.endsWith('Cents') ? top.slice(0, -5) : top
}

type Amounts = Record<string, { text: string; required?: string }>
/** the schema's messages by field, then the amounts' own: a value not understood says how to write it */
function check(schema: z.ZodType, body: unknown, amounts: Amounts = {}, numbers: Record<string, string> = {}) {
  const errors = bodyErrors(schema, body, fieldOf)
  for (const [field, { text, required }] of Object.entries(amounts)) {
    if (text.trim() === '') {
      if (required) errors[field] = required
    } else if (parseEuros(text) === null) errors[field] = BAD_AMOUNT
  }
  for (const [field, text] of Object.entries(numbers))
    if (text.trim() !== '' && !/^\d+$/.test(text.trim())) errors[field] = BAD_NUMBER
  return errors
}

/** The server's field messages keyed by the form's fields (`allocatedCents` → `allocated`). */
export function serverErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {}
  const errors: Record<string, string> = {}
  for (const f of error.fields) errors[fieldOf(f.field)] ??= f.message
  return errors
}

// Funds ---------------------------------------------------------------------------------------------------------------

export interface FundValues {
  code: string
  name: string
  kind: string | null
  funder: string
  decidedBy: string
  programmeTypes: string[]
  minAge: string
  maxAge: string
  /** INSEE codes, separated by commas or spaces */
  communes: string
  purposes: string[]
  tracks: string[]
  paymentModes: string[]
  /** one document a line */
  documents: string
  ceilingRequest: string
  ceilingPersonYear: string
  ceilingMonth: string
  fixedAmount: string
  opensOn: string | null
  closesOn: string | null
  active: boolean
}

export const fundValues = (f?: Fund): FundValues => ({
  code: f?.code ?? '',
  name: f?.name ?? '',
  kind: f?.kind ?? null,
  funder: f?.funder ?? '',
  decidedBy: f?.decidedBy ?? 'officer',
  programmeTypes: f?.programmeTypes ?? [],
  minAge: f?.minAge?.toString() ?? '',
  maxAge: f?.maxAge?.toString() ?? '',
  communes: f?.communes.join(', ') ?? '',
  purposes: f?.purposes ?? [],
  tracks: f?.tracks ?? ['ordinary'],
  paymentModes: f?.paymentModes ?? ['transfer'],
  documents: f?.documents.join('\n') ?? '',
  ceilingRequest: eurosForInput(f?.ceilingRequestCents),
  ceilingPersonYear: eurosForInput(f?.ceilingPersonYearCents),
  ceilingMonth: eurosForInput(f?.ceilingMonthCents),
  fixedAmount: eurosForInput(f?.fixedAmountCents),
  opensOn: f?.opensOn ?? null,
  closesOn: f?.closesOn ?? null,
  active: f?.active ?? true,
})

export function fundBody(v: FundValues) {
  const body = {
    code: v.code,
    name: v.name,
    kind: v.kind as Fund['kind'],
    funder: v.funder,
    decidedBy: v.decidedBy as Fund['decidedBy'],
    programmeTypes: v.programmeTypes,
    minAge: wholeOf(v.minAge),
    maxAge: wholeOf(v.maxAge),
    communes: v.communes.split(/[\s,;]+/).filter(Boolean),
    purposes: v.purposes,
    tracks: v.tracks,
    paymentModes: v.paymentModes,
    documents: v.documents
      .split('\n')
      .map((d) => d.trim())
      .filter(Boolean),
    ceilingRequestCents: centsOf(v.ceilingRequest),
    ceilingPersonYearCents: centsOf(v.ceilingPersonYear),
    ceilingMonthCents: centsOf(v.ceilingMonth),
    fixedAmountCents: centsOf(v.fixedAmount),
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    active: v.active,
  } as z.input<typeof fundInputSchema> & { kind: Fund['kind'] }
  const amounts = {
    ceilingRequest: { text: v.ceilingRequest },
    ceilingPersonYear: { text: v.ceilingPersonYear },
    ceilingMonth: { text: v.ceilingMonth },
    fixedAmount: { text: v.fixedAmount },
  }
  return { body, errors: check(fundInputSchema, body, amounts, { minAge: v.minAge, maxAge: v.maxAge }) }
}

// Envelopes -----------------------------------------------------------------------------------------------------------

export interface EnvelopeValues {
  year: number
  funder: string
  allocated: string
}
export function envelopeBody(v: EnvelopeValues) {
  const body = { year: v.year, funder: v.funder, allocatedCents: centsOf(v.allocated) ?? Number.NaN }
  const amounts = { allocated: { text: v.allocated, required: 'Montant alloué requis.' } }
  return { body, errors: check(envelopeInputSchema, body, amounts) }
}

// A commission's decision and the reinforced aid's contract ------------------------------------------------------------

export interface CaseDecisionValues {
  decision: string | null
  /** euros as typed: granted (empty: the amount asked) or partly granted */
  amountGranted: string
  refusalCriterion: string
  redirectedFundId: string | null
  reason: string
}
export function caseDecisionBody(v: CaseDecisionValues, version: number) {
  const granted = v.decision === 'granted' || v.decision === 'partly_granted'
  const body = {
    decision: (v.decision ?? '') as 'granted',
    amountGrantedCents: granted ? centsOf(v.amountGranted) : null,
    refusalCriterion: v.decision === 'refused' ? orNull(v.refusalCriterion) : null,
    redirectedFundId: v.decision === 'redirected' ? v.redirectedFundId : null,
    reason: orNull(v.reason),
    version,
  }
  const amounts: Amounts = granted ? { amountGranted: { text: v.amountGranted } } : {}
  const errors = check(commissionDecisionInput, body, amounts)
  // the reason is checked after the decision's fields: said at once, with them
  if (!body.reason) errors.reason ??= 'Indiquez le motif de la décision.'
  return { body, errors }
}

export interface ContractValues {
  startsOn: string | null
  months: string
  monthly: string
  commitments: string
}
export function contractBody(v: ContractValues) {
  const body = {
    startsOn: v.startsOn ?? '',
    months: wholeOf(v.months) ?? Number.NaN,
    monthlyCents: centsOf(v.monthly) ?? Number.NaN,
    commitments: v.commitments,
  }
  const amounts = { monthly: { text: v.monthly, required: 'Montant mensuel requis.' } }
  const errors = check(contractInput, body, amounts, { months: v.months })
  if (v.months.trim() === '') errors.months = 'Nombre de mois requis.'
  return { body, errors }
}

// Projects and indirect aids ------------------------------------------------------------------------------------------

const EMPTY_KEPT = { siteId: null, followedBy: null }

export interface ProjectValues {
  fundId: string | null
  title: string
  form: string | null
  nature: string | null
  sector: string | null
  holderIds: string[]
  budget: string
  asked: string
}
/** `kept`: the site and follower of a project being changed (the form does not show them) */
export function projectBody(v: ProjectValues, kept: { siteId: string | null; followedBy: string | null } = EMPTY_KEPT) {
  const body = {
    fundId: v.fundId ?? '',
    title: v.title,
    form: (v.form ?? '') as 'individual',
    nature: (v.nature ?? '') as 'social',
    sector: v.nature === 'economic' ? ((v.sector ?? null) as 'retail' | null) : null,
    holderIds: v.holderIds,
    budgetCents: centsOf(v.budget),
    askedCents: centsOf(v.asked),
    siteId: kept.siteId,
    followedBy: kept.followedBy,
  }
  return { body, errors: check(projectInput, body, { budget: { text: v.budget }, asked: { text: v.asked } }) }
}

export interface ProjectDecisionValues {
  decision: string | null
  decidedOn: string | null
  granted: string
}
export function projectDecisionBody(v: ProjectDecisionValues, version: number) {
  const body = {
    version,
    decision: (v.decision ?? '') as 'funded',
    decidedOn: v.decidedOn ?? '',
    grantedCents: v.decision === 'funded' ? centsOf(v.granted) : null,
  }
  const amounts: Amounts = v.decision === 'funded' ? { granted: { text: v.granted } } : {}
  return { body, errors: check(projectDecisionInput, body, amounts) }
}

export interface OutcomeValues {
  outcome: string | null
  followUp: string
  jobsCreated: string
}
export function outcomeBody(v: OutcomeValues, version: number) {
  const body = {
    version,
    outcome: (v.outcome ?? '') as 'completed',
    followUp: orNull(v.followUp),
    jobsCreated: v.outcome === 'completed' ? wholeOf(v.jobsCreated) : null,
  }
  return { body, errors: check(projectOutcomeInput, body, {}, { jobsCreated: v.jobsCreated }) }
}

export interface IndirectValues {
  fundId: string | null
  spentOn: string | null
  label: string
  amount: string
  participants: string
}
export function indirectBody(v: IndirectValues) {
  const body = {
    fundId: v.fundId ?? '',
    spentOn: v.spentOn ?? '',
    label: v.label,
    amountCents: centsOf(v.amount) ?? Number.NaN,
    participants: wholeOf(v.participants),
  }
  const amounts = { amount: { text: v.amount, required: 'Montant requis.' } }
  return { body, errors: check(indirectInput, body, amounts, { participants: v.participants }) }
}
