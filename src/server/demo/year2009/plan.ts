import { Random } from '../random.ts'
import { planAttributes } from './attributes.ts'
import { planCivis } from './civis.ts'
import { ageOn, day, END_2009, nextOpenDay, openDays } from './days.ts'
import { planEvents } from './events.ts'
import { planPersons } from './people.ts'
import type { Plan, PlanCivis, PlanEvent, PlanPerson, PlanSituation, PlanStatus } from './plan-types.ts'
import { planPropositions } from './propositions.ts'
import { plan2009, planEarlier } from './situations.ts'
import { JUSTICE_YOUTH } from './targets.ts'
import { antennaOf, planStaff, type StaffMember } from './territory.ts'

// The whole 2009 data set as plain data, computed without a database: persons first (their cells in the report's
// tables), then their contacts, situations, CIVIS contracts, the closing of files, propositions and recorded situation.

export const DEFAULT_SEED = 2009

export function buildPlan(seed = DEFAULT_SEED): Plan {
  const rng = new Random(seed)
  const staff = planStaff()
  const persons = planPersons(rng.fork('persons'), staff)
  const justice = markJustice(rng.fork('justice'), persons, staff)
  const { events, active2008 } = planEvents(rng.fork('events'), persons, staff)
  const situations = [
    ...planEarlier(rng.fork('situations-2007'), persons, 2007),
    ...planEarlier(rng.fork('situations-2008'), persons, 2008),
    ...plan2009(rng.fork('situations-2009'), persons),
  ]
  const civis = planCivis(rng.fork('civis'), persons)
  closeFiles(rng.fork('exits'), persons, events, situations, civis)
  const propositions = planPropositions(rng.fork('propositions'), persons, events, active2008)
  const { attributes, statuses } = planAttributes(rng.fork('attributes'), persons, situations, civis)
  return { staff, persons, attributes, events, propositions, situations, civis, statuses: [...statuses, ...justice] }
}

/** 215 youth under justice supervision; those of Dunkirk are followed by the justice referent */
function markJustice(r: Random, persons: PlanPerson[], staff: StaffMember[]): PlanStatus[] {
  const referent = staff.findIndex((m) => m.justiceReferent)
  const candidates = r
    .shuffle(
      persons.filter(
        (p) => p.kind !== 'lapsed' && ageOn(p.birth, day(2009, 1, 1)) >= 17 && p.firstReception <= day(2009, 10, 1),
      ),
    )
    .sort((a, b) => Number(a.sex === 'F') + r.next() * 0.9 - (Number(b.sex === 'F') + r.next() * 0.9))
  return candidates.slice(0, JUSTICE_YOUTH).map((p) => {
    p.justice = true
    if (antennaOf(p.site) === 'A-DK-CTR') p.referent = referent
    const start = r.pick(openDays(Math.max(p.firstReception, day(2008, 3, 1)), day(2009, 10, 30)))
    const end = r.chance(0.5) ? null : start + r.int(120, 540)
    const detail = r.weighted([
      ['incarcéré', 3],
      ['sursis avec mise à l’épreuve', 5],
      ['placement sous surveillance électronique', 2],
    ])
    return { p: p.i, status: 'justice', detail, start, end }
  })
}

/**
 * The Mission Locale file opens on the first reception and stays open. It is closed in 2009 for youth turning 26
 * (after their last contact), and for some who signed a CDI; never while a CIVIS contract runs.
 */
function closeFiles(
  r: Random,
  persons: PlanPerson[],
  events: PlanEvent[],
  situations: PlanSituation[],
  civis: PlanCivis[],
) {
  const last = new Map<number, number>()
  const bump = (p: number, d: number | null) => {
    if (d !== null && d > (last.get(p) ?? 0)) last.set(p, d)
  }
  for (const e of events) bump(e.p, e.date)
  for (const s of situations) bump(s.p, s.start)
  for (const c of civis) {
    bump(c.p, c.entry)
    bump(c.p, c.exit)
  }
  const running = new Set(civis.filter((c) => c.exit === null).map((c) => c.p))
  const cdi = new Set(situations.filter((s) => s.kind === 'cdi' && s.start >= day(2009, 1, 1)).map((s) => s.p))
  for (const p of persons) {
    if (p.kind === 'lapsed' || running.has(p.i)) continue
    const reason = p.endBand === '26+' ? 'end_of_programme' : cdi.has(p.i) && r.chance(0.4) ? 'cdi' : null
    if (!reason) continue
    const exit = nextOpenDay(last.get(p.i)! + r.int(20, 75))
    if (exit > END_2009) continue
    p.mlExit = exit
    p.mlExitReason = reason
  }
}
