import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../test/test-db.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  await db.kysely.insertInto('structure').values({ id: 'c', name: 'Concurrence' }).execute()
  await db.kysely.insertInto('programme').values({ structure_id: 'c', code: 'CNT', name: '0' }).execute()
})
afterAll(() => db.drop())

describe('database', () => {
  it('counts the rows a statement wrote, as on PostgreSQL', async () => {
    const ins = await db.kysely
      .insertInto('programme')
      .values([
        { structure_id: 'c', code: 'N1', name: 'x' },
        { structure_id: 'c', code: 'N2', name: 'x' },
      ])
      .executeTakeFirst()
    expect(ins.numInsertedOrUpdatedRows).toBe(2n)
    const upd = await db.kysely.updateTable('programme').set({ name: 'y' }).where('name', '=', 'x').executeTakeFirst()
    expect(upd.numUpdatedRows).toBe(2n)
    const del = await db.kysely.deleteFrom('programme').where('name', '=', 'y').executeTakeFirst()
    expect(del.numDeletedRows).toBe(2n)
    const none = await db.kysely.deleteFrom('programme').where('name', '=', 'y').executeTakeFirst()
    expect(none.numDeletedRows).toBe(0n)
  })

  it('keeps concurrent transactions apart (read-modify-write under a row lock)', async () => {
    // 20 transactions each read the counter, wait, and write it back + 1: interleaving would lose updates.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.kysely.transaction().execute(async (tx) => {
          const row = await tx
            .selectFrom('programme')
            .select('name')
            .where('code', '=', 'CNT')
            .forUpdate()
            .executeTakeFirstOrThrow()
          await new Promise((r) => setTimeout(r, 2))
          await tx
            .updateTable('programme')
            .set({ name: String(Number(row.name) + 1) })
            .where('code', '=', 'CNT')
            .execute()
        }),
      ),
    )
    const row = await db.kysely
      .selectFrom('programme')
      .select('name')
      .where('code', '=', 'CNT')
      .executeTakeFirstOrThrow()
    expect(row.name).toBe('20')
  })

  it('rolls back a failed transaction without touching the others', async () => {
    const results = await Promise.allSettled([
      db.kysely.transaction().execute(async (tx) => {
        await tx.insertInto('structure').values({ id: 'r1', name: 'gardée' }).execute()
      }),
      db.kysely.transaction().execute(async (tx) => {
        await tx.insertInto('structure').values({ id: 'r2', name: 'annulée' }).execute()
        throw new Error('boom')
      }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected'])
    const ids = (await db.kysely.selectFrom('structure').select('id').where('id', 'in', ['r1', 'r2']).execute()).map(
      (r) => r.id,
    )
    expect(ids).toEqual(['r1'])
  })

  it('hands back the same JavaScript types on both drivers', async () => {
    const { rows } = await sql<{
      n: unknown
      d: unknown
      x: unknown
    }>`select count(*) as n, date '2009-12-31' as d, 1.5::numeric as x`.execute(db.kysely)
    expect(rows[0]).toEqual({ n: 1, d: '2009-12-31', x: 1.5 })
  })
})
