import { demoSites } from '../../../demo/demo-organisation.ts'
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from '../../../demo/year2009/names.ts'
import type { PlieFunding, PlieOrganisation, PlieStaff } from './plan-types.ts'
import { FLOW_2009, FUNDING_2009, PARTNER_EXITS } from './targets.ts'

// The PLIE's side of the 2009 organisation: its referents, the host organisations and partners, the funding of 2009.

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')

/** 23 pathway referents (the report's 22.2 full-time equivalents), at the antennas, `…@plie2009.demo.jalon.fr` */
export function planPlieStaff(): PlieStaff[] {
  const antennas = demoSites.filter((s) => s.kind === 'antenna').map((s) => s.code)
  return Array.from({ length: 23 }, (_, k) => {
    const first =
      k % 2
        ? MALE_FIRST_NAMES[(k * 7 + 3) % MALE_FIRST_NAMES.length]
        : FEMALE_FIRST_NAMES[(k * 5 + 11) % FEMALE_FIRST_NAMES.length]
    const name = `${first} ${LAST_NAMES[(k * 13 + 29) % LAST_NAMES.length]}`
    return { email: `${fold(name)}@plie2009.demo.jalon.fr`, displayName: name, site: antennas[k % antennas.length] }
  })
}

/** 19 work-integration structures (13 ACI, 4 EI, 1 AI, 1 ETTI) and the 9 employer-relations partners of the report */
export function planOrganisations(): PlieOrganisation[] {
  const aci = [
    'Jardins de la Colme',
    'Chantier du Littoral propre',
    'Atelier Bois des Moëres',
    'Chantier Patrimoine de Bergues',
    'Atelier Couture Solidaire',
    'Ressourcerie des Flandres',
    'Chantier Dunes et Digues',
    'Atelier Vélo Mobilité',
    'Jardins Partagés de Grande-Synthe',
    'Chantier Espaces Verts du Blootland',
    'Atelier Cuisine d’Insertion',
    'Chantier Bâtiment Second Œuvre',
    'Recyclerie du Port',
  ].map((name, k) => ({
    kind: 'aci' as const,
    name,
    agreement: 'Conventionnement État ACI',
    places: 12 + ((k * 5) % 14),
  }))
  const ei = [
    'Entreprise d’insertion Net’Littoral',
    'Flandre Services Bâtiment',
    'Tri Plus Insertion',
    'Restaurant Le Tremplin',
  ].map((name, k) => ({ kind: 'ei' as const, name, agreement: 'Conventionnement État EI', places: 8 + k * 3 }))
  const others = [
    {
      kind: 'ai' as const,
      name: 'Association intermédiaire Coup de Main',
      agreement: 'Conventionnement État AI',
      places: 40,
    },
    {
      kind: 'etti' as const,
      name: 'ETTI Intérim Insertion Côte d’Opale',
      agreement: 'Conventionnement État ETTI',
      places: 25,
    },
  ]
  const partners = PARTNER_EXITS.map(([name]) => ({
    kind: 'employer_relations' as const,
    name,
    agreement: 'Convention PLIE relations entreprises 2009',
    places: null,
  }))
  return [...aci, ...ei, ...others, ...partners]
}

/**
 * The funding used in 2009: 483,73 € per participant in pathway during the year (5 289), of which 209,17 € from the
 * ESF; the rest from the département (RSA), the communes and the State's urban policy.
 */
export function planFunding(): PlieFunding[] {
  const during = FLOW_2009.atStart + FLOW_2009.entries
  const total = FUNDING_2009.perParticipantCents * during
  const esf = FUNDING_2009.esfPerParticipantCents * during
  const departement = 61_250_000
  const communes = 52_600_000
  const urban = total - esf - departement - communes
  const row = (funder: PlieFunding['funder'], operation: string, realisedCents: number): PlieFunding => ({
    funder,
    operation,
    programmedCents: Math.round(realisedCents * 1.04),
    realisedCents,
  })
  return [
    row('esf', 'Accompagnement renforcé et étapes de parcours', esf),
    row('departement', 'Accompagnement des allocataires du RSA', departement),
    row('communes', 'Participation des communes et de la communauté urbaine', communes),
    row('state_urban_policy', 'Politique de la ville — insertion professionnelle', urban),
  ]
}
