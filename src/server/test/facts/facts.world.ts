import { sql } from 'kysely'
import type { Period } from '../../../shared/reporting/reporting.schema.ts'
import { rebuildFacts } from '../../modules/registry.ts'
import { buildAnnualReport } from '../../reporting/report/build.ts'
import { buildStructure, type Fixture } from '../builders.ts'
import { buildScheme } from '../reporting.builders.ts'
import { createTestDb, type TestDb } from '../test-db.ts'

// Test support for the facts' tests (facts*.test.ts): a database with two structures and their programmes, random
// writes of every kind the facts read (facts.write-ops.ts, facts.apply.ts), the facts' rows in one order, and the annual report read from the facts or
// from the raw rows.

export interface FactsWorld {
  db: TestDb
  a: Fixture
  b: Fixture
  civis: { a: string; b: string }
}

/** a fresh database, two structures with a CIVIS scheme each, the `built` years built (still empty) */
export async function factsWorld(built: readonly number[]): Promise<FactsWorld> {
  const db = await createTestDb()
  const a = await buildStructure(db)
  const b = await buildStructure(db)
  const civis = { a: await buildScheme(db, a, 'CIVIS'), b: await buildScheme(db, b, 'CIVIS') }
  await rebuildFacts(db.kysely, { years: built })
  return { db, a, b, civis }
}

/** the three fact tables, every row, in one order */
export async function factRows(db: TestDb) {
  const { rows: years } = await sql`SELECT * FROM ml_person_year ORDER BY year, person_id`.execute(db.kysely)
  const { rows: themes } = await sql`SELECT * FROM ml_person_year_theme
    ORDER BY year, person_id, structure_id, domain, theme`.execute(db.kysely)
  const { rows: programmes } = await sql`SELECT * FROM ml_person_year_programme
    ORDER BY year, person_id, structure_id, programme_type, movement, reinforced, age`.execute(db.kysely)
  return { years, themes, programmes }
}

/** the facts kept by the writes so far, then those a rebuild computes: equal when the facts are exact */
export async function keptAndRebuilt(db: TestDb, built: readonly number[]) {
  const kept = await factRows(db)
  await rebuildFacts(db.kysely, { years: built })
  return { kept, rebuilt: await factRows(db) }
}

export const annualReport = (
  w: FactsWorld,
  fx: Fixture,
  period: Period,
  facts: boolean,
  extra: { siteIds?: string[]; network?: boolean } = {},
) =>
  w.db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((q) =>
      buildAnnualReport(q, {
        structureId: fx.structureId,
        network: extra.network ? { name: 'Réseau', structureIds: [w.a.structureId, w.b.structureId] } : undefined,
        period,
        siteIds: extra.siteIds,
        now: new Date(0),
        facts,
      }),
    )

/** The report of each built year, by structure, site and network, read from the facts equals the raw one. */
export async function expectReportsFromFactsEqualRaw(
  w: FactsWorld,
  built: readonly number[],
  expectEqual: (facts: unknown, raw: unknown, what: string) => void,
) {
  const year = (y: number): Period => ({ from: `${y}-01-01`, to: `${y}-12-31` })
  for (const y of built)
    for (const [fx, extra] of [
      [w.a, {}],
      [w.b, {}],
      [w.a, { siteIds: [w.a.sites.a] }],
      [w.a, { network: true }],
    ] as [Fixture, { siteIds?: string[]; network?: boolean }][]) {
      const withFacts = await annualReport(w, fx, year(y), true, extra)
      const raw = await annualReport(w, fx, year(y), false, extra)
      expectEqual(withFacts.indicators, raw.indicators, `${y} ${JSON.stringify(extra)}`)
    }
}
