import { randomBytes } from 'node:crypto'
import { type Kysely, type Migration, Migrator, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverModules } from '../modules/modules.ts'
import { testDbKind } from '../test/test-db.ts'
import { type Db, openPglite, openPostgres } from './database.ts'
import { classify, distributionViolations } from './distribution.ts'
import { allMigrations, migrate } from './migrate.ts'
import { runScript } from './script.ts'

// A database migrated before the keys by structure (issue 9), holding a person file: it had already run
// 20261201T1200_person_search_by_structure, which sorts after them. The next start runs them (migrate.ts allows a
// migration named before one already run), keeps every row, and ends with the keys of a fresh database.
const KEYS = [
  '20261201T1000_person_keys_by_structure',
  '20261201T1010_accompaniment_keys_by_structure',
  '20261201T1020_person_primary_key_by_structure',
]
const before: Record<string, Migration> = Object.fromEntries(
  Object.entries(allMigrations()).filter(
    ([name]) => name < KEYS[0] || name === '20261201T1200_person_search_by_structure',
  ),
)

const adminUrl = process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `jalon_test_keysmig_${randomBytes(5).toString('hex')}`
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  await c.query(statement).finally(() => c.end())
}

let db: Db
beforeAll(async () => {
  if (testDbKind === 'pglite') db = await openPglite()
  else {
    await admin(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    db = await openPostgres(url.toString())
  }
})
afterAll(async () => {
  await db.close()
  if (testDbKind === 'postgres') await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
})

const P = '00000000-0000-4000-8000-000000000001'
const counts = (k: Kysely<any>) =>
  sql<Record<string, number>>`SELECT
    (SELECT count(*)::int FROM person) AS person, (SELECT count(*)::int FROM person_attribute) AS person_attribute,
    (SELECT count(*)::int FROM status_period) AS status_period, (SELECT count(*)::int FROM person_note) AS person_note,
    (SELECT count(*)::int FROM event) AS event, (SELECT count(*)::int FROM proposition) AS proposition,
    (SELECT count(*)::int FROM situation) AS situation, (SELECT count(*)::int FROM enrolment) AS enrolment`
    .execute(k)
    .then((r) => r.rows[0])

describe('migrations 20261201T1000–1020, keys by structure', () => {
  it('upgrade a database that already ran a later migration, keeping its person files', async () => {
    const { error } = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => before },
    }).migrateToLatest()
    expect(error).toBeUndefined()
    const k = db.kysely as unknown as Kysely<any>
    await runScript(
      k,
      `
      INSERT INTO structure (id, name) VALUES ('ml-a', 'A'), ('ml-b', 'B');
      INSERT INTO site (id, structure_id, code, name, kind)
        VALUES ('00000000-0000-4000-8000-0000000000a1', 'ml-a', 'S', 'Site', 'antenna');
      INSERT INTO programme (id, structure_id, code, name) VALUES ('00000000-0000-4000-8000-0000000000b1', 'ml-a', 'ML', 'ML');
      INSERT INTO person (id, structure_id, last_name, first_name, sex, birth_date, site_id, search_name)
        VALUES ('${P}', 'ml-a', 'Martin', 'Léa', 'F', '2003-04-05', '00000000-0000-4000-8000-0000000000a1', '');
      INSERT INTO person_attribute (structure_id, person_id, attribute, value, valid_from)
        VALUES ('ml-a', '${P}', 'housing', 'parents', '2009-01-05');
      INSERT INTO status_period (structure_id, person_id, status, start_date) VALUES ('ml-a', '${P}', 'rqth', '2009-01-05');
      INSERT INTO person_note (structure_id, person_id, text) VALUES ('ml-a', '${P}', 'note');
      INSERT INTO event (structure_id, person_id, kind, date) VALUES ('ml-a', '${P}', 'first_reception', '2009-01-05');
      INSERT INTO proposition (structure_id, person_id, date, domain, theme)
        VALUES ('ml-a', '${P}', '2009-01-05', 'professional', 'training');
      INSERT INTO situation (structure_id, person_id, kind, start_date) VALUES ('ml-a', '${P}', 'job', '2009-02-01');
      INSERT INTO enrolment (structure_id, person_id, programme_id, entry_date)
        VALUES ('ml-a', '${P}', '00000000-0000-4000-8000-0000000000b1', '2009-01-05');
      `,
    )
    const held = await counts(k)
    expect(Object.values(held).every((n) => n === 1)).toBe(true)

    const ran = await migrate(db)
    expect(ran.slice(0, 3)).toEqual(KEYS)
    expect(await counts(k)).toEqual(held)
    expect(await distributionViolations(k, classify(serverModules).tables)).toEqual([])
    // the keys hold: a row of another structure than its person's is refused, and the person's rows go with it
    await expect(
      sql`INSERT INTO event (structure_id, person_id, kind, date) VALUES ('ml-b', ${P}, 'interview', '2009-03-01')`.execute(
        k,
      ),
    ).rejects.toThrow(/event_person_id_fkey/)
    await sql`DELETE FROM person WHERE id = ${P}`.execute(k)
    expect(Object.values(await counts(k)).every((n) => n === 0)).toBe(true)
  })
})
