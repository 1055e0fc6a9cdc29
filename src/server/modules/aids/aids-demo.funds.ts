import type { Insertable } from 'kysely'
import type { AidFundTable } from './aids.tables.ts'

// The demo organisation's funds (docs/aids.md, « Demo data »), as the 2009 Mission Locale ran them: the State's youth
// integration fund (FIPJ), the département's youth fund (FDAJ: emergency, one-off and reinforced aids, the reinforced
// ones by a monthly commission), the CIVIS / CEJ allowance within its legal ceilings, the young people's project
// committee (CLAP) and the holiday aids (180 € a young person). Each has an envelope for the demo's year.

type DemoFund = Omit<Insertable<AidFundTable>, 'structure_id' | 'id' | 'external_id'> & {
  code: DemoFundCode
  /** the year's envelope, in cents */
  envelopeCents: number
}
export type DemoFundCode = 'FIPJ' | 'FDAJ' | 'CIVIS' | 'CLAP' | 'VACANCES'

/**
 * The CIVIS allowance's legal ceilings in 2009 (décret n° 2005-241 du 14 mars 2005): 300 € a month, 900 € a year, from
 * 18 years of age. Configurable on the fund: the CEJ's allowance follows other rules.
 */
export const CIVIS_MONTH_CENTS = 30_000
export const CIVIS_YEAR_CENTS = 90_000
/** the holiday aid per young person (2009: 258 young people at 180 €) */
export const HOLIDAY_CENTS = 18_000

export const demoFunds: DemoFund[] = [
  {
    code: 'FIPJ',
    name: 'Fonds pour l’insertion professionnelle des jeunes',
    kind: 'individual',
    funder: 'État',
    decided_by: 'officer',
    programme_types: ['civis', 'cej'],
    min_age: 16,
    max_age: 25,
    purposes: ['meals', 'transport', 'clothing', 'accommodation', 'training'],
    tracks: ['emergency', 'ordinary'],
    payment_modes: ['meal_vouchers', 'transport_vouchers', 'third_party', 'transfer'],
    documents: ['Pièce d’identité', 'Justificatif de la démarche (devis, convocation)'],
    ceiling_request_cents: 30_000,
    ceiling_person_year_cents: 90_000,
    envelopeCents: 7_000_000,
  },
  {
    code: 'FDAJ',
    name: 'Fonds départemental d’aide aux jeunes',
    kind: 'individual',
    funder: 'Département du Nord',
    decided_by: 'officer',
    min_age: 18,
    max_age: 25,
    purposes: ['subsistence', 'transport', 'accommodation', 'energy_debt', 'driving_licence', 'childcare'],
    tracks: ['emergency', 'ordinary', 'reinforced'],
    payment_modes: ['transfer', 'cheque', 'third_party'],
    documents: ['Pièce d’identité', 'Justificatif de ressources', 'Justificatif de domicile'],
    ceiling_request_cents: 50_000,
    ceiling_person_year_cents: 150_000,
    envelopeCents: 9_000_000,
  },
  {
    code: 'CIVIS',
    name: 'Allocation CIVIS / CEJ',
    kind: 'allowance',
    funder: 'État',
    decided_by: 'officer',
    programme_types: ['civis', 'cej'],
    min_age: 18,
    max_age: 25,
    purposes: ['allowance'],
    tracks: ['ordinary'],
    payment_modes: ['transfer'],
    documents: ['Attestation des démarches du mois'],
    ceiling_month_cents: CIVIS_MONTH_CENTS,
    ceiling_person_year_cents: CIVIS_YEAR_CENTS,
    envelopeCents: 40_000_000,
  },
  {
    code: 'CLAP',
    name: 'Comité local d’aide aux projets des jeunes',
    kind: 'project',
    funder: 'Communauté urbaine de Dunkerque',
    decided_by: 'commission',
    min_age: 16,
    max_age: 25,
    purposes: ['project'],
    tracks: ['ordinary'],
    payment_modes: ['transfer', 'third_party'],
    documents: ['Dossier de projet', 'Budget prévisionnel'],
    ceiling_request_cents: 300_000,
    envelopeCents: 5_000_000,
  },
  {
    code: 'VACANCES',
    name: 'Aides aux vacances des jeunes',
    kind: 'holiday',
    funder: 'Caisse d’allocations familiales du Nord',
    decided_by: 'officer',
    min_age: 16,
    max_age: 25,
    purposes: ['holiday'],
    tracks: ['ordinary'],
    payment_modes: ['third_party'],
    documents: ['Projet de séjour'],
    fixed_amount_cents: HOLIDAY_CENTS,
    envelopeCents: 4_644_000,
  },
]
