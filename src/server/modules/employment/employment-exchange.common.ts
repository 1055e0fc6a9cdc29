import { contractKinds } from '../../../shared/employment/employment.nomenclature.ts'
import { isRomeCode } from '../../../shared/employment/rome.ts'
import { code, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, ColumnSpec } from '../exchange/index.ts'
import { personRef, text } from '../exchange/index.ts'

// The columns the employment files share (employment.exchange.ts and the employment-*.exchange.ts files): the
// employer, the ROME code, the contract, the weekly hours, the commune, an instant. References follow the bundle's
// rule: a row of another file by its key (external_id, else the uuid of a row created in Jalon).

export const employerRef = (description = 'L’entreprise', required = true): ColumnSpec =>
  ref(
    'employer_external_id',
    'employer',
    'employer_id',
    `${description} : external_id d’une entreprise de employers.csv ou de la base.`,
    required,
  )

/** a person of persons.csv, optional (an outside applicant of a recruitment operation) */
export const optionalPersonRef: ColumnSpec = {
  ...personRef,
  required: false,
  description:
    'La personne, si elle est suivie : son external_id dans persons.csv (ou celui d’une personne de la base).',
}

export const placementRef = (description: string): ColumnSpec =>
  ref(
    'placement_external_id',
    'placement',
    'placement_id',
    `${description} : external_id d’une embauche de placements.csv ou de la base (vide : aucune).`,
  )

export const romeColumn = (description = 'Métier (code ROME, une lettre et 4 chiffres : D1106).', required = false) =>
  text('rome_code', 5, description, required)

export const contractKind = (description = 'Contrat.'): ColumnSpec =>
  code('contract_kind', contractKinds, 'Contrats de travail', description, true)

export const durationMonths: ColumnSpec = {
  name: 'duration_months',
  type: { kind: 'integer', min: 0, max: 120 },
  description: 'Durée du contrat en mois (vide : sans terme, ou inconnue).',
}

export const hoursPerWeek = (max: number): ColumnSpec => ({
  name: 'hours_per_week',
  type: { kind: 'decimal', min: 0.01, max },
  description: `Heures par semaine, nombre décimal (point ou virgule : 17.5), au plus ${max}.`,
})

export const commune: ColumnSpec = {
  name: 'commune_code',
  type: { kind: 'commune' },
  description: 'Commune (code INSEE).',
}
export const communeName = text(
  'commune_name',
  100,
  'Nom de la commune, tel qu’écrit (vide : celui de la liste officielle).',
)

export const instant = (name: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'datetime' },
  required,
  description,
})

export const activeColumn = (what: string): ColumnSpec => ({
  name: 'active',
  type: { kind: 'boolean' },
  default: true,
  description: `${what} (vide : true).`,
})

/** the ROME code, when given, must be one of the ROME list (src/shared/employment/rome.ts) */
export function romeIssue(v: Record<string, unknown>, column = 'rome_code'): ColumnIssue[] {
  const c = v[column]
  return typeof c === 'string' && !isRomeCode(c) ? [{ column, message: `code ROME inconnu « ${c} »` }] : []
}

/** at most two decimals: the database keeps two (numeric(…, 2)), so a round trip gives back what was written */
export function twoDecimals(v: Record<string, unknown>, column: string): ColumnIssue[] {
  const n = v[column]
  return typeof n === 'number' && Math.abs(Math.round(n * 100) - n * 100) > 1e-6
    ? [{ column, message: 'au plus deux décimales' }]
    : []
}

export const SIRET = /^[0-9]{14}$/
