import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { candidateStatuses, offerStatuses } from '../../../shared/employment/employment.nomenclature.ts'
import { loadDemo } from '../../demo/demo.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'
import { DEMO_OFFERS } from './employment-demo.offers-specs.ts'

// the other parts' loaders stay out: this test reads the employers' and the offers' rows only
vi.mock('./employment-demo.operations.ts', () => ({ loadOperationsDemo: async () => {} }))
vi.mock('./employment-demo.immersions.ts', () => ({ loadImmersionsDemo: async () => {} }))
vi.mock('./employment-demo.clauses.ts', () => ({ loadClausesDemo: async () => {} }))

// The offers part of the day's demo (employment-demo.offers.ts), after the persons', the accompaniment's and the
// employers', as `jalon demo` does. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons', 'accompaniment', 'employment'], facts: false })
})
afterAll(() => t.close())

const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.db.kysely).then((r) => r.rows)
const TODAY = '2026-03-02'

describe('employment demo: offers, candidates, hires', () => {
  it('writes the ten offers on the demo employers, broadcast to sites, in four statuses', async () => {
    const offers = await rows<{ status: string; employer: string; sites: number }>(
      sql`SELECT o.status, e.external_id AS employer,
        (SELECT count(*)::int FROM job_offer_site s WHERE s.offer_id = o.id) AS sites
        FROM job_offer o JOIN employer e ON e.id = o.employer_id WHERE o.structure_id = 'demo'`,
    )
    expect(offers).toHaveLength(DEMO_OFFERS.length)
    expect(offers.every((o) => /^demo-employer-\d+$/.test(o.employer) && o.sites >= 1)).toBe(true)
    expect(new Set(offers.map((o) => o.status))).toEqual(new Set(['open', 'filled', 'closed', 'draft']))
    expect(offers.every((o) => offerStatuses.codes.includes(o.status as never))).toBe(true)
  })

  it('gives thirty people job projects whose ROME codes are the offers’', async () => {
    const projects = await rows<{ people: number; unmatched: number }>(
      sql`SELECT count(DISTINCT person_id)::int AS people,
        count(*) FILTER (WHERE rome_code NOT IN (SELECT rome_code FROM job_offer WHERE rome_code IS NOT NULL))::int AS unmatched
        FROM job_project WHERE structure_id = 'demo'`,
    )
    expect(projects).toEqual([{ people: 30, unmatched: 0 }])
  })

  it('has a candidate in every status, each with a history ending on its status', async () => {
    const candidates = await rows<{ status: string; last: string; refused: boolean }>(
      sql`SELECT c.status, (SELECT e.to_status FROM offer_candidate_event e WHERE e.candidate_id = c.id
        ORDER BY e.at DESC LIMIT 1) AS last, c.refusal_reason IS NOT NULL AS refused
        FROM offer_candidate c WHERE c.structure_id = 'demo'`,
    )
    expect(new Set(candidates.map((c) => c.status))).toEqual(new Set(candidateStatuses.codes))
    expect(candidates.every((c) => c.last === c.status)).toBe(true)
    expect(candidates.every((c) => c.refused === (c.status === 'refused'))).toBe(true)
  })

  it('records five hires, each its candidate’s, with an employment situation and three follow-ups, two overdue', async () => {
    const hires = await rows<{ n: number; linked: number; situations: number; followUps: number }>(
      sql`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM offer_candidate c WHERE c.placement_id = p.id AND c.status = 'hired'))::int AS linked,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM situation s WHERE s.id = p.situation_id AND s.kind = p.contract_kind))::int AS situations,
        (SELECT count(*)::int FROM placement_follow_up f WHERE f.structure_id = 'demo') AS "followUps"
        FROM placement p WHERE p.structure_id = 'demo'`,
    )
    expect(hires).toEqual([{ n: 5, linked: 5, situations: 5, followUps: 15 }])
    const overdue = await rows<{ n: number; doneLater: number }>(
      sql`SELECT count(*) FILTER (WHERE done_on IS NULL AND due_on < ${TODAY})::int AS n,
        count(*) FILTER (WHERE done_on > ${TODAY})::int AS "doneLater"
        FROM placement_follow_up WHERE structure_id = 'demo'`,
    )
    expect(overdue).toEqual([{ n: 2, doneLater: 0 }])
  })

  it('is the same demo on every run', async () => {
    const first = await rows<{ id: string }>(sql`SELECT id FROM job_offer WHERE structure_id = 'demo' ORDER BY id`)
    const other = await createTestContext()
    try {
      await loadDemo(other.db, other.clock.now(), { modules: ['persons', 'accompaniment', 'employment'], facts: false })
      const again = await sql<{ id: string }>`SELECT id FROM job_offer WHERE structure_id = 'demo' ORDER BY id`
        .execute(other.db.kysely)
        .then((r) => r.rows)
      expect(again).toEqual(first)
    } finally {
      await other.close()
    }
  })
})
