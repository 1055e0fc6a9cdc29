import type { Random } from '../../../demo/random.ts'
import { type Day, day } from '../../../demo/year2009/days.ts'
import { type AdultSit, type Adults, rsaDay, takeAdults } from './adults.ts'
import { between, iso, type PlacementRow, placementRow } from './people.ts'

// The home-care employment cell of 2009 (docs/demo-2009.md, « Employment »): a candidate pool of the personal services
// sector, for the PLIE part's adults. 6 information sessions; 177 people positioned, 56 of them with an RSA status open
// on that day; 110 interviewed; 97 joined the pool (29 RSA); 74 found a job through it (their existing employment
// situation), 17 of them RSA.

export const HOME_CARE = {
  sessions: [
    day(2009, 1, 15),
    day(2009, 3, 12),
    day(2009, 5, 14),
    day(2009, 6, 18),
    day(2009, 9, 17),
    day(2009, 10, 15),
  ],
  positioned: { rsa: 56, other: 121 },
  interviewedNotJoined: 13,
  joined: { rsa: 29, other: 68 },
  employed: { rsa: 17, other: 57 },
} as const

export function buildHomeCare(
  x: { s: string; r: Random; nextId: () => string; employerIds: string[] },
  adults: Adults,
  poolId: string,
  sessionIds: string[],
) {
  const { r } = x
  const H = HOME_CARE
  const first = H.sessions[0]
  interface M {
    p: string
    positioned: Day
    rsa: boolean
    employed?: PlacementRow
  }
  const members: M[] = []
  const hireOf = (h: AdultSit) =>
    placementRow(x, h, {
      employerId: r.pick(x.employerIds),
      poolId,
      externalId: `EMP2009-HC-${String(members.length + 1).padStart(3, '0')}`,
      jobTitle: 'Aide à domicile',
    })
  // RSA, then hired: positioned on a day of their RSA period, a fortnight at least before the hire
  const rsaHires = adults.sits.filter((h) => rsaDay(adults, r, h.personId, first, h.start - 14) !== null)
  for (const h of takeAdults(adults, r, 'RSA recipients hired', rsaHires, H.employed.rsa))
    members.push({
      p: h.personId,
      positioned: rsaDay(adults, r, h.personId, first, h.start - 14)!,
      rsa: true,
      employed: hireOf(h),
    })
  const otherHires = adults.sits.filter((h) => !adults.rsa.has(h.personId) && h.start >= first + 14)
  for (const h of takeAdults(adults, r, 'people hired', otherHires, H.employed.other))
    members.push({ p: h.personId, positioned: between(r, first, h.start - 14), rsa: false, employed: hireOf(h) })
  const last = day(2009, 12, 10)
  const rsaFree = adults.persons.filter((p) => rsaDay(adults, r, p, first, last) !== null).map((p) => ({ personId: p }))
  for (const h of takeAdults(adults, r, 'RSA recipients positioned', rsaFree, H.positioned.rsa - H.employed.rsa))
    members.push({ p: h.personId, positioned: rsaDay(adults, r, h.personId, first, last)!, rsa: true })
  const otherFree = adults.persons.filter((p) => !adults.rsa.has(p)).map((p) => ({ personId: p }))
  for (const h of takeAdults(adults, r, 'people positioned', otherFree, H.positioned.other - H.employed.other))
    members.push({ p: h.personId, positioned: between(r, first, last), rsa: false })
  // joined: every one hired, then others by status; interviewed: every one who joined and 13 more
  const idle = r.shuffle(members.filter((m) => !m.employed))
  const joinRsa = idle.filter((m) => m.rsa).slice(0, H.joined.rsa - H.employed.rsa)
  const joinOther = idle.filter((m) => !m.rsa).slice(0, H.joined.other - H.employed.other)
  const joined = new Set<M>([...members.filter((m) => m.employed), ...joinRsa, ...joinOther])
  const interviewed = new Set<M>([...joined, ...idle.filter((m) => !joined.has(m)).slice(0, H.interviewedNotJoined)])
  const sessionOf = (d: Day) => {
    let k = 0
    H.sessions.forEach((s, n) => {
      if (s <= d) k = n
    })
    return sessionIds[k]
  }
  const rows = members.map((m, n) => {
    // interview and joining before the hire, when there is one
    const limit = m.employed ? Date.parse(m.employed.start_date) / 86_400_000 - 1 : day(2009, 12, 31)
    const interview = Math.min(m.positioned + r.int(3, 15), limit)
    return {
      structure_id: x.s,
      id: x.nextId(),
      pool_id: poolId,
      person_id: m.p,
      positioned_on: iso(m.positioned),
      positioned_by: null,
      info_session_id: sessionOf(m.positioned),
      interviewed_on: interviewed.has(m) ? iso(interview) : null,
      joined_on: joined.has(m) ? iso(Math.min(interview + r.int(1, 10), limit)) : null,
      left_on: null,
      left_reason: null,
      external_id: `EMP2009-HCM-${String(n + 1).padStart(3, '0')}`,
    }
  })
  return { members: rows, placements: members.flatMap((m) => (m.employed ? [m.employed] : [])) }
}
