import type { Random } from '../../../demo/random.ts'
import { type Day, day } from '../../../demo/year2009/days.ts'
import type { PlieOrganisation, PliePathway, PlieStep } from './plan-types.ts'
import { someDay } from './youth.ts'

// The adults' steps: the situation proving each positive exit, the market-sector contracts of 2009 (the employment
// steps), the insertion jobs in the work-integration structures and some trainings. Only the adults counted into
// employment in 2009 start a job, work-study or integration contract in 2009 (see plan.ts).

const EMPLOYERS = [
  'Logistique Portuaire du Littoral',
  'Transports Flandre Maritime',
  'Propreté Côte d’Opale',
  'Supermarché des Dunes',
  'Métallerie de l’Aa',
  'Restauration Collective Flandres',
  'Aide à Domicile du Dunkerquois',
  'Bâtiment Moëres Construction',
  'Agroalimentaire des Wateringues',
  'Sécurité Gardiennage Nord Littoral',
]
const TEMPING = ['Agence Intérim Flandres', 'Intérim Côte d’Opale', 'Travail Temporaire du Port']
const TRAINING_BODIES = ['Centre de formation du Littoral', 'Greta Grand Littoral', 'AFPA Dunkerque']

const step = (pathway: PliePathway, s: Partial<PlieStep> & Pick<PlieStep, 'kind' | 'start'>): PlieStep => ({
  pathway: pathway.i,
  mlSituation: null,
  plannedEnd: null,
  end: null,
  organisation: null,
  organisationName: null,
  hours: 35,
  proof: false,
  ...s,
})

/** the situation that proves a positive exit, started on `start` */
export function proofStep(r: Random, w: PliePathway, start: Day): PlieStep {
  const employer = r.pick(EMPLOYERS)
  switch (w.reason) {
    case 'cdi':
      return step(w, { kind: 'cdi', start, organisationName: employer, proof: true })
    case 'cdd_over_6_months':
      return step(w, {
        kind: 'cdd',
        start,
        plannedEnd: start + r.int(190, 365),
        organisationName: employer,
        proof: true,
      })
    case 'interim_1215h':
      return step(w, {
        kind: 'interim',
        start,
        plannedEnd: start + r.int(300, 365),
        organisationName: r.pick(TEMPING),
        proof: true,
      })
    case 'work_study':
      return step(w, {
        kind: r.chance(0.85) ? 'professionalisation' : 'apprenticeship',
        start,
        plannedEnd: start + r.int(365, 730),
        organisationName: employer,
        proof: true,
      })
    case 'qualifying_training':
      return step(w, {
        kind: 'qualifying_training',
        start,
        plannedEnd: start + r.int(200, 330),
        organisationName: r.pick(TRAINING_BODIES),
        hours: 30,
        proof: true,
      })
    case 'business_creation':
      return step(w, { kind: 'business_creation', start, organisationName: null, hours: null, proof: true })
    case 'cirma':
      return step(w, {
        kind: 'subsidised_contract',
        start,
        plannedEnd: start + r.int(180, 365),
        hours: 26,
        proof: true,
      })
    default:
      throw new Error(`PLIE 2009: no proof for ${w.reason}`)
  }
}

/** how many contracts of 35 days or more (with a few days between them) fit in [from, to] */
export const capacity = (from: Day, to: Day) => Math.max(0, Math.floor((to - from + 1) / 45))

/** `n` market-sector contracts of at least a month, one after the other in [from, to]; the last may run on */
export function contracts(r: Random, w: PliePathway, n: number, from: Day, to: Day, lastOpen: boolean): PlieStep[] {
  const out: PlieStep[] = []
  const length = Math.floor((to - from + 1) / n)
  for (let k = 0; k < n; k++) {
    const start = someDay(r, from + k * length, from + k * length + Math.min(4, length - 40))!
    const days = r.int(34, length - (start - (from + k * length)) - 3)
    const interim = r.chance(0.35)
    const kind = interim
      ? 'interim'
      : r.weighted([
          ['cdd', 85],
          ['seasonal', 8],
          ['other_employment', 7],
        ] as const)
    const open = lastOpen && k === n - 1 && r.chance(0.5)
    out.push(
      step(w, {
        kind,
        start,
        plannedEnd: start + days,
        end: open ? null : start + days,
        organisationName: interim ? r.pick(TEMPING) : r.pick(EMPLOYERS),
      }),
    )
  }
  return out
}

/** an insertion job in a work-integration structure, started on `start` (ends when planned, unless after 2009) */
export function insertionJob(
  r: Random,
  w: PliePathway,
  start: Day,
  hosts: number[],
  orgs: PlieOrganisation[],
): PlieStep {
  const host = hosts[r.int(0, hosts.length - 1)]
  let plannedEnd = start + r.int(180, 540)
  if (w.exit !== null && w.exit < plannedEnd) plannedEnd = w.exit
  const end = plannedEnd <= day(2009, 12, 31) ? plannedEnd : null
  return step(w, {
    kind: 'insertion_contract',
    start,
    plannedEnd,
    end,
    organisation: host,
    organisationName: orgs[host].name,
    hours: 26,
  })
}

/** a short training (not a positive exit) */
export function training(r: Random, w: PliePathway, start: Day): PlieStep {
  return step(w, {
    kind: r.weighted([
      ['pre_qualifying_training', 5],
      ['orientation_training', 3],
      ['basic_skills_training', 2],
    ] as const),
    start,
    plannedEnd: start + r.int(40, 150),
    organisationName: r.pick(TRAINING_BODIES),
    hours: 30,
  })
}
