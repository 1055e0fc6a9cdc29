import type { Random } from '../random.ts'
import {
  ageOn,
  birthday,
  type Day,
  day,
  END_2009,
  nextOpenDay,
  openDays,
  START_2009,
  yearEnd,
  yearStart,
} from './days.ts'
import { bandOf } from './people.ts'
import type { PlanCivis, PlanPerson } from './plan-types.ts'
import {
  CIVIS_2009_ENTRIES_EXITED_2009,
  CIVIS_EARLIER_ENDED_2008,
  CIVIS_EARLIER_EXITED_2009,
  CIVIS_EARLIER_OPEN,
  CIVIS_ENTRIES_2009,
  CIVIS_REINFORCED_2009,
} from './targets.ts'

// CIVIS (contrat d'insertion dans la vie sociale): a one-year contract, renewable, for youth under 26 followed by the
// Mission Locale. 2009: 1112 entries (561 women, 278 reinforced, 678 aged 18–21 on entry) and 2131 exits, most of them
// from contracts signed in 2007 and 2008.

const EXIT_2009: [string, number][] = [
  ['cdi', 15],
  ['cdd_over_6_months', 20],
  ['work_study', 10],
  ['qualifying_training', 10],
  ['dropped_out', 25],
  ['moved_away', 10],
  ['other', 10],
]
const EXIT_EARLIER: [string, number][] = [
  ['end_of_programme', 40],
  ['cdi', 10],
  ['cdd_over_6_months', 15],
  ['work_study', 5],
  ['qualifying_training', 5],
  ['dropped_out', 15],
  ['moved_away', 5],
  ['other', 5],
]

const infraVScore = (p: PlanPerson) =>
  (p.level === 'VI' || p.level === 'Vbis' ? 2 : p.level === 'V' ? 1 : 0) + (p.diploma === 'none' ? 1 : 0)

function entries2009(r: Random, persons: PlanPerson[]): PlanCivis[] {
  const candidates = r
    .shuffle(
      persons.flatMap((p) => {
        if (p.kind === 'lapsed') return []
        const entry =
          p.kind === 'new'
            ? p.firstReception <= day(2009, 11, 30)
              ? nextOpenDay(p.firstReception + r.int(7, 45))
              : null
            : r.pick(openDays(START_2009, day(2009, 12, 18)))
        if (entry === null || entry > day(2009, 12, 30)) return []
        const age = ageOn(p.birth, entry)
        if (age < 16 || age > 25) return []
        // most entries are youth received this year, soon after their first reception
        return [{ p, entry, band: bandOf(age), rank: r.next() + (p.kind === 'new' ? 0 : 0.3) }]
      }),
    )
    .sort((a, b) => a.rank - b.rank)
  const quota = structuredClone(CIVIS_ENTRIES_2009) as Record<'F' | 'M', Record<string, number>>
  const chosen = candidates.filter((c) => {
    const q = quota[c.p.sex]
    if (!q[c.band]) return false
    q[c.band]--
    return true
  })
  for (const s of ['F', 'M'] as const)
    for (const [band, left] of Object.entries(quota[s]))
      if (left) throw new Error(`CIVIS 2009: ${left} ${s} ${band} entries missing`)
  // reinforced CIVIS: youth without qualification first
  const reinforced = new Set(
    [...chosen]
      .sort((a, b) => infraVScore(b.p) + r.next() * 1.5 - (infraVScore(a.p) + r.next() * 1.5))
      .slice(0, CIVIS_REINFORCED_2009)
      .map((c) => c.p.i),
  )
  const leaving = new Set(
    r
      .shuffle(chosen.filter((c) => c.entry <= day(2009, 9, 30)))
      .slice(0, CIVIS_2009_ENTRIES_EXITED_2009)
      .map((c) => c.p.i),
  )
  if (leaving.size < CIVIS_2009_ENTRIES_EXITED_2009) throw new Error('CIVIS 2009: not enough early entries')
  return chosen.map(({ p, entry }) => {
    const exit = leaving.has(p.i) ? r.pick(openDays(entry + 60, day(2009, 12, 30))) : null
    return { p: p.i, entry, exit, exitReason: exit ? r.weighted(EXIT_2009) : null, reinforced: reinforced.has(p.i) }
  })
}

function earlier(r: Random, persons: PlanPerson[], taken: Set<number>): PlanCivis[] {
  const out: PlanCivis[] = []
  const pool = r.shuffle(persons.filter((p) => p.kind !== 'new' && !taken.has(p.i)))
  const plans: { year: 2007 | 2008; n: number; exit: 'in2009' | 'in2008' | 'open' }[] = [
    { year: 2007, n: CIVIS_EARLIER_EXITED_2009[2007], exit: 'in2009' },
    { year: 2008, n: CIVIS_EARLIER_EXITED_2009[2008], exit: 'in2009' },
    { year: 2007, n: CIVIS_EARLIER_ENDED_2008, exit: 'in2008' },
    { year: 2008, n: CIVIS_EARLIER_OPEN, exit: 'open' },
  ]
  for (const plan of plans) {
    let left = plan.n
    for (const p of pool) {
      if (!left) break
      if (taken.has(p.i) || (plan.exit === 'open' && p.kind === 'lapsed')) continue
      const from = Math.max(yearStart(plan.year), p.firstReception + 7, birthday(p.birth, 16))
      const to = Math.min(yearEnd(plan.year) - 7, birthday(p.birth, 26) - 1)
      if (to - from < 20) continue
      const entry = r.pick(openDays(from, to))
      let exit: Day | null = null
      if (plan.exit === 'in2009') exit = r.pick(openDays(START_2009, Math.min(p.mlExit ?? END_2009, END_2009)))
      if (plan.exit === 'in2008') exit = r.pick(openDays(Math.max(entry + 90, yearStart(2008)), yearEnd(2008)))
      taken.add(p.i)
      left--
      const reason = exit === null ? null : p.kind === 'lapsed' ? 'dropped_out' : r.weighted(EXIT_EARLIER)
      out.push({ p: p.i, entry, exit, exitReason: reason, reinforced: r.chance(0.25) })
    }
    if (left) throw new Error(`CIVIS ${plan.year}: ${left} contracts missing`)
  }
  return out
}

export function planCivis(r: Random, persons: PlanPerson[]): PlanCivis[] {
  const recent = entries2009(r, persons)
  return [...recent, ...earlier(r, persons, new Set(recent.map((c) => c.p)))]
}
