import type { Random } from '../random.ts'
import { type Day, day, END_2008, END_2009, nextOpenDay, openDays, START_2008, START_2009 } from './days.ts'
import type { PlanEvent, PlanPerson } from './plan-types.ts'
import { PROPOSITION_PERSONS_2008 } from './targets.ts'
import { antennaOf, type StaffMember } from './territory.ts'

// Contacts: the first reception, then interviews, workshops, calls… Every youth "in contact" in 2009 has at least one
// event that was not missed; the lapsed have none in 2009 (at most a missed appointment) and their file is closed six
// months after their last contact.

const KINDS: [string, number][] = [
  ['individual_interview', 58],
  ['phone', 16],
  ['workshop', 10],
  ['mail', 8],
  ['info_session', 5],
  ['visit', 3],
]
const MINUTES: Record<string, [number, number] | null> = {
  first_reception: [30, 60],
  individual_interview: [30, 60],
  phone: [5, 15],
  workshop: [90, 180],
  info_session: [60, 120],
  visit: [45, 90],
  mail: null,
}

function event(r: Random, p: PlanPerson, kind: string, date: Day, staff: number): PlanEvent {
  const m = MINUTES[kind]
  const attendance =
    kind === 'mail' || kind === 'first_reception'
      ? 'present'
      : r.weighted<PlanEvent['attendance']>([
          ['present', 86],
          ['excused', 5],
          ['absent', 9],
        ])
  return { p: p.i, kind, date, staff, minutes: m ? 5 * Math.round(r.int(m[0], m[1]) / 5) : null, attendance }
}

/** `n` events on open days drawn in [from, to] */
function followUps(r: Random, p: PlanPerson, n: number, from: Day, to: Day): PlanEvent[] {
  const days = openDays(from, to)
  if (!days.length) return []
  return Array.from({ length: n }, () => event(r, p, r.weighted(KINDS), r.pick(days), p.referent)).sort(
    (a, b) => a.date - b.date,
  )
}

export interface EventsPlan {
  events: PlanEvent[]
  /** persons who receive propositions in 2008 */
  active2008: Set<number>
}

export function planEvents(r: Random, persons: PlanPerson[], staff: StaffMember[]): EventsPlan {
  const reception = new Map<string, number[]>()
  staff.forEach((m, k) => {
    if (m.role === 'reception') reception.set(m.antenna, [...(reception.get(m.antenna) ?? []), k])
  })
  const events: PlanEvent[] = []

  // who had propositions in 2008: every lapsed youth, and the old ones but those received in the last weeks of 2008
  const old = persons.filter((p) => p.kind === 'old').sort((a, b) => b.firstReception - a.firstReception)
  const lapsed = persons.filter((p) => p.kind === 'lapsed')
  const without = old.length + lapsed.length - PROPOSITION_PERSONS_2008
  const late = r.shuffle(old.filter((p) => p.firstReception >= day(2008, 12, 1)))
  const others = r.shuffle(old.filter((p) => p.firstReception < day(2008, 12, 1)))
  const skipped = new Set([...late, ...others].slice(0, without))
  const active2008 = new Set([...lapsed, ...old.filter((p) => !skipped.has(p))].map((p) => p.i))

  for (const p of persons) {
    const own: PlanEvent[] = [
      {
        ...event(r, p, 'first_reception', p.firstReception, r.pick(reception.get(antennaOf(p.site))!)),
        attendance: 'present',
      },
    ]
    if (p.kind === 'lapsed') {
      // last contact in the second half of 2008, file closed about six months later for lack of contact
      const last = r.pick(openDays(Math.max(p.firstReception + 14, day(2008, 7, 1)), day(2008, 12, 19)))
      own.push(...followUps(r, p, r.int(1, 7), Math.max(p.firstReception + 1, START_2008), last - 1))
      own.push({ ...event(r, p, 'individual_interview', last, p.referent), attendance: 'present' })
      p.mlExit = nextOpenDay(last + r.int(186, 200))
      p.mlExitReason = 'dropped_out'
      if (r.chance(0.4))
        own.push({
          ...event(r, p, 'individual_interview', r.pick(openDays(START_2009, p.mlExit - 1)), p.referent),
          attendance: 'absent',
        })
    } else {
      if (active2008.has(p.i)) {
        const from = Math.max(p.firstReception + 1, START_2008)
        const n = Math.max(
          p.firstReception >= START_2008 ? 0 : 1,
          r.int(1, 9) - (p.firstReception >= START_2008 ? 2 : 0),
        )
        const f = followUps(r, p, n, from, END_2008)
        if (f.length && !f.some((e) => e.attendance !== 'absent')) f[0].attendance = 'present'
        own.push(...f)
      }
      const from = p.kind === 'new' ? p.firstReception + 1 : START_2009
      const months = (END_2009 - from) / 30.4
      const n = p.kind === 'new' ? Math.round(months * (0.3 + r.next() * 0.9)) : 1 + r.int(0, 5) + r.int(0, 6)
      const f = followUps(r, p, n, from, END_2009)
      if (p.kind === 'old' && !f.some((e) => e.attendance !== 'absent')) f[0].attendance = 'present'
      own.push(...f)
    }
    events.push(...own)
  }
  return { events, active2008 }
}
