import type { ColumnIssue, ColumnSpec } from './exchange.types.ts'

// Columns that many files share, so that they read and document the same way everywhere.

export const externalId = (what: string): ColumnSpec => ({
  name: 'external_id',
  type: { kind: 'text', max: 100 },
  required: true,
  description: `Identifiant ${what} dans l’ancien système, unique dans le fichier ; sert à retrouver la ligne à l’import suivant.`,
})

export const personRef: ColumnSpec = {
  name: 'person_external_id',
  type: { kind: 'ref', target: 'person' },
  required: true,
  db: 'person_id',
  description: 'La personne : son external_id dans persons.csv (ou celui d’une personne déjà dans la base).',
}

export const userRef = (name: string, db: string, description: string): ColumnSpec => ({
  name,
  type: { kind: 'ref', target: 'user' },
  db,
  description: `${description} : e-mail d’un utilisateur de users.csv ou de la base.`,
})

export const siteRef = (description: string, required = false): ColumnSpec => ({
  name: 'site_code',
  type: { kind: 'ref', target: 'site' },
  required,
  db: 'site_id',
  description: `${description} : code d’un site de sites.csv ou de la base.`,
})

export const date = (name: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'date' },
  required,
  description,
})

export const text = (name: string, max: number, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'text', max },
  required,
  description,
})

export const minutes: ColumnSpec = {
  name: 'duration_minutes',
  type: { kind: 'integer', min: 0, max: 1440 },
  description: 'Durée en minutes.',
}

/** `later` must not be before `earlier` (both 'yyyy-mm-dd', either may be missing). */
export function notBefore(v: Record<string, unknown>, later: string, earlier: string, message: string): ColumnIssue[] {
  const a = v[later] as string | null
  const b = v[earlier] as string | null
  return a && b && a < b ? [{ column: later, message }] : []
}
