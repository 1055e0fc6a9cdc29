import { sql } from 'kysely'
import type { Random } from '../../../demo/random.ts'
import { type Day, day, parseDay } from '../../../demo/year2009/days.ts'
import type { Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import type { ContractKind } from '../employment.tables.ts'
import { CONTRACT_KINDS } from './people.ts'

// The PLIE part's adults (read from the database, as the training part reads them): the home-care cell and the social
// clauses' RSA recipients and long-term job seekers are adults. Persons with a PLIE pathway open in 2009 that are not the
// Mission Locale part's young people, their RSA status periods and their employment situations starting in 2009.

export interface AdultSit {
  situationId: string
  personId: string
  kind: ContractKind
  start: Day
  months: number | null
  hours: number | null
}

export interface Adults {
  persons: string[]
  rsa: Map<string, [Day, Day][]>
  sits: AdultSit[]
  used: Set<string>
}

export async function readAdults(tx: Tx, s: string, base: Year2009Base): Promise<Adults> {
  const youth = new Set(base.personIds)
  const persons = (
    await sql<{ person_id: string }>`
      SELECT DISTINCT w.person_id FROM plie_pathway w
      JOIN enrolment en ON en.id = w.enrolment_id AND en.structure_id = w.structure_id
      WHERE w.structure_id = ${s} AND en.entry_date <= '2009-12-31'
        AND (en.exit_date IS NULL OR en.exit_date >= '2009-01-01')
      ORDER BY 1`.execute(tx)
  ).rows
    .map((x) => x.person_id)
    .filter((p) => !youth.has(p))
  const mine = new Set(persons)
  const rsa = new Map<string, [Day, Day][]>()
  const rsaRows = await sql<{ person_id: string; start_date: string; end_date: string | null }>`
    SELECT person_id, start_date::text AS start_date, end_date::text AS end_date FROM status_period
    WHERE structure_id = ${s} AND status = 'rsa' ORDER BY person_id, start_date`.execute(tx)
  for (const x of rsaRows.rows)
    if (mine.has(x.person_id))
      rsa.set(x.person_id, [
        ...(rsa.get(x.person_id) ?? []),
        [parseDay(x.start_date), x.end_date ? parseDay(x.end_date) : day(2099, 1, 1)],
      ])
  const sitRows = await sql<{
    id: string
    person_id: string
    kind: ContractKind
    start_date: string
    planned_end_date: string | null
    hours_per_week: number | null
  }>`
    SELECT id, person_id, kind, start_date::text AS start_date, planned_end_date::text AS planned_end_date,
      hours_per_week FROM situation
    WHERE structure_id = ${s} AND start_date BETWEEN '2009-01-01' AND '2009-12-31' AND kind = ANY(${[...CONTRACT_KINDS]})
    ORDER BY person_id, start_date, id`.execute(tx)
  const sits = sitRows.rows
    .filter((x) => mine.has(x.person_id))
    .map((x) => {
      const start = parseDay(x.start_date)
      const months = x.planned_end_date === null ? null : Math.round((parseDay(x.planned_end_date) - start) / 30.44)
      return {
        situationId: x.id,
        personId: x.person_id,
        kind: x.kind,
        start,
        months,
        hours: x.hours_per_week === null ? null : Number(x.hours_per_week),
      }
    })
    .filter((x) => x.months === null || (x.months >= 0 && x.months <= 120))
  return { persons, rsa, sits, used: new Set() }
}

/** picks `n` distinct unused adults among `candidates` (shuffled), marks them used; throws when too few */
export function takeAdults<T extends { personId: string }>(
  adults: Adults,
  r: Random,
  what: string,
  candidates: T[],
  n: number,
): T[] {
  const out: T[] = []
  const seen = new Set<string>()
  for (const c of r.shuffle(candidates.filter((x) => !adults.used.has(x.personId)))) {
    if (out.length === n) break
    if (seen.has(c.personId)) continue
    seen.add(c.personId)
    out.push(c)
  }
  if (out.length < n) throw new Error(`employment 2009: ${out.length} ${what}, ${n} wanted`)
  for (const c of out) adults.used.add(c.personId)
  return out
}

/** a day of one of the person's RSA periods within [from, to], or null */
export function rsaDay(adults: Adults, r: Random, p: string, from: Day, to: Day): Day | null {
  for (const [a, b] of adults.rsa.get(p) ?? []) {
    const lo = Math.max(a, from)
    const hi = Math.min(b, to)
    if (lo <= hi) return r.int(lo, hi)
  }
  return null
}
