import { apportion } from '../../../demo/random.ts'
import { type Day, day, ymd } from '../../../demo/year2009/days.ts'
import type { ClauseCriterion, ContractKind } from '../employment.tables.ts'
import { type Adults, takeAdults } from './adults.ts'
import { active2009, iso, type Part, take } from './people.ts'

// The procurement social clauses of 2009 (docs/demo-2009.md, « Employment »): 53 sites (clause operations) whose lots
// were awarded to 40 companies; 110 participants (33 adults on the RSA criterion, 64 young people below the baccalaureate, 13
// adults on other criteria) worked 54 447 hours on them; 132 contracts started in 2009, 69 of six months or more, 37 of which
// professionalisation contracts. The clause contracts are not placements: they create no situation.

export const CLAUSES = {
  hours: 54447,
  sites: 53,
  companies: 40,
  participants: { rsa: 33, youth_below_bac: 64, long_term_job_seeker: 8, insertion_pathway: 5 },
  contracts: 132,
  /** kind, how many, months (null: open-ended) */
  kinds: [
    ['professionalisation', 37, [6, 24]],
    ['cdi', 6, null],
    ['cdd', 16, [6, 12]],
    ['insertion_contract', 10, [6, 12]],
    ['cdd', 40, [1, 5]],
    ['interim', 23, [1, 3]],
  ] as [ContractKind, number, [number, number] | null][],
} as const

const AUTHORITIES = ['Communauté urbaine de Dunkerque', 'Ville de Dunkerque', 'Partenord Habitat', 'Habitat du Nord']
const WORKS = [
  'Rénovation urbaine',
  'Réhabilitation de logements',
  'Voirie et réseaux',
  'Construction d’un équipement',
  'Espaces verts',
]
const COMMUNES: [string, string][] = [
  ['59183', 'Dunkerque'],
  ['59271', 'Grande-Synthe'],
  ['59155', 'Coudekerque-Branche'],
  ['59131', 'Cappelle-la-Grande'],
  ['59273', 'Gravelines'],
]

const monthIndex = (d: Day) => ymd(d)[1] - 1

export function buildClauses(part: Part, adults: Adults, companyIds: string[]) {
  const { r, base, s } = part
  const K = CLAUSES
  const persons = base.plan.persons
  const operations = Array.from({ length: K.sites }, (_, k) => {
    const [code, name] = COMMUNES[k % COMMUNES.length]
    return {
      structure_id: s,
      id: part.nextId(),
      name: `${r.pick(WORKS)} — ${name} (${k + 1})`,
      contracting_authority: r.pick(AUTHORITIES),
      contract_ref: `MP-2009-${String(k + 1).padStart(3, '0')}`,
      site_label: `Chantier ${k + 1} — ${name}`,
      commune_code: code,
      commune_name: name,
      starts_on: iso(day(2008, 9, 1) + r.int(0, 300)),
      ends_on: null,
      status: 'running' as const,
      facilitator_id: null,
      external_id: `EMP2009-CO${String(k + 1).padStart(2, '0')}`,
    }
  })
  // each site's first lot goes to company k mod 40: every site and every company has one; 22 sites a second lot
  const lots = operations.flatMap((o, k) =>
    [0, ...(k < 22 ? [1] : [])].map((n) => ({
      structure_id: s,
      id: part.nextId(),
      operation_id: o.id,
      label: `Lot ${n + 1}`,
      employer_id: n === 0 ? companyIds[k % companyIds.length] : r.pick(companyIds),
      required_hours: r.int(6, 20) * 100,
      external_id: `EMP2009-CL${String(k + 1).padStart(2, '0')}-${n + 1}`,
    })),
  )
  // participants: adults on the RSA criterion (a status open in 2009) or long-term job seekers, young people below the
  // baccalaureate
  const y = (p: number) => base.personIds[p]
  const open2009 = (p: string) =>
    (adults.rsa.get(p) ?? []).some(([a, b]) => a <= day(2009, 11, 1) && b >= day(2009, 1, 1))
  const below = (p: number) =>
    ['V', 'Vbis', 'VI'].includes(persons[p].level) && !['bac', 'bac2', 'bac3plus'].includes(persons[p].diploma)
  const others = K.participants.long_term_job_seeker + K.participants.insertion_pathway
  const chosen = [
    ...takeAdults(
      adults,
      r,
      'RSA clause participants',
      adults.persons.filter(open2009).map((p) => ({ personId: p, c: 'rsa' as ClauseCriterion })),
      K.participants.rsa,
    ),
    ...take(
      part,
      'clause participants below the baccalaureate',
      persons.filter((p) => active2009(p) && below(p.i)).map((p) => ({ p: p.i })),
      K.participants.youth_below_bac,
    ).map((x) => ({ personId: y(x.p), c: 'youth_below_bac' as ClauseCriterion })),
    ...takeAdults(
      adults,
      r,
      'other clause participants',
      adults.persons.filter((p) => !adults.rsa.has(p)).map((p) => ({ personId: p, c: 'other' as ClauseCriterion })),
      others,
    ).map((x, k) => ({
      ...x,
      c: (k < K.participants.long_term_job_seeker ? 'long_term_job_seeker' : 'insertion_pathway') as ClauseCriterion,
    })),
  ]
  const rsaStart = (p: string) =>
    Math.max(day(2009, 1, 5), ...(adults.rsa.get(p) ?? []).filter(([, b]) => b >= day(2009, 1, 1)).map(([a]) => a))
  const participants = chosen.map((x, k) => ({
    structure_id: s,
    id: part.nextId(),
    person_id: x.personId,
    criterion: x.c,
    validated_on: iso(
      x.c === 'rsa' ? Math.min(rsaStart(x.personId), day(2009, 11, 1)) : day(2009, 1, 5) + r.int(0, 250),
    ),
    validated_by: null,
    external_id: `EMP2009-CP${String(k + 1).padStart(3, '0')}`,
  }))
  // contracts: one each (the long ones first), then a second for 22 of those on a short contract
  const kinds = K.kinds.flatMap(([kind, n, months]) =>
    Array.from({ length: n }, () => ({ kind, months: months === null ? null : r.int(months[0], months[1]) })),
  )
  const firsts = r.shuffle(kinds.slice(0, chosen.length))
  const seconds = kinds.slice(chosen.length)
  type C = { p: string; lot: number; kind: ContractKind; months: number | null; start: Day }
  const contracts: C[] = firsts.map((x, k) => {
    const p = chosen[k].personId
    const v = Date.parse(participants[k].validated_on) / 86_400_000
    return {
      p,
      lot: k < K.sites ? lotOfSite(lots, operations, k) : r.int(0, lots.length - 1),
      ...x,
      start: Math.min(v + r.int(3, 30), day(2009, 11, 2)),
    }
  })
  const short = contracts.filter(
    (c) => c.months !== null && c.months < 6 && c.start + c.months * 31 < day(2009, 11, 15),
  )
  if (short.length < seconds.length) throw new Error('employment 2009: too few short clause contracts for second ones')
  seconds.forEach((x, k) => {
    const first = short[k]
    let lot = r.int(0, lots.length - 1)
    if (lot === first.lot) lot = (lot + 1) % lots.length
    contracts.push({ p: first.p, lot, ...x, start: first.start + (first.months ?? 0) * 31 + r.int(1, 14) })
  })
  const contractRows = contracts.map((c, k) => ({
    structure_id: s,
    id: part.nextId(),
    lot_id: lots[c.lot].id,
    person_id: c.p,
    contract_kind: c.kind,
    starts_on: iso(c.start),
    duration_months: c.months,
    placement_id: null,
    external_id: `EMP2009-CC${String(k + 1).padStart(3, '0')}`,
  }))
  // hours: every month of a contract in 2009, 54 447 in all
  const cells: { lot: number; p: string; month: number; weight: number }[] = []
  for (const c of contracts) {
    const from = monthIndex(c.start)
    const to = c.months === null ? 11 : Math.min(11, from + c.months - 1)
    for (let m = from; m <= to; m++)
      if (!cells.some((x) => x.lot === c.lot && x.p === c.p && x.month === m))
        cells.push({ lot: c.lot, p: c.p, month: m, weight: m === from ? 0.5 : 0.7 + 0.3 * r.next() })
  }
  const hours = apportion(
    K.hours,
    cells.map((x) => x.weight),
    7,
  )
  if (Math.max(...hours) > 744) throw new Error('employment 2009: more clause hours in a month than it has')
  const hourRows = cells.map((x, k) => ({
    structure_id: s,
    id: part.nextId(),
    lot_id: lots[x.lot].id,
    person_id: x.p,
    month: `2009-${String(x.month + 1).padStart(2, '0')}-01`,
    hours: hours[k],
    statement_id: null,
    recorded_by: null,
    external_id: `EMP2009-CH${String(k + 1).padStart(4, '0')}`,
  }))
  return { operations, lots, participants, contracts: contractRows, hours: hourRows }
}

function lotOfSite(lots: { operation_id: string }[], operations: { id: string }[], k: number) {
  return lots.findIndex((l) => l.operation_id === operations[k].id)
}
