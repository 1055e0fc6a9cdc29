import { formatEuros, parseEuros } from '../../../../shared/money.ts'
import { type FundingInput, fundingInputSchema } from '../../../../shared/plie/funding.schema.ts'
import type { Funder } from '../../../../shared/plie/plie.nomenclature.ts'
import { bodyErrors } from '../../../components/body-errors.ts'

// The « Financements » form's values → the API body (amounts typed the French way, « 1 234,56 », sent as cents).

export interface FundingValues {
  year: number
  /** null until chosen */
  funder: Funder | null
  operation: string
  /** euros as typed */
  programmed: string
  /** euros as typed, '' while not known */
  realised: string
}

export type FundingBody = Omit<FundingInput, 'funder'> & { funder: Funder }

const badAmount = 'Montant en euros attendu, par exemple 1 234,56.'

/** Euros as the form shows them back (no currency sign: the field's label says it). */
export const eurosForInput = (cents: number | null) => (cents === null ? '' : formatEuros(cents).replace(/\s*€$/, ''))

/** The body the form sends, and the errors keyed by the form's fields (an amount not understood names its field). */
export function fundingBody(v: FundingValues): { body: FundingBody; errors: Record<string, string> } {
  const programmed = v.programmed.trim() === '' ? null : parseEuros(v.programmed)
  const realised = v.realised.trim() === '' ? null : parseEuros(v.realised)
  const body: FundingBody = {
    year: v.year,
    // left empty, the schema answers « Financeur inconnu. » under the field
    funder: v.funder as Funder,
    operation: v.operation,
    programmedCents: programmed ?? Number.NaN,
    realisedCents: realised,
  }
  const fieldOf = (path: string) =>
    path === 'programmedCents' ? 'programmed' : path === 'realisedCents' ? 'realised' : path
  const errors = bodyErrors(fundingInputSchema, body, fieldOf)
  if (v.programmed.trim() === '') errors.programmed = 'Montant programmé requis.'
  else if (programmed === null) errors.programmed = badAmount
  if (v.realised.trim() !== '' && realised === null) errors.realised = badAmount
  return { body, errors }
}
