import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { DEMO_STRUCTURE } from '../demo-organisation.ts'
import { checkFigures } from './checker.ts'
import type { Summary } from './index.ts'
import { compareWithReport } from './report-comparison.ts'

// The 2009 data set in a real database (PGlite and PostgreSQL): loaded with the demo organisation, it holds the rows
// the plan says, tells consistent stories, and plain SQL by the indicator contract gives back the report's figures.
// Loading takes minutes on PGlite: the timeouts say so.

let db: TestDb
let summary: Summary
const s = DEMO_STRUCTURE.id
/** the persons of the 2009 data set (other demo extensions add their own) */
const ours = sql`SELECT id FROM person WHERE structure_id = ${s} AND external_id LIKE 'P3-%'`
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db.kysely)).rows[0].n

beforeAll(async () => {
  // the run's 2009 template (loaded once per run and database kind), cloned for this file
  db = await createTestDb({ dataset: 'demo2009' })
  summary = db.year2009!
}, 900_000)
afterAll(async () => {
  await db?.drop()
})

describe('the 2009 data set in the database', () => {
  it('writes the planned rows', async () => {
    expect(summary.rows).toMatchObject({
      app_user: 40,
      person: 8736,
      proposition: 168420,
      enrolment: 8736 + 3322,
    })
    for (const [table, n] of Object.entries(summary.rows)) {
      const inDb = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`)
      expect(inDb, table).toBeGreaterThanOrEqual(n)
    }
    const staff = await db.kysely
      .selectFrom('app_user')
      .select(['role', 'active', 'password_hash'])
      .where('email', 'like', '%@ml2009.demo.jalon.fr')
      .execute()
    expect(staff.filter((u) => u.role === 'counsellor')).toHaveLength(29)
    expect(staff.filter((u) => u.role === 'reception')).toHaveLength(11)
    expect(staff.every((u) => !u.active && u.password_hash === '!')).toBe(true)
  })

  it('is left alone by the modules’ demo loaders, which run after it (they follow only the persons they write)', async () => {
    const touched = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM person p WHERE p.id IN (${ours})
      AND (EXISTS (SELECT 1 FROM event e WHERE e.person_id = p.id AND e.date >= '2011-01-01')
        OR EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id AND e.entry_date >= '2011-01-01'))`)
    expect(touched).toBe(0)
    const demoPersons = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM person
      WHERE structure_id = ${s} AND id NOT IN (${ours}) AND first_reception_date >= '2020-01-01'`)
    expect(demoPersons).toBeGreaterThan(0)
  })

  it('leaves the schema as migrated: every key, constraint and index back', async () => {
    const schema = async (d: TestDb) =>
      (
        await sql<{ line: string }>`
          SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) AS line
          FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
          UNION ALL
          SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'
          ORDER BY 1`.execute(d.kysely)
      ).rows.map((r) => r.line)
    const migrated = await createTestDb()
    try {
      const expected = await schema(migrated)
      expect(expected.length).toBeGreaterThan(50)
      expect(await schema(db)).toEqual(expected)
    } finally {
      await migrated.drop()
    }
  })

  it('folds the names and keeps the phone digits (the person triggers ran during the bulk load)', async () => {
    const wrong = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE id IN (${ours})
      AND (search_name <> jalon_search_name(last_name || ' ' || first_name) OR search_name = ''
        OR phone_digits IS DISTINCT FROM jalon_phone_digits(phone))`)
    expect(wrong).toBe(0)
    const withPhone = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE id IN (${ours})
      AND phone_digits ~ '^0[1-9][0-9]{8}$'`)
    expect(withPhone).toBeGreaterThan(1000)
  })

  it('has no event, proposition or situation before the first reception', async () => {
    for (const table of ['event', 'proposition'] as const)
      expect(
        await count(sql<{
          n: number
        }>`SELECT count(*)::int AS n FROM ${sql.table(table)} x JOIN person p ON p.id = x.person_id
          WHERE p.id IN (${ours}) AND x.date < p.first_reception_date`),
        table,
      ).toBe(0)
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM situation x JOIN person p ON p.id = x.person_id
        WHERE p.id IN (${ours}) AND x.start_date < p.first_reception_date`),
    ).toBe(0)
  })

  it('dates every situation and CIVIS contract inside a Mission Locale enrolment', async () => {
    const outside = (from: string, to: string, table: string, extra = sql``) => sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table)} x
      WHERE x.person_id IN (${ours}) ${extra} AND NOT EXISTS (
        SELECT 1 FROM enrolment m JOIN programme g ON g.id = m.programme_id
        WHERE g.code = 'ML' AND m.person_id = x.person_id AND m.entry_date <= x.${sql.ref(from)}
          AND (m.exit_date IS NULL OR m.exit_date >= coalesce(x.${sql.ref(to)}, x.${sql.ref(from)})))`
    const persons = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE external_id LIKE 'P3-%'`)
    expect(persons).toBe(8736)
    expect(await count(outside('start_date', 'start_date', 'situation'))).toBe(0)
    const civis = sql`AND x.programme_id IN (SELECT id FROM programme WHERE code = 'CIVIS')`
    expect(await count(outside('entry_date', 'exit_date', 'enrolment', civis))).toBe(0)
  })

  it('gives back every Mission Locale figure of the report, but the documented deviations', async () => {
    const rows = compareWithReport(await checkFigures(db.kysely, s))
    expect(rows.filter((r) => !r.same && !r.deviation).map((r) => `${r.figure}: ${r.printed} ≠ ${r.obtained}`)).toEqual(
      [],
    )
    // 123 Mission Locale figures, and the organisation's persons into employment with the PLIE part (2 600)
    expect(rows.filter((r) => r.same).length).toBe(124)
  })
})
