import { type Day, day, END_2009 } from '../../../demo/year2009/days.ts'
import {
  active2009,
  between,
  civis2009,
  employmentSituations,
  isDurable,
  iso,
  type Part,
  type PlacementRow,
  placementOf,
  type Sit,
  take,
} from './people.ts'

// The apprenticeship-promotion programme of 2009 (docs/demo-2009.md, « Employment »): a candidate pool of kind
// « apprenticeship » whose members are the Mission Locale's young people. 595 positioned (informed), 313 interviewed, 483
// joined, of whom 319 in CIVIS (66 %) and 121 living in a priority area (25 %); 81 immersions by 62 of them, 42 of which
// led to a work-study contract (30 apprenticeships: 30 ÷ 62 = 48,4 %); 174 got a durable job through the programme, 104
// of them an apprenticeship (60 %). Every hire is the young person's existing situation (people.ts).

export const APPRENTICESHIP = {
  positioned: 595,
  interviewed: 313,
  joined: 483,
  /** joined, by (CIVIS, priority area): 319 CIVIS, 121 priority area */
  joinedBy: { civisZus: 80, civisOnly: 239, zusOnly: 41, neither: 123 },
  durable: 174,
  durableApprenticeship: 104,
  immersionYouth: 62,
  immersions: 81,
  immersionApprenticeship: 30,
  immersionProfessionalisation: 12,
} as const

const JAN_5 = day(2009, 1, 5)

export function buildApprenticeship(part: Part, poolId: string, immersionRow: ImmersionWriter) {
  const { r, base } = part
  const A = APPRENTICESHIP
  const persons = base.plan.persons
  const civis = civis2009(base)
  const sits = employmentSituations(base)
  const category = (p: number) =>
    civis.has(p) ? (persons[p].zus ? 'civisZus' : 'civisOnly') : persons[p].zus ? 'zusOnly' : 'neither'
  // room before the hire for positioning, joining and an immersion
  const hires = (ok: (x: Sit) => boolean) =>
    [...sits.values()].flatMap((list) =>
      list.filter((x) => ok(x) && x.start >= day(2009, 4, 1) && active2009(persons[x.p]) && isDurable(x)),
    )
  const appr = hires((x) => x.kind === 'apprenticeship')
  const prof = hires((x) => x.kind === 'professionalisation')
  const other = hires((x) => x.kind !== 'apprenticeship' && x.kind !== 'professionalisation')
  const viaImmersionAppr = take(part, 'apprenticeships for immersions', appr, A.immersionApprenticeship)
  const viaImmersionProf = take(part, 'professionalisations for immersions', prof, A.immersionProfessionalisation)
  const directAppr = take(part, 'apprenticeships', appr, A.durableApprenticeship - A.immersionApprenticeship)
  const directOther = take(
    part,
    'durable jobs',
    other,
    A.durable - A.durableApprenticeship - A.immersionProfessionalisation,
  )
  const free = persons.filter((p) => active2009(p) && p.firstReception <= day(2009, 11, 1)).map((p) => ({ p: p.i }))
  const immersionOnly = take(part, 'young people with immersions only', free, A.immersionYouth - 42)

  interface Member {
    p: number
    positioned: Day
    interviewed: Day | null
    joined: Day | null
  }
  const members: Member[] = []
  const placements: PlacementRow[] = []
  const withHire = (x: Sit, immersion: boolean) => {
    const positioned = between(r, JAN_5, x.start - 60)
    const joined = positioned + r.int(0, 14)
    members.push({ p: x.p, positioned, interviewed: null, joined })
    const employerId = r.pick(part.employerIds)
    const placement = placementOf(part, x, {
      employerId,
      poolId,
      externalId: `EMP2009-AP-${String(placements.length + 1).padStart(3, '0')}`,
      jobTitle: x.kind === 'apprenticeship' ? 'Apprenti(e)' : 'Salarié(e)',
    })
    placements.push(placement)
    if (immersion) {
      const starts = joined + r.int(3, 20)
      immersionRow({ p: x.p, employerId, starts, ends: starts + 11, poolId, placementId: placement.id })
    }
  }
  for (const x of viaImmersionAppr) withHire(x, true)
  for (const x of viaImmersionProf) withHire(x, true)
  for (const x of [...directAppr, ...directOther]) withHire(x, false)
  // immersions without a contract: 19 of these 20 young people have two
  immersionOnly.forEach((x, n) => {
    const positioned = between(r, JAN_5, day(2009, 9, 15))
    const joined = positioned + r.int(0, 14)
    members.push({ p: x.p, positioned, interviewed: null, joined })
    const first = joined + r.int(5, 30)
    immersionRow({ p: x.p, employerId: r.pick(part.employerIds), starts: first, ends: first + 11, poolId })
    if (n < A.immersions - 42 - immersionOnly.length) {
      const second = first + 11 + r.int(7, 30)
      immersionRow({ p: x.p, employerId: r.pick(part.employerIds), starts: second, ends: second + 11, poolId })
    }
  })
  // the other young people who joined, so that the joined hold the CIVIS and priority-area shares
  const need: Record<string, number> = { ...A.joinedBy }
  for (const m of members) need[category(m.p)]--
  for (const [cat, n] of Object.entries(need)) {
    if (n < 0) throw new Error(`employment 2009: too many joined young people in ${cat}`)
    for (const x of take(
      part,
      `joined young people (${cat})`,
      free.filter((f) => category(f.p) === cat),
      n,
    )) {
      const positioned = between(r, JAN_5, day(2009, 11, 30))
      members.push({ p: x.p, positioned, interviewed: null, joined: positioned + r.int(0, 14) })
    }
  }
  // informed, never joined
  for (const x of take(part, 'informed young people', free, A.positioned - members.length))
    members.push({ p: x.p, positioned: between(r, JAN_5, day(2009, 12, 10)), interviewed: null, joined: null })
  for (const m of r.shuffle([...members]).slice(0, A.interviewed))
    m.interviewed = Math.min(m.positioned + r.int(1, 10), END_2009)
  const rows = members.map((m, n) => ({
    structure_id: part.s,
    id: part.nextId(),
    pool_id: poolId,
    person_id: base.personIds[m.p],
    positioned_on: iso(m.positioned),
    positioned_by: null,
    info_session_id: null,
    interviewed_on: m.interviewed === null ? null : iso(m.interviewed),
    joined_on: m.joined === null ? null : iso(m.joined),
    left_on: null,
    left_reason: null,
    external_id: `EMP2009-APM-${String(n + 1).padStart(3, '0')}`,
  }))
  return { members: rows, placements }
}

export type ImmersionWriter = (x: {
  p: number
  employerId: string
  starts: Day
  ends: Day
  poolId?: string
  programmeId?: string
  module?: number
  validated?: boolean
  placementId?: string
}) => void
