import { randomBytes } from 'node:crypto'
import { type Kysely, type Migration, Migrator, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, openPglite, openPostgres } from '../../db/database.ts'
import { allMigrations, migrate } from '../../db/migrate.ts'
import { testDbKind } from '../../test/test-db.ts'
import { verifyAuditChain } from './audit.chain.ts'

// A database migrated before the chain existed, with audit lines in it: the migration chains them in their id order.
const before: Record<string, Migration> = Object.fromEntries(
  Object.entries(allMigrations()).filter(([name]) => name < '20261130T1010_audit_chain'),
)

const adminUrl = process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `jalon_test_chainmig_${randomBytes(5).toString('hex')}`
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

describe('migration 20261130T1010_audit_chain', () => {
  it('chains the lines already there, in their id order, and new lines follow them', async () => {
    const { error } = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => before },
    }).migrateToLatest()
    expect(error).toBeUndefined()
    const k = db.kysely as unknown as Kysely<any>
    for (const [i, detail] of [null, { email: 'a@b.fr' }, { n: 1.5, list: ['é', '"'] }].entries())
      await k
        .insertInto('audit_event')
        .values({
          at: new Date(Date.UTC(2026, 0, 1 + i, 8, 30, 0, 250)),
          actor_label: `avant ${i}`,
          action: 'legacy',
          entity: 'x',
          detail: detail === null ? null : JSON.stringify(detail),
        })
        .execute()
    const ids = (await k.selectFrom('audit_event').select('id').orderBy('id').execute()).map((r) => r.id)

    await migrate(db)
    const rows = await db.kysely.selectFrom('audit_event').select(['id', 'seq']).orderBy('seq').execute()
    expect(rows).toEqual(ids.map((id, i) => ({ id, seq: i + 1 })))
    await sql`INSERT INTO audit_event (at, actor_label, action, entity) VALUES (now(), 'après', 'new', 'x')`.execute(
      db.kysely,
    )
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 4, lastSeq: 4 })
    // the append-only trigger is back on
    await expect(sql`DELETE FROM audit_event`.execute(db.kysely)).rejects.toThrow(/append-only/)
  })
})
