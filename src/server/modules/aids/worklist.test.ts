import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The aid officer's worklist, the fund's dashboard and the director's view (docs/aids.md « Worklist and dashboards »).
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort()

describe('worklist and dashboards', () => {
  it('to complete, to decide, emergencies with their hours left, to pay, instalments due, proofs awaited', async () => {
    const fund = await buildFund(t.db, t.fx, { code: 'FIPJ', documents: ['RIB'] })
    const byCommission = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const p = (await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa' })).id
    const now = t.clock.now().getTime()
    const submitted = await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'submitted' })
    const complete = await buildAidRequest(t.db, t.fx, p, fund.id, { documents: ['RIB'] })
    await buildAidRequest(t.db, t.fx, p, byCommission.id)
    const late = await buildAidRequest(t.db, t.fx, p, fund.id, {
      track: 'emergency',
      documents: ['RIB'],
      dueAt: new Date(now - 5 * 3_600_000),
    })
    const unpaid = await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'granted' })
    const paid = await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'granted' })
    await buildAidPayment(t.db, t.fx, paid.id, { amountCents: 100_00 })
    const contract = await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'granted', amountAskedCents: 200_00 })
    const instalment = await buildAidPayment(t.db, t.fx, contract.id, {
      amountCents: 100_00,
      paidOn: null,
      dueOn: '2026-03-01',
    })
    await buildAidPayment(t.db, t.fx, contract.id, { amountCents: 100_00, paidOn: null, dueOn: '2026-04-01' })
    await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'refused' })

    const res = await officer.get('/api/aids/worklist')
    expect(res.statusCode, res.body).toBe(200)
    const w = res.json()
    expect(ids(w.toComplete)).toEqual([submitted.id])
    expect(w.toComplete[0]).toMatchObject({ personName: 'MARTIN Léa', fundCode: 'FIPJ', missingDocuments: ['RIB'] })
    expect(ids(w.toDecide)).toEqual(ids([complete, late]))
    expect(ids(w.emergencies)).toEqual([late.id])
    expect(w.emergencies[0].hoursLeft).toBe(-5)
    expect(ids(w.toPay)).toEqual([unpaid.id])
    expect(w.instalmentsDue.map((x: { id: string }) => x.id)).toEqual([instalment])
    expect(ids(w.proofsAwaited)).toEqual([paid.id])
    expect((await counsellor.get('/api/aids/worklist')).statusCode).toBe(403)
    expect((await director.get('/api/aids/worklist')).statusCode).toBe(403)
  })

  it('a fund’s dashboard month by month, by status and purpose; the director’s overview of every fund', async () => {
    const fund = await buildFund(t.db, t.fx, { code: 'FDAJ', envelope: { year: 2026, allocatedCents: 1_000_00 } })
    const p = (await buildPerson(t.db, t.fx)).id
    const a = await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'granted', decidedOn: '2026-02-10' })
    await buildAidRequest(t.db, t.fx, p, fund.id, {
      status: 'partly_granted',
      purpose: 'transport',
      amountGrantedCents: 50_00,
      decidedOn: '2026-03-01',
    })
    await buildAidRequest(t.db, t.fx, p, fund.id, { status: 'refused', purpose: 'transport' })
    await buildAidPayment(t.db, t.fx, a.id, { amountCents: 100_00, paidOn: '2026-02-20' })
    const res = await officer.get(`/api/aids/funds/${fund.id}/dashboard?year=2026`)
    expect(res.statusCode, res.body).toBe(200)
    const d = res.json()
    expect(d.envelope).toMatchObject({
      allocatedCents: 1_000_00,
      committedCents: 150_00,
      paidCents: 100_00,
      remainingCents: 850_00,
    })
    expect(d.months).toHaveLength(12)
    expect(d.months[1]).toEqual({ month: '2026-02', committedCents: 100_00, paidCents: 100_00 })
    expect(d.months[2]).toEqual({ month: '2026-03', committedCents: 50_00, paidCents: 0 })
    expect(d.byStatus).toEqual([
      { status: 'granted', label: 'Accordée', count: 1 },
      { status: 'partly_granted', label: 'Accordée en partie', count: 1 },
      { status: 'refused', label: 'Refusée', count: 1 },
    ])
    expect(d.byPurpose).toEqual([
      { purpose: 'meals', label: 'Repas', count: 1, grantedCents: 100_00 },
      { purpose: 'transport', label: 'Transport', count: 2, grantedCents: 50_00 },
    ])
    const o = await director.get('/api/aids/overview?year=2026')
    expect(o.statusCode, o.body).toBe(200)
    expect(o.json().funds.find((f: { code: string }) => f.code === 'FDAJ')).toMatchObject({
      fundId: fund.id,
      committedCents: 150_00,
      remainingCents: 850_00,
    })
    expect((await counsellor.get('/api/aids/overview?year=2026')).statusCode).toBe(403)
    const bad = await director.get('/api/aids/overview?year=26')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('year')
    const other = await buildFund(t.db, await buildStructure(t.db))
    expect((await director.get(`/api/aids/funds/${other.id}/dashboard?year=2026`)).statusCode).toBe(404)
  })
})
