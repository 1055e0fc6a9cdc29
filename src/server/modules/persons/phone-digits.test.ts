import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/test-db.ts'

// jalon_phone_digits (the stored person.phone_digits, the search by phone) was rewritten in PL/pgSQL for the speed of
// inserts (migrations/20261203T0910_phone_digits_plpgsql.ts): it gives what the first SQL definition gave, for any text.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

const FIRST_DEFINITION = `CREATE FUNCTION pg_temp.first_phone_digits(text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE
       WHEN d = '' THEN NULL
       WHEN d LIKE '00330%' THEN '0' || substr(d, 6)
       WHEN d LIKE '0033%' THEN '0' || substr(d, 5)
       WHEN d LIKE '330%' AND (length(d) = 12 OR r LIKE '+%') THEN '0' || substr(d, 4)
       WHEN d LIKE '33%' AND (length(d) = 11 OR r LIKE '+%') THEN '0' || substr(d, 3)
       ELSE d END
     FROM (SELECT regexp_replace(coalesce($1, ''), '[^0-9]', '', 'g') AS d, btrim(coalesce($1, '')) AS r) AS x $$`

// phone-like text: digits, the international prefixes, separators, letters, spaces around
const piece = fc.constantFrom(
  '',
  ' ',
  '+',
  '0',
  '3',
  '6',
  '33',
  '0033',
  '00330',
  '330',
  '.',
  '-',
  '(0)',
  'a',
  '12',
  '\t',
)
const phone = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''))

it('gives the first definition’s digits for any phone-like text, and NULL for none', async () => {
  await db.kysely.transaction().execute(async (tx) => {
    await sql.raw(FIRST_DEFINITION).execute(tx)
    const samples = fc.sample(fc.oneof(phone, fc.string({ maxLength: 20 })), { numRuns: 3000, seed: 9 })
    const { rows } = await sql<{ v: string | null; now: string | null; first: string | null }>`
      SELECT v, jalon_phone_digits(v) AS now, pg_temp.first_phone_digits(v) AS first
      FROM unnest(CAST(${[...samples, null]} AS text[])) AS v`.execute(tx)
    expect(rows.length).toBe(samples.length + 1)
    expect(rows.filter((r) => r.now !== r.first)).toEqual([])
    // a few that mean something
    const { rows: known } = await sql<{ v: string }>`
      SELECT jalon_phone_digits(v) AS v FROM unnest(CAST(${['+33 6 12 34 56 78', '0033612345678', '06.12.34.56.78', '']} AS text[])) AS v`.execute(
      tx,
    )
    expect(known.map((r) => r.v)).toEqual(['0612345678', '0612345678', '0612345678', null])
  })
})
