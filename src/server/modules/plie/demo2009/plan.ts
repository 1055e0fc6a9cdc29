import { groupOfSituation, type SituationKind } from '../../../../shared/nomenclatures/accompaniment.ts'
import { hashString, Random } from '../../../demo/random.ts'
import { type Day, day } from '../../../demo/year2009/days.ts'
import type { Plan } from '../../../demo/year2009/plan-types.ts'
import { type AdultSpec, entryCohort, freeSpec, makeAdult, oldEntry, otherReason, reasonsList } from './adults.ts'
import { CommitteeCalendar } from './committees.ts'
import { planFunding, planOrganisations, planPlieStaff } from './organisation.ts'
import type { PlieAdult, PliePathway, PliePlan, PlieStep } from './plan-types.ts'
import { capacity, contracts, insertionJob, proofStep, training } from './steps.ts'
import {
  CONTRACT_REASONS,
  EMPLOYMENT_STEPS_2009,
  ENTRIES,
  FLOW_2009,
  INTO_EMPLOYMENT_2009,
  PARTNER_EXITS,
  POSITIVE_2009_BY_PUBLIC,
  POSITIVE_BY_YEAR,
  type PositiveReason,
} from './targets.ts'
import { planYouth, someDay } from './youth.ts'

// The PLIE part of the 2009 data set as plain data, from the Mission Locale plan (deterministic: a seeded generator).
// docs/demo-2009.md, "The PLIE", says how each figure is reached. In short:
// - youth (Mission Locale persons, plan in youth.ts): 462 entries of 2009, 326 of 2008, 150 of 2007, all open at the end;
// - 2009 adult entries (925): 140 leave in 2009 (other reasons); 2008 adult entries (743): 150 leave in 2008, 100 in 2009;
// - adults entered 2004–2007 and open at the start of 2009 (the rest of the 3 902): the 675 positive exits of 2009 and
//   347 of its other exits; adults whose pathways closed in 2005–2008 (the positive exits of those years);
// - into employment in 2009 (2 600 for the organisation): the Mission Locale's 2 257 youth (the PLIE youth among them)
//   and 343 adults — those with an employment step in 2009 and those starting an integration contract in 2009.

const PRE_OTHER_EXITS: Record<number, number> = { 2005: 520, 2006: 540, 2007: 560, 2008: 450 }
const E08_EXITS_2008 = { positive: 40, other: 110 }
const E08_OTHER_EXITS_2009 = 100
const E09_OTHER_EXITS_2009 = 140

export function buildPliePlan(ml: Plan, seed = 2009): PliePlan {
  const rng = new Random(hashString('jalon-plie-2009') ^ seed)
  const staff = planPlieStaff()
  const organisations = planOrganisations()
  const hosts = organisations.flatMap((o, k) => (o.kind === 'employer_relations' ? [] : [k]))
  const partners = organisations.flatMap((o, k) => (o.kind === 'employer_relations' ? [k] : []))
  const calendar = new CommitteeCalendar()
  const youth = planYouth(rng.fork('youth'), ml, staff.length, calendar)
  const pathways: PliePathway[] = [...youth.pathways]
  const steps: PlieStep[] = [...youth.steps]
  const adults: PlieAdult[] = []
  const r = rng.fork('adults')
  const add = (spec: AdultSpec) => makeAdult(r, spec, adults, pathways, staff.length)
  const s = rng.fork('steps')

  // entries of 2008 and 2009: the adults complete the youth's counts
  const cohort = (year: 2008 | 2009, from: Day, to: Day, committees?: CommitteeCalendar) => {
    const t = ENTRIES[year]
    const young = youth.pathways.filter((w) => w.entry >= day(year, 1, 1) && w.entry <= day(year, 12, 31))
    const men = young.filter((w) => ml.persons[w.youth!].sex === 'M').length
    const zus = young.filter((w) => ml.persons[w.youth!].zus).length
    const ltu = young.filter((w) => w.longTermUnemployed).length
    const n = t.total - young.length
    const specs = entryCohort(
      r,
      {
        n,
        men: t.men - men,
        rsa: t.rsa,
        ltu: t.longTermUnemployed - ltu,
        rqth: t.disabledWorker,
        zus: t.priorityArea - zus,
      },
      { from, to },
      committees?.fill(r, n),
    )
    return specs.sort((a, b) => a.entry - b.entry)
  }
  const e08 = cohort(2008, day(2008, 1, 3), day(2008, 12, 19))
  const e09 = cohort(2009, day(2009, 1, 5), day(2009, 12, 18), calendar)

  // 2008 adults: the earliest-entered leave in 2008 (40 positive, 110 other), then 100 leave in 2009
  const reasons2008 = reasonsList(r, POSITIVE_BY_YEAR[2008])
  const early08 = r.shuffle(e08.filter((a) => a.entry <= day(2008, 9, 30)))
  early08.slice(0, E08_EXITS_2008.positive + E08_EXITS_2008.other).forEach((a, k) => {
    a.exit = someDay(r, a.entry + 45, day(2008, 12, 30))
    a.reason = k < E08_EXITS_2008.positive ? reasons2008.pop()! : otherReason(r)
  })
  r.shuffle(e08.filter((a) => a.exit === null))
    .slice(0, E08_OTHER_EXITS_2009)
    .forEach((a) => {
      a.exit = someDay(r, day(2009, 1, 5), day(2009, 12, 30))
      a.reason = otherReason(r)
    })
  const p08 = e08.map(add)
  // 2009 adults: 140 leave in 2009; 127 who stay start an insertion job in 2009 (into employment)
  r.shuffle(e09.filter((a) => a.entry <= day(2009, 10, 30)))
    .slice(0, E09_OTHER_EXITS_2009)
    .forEach((a) => {
      a.exit = someDay(r, a.entry + 30, day(2009, 12, 30))
      a.reason = otherReason(r)
    })
  const p09 = e09.map(add)
  for (const w of p09) calendar.seat(w.entry, w.i)

  // positive exits of 2009: adults entered 2004–2007; the priority publics exactly as the report's table
  const positive2009 = positiveSpecs(r)
  const aEmployment = EMPLOYMENT_STEPS_2009.participants - youth.withSteps
  const aIntegration = INTO_EMPLOYMENT_2009 - mlIntoEmployment(ml) - aEmployment
  if (aEmployment < 1 || aIntegration < 2) throw new Error(`PLIE 2009: ${youth.withSteps} youth with steps`)
  // contract exits proven by a 2009 contract (exit in the second half) and the others (contract started in 2008)
  const contractExits = positive2009.filter((p) => CONTRACT_REASONS.includes(p.reason))
  const provenIn2009 = new Set(contractExits.slice(0, Math.round(aEmployment * 0.7)))
  const p2009: PliePathway[] = []
  const withProof: PliePathway[] = []
  const proofStarts = new Map<PliePathway, Day>()
  for (const p of positive2009) {
    const late = provenIn2009.has(p) || p.reason === 'cirma'
    const exit = late ? someDay(r, day(2009, 7, 1), day(2009, 12, 30))! : someDay(r, day(2009, 1, 5), day(2009, 6, 30))!
    const w = add({ ...p.spec, entry: oldEntry(r), exit, reason: p.reason })
    p2009.push(w)
    const back = late ? s.int(30, 150) : CONTRACT_REASONS.includes(p.reason) ? s.int(185, 330) : s.int(20, 200)
    const drawn = someDay(s, exit - back - 5, exit - back)!
    const start = late ? Math.max(drawn, day(2009, 1, 5)) : drawn
    proofStarts.set(w, start)
    if (provenIn2009.has(p)) withProof.push(w)
    steps.push(proofStep(s, w, start))
  }
  // partners credited: among the contract exits of 2009
  const credited = r.shuffle(p2009.filter((w) => CONTRACT_REASONS.includes(w.reason as PositiveReason)))
  let c = 0
  PARTNER_EXITS.forEach(([, n], k) => {
    for (let j = 0; j < n; j++) credited[c++].partner = partners[k]
  })

  // the other adults open at the start of 2009: 347 leave in 2009, the rest stay
  const oldOthers = FLOW_2009.atStart - youth.pathways.filter((w) => w.entry < day(2009, 1, 1)).length
  const openOld = oldOthers - p08.filter((w) => w.exit === null || w.exit >= day(2009, 1, 1)).length - p2009.length
  const otherExits2009 = FLOW_2009.other - E08_OTHER_EXITS_2009 - E09_OTHER_EXITS_2009
  const old: PliePathway[] = []
  for (let k = 0; k < openOld; k++) {
    const leaves = k < otherExits2009
    const exit = leaves ? someDay(r, day(2009, 1, 5), day(2009, 12, 30)) : null
    old.push(add(freeSpec(r, oldEntry(r), exit, leaves ? otherReason(r) : null)))
  }

  // pathways closed in 2005–2008, with their positive exits' proofs
  for (const year of [2005, 2006, 2007, 2008]) {
    const reasons = year === 2008 ? reasons2008 : reasonsList(r, POSITIVE_BY_YEAR[year])
    const n = reasons.length + PRE_OTHER_EXITS[year]
    for (let k = 0; k < n; k++) {
      const exit = someDay(r, day(year, 1, 5), day(year, 12, 30))!
      const entry = someDay(r, Math.max(day(2002, 1, 3), exit - 900), Math.min(exit - 180, day(2007, 12, 19)))!
      const reason = k < reasons.length ? reasons[k] : otherReason(r)
      const w = add(freeSpec(r, entry, exit, reason))
      if (k < reasons.length) steps.push(proofStep(s, w, someDay(s, exit - 180, exit - 30)!))
    }
  }

  // employment steps of 2009 for the adults: the 2009 proofs, and contracts of adults still in pathway
  const adultSteps = EMPLOYMENT_STEPS_2009.steps - youth.steps.length
  const stayers = r.shuffle(old.filter((w) => w.exit === null)).slice(0, aEmployment - withProof.length)
  const windows = [
    ...withProof.map((w) => ({
      w,
      from: Math.max(day(2009, 1, 5), w.entry),
      to: proofStarts.get(w)! - 3,
      open: false,
    })),
    ...stayers.map((w) => ({ w, from: day(2009, 1, 5), to: day(2009, 12, 20), open: true })),
  ]
  const count = windows.map((x): number => (x.open ? 1 : 0))
  let extra = adultSteps - withProof.length - count.reduce((a, b) => a + b, 0)
  for (let round = 0; extra > 0 && round < 6; round++)
    windows.forEach((x, k) => {
      if (extra > 0 && count[k] < capacity(x.from, x.to) && count[k] <= round) {
        count[k]++
        extra--
      }
    })
  if (extra !== 0) throw new Error(`PLIE 2009: ${extra} employment steps left over`)
  windows.forEach((x, k) => {
    if (count[k]) steps.push(...contracts(s, x.w, count[k], x.from, x.to, x.open))
  })

  // integration contracts of 2009 (into employment): the CIRMA exit and 2009 adults who stay
  const cirma = p2009.filter((w) => w.reason === 'cirma').length
  const newcomers = r.shuffle(p09.filter((w) => w.exit === null && w.entry <= day(2009, 10, 30)))
  for (const w of newcomers.slice(0, aIntegration - cirma))
    steps.push(
      insertionJob(s, w, someDay(s, w.entry + 14, Math.min(w.entry + 120, day(2009, 12, 1)))!, hosts, organisations),
    )
  // insertion jobs begun before 2009, and trainings of 2009 newcomers (neither counts into employment in 2009)
  const busy = new Set(steps.map((x) => x.pathway))
  for (const w of [...old, ...p08, ...p2009]) {
    if (busy.has(w.i) || w.entry >= day(2008, 12, 1) || !s.chance(0.3)) continue
    if (w.exit !== null && w.exit < day(2009, 1, 1)) continue
    const start = someDay(s, Math.max(w.entry + 20, day(2007, 6, 1)), day(2008, 12, 15))
    if (start !== null) steps.push(insertionJob(s, w, start, hosts, organisations))
  }
  for (const w of p09) {
    if (busy.has(w.i) || !s.chance(0.2) || w.entry > day(2009, 12, 1)) continue
    const to = Math.min(w.exit ?? day(2009, 12, 18), day(2009, 12, 18))
    const start = someDay(s, w.entry + 14, to)
    if (start !== null) steps.push(training(s, w, start))
  }
  return { staff, organisations, adults, pathways, steps, funding: planFunding(), committees: calendar.committees }
}

/** the Mission Locale's youth into employment in 2009: a job, work-study or integration contract started (2 257) */
export function mlIntoEmployment(ml: Plan): number {
  const into = new Set<string>(['employment', 'work_study', 'integration_contract'])
  const persons = new Set<number>()
  for (const x of ml.situations)
    if (
      x.start >= day(2009, 1, 1) &&
      x.start <= day(2009, 12, 31) &&
      into.has(groupOfSituation(x.kind as SituationKind))
    )
      persons.add(x.p)
  return persons.size
}

interface PositiveSpec {
  reason: PositiveReason
  spec: AdultSpec
}

/** the 675 positive exits of 2009, each with its priority public (RSA, disabled worker, priority area or none) */
function positiveSpecs(r: Random): PositiveSpec[] {
  const out: PositiveSpec[] = []
  for (const [reason, n] of Object.entries(POSITIVE_BY_YEAR[2009]) as [PositiveReason, number][]) {
    const tags = r.shuffle([
      ...Array<string>(POSITIVE_2009_BY_PUBLIC.rsa[reason]).fill('rsa'),
      ...Array<string>(POSITIVE_2009_BY_PUBLIC.rqth[reason]).fill('rqth'),
      ...Array<string>(POSITIVE_2009_BY_PUBLIC.zus[reason]).fill('zus'),
    ])
    while (tags.length < n) tags.push('none')
    for (const tag of tags)
      out.push({
        reason,
        spec: {
          entry: 0,
          exit: null,
          reason,
          sex: r.chance(0.55) ? 'M' : 'F',
          rsa: tag === 'rsa',
          disabledWorker: tag === 'rqth',
          zus: tag === 'zus',
          longTermUnemployed: tag === 'none' || r.chance(0.4),
        },
      })
  }
  return r.shuffle(out)
}
