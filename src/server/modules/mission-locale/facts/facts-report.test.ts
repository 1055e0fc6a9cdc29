import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import { DEMO_STRUCTURE } from '../../../demo/demo-organisation.ts'
import { buildAnnualReport } from '../../../reporting/report/build.ts'
import { createTestDb, type TestDb } from '../../../test/test-db.ts'
import { missionLocaleSections } from '../mission-locale.report.ts'
import { builtYears } from './facts.repository.ts'

// The 2009 data set, as the test kit loads it (the demo's load builds the facts of every year with activity): every
// indicator of the annual report gives the same values from the facts as from the raw rows, for each built year, the
// whole structure and one site; a period that is not a calendar year, or a year built under an older definition of the
// facts, reads the raw rows.
let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ dataset: 'demo2009' })
})
afterAll(() => db.drop())

const report = (period: Period, facts: boolean, siteIds?: string[]) =>
  db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((q) =>
      // the chapter whose indicators read the facts (the other modules' have none: computing them twice proves nothing)
      buildAnnualReport(q, {
        structureId: DEMO_STRUCTURE.id,
        period,
        siteIds,
        now: new Date(0),
        facts,
        sections: missionLocaleSections,
      }),
    )

const year = (y: number): Period => ({ from: `${y}-01-01`, to: `${y}-12-31` })

describe('the annual report from the Mission Locale facts', () => {
  it('has the years of the data set built', async () => {
    expect(await builtYears(db.kysely)).toEqual(expect.arrayContaining([2007, 2008, 2009, 2025]))
  })

  it.each([2009, 2008, 2007, 2025])('gives every indicator of %i as the raw rows do', async (y) => {
    const withFacts = await report(year(y), true)
    const raw = await report(year(y), false)
    expect(withFacts.indicators).toEqual(raw.indicators)
    if (y === 2009) expect(withFacts.indicators['ml.youth_in_contact'].value).toBe(7036)
  })

  it('gives the same values for one site', async () => {
    const site = await db.kysely
      .selectFrom('site')
      .select('id')
      .where('structure_id', '=', DEMO_STRUCTURE.id)
      .orderBy('code')
      .executeTakeFirstOrThrow()
    const withFacts = await report(year(2009), true, [site.id])
    const raw = await report(year(2009), false, [site.id])
    expect(withFacts.indicators).toEqual(raw.indicators)
    expect(withFacts.indicators['ml.youth_in_contact'].value).toBeGreaterThan(0)
  })

  it('reads the facts indeed: a fact changed by hand shows in the report, not in the raw one, unless stale', async () => {
    const rollback = new Error('rollback')
    await db.kysely
      .transaction()
      .execute(async (tx) => {
        await tx
          .updateTable('ml_person_year')
          .set({ contact: false })
          .where('year', '=', 2009)
          .where('person_id', '=', (eb) =>
            eb
              .selectFrom('ml_person_year')
              .select('person_id')
              .where('year', '=', 2009)
              .where('contact', '=', true)
              .limit(1),
          )
          .execute()
        const run = (facts: boolean) =>
          buildAnnualReport(tx, {
            structureId: DEMO_STRUCTURE.id,
            period: year(2009),
            now: new Date(0),
            facts,
            sections: missionLocaleSections,
          })
        expect((await run(true)).indicators['ml.youth_in_contact'].value).toBe(7035)
        expect((await run(false)).indicators['ml.youth_in_contact'].value).toBe(7036)
        // a year built under an older definition of the facts (an upgrade changed it) is read from the raw rows
        await tx.updateTable('ml_fact_year').set({ definition: 0 }).where('year', '=', 2009).execute()
        expect((await run(true)).indicators['ml.youth_in_contact'].value).toBe(7036)
        throw rollback
      })
      .catch((e) => {
        if (e !== rollback) throw e
      })
  })

  it('reads the raw rows for any other period, whatever the switch', async () => {
    const half = { from: '2009-01-01', to: '2009-06-30' }
    expect((await report(half, true)).indicators).toEqual((await report(half, false)).indicators)
  })
})
