import {
  type Agreement,
  agreementInputSchema,
  type CatalogueEntry,
  objectiveInputSchema,
  objectiveUpdateSchema,
} from '../../../shared/reporting/reporting.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import { formatDate } from '../../components/format.ts'
import type { AgreementInput, ObjectiveInput, ObjectiveUpdate } from './objectives.api.ts'

// The forms of the objectives screen and the bodies they send: pure, so that what reaches the API is tested without a
// browser. The API's own schemas check the bodies; the forms only add what a body cannot say (an empty field is
// "missing", not "malformed"; a year outside the agreement's period is a slip of the keyboard).

export interface AgreementValues {
  name: string
  funder: string
  /** 'yyyy-mm-dd', null while empty */
  periodStart: string | null
  periodEnd: string | null
}

/** The select's value for "the indicator's headline value" (no sub-figure): a select's options need a string. */
export const HEADLINE = '*'

export interface ObjectiveValues {
  indicatorId: string | null
  /** HEADLINE, or one of the indicator's objectiveKeys */
  subKey: string
  /** '' while empty (Mantine's NumberInput) */
  year: number | string
  target: number | string
}

export const agreementBody = (v: AgreementValues): AgreementInput => ({
  name: v.name,
  funder: v.funder,
  periodStart: v.periodStart ?? '',
  periodEnd: v.periodEnd ?? '',
})

export function agreementErrors(v: AgreementValues): Record<string, string> {
  const errors = bodyErrors(agreementInputSchema, agreementBody(v))
  if (!v.periodStart) errors.periodStart = 'Indiquez le début de la convention.'
  if (!v.periodEnd) errors.periodEnd = 'Indiquez la fin de la convention.'
  return errors
}

const numberOf = (value: number | string): number | undefined =>
  value === '' || value === null || value === undefined || Number.isNaN(Number(value)) ? undefined : Number(value)

export const objectiveBody = (v: ObjectiveValues, agreementId: string): ObjectiveInput => ({
  agreementId,
  indicatorId: v.indicatorId ?? '',
  subKey: v.subKey === HEADLINE || v.subKey === '' ? null : v.subKey,
  year: numberOf(v.year) as number,
  target: numberOf(v.target) as number,
})

export const targetBody = (v: ObjectiveValues, version: number): ObjectiveUpdate => ({
  target: numberOf(v.target) as number,
  version,
})

const yearOf = (date: string) => Number(date.slice(0, 4))

/** The years an agreement covers, first and last. */
export const agreementYears = (a: Pick<Agreement, 'periodStart' | 'periodEnd'>) => ({
  first: yearOf(a.periodStart),
  last: yearOf(a.periodEnd),
})

/** A new objective's errors: the API's schema, then what the form knows (empty fields, the agreement's years). */
export function objectiveErrors(v: ObjectiveValues, agreement: Agreement): Record<string, string> {
  const errors = bodyErrors(objectiveInputSchema, objectiveBody(v, agreement.id))
  if (!v.indicatorId) errors.indicatorId = 'Choisissez un indicateur.'
  const year = numberOf(v.year)
  const { first, last } = agreementYears(agreement)
  if (year === undefined) errors.year = 'Indiquez l’année.'
  else if (!errors.year && (year < first || year > last))
    errors.year =
      first === last ? `La convention porte sur ${first}.` : `La convention porte sur les années ${first} à ${last}.`
  if (numberOf(v.target) === undefined) errors.target = 'Indiquez l’objectif.'
  return errors
}

/** A target's change: only the target can change (the indicator and the year make the objective). */
export function targetErrors(v: ObjectiveValues): Record<string, string> {
  const errors = bodyErrors(objectiveUpdateSchema, targetBody(v, 1))
  if (numberOf(v.target) === undefined) errors.target = 'Indiquez l’objectif.'
  return errors
}

/** The catalogue as the indicator select shows it: grouped by family, each indicator by its French title and id. */
export function indicatorOptions(catalogue: readonly CatalogueEntry[]) {
  const groups = new Map<string, { value: string; label: string }[]>()
  for (const entry of catalogue) {
    const items = groups.get(entry.familyLabel) ?? []
    items.push({ value: entry.id, label: `${entry.label} (${entry.id})` })
    groups.set(entry.familyLabel, items)
  }
  return [...groups].map(([group, items]) => ({ group, items }))
}

/** The figures an objective on this indicator can name: its headline value, then those it declares. */
export function subFigureOptions(entry: CatalogueEntry | undefined) {
  if (!entry) return []
  return [
    { value: HEADLINE, label: 'Valeur principale de l’indicateur' },
    ...entry.objectiveKeys.map((k) => ({ value: k.key, label: k.label })),
  ]
}

/** What an objective counts, in words: the indicator's title, or its sub-figure's label. */
export function figureLabel(entry: CatalogueEntry | undefined, subKey: string | null): string {
  if (!subKey) return 'Valeur principale'
  return entry?.objectiveKeys.find((k) => k.key === subKey)?.label ?? subKey
}

/** "du 01/01/2026 au 31/12/2026" */
export const periodLabel = (a: Pick<Agreement, 'periodStart' | 'periodEnd'>) =>
  `du ${formatDate(a.periodStart)} au ${formatDate(a.periodEnd)}`
