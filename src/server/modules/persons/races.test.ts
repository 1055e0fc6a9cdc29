import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { constraintConflictOf } from '../../errors.ts'
import { buildAttribute, buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { testDbKind } from '../../test/test-db.ts'

// The same entry saved at several desks at the same moment: the database keeps one, the others are told why (409, in
// French), never a 500 and never two copies. PGlite runs one transaction at a time, so there the same calls check the
// sequential case; on PostgreSQL they really overlap.
let t: TestContext
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  // Open the pool's connections together: otherwise the first requests wait for new connections while one warm
  // connection serves the others in turn, and nothing overlaps.
  await Promise.all(Array.from({ length: 10 }, () => sql`select 1`.execute(t.db.kysely)))
})
afterAll(() => t.close())

const codes = (answers: { statusCode: number }[]) => answers.map((a) => a.statusCode).sort((a, b) => a - b)

describe('status periods saved at once', () => {
  it('stores one of ten overlapping periods of the same status; the nine others are refused', async () => {
    const { id } = await buildPerson(t.db, t.fx, { birthDate: '1990-05-05' })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        counsellor.post(`/api/persons/${id}/statuses`, {
          status: 'long_term_unemployed',
          startDate: `2025-0${1 + (i % 9)}-01`,
        }),
      ),
    )
    expect(codes(answers)).toEqual([201, ...Array(9).fill(409)])
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.headers['content-type']).toContain('application/problem+json')
      expect(refused.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'startDate' }] })
      expect(refused.json().detail).toContain('« Demandeur d’emploi de longue durée » couvre déjà ces dates')
    }
    const stored = await t.db.kysely.selectFrom('status_period').select('id').where('person_id', '=', id).execute()
    expect(stored).toHaveLength(1)
  })

  it('lets two corrections at once stretch two periods into each other only once', async () => {
    const p = await buildPerson(t.db, t.fx, {
      birthDate: '1990-05-05',
      statuses: [
        { status: 'long_term_unemployed', startDate: '2024-01-01', endDate: '2024-03-31' },
        { status: 'long_term_unemployed', startDate: '2024-06-01', endDate: '2024-08-31' },
      ],
    })
    const [first, second] = p.statusIds as [string, string]
    const answers = await Promise.all([
      counsellor.put(`/api/persons/${p.id}/statuses/${first}`, {
        detail: null,
        startDate: '2024-01-01',
        endDate: '2024-05-15',
        version: 1,
      }),
      counsellor.put(`/api/persons/${p.id}/statuses/${second}`, {
        detail: null,
        startDate: '2024-05-01',
        endDate: '2024-08-31',
        version: 1,
      }),
    ])
    expect(codes(answers)).toEqual([200, 409])
  })
})

describe('the same newcomer created at several desks at once', () => {
  it('creates one file; the other desks get the likely-duplicate answer', async () => {
    const desks = await Promise.all(Array.from({ length: 5 }, () => t.as('reception')))
    const body = {
      lastName: 'Delacroix',
      firstName: 'Anaïs',
      sex: 'F',
      birthDate: '2006-02-11',
      siteId: t.fx.sites.a,
      firstReception: { date: '2026-03-02', referralSource: 'self' },
    }
    const answers = await Promise.all(desks.map((d) => d.post('/api/persons', body)))
    expect(codes(answers)).toEqual([201, 409, 409, 409, 409])
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'duplicates.0' }] })
      expect(refused.json().detail).toContain('semble déjà connue')
    }
    const files = await t.db.kysely
      .selectFrom('person')
      .select('id')
      .where('last_name', '=', 'Delacroix')
      .where('birth_date', '=', '2006-02-11')
      .execute()
    expect(files).toHaveLength(1)
  })

  it('also catches the variant with day and month swapped, entered at the same moment', async () => {
    const desks = await Promise.all(Array.from({ length: 2 }, () => t.as('reception')))
    const body = (birthDate: string) => ({
      lastName: 'Benhamou',
      firstName: 'Rayan',
      sex: 'M',
      birthDate,
      siteId: t.fx.sites.a,
      firstReception: { date: '2026-03-02', referralSource: 'self' },
    })
    const answers = await Promise.all([
      desks[0]!.post('/api/persons', body('2005-04-03')),
      desks[1]!.post('/api/persons', body('2005-03-04')),
    ])
    expect(codes(answers)).toEqual([201, 409])
  })
})

describe('the same attribute on the same day saved at once', () => {
  const entry = { attribute: 'housing', value: 'hostel', validFrom: '2026-01-15' }

  it('keeps one entry and answers 409, never 500, to the others', async () => {
    const { id } = await buildPerson(t.db, t.fx)
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => counsellor.post(`/api/persons/${id}/attributes`, entry)),
    )
    expect(codes(answers)).toEqual([201, ...Array(7).fill(409)])
    for (const refused of answers.filter((a) => a.statusCode === 409))
      expect(refused.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'validFrom' }] })
    const rows = await t.db.kysely.selectFrom('person_attribute').select('id').where('person_id', '=', id).execute()
    expect(rows).toHaveLength(1)
  })

  it('answers 409 in French when the unique index, not the check, refuses the entry', async () => {
    const { id } = await buildPerson(t.db, t.fx)
    // Another desk's entry, not yet committed: the request's check cannot see it, its insert waits on it.
    const other = t.db.kysely.transaction().execute(async (tx) => {
      await tx
        .insertInto('person_attribute')
        .values({
          structure_id: t.fx.structureId,
          person_id: id,
          attribute: 'housing',
          value: 'own',
          valid_from: '2026-01-15',
        })
        .execute()
      const posted = counsellor.post(`/api/persons/${id}/attributes`, entry)
      // PostgreSQL: commit once the request is held by the index (PGlite runs it after this transaction).
      if (testDbKind === 'postgres') await waitForALockWait()
      return { posted } // not the promise itself: the commit must not wait for the request
    })
    const res = await (await other).posted
    expect(res.statusCode).toBe(409)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'validFrom' }] })
    expect(res.json().detail).toContain('a déjà une valeur')
  })

  it('maps the violation of the unique index to the 409, on either database', async () => {
    const { id } = await buildPerson(t.db, t.fx)
    await buildAttribute(t.db, t.fx, id, { attribute: 'mobility', value: 'car', validFrom: '2026-01-15' })
    const error = await buildAttribute(t.db, t.fx, id, {
      attribute: 'mobility',
      value: 'bicycle',
      validFrom: '2026-01-15',
    }).catch((e: unknown) => e)
    const conflict = constraintConflictOf(error)
    expect(conflict?.code).toBe('conflict')
    expect(conflict?.message).toContain('a déjà une valeur à cette date')
    expect(constraintConflictOf(new Error('boom'))).toBeUndefined()
  })
})

/** Until another session of this database waits for a lock (the request blocked by the uncommitted row). */
async function waitForALockWait() {
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db.kysely)
    if (rows[0]!.n > 0) return
  }
}
