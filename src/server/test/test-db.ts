import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Db, openPglite, openPostgres } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'

// Each test file gets a database of its own: an in-memory PGlite, or a fresh PostgreSQL database dropped afterwards.
// JALON_TEST_DB is set per Vitest project (vitest.config.ts); the PostgreSQL server comes from JALON_TEST_PG_URL.
const adminUrl = process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const testDbKind = (process.env.JALON_TEST_DB ?? 'pglite') as 'pglite' | 'postgres'

export interface TestDb extends Db {
  drop(): Promise<void>
}

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind === 'pglite') {
    const db = await openPglite()
    await migrate(db)
    return { ...db, drop: () => db.close() }
  }
  const name = `jalon_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString())
  await migrate(db)
  return {
    ...db,
    drop: async () => {
      await db.close()
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
