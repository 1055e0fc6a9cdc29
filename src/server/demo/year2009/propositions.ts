import { propositionThemes } from '../../../shared/nomenclatures/accompaniment.ts'
import { apportion, expand, type Random } from '../random.ts'
import { END_2008, END_2009, START_2008, START_2009 } from './days.ts'
import type { PlanEvent, PlanPerson, PlanProposition } from './plan-types.ts'
import {
  PROPOSITION_PERSONS_2008,
  PROPOSITION_PERSONS_2009,
  PROPOSITIONS_2008_TOTAL,
  PROPOSITIONS_2009,
} from './targets.ts'

// Propositions are made during contacts: each one is dated on one of the person's events that was not missed.
// 2009: 90 267 for 6 276 youth, by theme as the report prints; 2008: 78 153 for 6 202 youth (+15.5 % and +1.2 %).

const OUTCOMES_2009: [string, number][] = [
  ['achieved', 45],
  ['accepted', 20],
  ['refused', 10],
  ['abandoned', 10],
  ['pending', 15],
]
const OUTCOMES_2008: [string, number][] = [
  ['achieved', 55],
  ['accepted', 15],
  ['refused', 15],
  ['abandoned', 15],
]

function forYear(
  r: Random,
  persons: PlanPerson[],
  contacts: Map<number, PlanEvent[]>,
  eligible: (p: PlanPerson) => boolean,
  nPersons: number,
  themes: Record<string, number>,
  outcomes: [string, number][],
): PlanProposition[] {
  // the youth seen least often are those without any proposition
  const candidates = r
    .shuffle(persons.filter((p) => eligible(p) && contacts.get(p.i)?.length))
    .sort((a, b) => contacts.get(b.i)!.length - contacts.get(a.i)!.length)
  if (candidates.length < nPersons) throw new Error(`propositions: ${candidates.length} candidates for ${nPersons}`)
  const chosen = candidates.slice(0, nPersons)
  const total = Object.values(themes).reduce((a, b) => a + b, 0)
  const perPerson = apportion(
    total,
    chosen.map((p) => contacts.get(p.i)!.length * (0.6 + r.next() * 0.8)),
    1,
  )
  const deck = r.shuffle(expand(themes))
  const out: PlanProposition[] = []
  chosen.forEach((p, k) => {
    const evs = contacts.get(p.i)!
    const perEvent = apportion(
      perPerson[k],
      evs.map(() => 0.5 + r.next()),
    )
    evs.forEach((e, j) => {
      for (let n = 0; n < perEvent[j]; n++) {
        const theme = deck[out.length]
        out.push({
          p: p.i,
          date: e.date,
          domain: propositionThemes[theme as keyof typeof propositionThemes].domain,
          theme,
          outcome: r.weighted(outcomes),
          minutes: 5 * r.int(2, 9),
          staff: p.referent,
        })
      }
    })
  })
  return out
}

function contactsIn(events: PlanEvent[], from: number, to: number): Map<number, PlanEvent[]> {
  const out = new Map<number, PlanEvent[]>()
  for (const e of events)
    if (e.date >= from && e.date <= to && e.attendance !== 'absent') {
      const list = out.get(e.p)
      if (list) list.push(e)
      else out.set(e.p, [e])
    }
  return out
}

export function planPropositions(
  r: Random,
  persons: PlanPerson[],
  events: PlanEvent[],
  active2008: Set<number>,
): PlanProposition[] {
  const base = Object.values(PROPOSITIONS_2009)
  const counts2008 = apportion(PROPOSITIONS_2008_TOTAL, base)
  const themes2008 = Object.fromEntries(Object.keys(PROPOSITIONS_2009).map((t, k) => [t, counts2008[k]]))
  return [
    ...forYear(
      r,
      persons,
      contactsIn(events, START_2009, END_2009),
      (p) => p.kind !== 'lapsed',
      PROPOSITION_PERSONS_2009,
      PROPOSITIONS_2009,
      OUTCOMES_2009,
    ),
    ...forYear(
      r,
      persons,
      contactsIn(events, START_2008, END_2008),
      (p) => active2008.has(p.i),
      PROPOSITION_PERSONS_2008,
      themes2008,
      OUTCOMES_2008,
    ),
  ]
}
