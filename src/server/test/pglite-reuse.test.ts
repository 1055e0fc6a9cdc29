import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from './builders.ts'
import { type Baseline, baselineOf, resetTo, writeMark } from './pglite-reuse.ts'
import { createTestDb, type TestDb, testDbKind } from './test-db.ts'

// The reset that lets the next test file reuse a PGlite database (pglite-reuse.ts): what a file wrote is gone, what the
// database held is back, and a database whose schema changed is not reused.

describe.skipIf(testDbKind === 'postgres')('a PGlite test database reset for the next file (PGlite only)', () => {
  let db: TestDb
  let baseline: Baseline
  const count = async (table: string) =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db.kysely)).rows[0]!.n)
  beforeAll(async () => {
    db = await createTestDb()
    baseline = await baselineOf(db)
  })
  afterAll(() => db.drop())

  it('removes the rows a file wrote, puts back those it held, and restarts the sequences', async () => {
    const migrations = await count('kysely_migration')
    expect(migrations).toBeGreaterThan(10)
    await buildStructure(db)
    expect(await count('structure')).toBeGreaterThan(0)
    await sql`DELETE FROM kysely_migration WHERE name = (SELECT min(name) FROM kysely_migration)`.execute(db.kysely)
    await sql`SET statement_timeout = '1234s'`.execute(db.kysely)
    expect(await resetTo(db, baseline)).toBe(true)
    expect(await count('structure')).toBe(0)
    expect(await count('kysely_migration')).toBe(migrations)
    const { rows } = await sql<{ t: string }>`SELECT current_setting('statement_timeout') AS t`.execute(db.kysely)
    expect(rows[0]!.t).not.toBe('1234s')
  })

  it('refuses a database whose schema changed: a table created, a column added', async () => {
    await sql`CREATE TABLE left_behind (x int)`.execute(db.kysely)
    expect(await resetTo(db, baseline)).toBe(false)
    await sql`DROP TABLE left_behind`.execute(db.kysely)
    expect(await resetTo(db, baseline)).toBe(true)
    await sql`ALTER TABLE structure ADD COLUMN extra text`.execute(db.kysely)
    expect(await resetTo(db, baseline)).toBe(false)
    await sql`ALTER TABLE structure DROP COLUMN extra`.execute(db.kysely)
  })

  it('tells a file that only read its database from one that wrote, even a write rolled back (the 2009 reuse)', async () => {
    const mark = await writeMark(db)
    await sql`SELECT count(*) FROM structure`.execute(db.kysely)
    await db.kysely.transaction().execute((tx) => sql`SELECT 1`.execute(tx))
    expect(await writeMark(db)).toBe(mark)
    await buildStructure(db)
    const written = await writeMark(db)
    expect(written).not.toBe(mark)
    await db.kysely
      .transaction()
      .execute(async (tx) => {
        await sql`CREATE TEMPORARY TABLE scratch (x int)`.execute(tx)
        throw new Error('rolled back')
      })
      .catch(() => undefined)
    expect(await writeMark(db)).not.toBe(written)
    expect(await resetTo(db, baseline)).toBe(true)
  })
})
