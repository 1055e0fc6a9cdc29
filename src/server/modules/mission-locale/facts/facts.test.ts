import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyWrite } from '../../../test/facts/facts.apply.ts'
import {
  expectReportsFromFactsEqualRaw,
  type FactsWorld,
  factRows,
  factsWorld,
  keptAndRebuilt,
} from '../../../test/facts/facts.world.ts'
import { writeOps } from '../../../test/facts/facts.write-ops.ts'
import { buildYouth } from '../../../test/reporting.builders.ts'
import { sampling } from '../../../test/sampling.ts'
import { testDbKind } from '../../../test/test-db.ts'
import { withFactsDeferred } from '../../registry.ts'

// The facts a built year keeps (ml_person_year and its companions) after any sequence of writes are those a rebuild
// computes from the rows, and the Mission Locale's indicators read from them give what the raw rows give: random
// inserts, updates and deletes of persons, dated attributes, events, enrolments, propositions, situations and
// programme types, one row or several persons per statement, on dates inside and outside the built years. Imports:
// facts-import.test.ts.

const BUILT = [2008, 2009]
let w: FactsWorld

beforeAll(async () => {
  w = await factsWorld(BUILT)
})
afterAll(() => w.db.drop())

describe('Mission Locale facts', () => {
  it('equal a rebuild, and the indicators read from them equal the raw rows, after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeOps, { minLength: 5, maxLength: 25 }), async (list) => {
        for (const o of list) {
          await applyWrite(w, o)
          // after each statement: what the triggers kept is what a rebuild computes
          const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
          expect(kept, JSON.stringify(o)).toEqual(rebuilt)
        }
        await expectReportsFromFactsEqualRaw(w, BUILT, (facts, raw, what) => expect(facts, what).toEqual(raw))
      }),
      { ...sampling(20, 20261201), endOnFailure: true },
    )
    // the runs did write facts: persons in the built years, with contacts, propositions and situations
    const { years, themes: t } = await factRows(w.db)
    expect(years.length).toBeGreaterThan(10)
    expect(t.length).toBeGreaterThan(2) // PGlite draws a third of the runs (test/sampling.ts): 5 themes there
  })

  it.runIf(testDbKind === 'postgres')(
    'stay exact when two transactions write about the same person at once (the second waits for the first)',
    async () => {
      const person = await buildYouth(w.db, w.a, { ml: { entry: '2008-01-01' } })
      let firstWrote!: () => void
      const wrote = new Promise<void>((r) => {
        firstWrote = r
      })
      let release!: () => void
      const hold = new Promise<void>((r) => {
        release = r
      })
      const first = w.db.kysely.transaction().execute(async (tx) => {
        await tx
          .insertInto('event')
          .values({
            structure_id: w.a.structureId,
            person_id: person,
            external_id: null,
            kind: 'individual_interview',
            date: '2009-05-01',
            site_id: null,
            counsellor_id: null,
            duration_minutes: null,
            attendance: 'present',
            note: null,
          })
          .execute()
        firstWrote()
        await hold
      })
      await wrote
      const second = w.db.kysely.transaction().execute(async (tx) => {
        await tx
          .insertInto('person_attribute')
          .values({
            structure_id: w.a.structureId,
            person_id: person,
            attribute: 'housing',
            value: 'own',
            level_2019: null,
            valid_from: '2009-02-01',
            recorded_by: null,
          })
          .execute()
      })
      // the second's trigger waits for the first's lock on the person
      await new Promise((r) => setTimeout(r, 300))
      release()
      await Promise.all([first, second])
      const row = await w.db.kysely
        .selectFrom('ml_person_year')
        .select(['contact', 'housing'])
        .where('person_id', '=', person)
        .where('year', '=', 2009)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ contact: true, housing: 'own' })
      const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
      expect(kept).toEqual(rebuilt)
    },
  )

  it('skip while a bulk load defers them, then are built again at its end', async () => {
    const person = await buildYouth(w.db, w.a, {
      ml: { entry: '2008-01-01' },
      events: ['2009-03-01'],
      propositions: [{ date: '2009-03-01', theme: 'training' }],
    })
    const themesOf = (q: typeof w.db.kysely) =>
      q.selectFrom('ml_person_year_theme').select('theme').where('person_id', '=', person).execute()
    expect(await themesOf(w.db.kysely)).toEqual([{ theme: 'training' }])
    await w.db.kysely.transaction().execute((tx) =>
      withFactsDeferred(tx, async () => {
        await sql`DELETE FROM proposition WHERE person_id = ${person}`.execute(tx)
        expect(await themesOf(tx)).toEqual([{ theme: 'training' }]) // left as they were meanwhile
      }),
    )
    expect(await themesOf(w.db.kysely)).toEqual([])
    const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
    expect(kept).toEqual(rebuilt)
  })
})
