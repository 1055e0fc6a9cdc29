import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prescriptionStatuses } from '../../../shared/training/training.nomenclature.ts'
import { loadDemo } from '../../demo/demo.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'
import { serverModules } from '../modules.ts'
import { findSessions } from './sessions.repository.ts'
import { DEMO_BODY_NAME, DEMO_UPCOMING_ACTION, loadTrainingDemo } from './training.demo.ts'

// The training part of the day's demo (training.demo.ts), loaded after the persons', the accompaniment's and the aids'
// as `jalon demo` does. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons', 'accompaniment', 'aids', 'training'], facts: false })
})
afterAll(() => t.close())

const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.db.kysely).then((r) => r.rows)

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1)
    return sum + (d > 9 ? d - 9 : d)
  }, 0) %
    10 ===
  0

describe('training demo', () => {
  it('runs after the persons, the accompaniment and the aids', () => {
    const order = (name: string) => serverModules.find((m) => m.name === name)?.demo?.order ?? Number.NaN
    expect(serverModules.find((m) => m.name === 'training')?.demo?.load).toBe(loadTrainingDemo)
    expect(order('training')).toBeGreaterThan(order('accompaniment'))
    expect(order('training')).toBeGreaterThan(order('aids'))
  })

  it('has four bodies with valid SIRETs, the first bound to the partner account, eight actions with NSF codes', async () => {
    const bodies = await rows<{ name: string; siret: string; partner: string | null }>(
      sql`SELECT b.name, b.siret, (SELECT u.email::text FROM training_body_user bu JOIN app_user u ON u.id = bu.user_id
        WHERE bu.body_id = b.id) AS partner FROM training_body b WHERE b.structure_id = 'demo' ORDER BY b.name`,
    )
    expect(bodies).toHaveLength(4)
    expect(bodies.every((b) => luhn(b.siret))).toBe(true)
    expect(bodies.filter((b) => b.partner)).toEqual([
      expect.objectContaining({ name: DEMO_BODY_NAME, partner: 'organisme@demo.jalon.fr' }),
    ])
    const actions = await rows<{ funders: number; n: number; nsf: number }>(
      sql`SELECT count(DISTINCT funder)::int AS funders, count(*)::int AS n, count(nsf_code)::int AS nsf
        FROM training_action WHERE structure_id = 'demo'`,
    )
    expect(actions).toEqual([{ funders: 6, n: 8, nsf: 8 }])
  })

  it('has sessions ended, running and upcoming, one almost full, the journey’s with next week’s information session', async () => {
    const sessions = await t.db.kysely.transaction().execute((tx) => findSessions(tx, 'demo', { limit: 100 }))
    const today = '2026-03-02'
    expect(sessions.some((s) => s.endsOn! < today)).toBe(true)
    expect(sessions.some((s) => s.startsOn <= today && s.endsOn! >= today)).toBe(true)
    expect(sessions.filter((s) => s.startsOn > today && s.placesLeft === 1)).toHaveLength(1)
    const journey = sessions.find((s) => s.actionTitle === DEMO_UPCOMING_ACTION && s.startsOn > today)!
    expect(journey).toMatchObject({ bodyName: DEMO_BODY_NAME, placesLeft: 12, infoSessionAt: expect.any(String) })
    expect(journey.infoSessionAt!.slice(0, 10)).toBe('2026-03-09')
  })

  it('has a prescription in every status, each with its history, filed by the demo counsellor', async () => {
    const statuses = await rows<{ status: string; events: number; prescriber: string }>(
      sql`SELECT p.status, (SELECT count(*)::int FROM training_prescription_event e WHERE e.prescription_id = p.id) AS events,
        u.email::text AS prescriber FROM training_prescription p JOIN app_user u ON u.id = p.prescriber_id
        WHERE p.structure_id = 'demo'`,
    )
    expect([...new Set(statuses.map((s) => s.status))].sort()).toEqual([...prescriptionStatuses.codes].sort())
    expect(statuses.every((s) => s.events >= 1 && s.prescriber === 'conseiller@demo.jalon.fr')).toBe(true)
    // the last event of each prescription names its status
    const last = await rows<{ ok: boolean }>(
      sql`SELECT bool_and(p.status = (SELECT e.to_status FROM training_prescription_event e WHERE e.prescription_id = p.id
        ORDER BY e.at DESC LIMIT 1)) AS ok FROM training_prescription p WHERE p.structure_id = 'demo'`,
    )
    expect(last).toEqual([{ ok: true }])
  })

  it('gives each entry its training situation, ended on the exit', async () => {
    const entries = await rows<{
      status: string
      kind: string
      start: string
      end: string | null
      exit: string | null
    }>(
      sql`SELECT p.status, s.kind, s.start_date::text AS start, s.end_date::text AS "end", p.exit_date::text AS exit
        FROM training_prescription p JOIN situation s ON s.id = p.situation_id AND s.person_id = p.person_id
        WHERE p.structure_id = 'demo' ORDER BY p.status`,
    )
    expect(entries.map((e) => e.status)).toEqual(['entered', 'entered', 'exited', 'exited'])
    expect(entries.every((e) => e.kind.endsWith('_training') && e.end === e.exit)).toBe(true)
  })

  it('has this year’s fund envelope and six plans: submitted, validated and refused, with co-funders', async () => {
    const env = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM prof_fund_envelope WHERE year = 2026`)
    expect(env).toEqual([{ n: 1 }])
    const plans = await rows<{ status: string; n: number; cofunders: number }>(
      sql`SELECT status, count(*)::int AS n, (SELECT count(*)::int FROM prof_plan_cofunding c JOIN prof_plan q
        ON q.id = c.plan_id WHERE q.status = p.status) AS cofunders FROM prof_plan p WHERE p.structure_id = 'demo'
        GROUP BY status ORDER BY status`,
    )
    expect(plans).toEqual([
      { status: 'refused', n: 1, cofunders: 0 },
      { status: 'submitted', n: 2, cofunders: 2 },
      { status: 'validated', n: 3, cofunders: 4 },
    ])
  })
})
