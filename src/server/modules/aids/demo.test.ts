import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../demo/demo.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'
import { serverModules } from '../modules.ts'
import { loadAidsDemo } from './aids.demo.ts'
import { CIVIS_MONTH_CENTS, CIVIS_YEAR_CENTS, demoFunds, HOLIDAY_CENTS } from './aids-demo.funds.ts'

// The aids' part of the day's demo (aids.demo.ts), loaded after the persons' and the accompaniment's as `jalon demo`
// does. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons', 'accompaniment', 'aids'], facts: false })
})
afterAll(() => t.close())

const q = () => t.db.kysely
const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(q()).then((r) => r.rows)

describe('aids demo', () => {
  it('runs after the accompaniment (the CIVIS / CEJ enrolments) and the PLIE', () => {
    const order = (name: string) => serverModules.find((m) => m.name === name)?.demo?.order ?? Number.NaN
    expect(serverModules.find((m) => m.name === 'aids')?.demo?.load).toBe(loadAidsDemo)
    expect(order('aids')).toBeGreaterThan(order('accompaniment'))
    expect(order('aids')).toBeGreaterThan(order('plie'))
  })

  it('configures the five funds, the allowance within the legal ceilings, each with this year’s envelope', async () => {
    const funds = await rows<{ code: string; kind: string; month: number | null; year: number | null; env: number }>(
      sql`SELECT f.code, f.kind, f.ceiling_month_cents::int AS month, f.ceiling_person_year_cents::int AS year,
        (SELECT count(*)::int FROM aid_envelope e WHERE e.fund_id = f.id AND e.year = 2026) AS env
        FROM aid_fund f WHERE f.structure_id = 'demo' ORDER BY f.code`,
    )
    expect(funds.map((f) => [f.code, f.kind, f.env])).toEqual(
      [...demoFunds].sort((a, b) => a.code.localeCompare(b.code)).map((f) => [f.code, f.kind, 1]),
    )
    expect(funds.find((f) => f.code === 'CIVIS')).toMatchObject({ month: CIVIS_MONTH_CENTS, year: CIVIS_YEAR_CENTS })
  })

  it('has a request in every state, the emergencies on their 48 hours (one due in a few hours, one late)', async () => {
    const states = await rows<{ status: string }>(
      sql`SELECT DISTINCT status FROM aid_request WHERE structure_id = 'demo' ORDER BY 1`,
    )
    expect(states.map((s) => s.status)).toEqual([
      'complete',
      'granted',
      'partly_granted',
      'redirected',
      'refused',
      'submitted',
    ])
    const now = t.clock.now().getTime()
    const due = await rows<{ due_at: Date }>(
      sql`SELECT due_at FROM aid_request WHERE track = 'emergency' AND status = 'complete' ORDER BY due_at`,
    )
    const hours = due.map((d) => Math.round((d.due_at.getTime() - now) / 3_600_000))
    expect(hours).toEqual([-4, 4])
    const refused = await rows<{ refusal_criterion: string }>(
      sql`SELECT refusal_criterion FROM aid_request WHERE status = 'refused'`,
    )
    expect(refused[0]?.refusal_criterion).toBeTruthy()
    // a payment cancelled by a counter-entry of the same request, with its reason
    const counter = await rows<{ same: boolean; net: number }>(
      sql`SELECT c.request_id = p.request_id AS same, (c.amount_cents + p.amount_cents)::int AS net
        FROM aid_payment c JOIN aid_payment p ON p.id = c.cancels_id WHERE c.reason IS NOT NULL`,
    )
    expect(counter).toEqual([{ same: true, net: 0 }])
  })

  it('puts two reinforced requests on next week’s FDAJ commission; last month’s granted one has its contract', async () => {
    const agenda = await rows<{ status: string; date: string; n: number }>(
      sql`SELECT c.status, c.date::text AS date, count(r.id)::int AS n FROM aid_commission c
        JOIN aid_fund f ON f.id = c.fund_id AND f.code = 'FDAJ'
        LEFT JOIN aid_request r ON r.commission_id = c.id AND r.track = 'reinforced' GROUP BY c.id, c.status, c.date ORDER BY c.date`,
    )
    expect(agenda).toEqual([
      { status: 'held', date: '2026-02-06', n: 1 },
      { status: 'planned', date: '2026-03-09', n: 2 },
    ])
    const instalments = await rows<{ due_on: string | null; paid_on: string | null }>(
      sql`SELECT p.due_on::text AS due_on, p.paid_on::text AS paid_on FROM aid_contract k
        JOIN aid_payment p ON p.request_id = k.request_id ORDER BY coalesce(p.due_on, p.paid_on)`,
    )
    expect(instalments).toEqual([
      { due_on: null, paid_on: '2026-03-01' },
      { due_on: '2026-04-01', paid_on: null },
      { due_on: '2026-05-01', paid_on: null },
    ])
  })

  it('pays last month’s allowance by one run, and has a CLAP project presented, a holiday stay, an indirect aid', async () => {
    const run = await rows<{ month: string; payments: number; total: number; n: number; sum: number }>(
      sql`SELECT r.month::text AS month, r.payments, r.total_cents::int AS total, count(p.id)::int AS n,
        sum(p.amount_cents)::int AS sum FROM aid_payment_run r JOIN aid_payment p ON p.run_id = r.id GROUP BY r.id, r.month, r.payments, r.total_cents`,
    )
    expect(run).toHaveLength(1)
    expect(run[0]).toMatchObject({ month: '2026-02-01', payments: run[0]!.n, total: run[0]!.sum })
    const projects = await rows<{ status: string; holders: number }>(
      sql`SELECT p.status, (SELECT count(*)::int FROM aid_project_holder h WHERE h.project_id = p.id) AS holders
        FROM aid_project p ORDER BY p.status`,
    )
    expect(projects).toEqual([
      { status: 'funded', holders: 4 },
      { status: 'presented', holders: 2 },
    ])
    const holiday = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM aid_request r JOIN aid_payment p ON p.request_id = r.id
        WHERE r.project_id IS NOT NULL AND r.amount_granted_cents = ${HOLIDAY_CENTS} AND p.amount_cents = ${HOLIDAY_CENTS}`,
    )
    expect(holiday[0]!.n).toBe(4)
    expect(await rows(sql`SELECT label FROM aid_indirect`)).toHaveLength(1)
  })

  it('keeps its amounts within the envelopes, the ceilings and what was granted', async () => {
    const envelopes = await rows<{ code: string; granted: number; allocated: number }>(
      sql`SELECT f.code, coalesce(sum(r.amount_granted_cents), 0)::int AS granted, e.allocated_cents::int AS allocated
        FROM aid_envelope e JOIN aid_fund f ON f.id = e.fund_id
        LEFT JOIN aid_request r ON r.fund_id = e.fund_id AND extract(year FROM r.decided_on) = e.year
        GROUP BY f.code, e.allocated_cents`,
    )
    for (const e of envelopes) expect(e.granted, e.code).toBeLessThanOrEqual(e.allocated)
    expect(envelopes.filter((e) => e.granted > 0).length).toBeGreaterThanOrEqual(4)
    const over = await rows(
      sql`SELECT r.id FROM aid_request r JOIN aid_fund f ON f.id = r.fund_id
        WHERE r.amount_granted_cents > r.amount_asked_cents
           OR r.amount_asked_cents > coalesce(f.ceiling_request_cents, f.ceiling_month_cents,
                f.ceiling_person_year_cents, r.amount_asked_cents)
           OR (SELECT coalesce(sum(p.amount_cents), 0) FROM aid_payment p WHERE p.request_id = r.id)
                > coalesce(r.amount_granted_cents, 0)`,
    )
    expect(over).toEqual([])
  })
})
