import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Tx } from '../deps.ts'
import { buildStructure, buildUser, type Fixture } from '../test/builders.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'
import { type BulkWriter, bulkWriter, mapRows } from './bulk.ts'

// The bulk writer on a real database (COPY on PGlite, json_populate_recordset on PostgreSQL): values arrive as written,
// the person triggers and generated column work, a transaction stays all or nothing, keys and indexes come back.

let db: TestDb
let fx: Fixture
let counsellor: string
beforeAll(async () => {
  db = await createTestDb()
  fx = await buildStructure(db)
  counsellor = (await buildUser(db, fx, { role: 'counsellor' })).id
})
afterAll(async () => {
  await db?.drop()
})

const inTx = <T>(work: (tx: Tx, bulk: BulkWriter) => Promise<T>) =>
  db.kysely.transaction().execute((tx) => work(tx, bulkWriter(tx, db)))

const person = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  structure_id: fx.structureId,
  last_name: 'Martin',
  first_name: 'Léa',
  sex: 'F' as const,
  birth_date: '2001-05-17',
  site_id: fx.sites.a,
  phone: null as string | null,
  address: null as string | null,
  search_name: '',
  ...over,
})

/** the foreign keys and indexes of the tables, as the catalogue describes them */
const schemaOf = async (tables: string[]) =>
  (
    await sql<{ line: string }>`
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line FROM pg_constraint
      WHERE conrelid = ANY(CAST(${tables} AS regclass[]))
      UNION ALL
      SELECT indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid) FROM pg_index
      WHERE indrelid = ANY(CAST(${tables} AS regclass[]))
      ORDER BY 1`.execute(db.kysely)
  ).rows.map((r) => r.line)

describe('writing demo rows in bulk', () => {
  it('stores every value as written; the person triggers fold the name and keep the phone digits', async () => {
    const tricky = person({
      last_name: 'Lefèvre-D’Arc, "la Pucelle"',
      first_name: 'Zoé\nAnne',
      phone: '+33 6 12 34 56 78',
      address: '',
    })
    const plain = person({ last_name: 'Œuvré', first_name: '\\.', address: null })
    const written = await inTx((_, bulk) => bulk.write('person', [tricky, plain]))
    expect(written).toBe(2)
    const rows = await db.kysely
      .selectFrom('person')
      .select(['id', 'last_name', 'first_name', 'address', 'phone', 'phone_digits', 'search_name', 'birth_date'])
      .select(sql<string>`jalon_search_name(last_name || ' ' || first_name)`.as('folded'))
      .where('id', 'in', [tricky.id, plain.id])
      .orderBy('last_name')
      .execute()
    expect(rows.map((r) => [r.last_name, r.first_name, r.address, r.phone, r.birth_date])).toEqual([
      [tricky.last_name, tricky.first_name, '', tricky.phone, tricky.birth_date],
      [plain.last_name, plain.first_name, null, null, plain.birth_date],
    ])
    expect(rows[0].phone_digits).toBe('0612345678')
    expect(rows[1].phone_digits).toBeNull()
    for (const r of rows) expect(r.search_name).toBe(r.folded)
    expect(rows[0].search_name).toBe('lefevre d arc la pucelle zoe anne')
  })

  it('writes numbers, booleans and many chunks', async () => {
    const p = person()
    const days = Array.from({ length: 12_001 }, (_, i) => i)
    await inTx(async (_, bulk) => {
      await bulk.write('person', [p])
      await bulk.write(
        'event',
        mapRows(days, (i) => ({
          structure_id: fx.structureId,
          person_id: p.id,
          kind: 'individual_interview',
          date: `2009-0${1 + (i % 9)}-1${i % 10}`,
          site_id: fx.sites.a,
          counsellor_id: counsellor,
          duration_minutes: i % 90,
          attendance: 'present' as const,
        })),
      )
      await bulk.write('situation', [
        {
          structure_id: fx.structureId,
          person_id: p.id,
          kind: 'cdd',
          start_date: '2009-03-02',
          hours_per_week: 17.5,
          organisation_name: 'Boulangerie, "Au bon pain"',
        },
      ])
      await bulk.write('enrolment', [
        { structure_id: fx.structureId, person_id: p.id, programme_id: fx.programmes.ml, entry_date: '2009-01-05' },
      ])
      await bulk.write('enrolment', [
        {
          structure_id: fx.structureId,
          person_id: p.id,
          programme_id: fx.programmes.plie,
          entry_date: '2009-02-05',
          reinforced: true,
        },
      ])
    })
    const events = await db.kysely
      .selectFrom('event')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('duration_minutes').as('minutes')])
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(events).toEqual({ n: 12_001, minutes: days.reduce((s, i) => s + (i % 90), 0) })
    const situation = await db.kysely
      .selectFrom('situation')
      .select(['hours_per_week', 'organisation_name', 'end_date'])
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(situation).toEqual({ hours_per_week: 17.5, organisation_name: 'Boulangerie, "Au bon pain"', end_date: null })
    const enrolments = await db.kysely
      .selectFrom('enrolment')
      .select(['reinforced'])
      .where('person_id', '=', p.id)
      .orderBy('entry_date')
      .execute()
    expect(enrolments.map((e) => e.reinforced)).toEqual([false, true])
  })

  it('refuses rows that do not all name the same columns, and the transaction keeps nothing', async () => {
    const a = person()
    const b = { ...person(), email: 'x@example.org' }
    await expect(inTx((_, bulk) => bulk.write('person', [a, b]))).rejects.toThrow(/names email/)
    const c = person()
    const { phone: _, ...d } = person()
    await expect(inTx((_, bulk) => bulk.write('person', [c, d]))).rejects.toThrow(/lacks/)
    const kept = await db.kysely.selectFrom('person').select('id').where('id', 'in', [a.id, b.id, c.id, d.id]).execute()
    expect(kept).toEqual([])
  })
})

describe('keys and indexes set aside during a bulk load', () => {
  const tables = ['person', 'event'] as const

  it('come back as they were, and the rows are checked against the keys', async () => {
    const before = await schemaOf([...tables])
    expect(
      before.some((l) => l.includes('FOREIGN KEY (structure_id, person_id) REFERENCES person(structure_id, id)')),
    ).toBe(true)
    expect(before.some((l) => l.includes('USING gin'))).toBe(true)
    const p = person()
    await inTx((_, bulk) =>
      bulk.deferKeysAndIndexes(tables, async () => {
        await bulk.write('person', [p])
        await bulk.write('event', [
          { structure_id: fx.structureId, person_id: p.id, kind: 'first_reception', date: '2009-01-05' },
        ])
      }),
    )
    expect(await schemaOf([...tables])).toEqual(before)
    // the indexes are usable again: the search finds the person by their folded name
    const found = await sql<{
      id: string
    }>`SELECT id FROM person WHERE search_name % 'martin lea' AND id = ${p.id}`.execute(db.kysely)
    expect(found.rows).toEqual([{ id: p.id }])
  })

  it('a row breaking a key fails the load, and the transaction keeps nothing, keys and indexes included', async () => {
    const before = await schemaOf([...tables])
    const p = person()
    await expect(
      inTx((_, bulk) =>
        bulk.deferKeysAndIndexes(tables, async () => {
          await bulk.write('person', [p])
          await bulk.write('event', [
            { structure_id: fx.structureId, person_id: randomUUID(), kind: 'first_reception', date: '2009-01-05' },
          ])
        }),
      ),
    ).rejects.toThrow(/foreign key/)
    expect(await schemaOf([...tables])).toEqual(before)
    expect(await db.kysely.selectFrom('person').select('id').where('id', '=', p.id).execute()).toEqual([])
  })

  it('only when the role owns the tables (a least-privilege role keeps them on)', async () => {
    const keysOn = (tx: Tx) =>
      sql<{
        n: number
      }>`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'event'::regclass AND contype IN ('f', 'p', 'u')`
        .execute(tx)
        .then((r) => r.rows[0].n)
    const all = await keysOn(db.kysely as unknown as Tx)
    expect(all).toBeGreaterThan(4)
    // the owner: set aside while the work runs
    expect(await inTx((tx, bulk) => bulk.deferKeysAndIndexes(tables, () => keysOn(tx)))).toBe(0)
    // pg_monitor (built in, owns nothing): left on
    const asMonitor = await inTx(async (tx, bulk) => {
      await sql`SET LOCAL ROLE pg_monitor`.execute(tx)
      return bulk.deferKeysAndIndexes(tables, () => keysOn(tx))
    })
    expect(asMonitor).toBe(all)
  })

  it('a primary key given twice fails the load', async () => {
    const p = person()
    const event = { structure_id: fx.structureId, person_id: p.id, kind: 'first_reception', date: '2009-01-05' }
    const id = randomUUID()
    await expect(
      inTx((_, bulk) =>
        bulk.deferKeysAndIndexes(tables, async () => {
          await bulk.write('person', [p])
          await bulk.write('event', [
            { id, ...event },
            { id, ...event },
          ])
        }),
      ),
    ).rejects.toThrow(/duplicate|unique|event_pkey/i)
    expect(await db.kysely.selectFrom('event').select('id').where('id', '=', id).execute()).toEqual([])
  })
})
