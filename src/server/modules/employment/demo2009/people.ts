import type { Random } from '../../../demo/random.ts'
import { type Day, day, END_2009, isoDay, START_2009 } from '../../../demo/year2009/days.ts'
import type { Year2009Base } from '../../../demo/year2009/insert.ts'
import type { PlanPerson, PlanSituation } from '../../../demo/year2009/plan-types.ts'
import type { ContractKind } from '../employment.tables.ts'

// What the employment parts of the 2009 data set share (docs/demo-2009.md, « Employment »): the Mission Locale part's
// young people and their situations, read from the plan (never from the database), and the hires built on them. A
// placement of the data set is always the person's EXISTING employment situation (same person, kind, start day): it
// creates no situation, so org.into_employment stays what the Mission Locale and PLIE parts give.

export const CONTRACT_KINDS: readonly ContractKind[] = [
  'cdi',
  'cdd',
  'interim',
  'seasonal',
  'apprenticeship',
  'professionalisation',
  'subsidised_contract',
  'insertion_contract',
  'other_employment',
]

export interface Sit {
  /** index in plan.situations (and base.situationIds) */
  k: number
  p: number
  kind: ContractKind
  start: Day
  /** months, rounded; null: open-ended */
  months: number | null
}

/** six months or more, or open-ended (CDI): the indicators' « plus de 6 mois » */
export const isLong = (s: Sit) => s.kind === 'cdi' || (s.months !== null && s.months >= 6)
/** a durable job: a long contract, or work-study */
export const isDurable = (s: Sit) => isLong(s) || s.kind === 'apprenticeship' || s.kind === 'professionalisation'

export interface Part {
  s: string
  r: Random
  nextId: () => string
  base: Year2009Base
  /** persons already given a role in an employment part (by plan index) */
  usedPersons: Set<number>
  /** situations already behind a placement */
  usedSituations: Set<number>
  employerIds: string[]
}

const monthsOf = (x: PlanSituation) => (x.plannedEnd === null ? null : Math.round((x.plannedEnd - x.start) / 30.44))

/** the young people's employment situations starting in 2009, by person */
export function employmentSituations(base: Year2009Base): Map<number, Sit[]> {
  const out = new Map<number, Sit[]>()
  base.plan.situations.forEach((x, k) => {
    if (x.start < START_2009 || x.start > END_2009) return
    if (!(CONTRACT_KINDS as readonly string[]).includes(x.kind)) return
    const months = monthsOf(x)
    if (months !== null && (months < 0 || months > 120)) return
    const list = out.get(x.p) ?? []
    list.push({ k, p: x.p, kind: x.kind as ContractKind, start: x.start, months })
    out.set(x.p, list)
  })
  return out
}

/** a young person followed in 2009 (not a file closed without contact) */
export const active2009 = (p: PlanPerson) => p.kind !== 'lapsed'

/** persons with a CIVIS enrolment open during 2009 (by plan index) */
export function civis2009(base: Year2009Base): Set<number> {
  return new Set(
    base.plan.civis.filter((c) => c.entry <= END_2009 && (c.exit === null || c.exit >= START_2009)).map((c) => c.p),
  )
}

/** the RSA status periods of each person */
export function rsaPeriods(base: Year2009Base): Map<number, [Day, Day][]> {
  const out = new Map<number, [Day, Day][]>()
  for (const x of base.plan.statuses)
    if (x.status === 'rsa') out.set(x.p, [...(out.get(x.p) ?? []), [x.start, x.end ?? day(2099, 1, 1)]])
  return out
}

/** picks `n` of `candidates` (shuffled, unused), marks them used; throws when there are not enough */
export function take<T extends { p: number }>(part: Part, what: string, candidates: T[], n: number): T[] {
  const pool = part.r.shuffle(candidates.filter((c) => !part.usedPersons.has(c.p)))
  const out: T[] = []
  const seen = new Set<number>()
  for (const c of pool) {
    if (out.length === n) break
    if (seen.has(c.p)) continue
    seen.add(c.p)
    out.push(c)
  }
  if (out.length < n) throw new Error(`employment 2009: ${out.length} ${what}, ${n} wanted`)
  for (const c of out) part.usedPersons.add(c.p)
  return out
}

export const between = (r: Random, a: Day, b: Day): Day => (b <= a ? a : r.int(a, b))
export const iso = isoDay

/** the placement row of an existing situation of the plan (same person, kind, start day) */
export function placementOf(part: Part, x: Sit, via: Via) {
  if (part.usedSituations.has(x.k)) throw new Error('employment 2009: a situation behind two placements')
  part.usedSituations.add(x.k)
  const sit = part.base.plan.situations[x.k]
  return placementRow(
    part,
    { ...x, personId: part.base.personIds[x.p], situationId: part.base.situationIds[x.k], hours: sit.hours },
    via,
  )
}

export interface Via {
  employerId: string
  poolId?: string
  operationId?: string
  externalId: string
  jobTitle: string
}

/** the placement row of a situation: the person's hire, with the situation's kind, start and duration */
export function placementRow(
  part: Pick<Part, 's' | 'nextId'>,
  x: {
    personId: string
    situationId: string
    kind: ContractKind
    start: Day
    months: number | null
    hours: number | null
  },
  via: Via,
) {
  return {
    structure_id: part.s,
    id: part.nextId(),
    person_id: x.personId,
    employer_id: via.employerId,
    offer_id: null,
    operation_id: via.operationId ?? null,
    pool_id: via.poolId ?? null,
    contract_kind: x.kind,
    job_title: via.jobTitle,
    rome_code: null,
    start_date: isoDay(x.start),
    duration_months: x.months,
    hours_per_week: x.hours !== null && x.hours > 0 && x.hours <= 60 ? x.hours : null,
    situation_id: x.situationId,
    officer_id: null,
    external_id: via.externalId,
  }
}
export type PlacementRow = ReturnType<typeof placementRow>
