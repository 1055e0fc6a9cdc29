import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { ModuleFacts } from '../../module.ts'

// The Mission Locale's facts per person and year (migrations/20261201T0900_ml_facts.ts, 20261203T0900_ml_facts_noted.ts):
// which years are built (and whether under the current definition), which are worth building, the rebuild itself,
// which the database computes (the triggers use the same SQL), and the refresh of the persons an import noted.

type Q = Kysely<Database>

export async function builtYears(q: Q): Promise<number[]> {
  const rows = await q.selectFrom('ml_fact_year').select('year').orderBy('year').execute()
  return rows.map((r) => r.year)
}

/**
 * The built years whose facts were computed by another definition than the database's (ml_facts_definition(), bumped
 * by a migration that changes the computation): kept in step, but to be rebuilt before the indicators read them.
 */
export async function staleYears(q: Q): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    SELECT year FROM ml_fact_year WHERE definition <> ml_facts_definition() ORDER BY year`.execute(q)
  return rows.map((r) => Number(r.year))
}

/** The built years the indicators may read: built under the current definition. */
export async function currentYears(q: Q): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    SELECT year FROM ml_fact_year WHERE definition = ml_facts_definition() ORDER BY year`.execute(q)
  return rows.map((r) => Number(r.year))
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

/** From now on in q's transaction, the triggers note the persons and years to recompute (ml_facts_noted). */
export async function noteWrites(q: Q): Promise<void> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS ml_facts_noted (year smallint, person_id uuid, PRIMARY KEY (year, person_id))
    ON COMMIT DROP`.execute(q)
}

/**
 * persons recomputed per statement: the list and what the statements read of them stay small, and each statement is
 * planned for its list (an import of 100 000 persons into a year of 100 000: 2.4 s of PostgreSQL's processor time in
 * chunks of 50 000 or 20 000, 4.6 s in chunks of 5 000, each chunk reading the tables again)
 */
const NOTED_CHUNK = 20_000

/** Recomputes the noted persons' facts, a chunk at a time (the triggers' setting back to normal); returns how many. */
export async function refreshNoted(
  q: Q,
  progress?: (done: number) => void,
  chunk: number = NOTED_CHUNK,
): Promise<number> {
  let done = 0
  for (;;) {
    const { rows } = await sql<{ n: number }>`SELECT ml_facts_refresh_noted(${chunk}::int) AS n`.execute(q)
    const n = Number(rows[0]?.n ?? 0)
    if (!n) return done
    done += n
    progress?.(done)
  }
}

export const mlFacts: ModuleFacts = {
  tables: ['ml_fact_year', 'ml_person_year', 'ml_person_year_theme', 'ml_person_year_programme'],
  builtYears,
  staleYears,
  activeYears,
  rebuild: rebuildYear,
  drop: dropYear,
  noteWrites,
  refreshNoted,
}
