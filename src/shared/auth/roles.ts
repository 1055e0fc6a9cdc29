import { z } from 'zod'

export const roles = [
  'admin',
  'director',
  'counsellor',
  'reception',
  'training_officer',
  'employment_officer',
  'aid_officer',
  'statistician',
  'partner',
] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const roleLabels: Record<Role, string> = {
  admin: 'Administrateur',
  director: 'Direction',
  counsellor: 'Conseiller',
  reception: "Chargé d'accueil",
  training_officer: 'Chargé de formation',
  employment_officer: 'Chargé de relations entreprises',
  aid_officer: 'Chargé des aides financières',
  statistician: 'Statisticien',
  partner: 'Partenaire',
}

/** What the navigation offers each role; the server enforces the same rules in each module's policy. */
export const capabilities = {
  administration: ['admin'],
  audit: ['admin', 'director'],
  // Indicators and the annual report: reportingPolicy (src/server/reporting/reporting.policy.ts).
  statistics: ['director', 'statistician', 'counsellor'],
  // Person files: the same lists as personPolicy (src/server/modules/persons/person.policy.ts).
  persons: ['director', 'counsellor', 'reception', 'training_officer', 'employment_officer', 'aid_officer'],
  personCreate: ['counsellor', 'reception'],
  personFile: ['director', 'counsellor'],
  personSensitive: ['director', 'counsellor'],
  caseload: ['counsellor', 'director'],
  // Export/import of the person files (jalon bundle, API): the director only, on a session that gave the second factor
  // (exchangePolicy, src/server/modules/exchange/exchange.policy.ts). The admin moves the configuration only.
  dataExchange: ['director'],
} as const satisfies Record<string, readonly Role[]>
export type Capability = keyof typeof capabilities

export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role)
}
