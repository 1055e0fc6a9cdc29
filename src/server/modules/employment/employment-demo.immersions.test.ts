import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { immersionStatuses } from '../../../shared/employment/employment.nomenclature.ts'
import { lastDayAllowed } from '../../../shared/employment/immersions.schema.ts'
import { loadDemo } from '../../demo/demo.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'

// the other parts' loaders stay out: this test reads the employers' and the immersions' rows only
vi.mock('./employment-demo.offers.ts', () => ({ loadOffersDemo: async () => {} }))
vi.mock('./employment-demo.operations.ts', () => ({ loadOperationsDemo: async () => {} }))
vi.mock('./employment-demo.clauses.ts', () => ({ loadClausesDemo: async () => {} }))

// The immersions part of the day's demo (employment-demo.immersions.ts). The clock says Monday 2026-03-02.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons', 'accompaniment', 'employment'], facts: false })
})
afterAll(() => t.close())

const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.db.kysely).then((r) => r.rows)

describe('employment demo: immersions', () => {
  it('writes the CIVIS programme in three modules and fifteen immersions on the demo employers', async () => {
    const modules = await rows<{ number: number; objective: string }>(
      sql`SELECT m.number, m.objective FROM immersion_module m JOIN immersion_programme p ON p.id = m.programme_id
        WHERE p.structure_id = 'demo' AND p.name = 'Immersions CIVIS' ORDER BY m.number`,
    )
    expect(modules).toEqual([
      { number: 1, objective: 'discover' },
      { number: 2, objective: 'confirm_project' },
      { number: 3, objective: 'recruitment' },
    ])
    const immersions = await rows<{
      status: string
      employer: string
      starts_on: string
      ends_on: string
      validated: boolean | null
      outcome: string | null
    }>(
      sql`SELECT i.status, e.external_id AS employer, i.starts_on::text, i.ends_on::text, i.validated, i.outcome
        FROM immersion i JOIN employer e ON e.id = i.employer_id WHERE i.structure_id = 'demo'`,
    )
    expect(immersions).toHaveLength(15)
    expect(immersions.every((i) => /^demo-employer-\d+$/.test(i.employer))).toBe(true)
    expect(new Set(immersions.map((i) => i.status))).toEqual(new Set(immersionStatuses.codes))
    // the rules the API enforces hold on the demo's rows too
    expect(immersions.every((i) => i.ends_on >= i.starts_on && i.ends_on <= lastDayAllowed(i.starts_on))).toBe(true)
    const done = immersions.filter((i) => i.status === 'done')
    expect(done.every((i) => i.validated !== null && i.ends_on < '2026-03-02')).toBe(true)
    expect(done.filter((i) => i.outcome === 'contract').length).toBeGreaterThan(0)
    expect(immersions.filter((i) => i.status === 'draft').every((i) => i.validated === null)).toBe(true)
  })

  it('is the same on a second load (deterministic)', async () => {
    const first = await rows<{ e: string }>(
      sql`SELECT string_agg(external_id || ':' || starts_on || ':' || status, ',' ORDER BY external_id) AS e
        FROM immersion WHERE structure_id = 'demo'`,
    )
    const t2 = await createTestContext()
    try {
      await loadDemo(t2.db, t2.clock.now(), { modules: ['persons', 'accompaniment', 'employment'], facts: false })
      const second = await sql<{ e: string }>`SELECT string_agg(external_id || ':' || starts_on || ':' || status, ','
        ORDER BY external_id) AS e FROM immersion WHERE structure_id = 'demo'`
        .execute(t2.db.kysely)
        .then((r) => r.rows)
      expect(second).toEqual(first)
    } finally {
      await t2.close()
    }
  })
})
