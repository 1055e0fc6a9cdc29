import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/test-db.ts'

// A built year records the definition of the facts it was computed under (ml_facts_definition(),
// migrations/20261203T0900_ml_facts_noted.ts); a year built under another one is stale: `jalon facts status` says so and
// the reports read the raw rows until it is rebuilt. That holds only if every change of the computation comes with a
// new number: this test keeps the source of the computation (the ml_facts_fill_* functions) for each number.
//
// It fails after a migration that changes the computation: give ml_facts_definition() the next number in that
// migration, and add the number and the new digest here. (A change that does not alter any value, a plan setting say,
// may keep the number: then only replace the digest, and say why in the migration.)
const DEFINITIONS: Record<number, string> = {
  1: 'a7e28b20a27e2b07703a6012b77ded8f',
}

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

it('every computation of the facts has its own definition number', async () => {
  const { rows } = await sql<{ definition: number; source: string }>`
    SELECT ml_facts_definition() AS definition, md5(string_agg(prosrc, '' ORDER BY proname)) AS source
    FROM pg_proc WHERE proname LIKE 'ml\\_facts\\_fill\\_%'`.execute(db.kysely)
  const { definition, source } = rows[0]!
  expect(
    DEFINITIONS[definition],
    `the facts' computation changed under definition ${definition}: bump ml_facts_definition()`,
  ).toBe(source)
})

it('a rebuild stamps the year with the current definition', async () => {
  await sql`SELECT ml_facts_rebuild(2009::smallint)`.execute(db.kysely)
  const { rows } = await sql<{ ok: boolean }>`
    SELECT definition = ml_facts_definition() AS ok FROM ml_fact_year WHERE year = 2009`.execute(db.kysely)
  expect(rows).toEqual([{ ok: true }])
})
