import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { ModuleFacts } from '../../module.ts'

// The Mission Locale's facts per person and year (migrations/20261201T0900_ml_facts.ts): which years are built, which
// are worth building, and the rebuild itself, which the database computes (the triggers use the same SQL).

type Q = Kysely<Database>

export async function builtYears(q: Q): Promise<number[]> {
  const rows = await q.selectFrom('ml_fact_year').select('year').orderBy('year').execute()
  return rows.map((r) => r.year)
}

/** Years with something the Mission Locale counts: events, propositions, situation starts, first receptions. */
export async function activeYears(q: Q): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    SELECT DISTINCT year FROM (
      SELECT DISTINCT extract(year FROM date)::int AS year FROM event
      UNION SELECT DISTINCT extract(year FROM date)::int FROM proposition
      UNION SELECT DISTINCT extract(year FROM start_date)::int FROM situation
      UNION SELECT DISTINCT extract(year FROM first_reception_date)::int FROM person WHERE first_reception_date IS NOT NULL
    ) y ORDER BY year`.execute(q)
  return rows.map((r) => Number(r.year))
}

/** A year fits the facts' smallint and the calendar the application accepts (01/01/1900 to 31/12/2100). */
function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new Error(`Année invalide : ${year}`)
}

export async function rebuildYear(q: Q, year: number): Promise<void> {
  checkYear(year)
  await sql`SELECT ml_facts_rebuild(${year}::smallint)`.execute(q)
}

export async function dropYear(q: Q, year: number): Promise<void> {
  checkYear(year)
  await sql`SELECT ml_facts_drop(${year}::smallint)`.execute(q)
}

export const mlFacts: ModuleFacts = {
  tables: ['ml_fact_year', 'ml_person_year', 'ml_person_year_theme', 'ml_person_year_programme'],
  builtYears,
  activeYears,
  rebuild: rebuildYear,
  drop: dropYear,
}
