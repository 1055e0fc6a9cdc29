import { day } from '../../../demo/year2009/days.ts'
import type { ImmersionWriter } from './apprenticeship.ts'
import {
  active2009,
  between,
  civis2009,
  employmentSituations,
  isLong,
  type Part,
  type PlacementRow,
  placementOf,
  take,
} from './people.ts'

// The CIVIS immersions of 2009 (docs/demo-2009.md, « Employment »): a programme in three modules (discover, confirm the
// project, recruitment) for young people in CIVIS. 132 young people, 29 of them in a priority area; module 1: 6, all
// validated; module 2: 15, 14 validated (93,3 %); module 3: 111, after which 54 signed a contract (their existing
// employment situation), 49 of six months or more.

export const CIVIS_IMMERSIONS = {
  youth: 132,
  zus: 29,
  module1: { youth: 6, validated: 6 },
  module2: { youth: 15, validated: 14 },
  module3: { youth: 111, contracts: 54, long: 49 },
} as const

export function buildCivisImmersions(part: Part, programmeId: string, immersion: ImmersionWriter) {
  const { r, base } = part
  const C = CIVIS_IMMERSIONS
  const persons = base.plan.persons
  const civis = civis2009(base)
  const sits = employmentSituations(base)
  const hires = [...sits.values()].flatMap((list) =>
    list.filter((x) => civis.has(x.p) && active2009(persons[x.p]) && x.start >= day(2009, 2, 15)),
  )
  const long = take(part, 'CIVIS long contracts', hires.filter(isLong), C.module3.long)
  const short = take(
    part,
    'CIVIS short contracts',
    hires.filter((x) => !isLong(x)),
    C.module3.contracts - C.module3.long,
  )
  const placements: PlacementRow[] = []
  for (const x of [...long, ...short]) {
    const employerId = r.pick(part.employerIds)
    const placement = placementOf(part, x, {
      employerId,
      externalId: `EMP2009-IM-${String(placements.length + 1).padStart(3, '0')}`,
      jobTitle: 'Salarié(e)',
    })
    placements.push(placement)
    const starts = x.start - r.int(20, 40)
    immersion({
      p: x.p,
      employerId,
      starts,
      ends: starts + 11,
      programmeId,
      module: 3,
      validated: true,
      placementId: placement.id,
    })
  }
  const hired = [...long, ...short]
  const zusLeft = C.zus - hired.filter((x) => persons[x.p].zus).length
  const free = persons.filter((p) => civis.has(p.i) && active2009(p)).map((p) => ({ p: p.i }))
  const rest = C.youth - hired.length
  const others = [
    ...take(
      part,
      'CIVIS young people in a priority area',
      free.filter((x) => persons[x.p].zus),
      zusLeft,
    ),
    ...take(
      part,
      'CIVIS young people',
      free.filter((x) => !persons[x.p].zus),
      rest - zusLeft,
    ),
  ]
  r.shuffle(others)
  const modules = [
    ...Array<number>(C.module1.youth).fill(1),
    ...Array<number>(C.module2.youth).fill(2),
    ...Array<number>(C.module3.youth - hired.length).fill(3),
  ]
  const validated = { 1: C.module1.validated, 2: C.module2.validated, 3: Number.POSITIVE_INFINITY }
  const done: Record<number, number> = { 1: 0, 2: 0, 3: 0 }
  others.forEach((x, n) => {
    const module = modules[n]
    const ok = module === 3 ? r.chance(0.6) : done[module] < validated[module as 1 | 2]
    done[module]++
    const starts = between(r, day(2009, 1, 12), day(2009, 11, 30))
    immersion({
      p: x.p,
      employerId: r.pick(part.employerIds),
      starts,
      ends: starts + 11,
      programmeId,
      module,
      validated: ok,
    })
  })
  return { placements }
}
