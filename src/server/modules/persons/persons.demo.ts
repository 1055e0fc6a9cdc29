import type { Insertable } from 'kysely'
import { DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { referralSources } from '../../../shared/nomenclatures/accompaniment.ts'
import { type Level1969, level2019From1969, type StatusCode } from '../../../shared/nomenclatures/person.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { demoSites } from '../../demo/demo-organisation.ts'
import { generator, int, pick, type Rng, weighted as weightedPairs } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { findCommune } from '../reference/communes.ts'
import type { PersonAttributeTable, PersonTable, StatusPeriodTable } from './persons.tables.ts'

// About 300 fictitious persons spread over the demo sites: the young of the Mission Locale (16–25 at entry) and adults
// of the PLIE, first received over the last two years, with their situation at entry, some changes since, and
// statuses (RSA, long-term job-seekers, a few RQTH and justice). Deterministic: a generator seeded by a constant.
// The accompaniment loader (demo-accompaniment.ts) runs after this one and reads the person table.

export const DEMO_PERSON_COUNT = 300
const CONSEILLER = 'conseiller@demo.jalon.fr'
const REFERENT_PLIE = 'referent.plie@demo.jalon.fr'

/** names separated by commas, over several lines */
const list = (text: string) => text.trim().split(/\s*,\s*/)
const lastNames = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefèvre, Michel,
  Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefebvre, Mercier, Dupont, Dupond,
  Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel,
  Nicolas, Perrin, Benali, Haddad, Nguyen, Diallo, Kaya, Da Silva, Vandenbussche, Deswarte, Vanhoutte, Coppin,
  Decool, Ben Ahmed, Lemaître, Brunet, Noël, Œuvray
`)
const femaleNames = list(`
  Emma, Léa, Chloé, Manon, Inès, Camille, Sarah, Zoé, Lina, Jade, Maëlle, Anaïs, Yasmine, Océane, Laura, Clara,
  Mélissa, Nour, Aïcha, Justine, Hélène, Sandrine, Nathalie, Fatima
`)
const maleNames = list(`
  Lucas, Hugo, Théo, Nathan, Enzo, Louis, Mathis, Noah, Yanis, Kylian, Rayan, Adam, Tom, Maxime, Dylan, Loïc,
  Benoît, Jérémy, Mehdi, Kévin, Sébastien, Frédéric, Karim, Noé
`)
const streets = list(`
  rue de la Digue, rue des Dunes, avenue de la Mer, rue du Port, place Jean Bart, rue de l’Écluse,
  boulevard Sainte-Barbe, rue des Fusiliers Marins, chemin du Canal, rue Faidherbe
`)
/** communes with priority neighbourhoods (QPV) in the demo territory */
const qpvCommunes = new Set(['59183', '59271', '59155', '59340', '59131'])

/** picks a key with probability proportional to its weight */
const weighted = <T extends string>(r: Rng, weights: Record<T, number>): T =>
  weightedPairs(r, Object.entries(weights) as [T, number][])
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const uuid = (r: Rng) => {
  const hex = Array.from({ length: 32 }, () => int(r, 0, 15).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[int(r, 0, 3)]!
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()

interface Plan {
  site: string
  referent: string | null
  adult: boolean
  fixed?: { lastName: string; firstName: string; sex: 'F' | 'M'; statuses?: StatusCode[] }
}

/** Who goes where: the demo counsellor's caseload, the PLIE referent's, then everybody else over the other sites. */
function plan(i: number, r: Rng): Plan {
  // Fixed identities the demo walkthrough relies on (duplicates, sensitive statuses).
  if (i === 0)
    return {
      site: 'A-DK-CTR',
      referent: CONSEILLER,
      adult: false,
      fixed: { lastName: 'Dupond', firstName: 'Marie', sex: 'F', statuses: ['rqth'] },
    }
  if (i === 1)
    return {
      site: 'A-DK-CTR',
      referent: CONSEILLER,
      adult: false,
      fixed: { lastName: 'Lefèvre', firstName: 'Théo', sex: 'M', statuses: ['justice'] },
    }
  if (i === 2)
    return { site: 'A-BOUR', referent: null, adult: false, fixed: { lastName: 'Lefèvre', firstName: 'Inès', sex: 'F' } }
  if (i < 32) return { site: 'A-DK-CTR', referent: CONSEILLER, adult: false }
  if (i < 42) return { site: 'P-HOND', referent: CONSEILLER, adult: false }
  if (i < 52) return { site: 'A-DK-CTR', referent: null, adult: r() < 0.2 }
  if (i < 77) return { site: 'A-GS', referent: REFERENT_PLIE, adult: true }
  if (i < 92) return { site: 'A-GS', referent: null, adult: false }
  const others = demoSites.map((s) => s.code).filter((c) => !['A-DK-CTR', 'P-HOND', 'A-GS'].includes(c))
  return { site: pick(r, others), referent: null, adult: r() < 0.15 }
}

const levelWeights: Record<Level1969, number> = { VI: 10, Vbis: 15, V: 35, IV: 28, III: 8, II: 3, I: 1 }
function diplomaFor(r: Rng, level: Level1969) {
  if (level === 'VI' || level === 'Vbis') return r() < 0.7 ? 'none' : 'cfg_dnb'
  if (level === 'V') return r() < 0.6 ? 'cap_bep' : 'cfg_dnb'
  if (level === 'IV') return r() < 0.7 ? 'bac' : 'cap_bep'
  return level === 'III' ? 'bac2' : 'bac3plus'
}

interface Rows {
  persons: Insertable<PersonTable>[]
  attributes: Insertable<PersonAttributeTable>[]
  statuses: Insertable<StatusPeriodTable>[]
}

function person(i: number, ctx: DemoContext, today: string, out: Rows) {
  const r = generator(`jalon-demo-person-${i}`)
  const p = plan(i, r)
  const id = uuid(generator(`${ctx.structureId}|${i}`))
  const sex = p.fixed?.sex ?? (r() < 0.5 ? 'F' : 'M')
  const firstName = p.fixed?.firstName ?? pick(r, sex === 'F' ? femaleNames : maleNames)
  const lastName = p.fixed?.lastName ?? pick(r, lastNames)
  const reception = addDays(today, -int(r, 3, 730))
  const ageAtEntry = p.adult ? int(r, 26, 58) : int(r, 16, 25)
  const birthDate = addDays(reception, -Math.round(ageAtEntry * 365.25 + int(r, 0, 360)))
  const siteId = ctx.siteIds.get(p.site)!
  const communeCode = pick(r, demoSites.find((s) => s.code === p.site)!.communes)
  const commune = findCommune(communeCode)
  const referentId = p.referent ? (ctx.userIds.get(p.referent) ?? null) : null
  out.persons.push({
    id,
    structure_id: ctx.structureId,
    last_name: lastName,
    first_name: firstName,
    sex,
    birth_date: birthDate,
    phone:
      r() < 0.9
        ? `0${int(r, 6, 7)} ${Array.from({ length: 4 }, () => String(int(r, 0, 99)).padStart(2, '0')).join(' ')}`
        : null,
    email: r() < 0.6 ? `${fold(firstName)}.${fold(lastName)}${int(r, 1, 99)}@example.org` : null,
    address: `${int(r, 1, 140)} ${pick(r, streets)}`,
    postcode: commune?.postcode ?? null,
    commune_code: communeCode,
    commune_name: commune?.name ?? null,
    priority_area: r() < (qpvCommunes.has(communeCode) ? 0.35 : 0.03) ? 'qpv' : null,
    site_id: siteId,
    referent_id: referentId,
    first_reception_date: reception,
    referral_source: weighted(r, {
      self: 30,
      family_friends: 20,
      france_travail: 20,
      school: 12,
      social_services: 10,
      justice: 2,
      association: 4,
      other: 2,
    } satisfies Record<keyof typeof referralSources.labels, number>),
    search_name: '', // set by the person_search_name trigger
  })

  // Situation at entry, then some changes since (the report counts states on a date, so history is kept).
  const attribute = (name: string, value: string, validFrom: string, level2019: number | null = null) => {
    if (validFrom <= today)
      out.attributes.push({
        structure_id: ctx.structureId,
        person_id: id,
        attribute: name,
        value,
        level_2019: level2019,
        valid_from: validFrom,
        recorded_by: referentId,
      })
  }
  const young = !p.adult
  let level = weighted(r, levelWeights)
  if (ageAtEntry < 18 && !['VI', 'Vbis', 'V'].includes(level)) level = 'V'
  const licence =
    ageAtEntry < 18
      ? weighted(r, { none: 8, in_progress: 2 })
      : young
        ? weighted(r, { none: 6, in_progress: 2, holder: 2 })
        : weighted(r, { none: 9, in_progress: 1, holder: 10 })
  const rsa = !young ? r() < 0.45 : ageAtEntry >= 25 && r() < 0.2
  attribute(
    'family_situation',
    young
      ? weighted(r, { single: 85, cohabiting: 10, married: 3, other: 2 })
      : weighted(r, { single: 45, married: 20, cohabiting: 20, other: 15 }),
    reception,
  )
  const housing = young
    ? weighted(r, { with_parents: 55, hosted: 20, own: 15, hostel: 7, other: 3 })
    : weighted(r, { own: 60, hosted: 20, hostel: 10, other: 10 })
  attribute('housing', housing, reception)
  const resources = rsa
    ? 'rsa'
    : young
      ? weighted(r, { none: 60, benefits_family: 10, salary: 10, unemployment_benefit: 10, other: 10 })
      : weighted(r, { unemployment_benefit: 40, none: 25, salary: 15, benefits_family: 20 })
  attribute('resources', resources, reception)
  attribute('education_level', level, reception, level2019From1969(level))
  attribute('diploma', diplomaFor(r, level), reception)
  attribute('driving_licence', licence, reception)
  attribute(
    'mobility',
    licence === 'holder' && r() < 0.6 ? 'car' : weighted(r, { public_transport: 50, bicycle: 15, moped: 10, none: 25 }),
    reception,
  )
  if (r() < 0.4) {
    const d1 = addDays(reception, int(r, 30, 240))
    if (licence !== 'holder' && r() < 0.6) {
      const holderFrom = licence === 'none' ? addDays(d1, int(r, 90, 300)) : d1
      if (licence === 'none') attribute('driving_licence', 'in_progress', d1)
      if (r() < 0.6) {
        attribute('driving_licence', 'holder', holderFrom)
        attribute('mobility', 'car', addDays(holderFrom, 30))
      }
    }
    if (housing !== 'own' && r() < 0.4) attribute('housing', 'own', addDays(reception, int(r, 60, 500)))
    if (!rsa && resources !== 'salary' && r() < 0.5)
      attribute('resources', pick(r, ['salary', 'training_allowance', 'other']), addDays(reception, int(r, 40, 400)))
    if (young && level === 'V' && r() < 0.3) {
      const d = addDays(reception, int(r, 200, 600))
      attribute('education_level', 'IV', d, 4)
      attribute('diploma', 'bac', d)
    }
  }

  const status = (code: StatusCode, start: string, end: string | null = null, detail: string | null = null) =>
    out.statuses.push({
      structure_id: ctx.structureId,
      person_id: id,
      status: code,
      detail,
      start_date: start,
      end_date: end && end < today ? end : null,
      recorded_by: referentId,
    })
  for (const code of p.fixed?.statuses ?? []) status(code, addDays(reception, -int(r, 30, 400)))
  const rsaEnd = r() < 0.25 ? addDays(reception, int(r, 60, 500)) : null
  if (rsa) status('rsa', addDays(reception, -int(r, 20, young ? 60 : 900)), rsaEnd)
  if ((!young && r() < 0.35) || (young && ageAtEntry >= 20 && r() < 0.06))
    status('long_term_unemployed', addDays(reception, -int(r, 0, 200)))
  if (!p.fixed && r() < (young ? 0.03 : 0.08))
    status('rqth', addDays(reception, -int(r, 30, young ? 300 : 1500)), null, 'Reconnaissance MDPH')
  if (!p.fixed && r() < (young ? 0.02 : 0.03))
    status('justice', addDays(reception, -int(r, 0, 300)), addDays(reception, int(r, 90, 540)))
}

/** The demo's persons (the persons module's demo loader, before the accompaniment's, which records their first receptions). */
export async function loadDemoPersons(_tx: Tx, ctx: DemoContext) {
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE) // the demo organisation keeps the default zone
  const rows: Rows = { persons: [], attributes: [], statuses: [] }
  for (let i = 0; i < DEMO_PERSON_COUNT; i++) person(i, ctx, today, rows)
  await ctx.bulk.write('person', rows.persons)
  for (const p of rows.persons) ctx.personIds.push(p.id as string)
  await ctx.bulk.write('person_attribute', rows.attributes)
  await ctx.bulk.write('status_period', rows.statuses)
}
