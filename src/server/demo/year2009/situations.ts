import { groupOfSituation, type SituationKind } from '../../../shared/nomenclatures/accompaniment.ts'
import { expand, type Random } from '../random.ts'
import { ageOn, birthday, type Day, day, END_2009, openDays, yearEnd, yearOf, yearStart } from './days.ts'
import type { PlanPerson, PlanSituation } from './plan-types.ts'
import { IMMERSIONS_2009, type MeasureGroup, SITUATION_KINDS_BY_YEAR, SITUATION_PERSONS_2009 } from './targets.ts'

// What the youth do: jobs, work-study and integration contracts, training courses, started in 2007, 2008 and 2009.
// 2009 is built person by person to give the report's measures AND persons; 2007 and 2008 only their measures.
// A situation starts after the person's first reception (inside the Mission Locale enrolment, which runs from then).

/** days: [min, max] planned length; null: open-ended */
const LENGTH: Record<string, [number, number] | null> = {
  cdi: null,
  cdd: [30, 180],
  interim: [5, 60],
  seasonal: [30, 90],
  self_employed: null,
  other_employment: [60, 240],
  apprenticeship: [365, 730],
  professionalisation: [180, 730],
  subsidised_contract: [180, 365],
  insertion_contract: [120, 365],
  qualifying_training: [90, 270],
  pre_qualifying_training: [60, 150],
  orientation_training: [30, 60],
  basic_skills_training: [30, 120],
  return_to_school: [240, 300],
  immersion: [5, 15],
}
const EMPLOYERS = [
  'Littoral Intérim',
  'Nord Propreté Services',
  'Boulangerie du Beffroi',
  'Transports Flandre Maritime',
  'Restaurant Le Phare',
  'Hypermarché des Dunes',
  'Chantier naval du Port Est',
  'Logistique Côte d’Opale',
  'Maintenance Industrielle du Dunkerquois',
  'Garage du Kursaal',
  'Aide à domicile Flandre',
  'Bâtiment Wateringues',
]
const INTEGRATION = ['Mairie', 'Centre communal d’action sociale', 'ACI Jardins du Littoral', 'EI Recyclerie des Dunes']
const TRAINING = [
  'Centre de formation du Littoral',
  'Institut des métiers de la mer',
  'Atelier savoirs de base',
  'Lycée',
]

const kindsOf = (year: 2007 | 2008 | 2009, group: MeasureGroup) =>
  Object.fromEntries(
    Object.entries(SITUATION_KINDS_BY_YEAR[year]).filter(([k]) => groupOfSituation(k as SituationKind) === group),
  ) as Record<string, number>
const countOf = (year: 2007 | 2008 | 2009, group: MeasureGroup) =>
  Object.values(kindsOf(year, group)).reduce((a, b) => a + b, 0)

function organisation(r: Random, kind: string): string | null {
  const g = groupOfSituation(kind as SituationKind)
  if (g === 'employment' || g === 'work_study' || kind === 'immersion') return r.pick(EMPLOYERS)
  if (g === 'integration_contract') return r.pick(INTEGRATION)
  return kind === 'return_to_school' ? 'Lycée professionnel' : r.pick(TRAINING)
}

/** the situations of one person in one window, one after the other */
function place(r: Random, p: PlanPerson, kinds: string[], from: Day, to: Day): PlanSituation[] {
  const days = openDays(from, to)
  const starts = kinds.map(() => r.pick(days)).sort((a, b) => a - b)
  return r.shuffle([...kinds]).map((kind, k) => {
    const len = LENGTH[kind]
    const start = starts[k]
    let planned = len ? start + r.int(len[0], len[1]) : null
    if (kind === 'return_to_school') {
      // until the end of the school year
      const june = day(yearOf(start), 6, 30)
      planned = start < june - 60 ? june : day(yearOf(start) + 1, 6, 30)
    }
    const next = starts[k + 1]
    // a short contract ends before the next one starts; an open-ended one ends when the next job begins
    let end = planned !== null && planned <= END_2009 ? planned : null
    if (
      next !== undefined &&
      next > start &&
      (end === null || end >= next) &&
      groupOfSituation(kind as SituationKind) === 'employment'
    )
      end = next - 1
    if (kind === 'cdi' && end === null && r.chance(0.15) && start + 90 <= END_2009) end = r.int(start + 60, END_2009)
    const hours = kind === 'return_to_school' ? null : kind === 'cdd' && r.chance(0.2) ? 20 + 5 * r.int(0, 2) : 35
    return {
      p: p.i,
      kind,
      start,
      plannedEnd: planned,
      end,
      organisation: organisation(r, kind),
      hours,
      staff: p.referent,
    }
  })
}

/** the window in which a person can start a situation in `year`: after the first reception (and 18 for a job) */
function window(p: PlanPerson, year: number, adult: boolean): [Day, Day] {
  const from = Math.max(yearStart(year), p.firstReception + 7, birthday(p.birth, adult ? 18 : 16))
  return [from, Math.min(yearEnd(year) - 10, p.mlExit ?? END_2009)]
}
const fits = (p: PlanPerson, year: number, adult: boolean) => {
  const [a, b] = window(p, year, adult)
  return b - a >= 30
}

/** spreads `extra` additional measures over `n` persons, at most `max` more each */
function extras(r: Random, n: number, extra: number, max: number): number[] {
  const out = new Array<number>(n).fill(1)
  for (let k = 0; k < extra; ) {
    const j = r.int(0, n - 1)
    if (out[j] <= max) {
      out[j]++
      k++
    }
  }
  return out
}

export function plan2009(r: Random, persons: PlanPerson[]): PlanSituation[] {
  const inContact = persons.filter((p) => p.kind !== 'lapsed')
  const adults = r.shuffle(inContact.filter((p) => fits(p, 2009, true)))
  const used = new Set<number>()
  const take = (pool: PlanPerson[], n: number) => {
    const out = pool.filter((p) => !used.has(p.i)).slice(0, n)
    if (out.length < n) throw new Error('situations 2009: not enough youth')
    for (const p of out) used.add(p.i)
    return out
  }
  // persons per group, then the number of measures each: the groups' person and measure counts are the report's
  const members: Record<MeasureGroup, PlanPerson[]> = {
    employment: [],
    work_study: [],
    integration_contract: [],
    training: [],
  }
  for (const set of SITUATION_PERSONS_2009.employmentSets) {
    const chosen = take(adults, set.count)
    for (const g of set.groups) members[g].push(...chosen)
    members.training.push(...chosen.slice(0, set.withTraining))
  }
  const others = r.shuffle(inContact.filter((p) => fits(p, 2009, false)))
  members.training.push(...take(others, SITUATION_PERSONS_2009.trainingOnly))

  const kindsByPerson = new Map<number, string[]>()
  for (const g of ['employment', 'work_study', 'integration_contract', 'training'] as const) {
    const group = r.shuffle(members[g])
    const counts = extras(r, group.length, countOf(2009, g) - group.length, g === 'employment' ? 3 : 1)
    const deck = r.shuffle(expand(kindsOf(2009, g)))
    // a CDI goes to someone with one job in the year; a return to school to the youngest
    if (g === 'employment') deck.sort((a, b) => Number(a === 'cdi') - Number(b === 'cdi'))
    const pairs = group.map((p, k) => [p, counts[k]] as const)
    if (g === 'employment') pairs.sort((a, b) => b[1] - a[1])
    const slots = pairs.flatMap(([p, n]) => Array.from({ length: n }, () => p))
    if (g === 'training') {
      const rest = deck.filter((k) => k !== 'return_to_school')
      const back = deck.length - rest.length
      slots.sort((a, b) => b.birth - a.birth)
      deck.splice(0, deck.length, ...Array(back).fill('return_to_school'), ...rest)
    }
    slots.forEach((p, k) => {
      kindsByPerson.set(p.i, [...(kindsByPerson.get(p.i) ?? []), deck[k]])
    })
  }
  const out: PlanSituation[] = []
  for (const p of persons) {
    const kinds = kindsByPerson.get(p.i)
    if (!kinds) continue
    const adult = kinds.some((k) =>
      ['employment', 'integration_contract'].includes(groupOfSituation(k as SituationKind)),
    )
    const [from, to] = window(p, 2009, adult)
    out.push(...place(r, p, kinds, from, to))
  }
  for (const p of r.shuffle(inContact.filter((x) => fits(x, 2009, false))).slice(0, IMMERSIONS_2009)) {
    const [from, to] = window(p, 2009, false)
    out.push(...place(r, p, ['immersion'], from, to))
  }
  return out
}

/** 2007 and 2008: the report's measures per group, for youth already received then and still followed in 2009 */
export function planEarlier(r: Random, persons: PlanPerson[], year: 2007 | 2008): PlanSituation[] {
  const perPerson: Record<MeasureGroup, number> = {
    employment: 1.5,
    work_study: 1.03,
    integration_contract: 1.1,
    training: 1.15,
  }
  const byPerson = new Map<number, string[]>()
  for (const g of ['employment', 'work_study', 'integration_contract', 'training'] as const) {
    const adult = g === 'employment' || g === 'integration_contract'
    const pool = r.shuffle(
      persons.filter((p) => p.kind !== 'new' && fits(p, year, adult) && ageOn(p.birth, yearStart(year)) < 26),
    )
    const total = countOf(year, g)
    const group = pool.slice(0, Math.round(total / perPerson[g]))
    const counts = extras(r, group.length, total - group.length, g === 'employment' ? 3 : 1)
    const deck = r.shuffle(expand(kindsOf(year, g)))
    let k = 0
    group.forEach((p, j) => {
      for (let n = 0; n < counts[j]; n++) byPerson.set(p.i, [...(byPerson.get(p.i) ?? []), deck[k++]])
    })
  }
  const out: PlanSituation[] = []
  for (const p of persons) {
    const kinds = byPerson.get(p.i)
    if (!kinds) continue
    const adult = kinds.some((k) =>
      ['employment', 'integration_contract'].includes(groupOfSituation(k as SituationKind)),
    )
    const [from, to] = window(p, year, adult)
    out.push(...place(r, p, kinds, from, to))
  }
  return out
}
