import type { Insertable } from 'kysely'
import { sql } from 'kysely'
import { apportion, type Random } from '../../../demo/random.ts'
import { type Day, day, isoDay, parseDay, weekday } from '../../../demo/year2009/days.ts'
import type { Tx } from '../../../deps.ts'
import type { ProfCofunderKind, ProfContractKind, ProfPlanCofundingTable, ProfPlanTable } from '../training.tables.ts'
import { siret } from './catalogue.ts'

// The professionalisation fund of 2008–2009 (docs/demo-2009.md, « Training »): training plans of PLIE participants
// in subsidised contracts (the PLIE part's persons, read from the database: integration contracts of persons with a
// PLIE pathway), validated by the fund's monthly committee. 2009: 194 plans for 160 employees, of whom 67 with an RSA
// status open on their plans' committee dates; 106 077 € from the fund for 8 892 hours; 13 co-funders forecast
// 55 529 €, 30 % of the plans' total cost; 10 employers put their own funds in. 2008: 136 plans for 125 employees,
// 2 employers with own funds. Amounts in cents, adding up exactly.

export const FUND_TARGETS = {
  2009: {
    plans: 194,
    employees: 160,
    rsa: 67,
    hours: 8892,
    fundCents: 10_607_700,
    cofundingCents: 5_552_900,
    /** 55 529 € ÷ 185 100 € = 30,0 % */
    totalCostCents: 18_510_000,
    employers: 10,
    envelopeCents: 12_000_000,
  },
  2008: {
    plans: 136,
    employees: 125,
    rsa: 0,
    hours: 6310,
    fundCents: 7_480_000,
    cofundingCents: 1_620_000,
    totalCostCents: 10_400_000,
    employers: 2,
    envelopeCents: 9_000_000,
  },
} as const
export const FUND_FUNDER = 'Communauté urbaine de Dunkerque'

const COFUNDERS: [string, ProfCofunderKind][] = [
  ['AGEFOS PME', 'opco'],
  ['OPCALIA', 'opco'],
  ['UNIFAF', 'opco'],
  ['HABITAT FORMATION', 'opco'],
  ['CCAS de Dunkerque', 'ccas'],
  ['CCAS de Bray-Dunes', 'ccas'],
  ['CCAS de Grande-Synthe', 'ccas'],
  ['CCAS de Loon-Plage', 'ccas'],
  ['AFPA', 'afpa'],
  ['La 5e clef de la professionnalisation (Conseil régional)', 'region'],
  ['AGEFIPH', 'agefiph'],
  ['Participation du salarié', 'employee'],
]
const OWN_FUNDS: [string, ProfCofunderKind] = ['Fonds propres de l’employeur', 'employer']

const EMPLOYERS = [
  'Ville de Dunkerque',
  'Ville de Grande-Synthe',
  'Ville de Coudekerque-Branche',
  'CCAS de Dunkerque',
  'Association Entr’aide Flandre',
  'ACI Jardins du Littoral',
  'EI Recyclerie des Dunes',
  'Association Les Restos du Littoral',
  'Foyer des jeunes travailleurs de Dunkerque',
  'EHPAD Les Tilleuls',
  'Centre hospitalier de Dunkerque',
  'Ville de Gravelines',
  'Ville de Loon-Plage',
  'Association AGIR Services',
  'Régie de quartier de Saint-Pol-sur-Mer',
  'Association Partenaires Emploi Services',
  'Ville de Bray-Dunes',
  'Collège Jean Zay',
  'Office de tourisme de Dunkerque',
  'Association Le Fil d’Ariane',
  'Ville de Cappelle-la-Grande',
  'Maison de quartier du Jeu de Mail',
  'Association Solidarité Flandre Maritime',
  'Ville de Téteghem',
  'Lycée professionnel Guynemer',
  'Association d’aide à domicile du Littoral',
]
const TITLES = [
  'CACES chariots élévateurs',
  'Titre professionnel agent de propreté',
  'Assistant de vie aux familles',
  'BAFA',
  'Savoirs de base et bureautique',
  'Habilitation électrique',
  'CAP petite enfance',
  'Sauveteur secouriste du travail',
  'Titre professionnel agent de restauration',
  'Permis C',
]

interface Contract {
  person: string
  from: Day
  to: Day
}

/** the fund committee: the second Tuesday of each month but August */
function committees(year: number): Day[] {
  const out: Day[] = []
  for (let m = 1; m <= 12; m++) {
    if (m === 8) continue
    let d = day(year, m, 1)
    while (weekday(d) !== 2) d++
    out.push(d + 7)
  }
  return out
}

export interface FundRows {
  plans: Insertable<ProfPlanTable>[]
  cofunding: Insertable<ProfPlanCofundingTable>[]
  bodyIds: string[]
}

export async function buildFund(tx: Tx, s: string, r: Random, nextId: () => string, bodyIds: string[]) {
  const contracts = (
    await sql<{ person_id: string; start_date: string; end_date: string | null }>`
      SELECT s.person_id, s.start_date::text AS start_date, s.end_date::text AS end_date FROM situation s
      WHERE s.structure_id = ${s} AND s.kind IN ('subsidised_contract', 'insertion_contract')
        AND s.start_date <= '2009-12-31' AND (s.end_date IS NULL OR s.end_date >= '2008-01-01')
        AND EXISTS (SELECT 1 FROM plie_pathway w WHERE w.structure_id = s.structure_id AND w.person_id = s.person_id)
      ORDER BY s.person_id, s.start_date`.execute(tx)
  ).rows.map<Contract>((x) => ({
    person: x.person_id,
    from: parseDay(x.start_date),
    to: x.end_date ? parseDay(x.end_date) : day(2010, 12, 31),
  }))
  const rsaRows = (
    await sql<{ person_id: string; start_date: string; end_date: string | null }>`
      SELECT person_id, start_date::text AS start_date, end_date::text AS end_date FROM status_period
      WHERE structure_id = ${s} AND status = 'rsa' ORDER BY person_id, start_date`.execute(tx)
  ).rows
  const rsa = new Map<string, [Day, Day][]>()
  for (const x of rsaRows)
    rsa.set(x.person_id, [
      ...(rsa.get(x.person_id) ?? []),
      [parseDay(x.start_date), x.end_date ? parseDay(x.end_date) : day(2099, 1, 1)],
    ])
  const rsaOn = (person: string, d: Day) => (rsa.get(person) ?? []).some(([a, b]) => a <= d && d <= b)

  const rows: FundRows = { plans: [], cofunding: [], bodyIds }
  const employerSiret = new Map(EMPLOYERS.map((e) => [e, siret(r)]))
  for (const year of [2008, 2009] as const) {
    const t = FUND_TARGETS[year]
    const dates = committees(year)
    // each candidate's committee dates inside one of its contracts, with and without an open RSA status
    const withRsa = new Map<string, Day[]>()
    const withoutRsa = new Map<string, Day[]>()
    const contractOf = new Map<string, Contract>()
    for (const c of contracts)
      for (const d of dates) {
        if (d < c.from || d > c.to) continue
        const m = rsaOn(c.person, d) ? withRsa : withoutRsa
        m.set(c.person, [...(m.get(c.person) ?? []), d])
        if (!contractOf.has(c.person)) contractOf.set(c.person, c)
      }
    const pick = (m: Map<string, Day[]>, n: number, taken: Set<string>) => {
      const pool = r.shuffle([...m.keys()].filter((p) => !taken.has(p)).sort())
      if (pool.length < n)
        throw new Error(`training 2009: ${pool.length} PLIE employees in subsidised contracts for ${year}, ${n} wanted`)
      return pool.slice(0, n).map((p) => [p, m.get(p)!] as const)
    }
    const taken = new Set<string>()
    const rsaPeople = pick(withRsa, t.rsa, taken)
    for (const [p] of rsaPeople) taken.add(p)
    // 2008 had no RSA (the RMI then): any date
    const others = year === 2009 ? withoutRsa : new Map([...withRsa, ...withoutRsa])
    const people = [...rsaPeople, ...pick(others, t.employees - t.rsa, taken)]
    // one plan each, a second for some
    const planned = [...people, ...r.shuffle([...people]).slice(0, t.plans - t.employees)].map(([p, ds]) => ({
      person: p,
      committee: r.pick(ds),
      employer: r.pick(EMPLOYERS),
    }))
    const n = planned.length
    const hours = apportion(
      t.hours,
      planned.map(() => 0.4 + r.next()),
      8,
    )
    const fund = apportion(
      t.fundCents,
      hours.map((h) => h * (0.85 + 0.3 * r.next())),
      5_000,
    )
    const rest = apportion(
      t.totalCostCents - t.fundCents - t.cofundingCents,
      hours.map((h) => h * r.next()),
      0,
    )
    // co-funding shares: every co-funder at least once (2009), the employers' own funds on `employers` employers
    const shares: { plan: number; cofunder: [string, ProfCofunderKind] }[] = []
    const ownFunds = [...new Set(planned.map((x) => x.employer))].slice(0, t.employers)
    for (const e of ownFunds) shares.push({ plan: planned.findIndex((x) => x.employer === e), cofunder: OWN_FUNDS })
    const cofunders = year === 2009 ? COFUNDERS : COFUNDERS.slice(0, 6)
    const shared = r.shuffle([...Array(n).keys()]).slice(0, Math.round(n * 0.6))
    shared.forEach((plan, k) => {
      shares.push({ plan, cofunder: k < cofunders.length ? cofunders[k] : r.pick(cofunders) })
    })
    const amounts = apportion(
      t.cofundingCents,
      shares.map((x) => hours[x.plan] * (0.5 + r.next())),
      2_000,
    )
    const byPlan = new Map<number, { cofunder: [string, ProfCofunderKind]; cents: number }[]>()
    shares.forEach((x, k) => {
      const list = byPlan.get(x.plan) ?? []
      const same = list.find((y) => y.cofunder[0] === x.cofunder[0])
      if (same) same.cents += amounts[k]
      else list.push({ cofunder: x.cofunder, cents: amounts[k] })
      byPlan.set(x.plan, list)
    })
    planned.forEach((x, k) => {
      const id = nextId()
      const c = contractOf.get(x.person)!
      const list = byPlan.get(k) ?? []
      const cofunded = list.reduce((a, y) => a + y.cents, 0)
      const body = r.int(0, bodyIds.length)
      rows.plans.push({
        structure_id: s,
        id,
        person_id: x.person,
        employer_name: x.employer,
        employer_siret: employerSiret.get(x.employer) ?? null,
        contract_kind: r.weighted([
          ['cae', 70],
          ['ca', 30],
        ] as const) as ProfContractKind,
        contract_start: isoDay(c.from),
        contract_end: c.to < day(2010, 12, 31) ? isoDay(c.to) : null,
        training_title: r.pick(TITLES),
        body_id: body < bodyIds.length ? bodyIds[body] : null,
        body_name: body < bodyIds.length ? null : 'Organisme hors catalogue',
        hours: hours[k],
        total_cost_cents: fund[k] + cofunded + rest[k],
        fund_cents: fund[k],
        status: 'validated',
        committee_date: isoDay(x.committee),
        decision_note: null,
        decided_by: null,
        reimbursed_cents: x.committee < day(2009, 9, 1) ? fund[k] : null,
        created_by: null,
        created_at: new Date(`${isoDay(x.committee - 21)}T10:00:00Z`),
        external_id: `TRN2009-P${year}-${String(k + 1).padStart(3, '0')}`,
      })
      list.forEach((y, position) => {
        rows.cofunding.push({
          structure_id: s,
          plan_id: id,
          position,
          cofunder: y.cofunder[0],
          kind: y.cofunder[1],
          amount_cents: y.cents,
        })
      })
    })
  }
  return rows
}
