import { level2019From1969 } from '../../../shared/nomenclatures/person.ts'
import type { Random } from '../random.ts'
import { ageOn, birthday, type Day, END_2009, openDays } from './days.ts'
import type { PlanAttribute, PlanCivis, PlanPerson, PlanSituation, PlanStatus } from './plan-types.ts'
import { FAMILY_AT_END, FIRST_RECEPTION_MOBILITY, HOUSING_AT_END, LICENCE_AT_END, RESOURCES_AT_END } from './targets.ts'

// The person's situation as recorded at first reception and updated since: family, housing, resources, driving
// licence, means of transport, level and diploma. The values valid on 31/12/2009 give the report's distributions
// exactly; who gets which value follows age, jobs and training under way, CIVIS.

type Scored = { p: PlanPerson; score: number }

/** deals exact counts of each value, in order, to the persons with the highest score for it */
function deal(
  r: Random,
  people: PlanPerson[],
  counts: Record<string, number>,
  order: string[],
  score: (p: PlanPerson, value: string) => number,
): Map<number, string> {
  const out = new Map<number, string>()
  let rest = people
  for (const value of order) {
    const ranked: Scored[] = rest.map((p) => ({ p, score: score(p, value) + r.next() }))
    ranked.sort((a, b) => b.score - a.score)
    for (const { p } of ranked.slice(0, counts[value])) out.set(p.i, value)
    rest = ranked.slice(counts[value]).map((s) => s.p)
  }
  if (rest.length) throw new Error(`attributes: ${rest.length} persons without a value`)
  return out
}

const ongoingAtEnd = (s: PlanSituation) => s.start <= END_2009 && (s.end === null || s.end >= END_2009)

export function planAttributes(
  r: Random,
  persons: PlanPerson[],
  situations: PlanSituation[],
  civis: PlanCivis[],
): { attributes: PlanAttribute[]; statuses: PlanStatus[] } {
  const inContact = persons.filter((p) => p.kind !== 'lapsed')
  const ages = new Map(persons.map((p) => [p.i, ageOn(p.birth, END_2009)]))
  const age = (p: PlanPerson) => ages.get(p.i)!
  const working = new Set<number>()
  const training = new Set<number>()
  const formerlyWorking = new Set<number>()
  for (const s of situations) {
    const g = s.kind
    const isTraining = g.endsWith('training') || g === 'return_to_school'
    if (ongoingAtEnd(s) && g !== 'immersion') (isTraining ? training : working).add(s.p)
    if (!isTraining && s.end !== null && s.end < END_2009) formerlyWorking.add(s.p)
  }
  const inCivis = new Set(civis.filter((c) => c.exit === null).map((c) => c.p))

  const family = deal(r, inContact, FAMILY_AT_END, ['married', 'cohabiting', 'other', 'single'], (p, v) =>
    v === 'single' ? 0 : (age(p) - 16) / (v === 'married' ? 1.2 : v === 'cohabiting' ? 2 : 3),
  )
  const couple = (p: PlanPerson) => ['married', 'cohabiting'].includes(family.get(p.i)!)
  const housing = deal(r, inContact, HOUSING_AT_END, ['own', 'hostel', 'hosted', 'other', 'with_parents'], (p, v) =>
    v === 'own' ? (age(p) - 16) / 2 + (couple(p) ? 4 : 0) : v === 'hostel' ? (age(p) >= 18 ? 0.5 : 0) : 0,
  )
  const resources = deal(
    r,
    inContact,
    RESOURCES_AT_END,
    ['salary', 'training_allowance', 'rsa', 'other', 'unemployment_benefit', 'benefits_family', 'none'],
    (p, v) => {
      if (v === 'salary') return working.has(p.i) ? 10 : 0
      if (v === 'training_allowance') return training.has(p.i) ? 10 : 0
      if (v === 'rsa') return age(p) >= 25 ? 10 + (couple(p) ? 0 : 1) : -100
      if (v === 'other') return inCivis.has(p.i) ? 10 : 0
      if (v === 'unemployment_benefit') return (formerlyWorking.has(p.i) ? 3 : 0) + (age(p) >= 20 ? 1 : 0)
      if (v === 'benefits_family') return p.sex === 'F' && age(p) >= 19 ? 2 : 0
      return 0
    },
  )
  const licence = deal(r, inContact, LICENCE_AT_END, ['holder', 'in_progress', 'unknown', 'none'], (p, v) =>
    v === 'holder'
      ? age(p) < 18
        ? -100
        : (age(p) - 18) / 2 + (working.has(p.i) ? 1 : 0)
      : v === 'in_progress'
        ? age(p) >= 17 && age(p) <= 22
          ? 1
          : 0
        : 0,
  )
  // means of transport on the first reception day (the new ones: the report's shares); a car goes with a licence
  const newOnes = inContact.filter((p) => p.kind === 'new')
  const mobility = deal(
    r,
    newOnes,
    FIRST_RECEPTION_MOBILITY,
    ['car', 'moped', 'none', 'bicycle', 'unrecorded', 'public_transport'],
    (p, v) => (v === 'car' ? (licence.get(p.i) === 'holder' ? 10 : 0) : v === 'moped' ? (age(p) >= 16 ? 1 : 0) : 0),
  )

  const attributes: PlanAttribute[] = []
  const statuses: PlanStatus[] = []
  const add = (p: PlanPerson, attribute: string, value: string, from: Day, level2019: number | null = null) =>
    attributes.push({ p: p.i, attribute, value, from, level2019 })
  for (const p of persons) {
    add(p, 'education_level', p.level, p.levelFrom, level2019From1969(p.level))
    add(p, 'diploma', p.diploma, p.levelFrom)
    const lapsed = p.kind === 'lapsed'
    const end = {
      family_situation: lapsed ? r.weighted(weights(FAMILY_AT_END)) : family.get(p.i)!,
      housing: lapsed ? r.weighted(weights(HOUSING_AT_END)) : housing.get(p.i)!,
      resources: lapsed ? r.weighted(weights({ ...RESOURCES_AT_END, rsa: 0 })) : resources.get(p.i)!,
      driving_licence: lapsed ? r.weighted(weights(LICENCE_AT_END)) : licence.get(p.i)!,
    }
    // the value recorded at first reception, and the change since when there was one
    const later = openDays(p.firstReception + 30, END_2009 - 1)
    for (const [attribute, value] of Object.entries(end)) {
      let before = earlierValue(r, attribute, value, p)
      let when = before && later.length && !lapsed ? r.pick(later) : null
      if (value === 'rsa') {
        // RSA from 25 (2009 rules)
        const from25 = birthday(p.birth, 25)
        if (from25 > p.firstReception) {
          before = 'none'
          when = r.pick(openDays(from25, Math.max(from25, END_2009 - 1)).concat(from25))
        } else if (when === null) when = p.firstReception
        statuses.push({ p: p.i, status: 'rsa', detail: 'socle', start: when, end: null })
      }
      if (before && when !== null && when > p.firstReception) {
        add(p, attribute, before, p.firstReception)
        add(p, attribute, value, when)
      } else add(p, attribute, value, p.firstReception)
    }
    const m =
      p.kind === 'new'
        ? mobility.get(p.i)!
        : r.weighted(weights({ ...FIRST_RECEPTION_MOBILITY, car: end.driving_licence === 'holder' ? 430 : 0 }))
    if (m !== 'unrecorded') add(p, 'mobility', m, p.firstReception)
  }
  return { attributes, statuses }
}

const weights = (counts: Record<string, number>) => Object.entries(counts) as [string, number][]

/** what the person declared at first reception when it has changed since (null: unchanged) */
function earlierValue(r: Random, attribute: string, value: string, p: PlanPerson): string | null {
  const old = p.kind !== 'new'
  if (attribute === 'resources' && value !== 'none') return r.chance(old ? 0.5 : 0.3) ? 'none' : null
  if (attribute === 'driving_licence' && value === 'holder') return r.chance(old ? 0.4 : 0.1) ? 'in_progress' : null
  if (attribute === 'housing' && value === 'own') return r.chance(old ? 0.3 : 0.1) ? 'with_parents' : null
  if (attribute === 'family_situation' && value === 'cohabiting') return r.chance(old ? 0.3 : 0.05) ? 'single' : null
  return null
}
