import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildProfPlan, buildTrainingBody } from '../../test/training.builders.ts'

// The professionalisation plans: filing, editing, the committee's decision within the year's envelope, reimbursement,
// cancellation (docs/training/fund.md). The clock is 02/03/2026; each test works on a year of its own.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let partner: TestClient
let reception: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  partner = await t.as('partner')
  reception = await t.as('reception')
})
afterAll(() => t.close())

const plans = '/api/training/fund/plans'
const envelope = (year: number, allocatedCents: number) =>
  officer.post('/api/training/fund/envelopes', { year, funder: 'CUD', allocatedCents })

async function planBody(over: object = {}) {
  const person = await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa' })
  return {
    personId: person.id,
    employerName: 'Association Solidarité',
    employerSiret: '12345678901234',
    contractKind: 'cae',
    contractStart: '2025-09-01',
    contractEnd: '2026-08-31',
    trainingTitle: 'Titre professionnel agent de propreté',
    bodyName: 'AFPA Dunkerque',
    hours: 150,
    totalCostCents: 2_500_00,
    fundCents: 1_790_00,
    cofunding: [
      { cofunder: 'AGEFOS PME', kind: 'opco', amountCents: 500_00 },
      { cofunder: 'Employeur', kind: 'employer', amountCents: 210_00 },
    ],
    ...over,
  }
}

describe('plans', () => {
  it('filed, read, edited while awaiting the committee (versions), listed by status, audited', async () => {
    const body = await planBody()
    const res = await officer.post(plans, body)
    expect(res.statusCode, res.body).toBe(201)
    const plan = res.json()
    expect(plan).toMatchObject({
      personName: 'MARTIN Léa',
      status: 'submitted',
      fundCents: 1_790_00,
      costPerHourCents: 11_93,
      committeeDate: null,
      version: 1,
    })
    expect(plan.cofunding).toEqual(body.cofunding)
    const url = `${plans}/${plan.id}`
    expect((await director.get(url)).json().id).toBe(plan.id)
    const changed = await officer.put(url, { ...body, hours: 100, cofunding: [], version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ hours: 100, cofunding: [], costPerHourCents: 17_90, version: 2 })
    expect((await officer.put(url, { ...body, version: 1 })).statusCode).toBe(409)
    const list = await director.get(`${plans}?status=submitted&year=2026`)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().map((p: { id: string }) => p.id)).toContain(plan.id)
    expect((await director.get(`${plans}?status=validated`)).json().map((p: { id: string }) => p.id)).not.toContain(
      plan.id,
    )
    expect((await director.get(`${plans}?personId=${body.personId}`)).json()).toHaveLength(1)
    const year = (await officer.get('/api/training/fund?year=2026')).json()
    expect(year.plansSubmitted).toBeGreaterThanOrEqual(1)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', plan.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['training.plan.create', 'training.plan.update'])
  })

  it('a catalogue body is named by the catalogue; an unknown body or person is 400 on the field', async () => {
    const b = await buildTrainingBody(t.db, t.fx, { name: 'GRETA Grand Littoral' })
    const res = await officer.post(plans, await planBody({ bodyId: b.id, bodyName: null }))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ bodyId: b.id, bodyName: 'GRETA Grand Littoral' })
    const other = await buildStructure(t.db)
    const foreignBody = await buildTrainingBody(t.db, other)
    const foreignPerson = await buildPerson(t.db, other)
    const bad1 = await officer.post(plans, await planBody({ bodyId: foreignBody.id }))
    expect(bad1.statusCode).toBe(400)
    expect(bad1.json().fields[0].field).toBe('bodyId')
    const bad2 = await officer.post(plans, await planBody({ personId: foreignPerson.id }))
    expect(bad2.statusCode).toBe(400)
    expect(bad2.json().fields[0].field).toBe('personId')
  })

  it('bad input 400 by field', async () => {
    const base = await planBody()
    const field = async (over: object, url = plans) => {
      const r = await officer.post(url, { ...base, ...over })
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field({ personId: 'x' })).toBe('personId')
    expect(await field({ employerName: '' })).toBe('employerName')
    expect(await field({ employerSiret: '123' })).toBe('employerSiret')
    expect(await field({ contractKind: 'cdi' })).toBe('contractKind')
    expect(await field({ contractEnd: '2025-01-01' })).toBe('contractEnd')
    expect(await field({ hours: 0 })).toBe('hours')
    expect(await field({ fundCents: 2_000_00 })).toBe('fundCents')
    expect(await field({ bodyName: null })).toBe('bodyName')
    expect(await field({ cofunding: [{ cofunder: 'X', kind: 'bank', amountCents: 1 }] })).toBe('cofunding.0.kind')
    const p = await buildProfPlan(t.db, t.fx, base.personId)
    const decide = (over: object) => officer.post(`${plans}/${p.id}/decision`, { version: 1, ...over })
    const refusedWithout = await decide({ decision: 'refused', committeeDate: '2026-02-01' })
    expect(refusedWithout.json().fields[0].field).toBe('note')
    expect((await decide({ decision: 'maybe', committeeDate: '2026-02-01' })).json().fields[0].field).toBe('decision')
    const future = await decide({ decision: 'refused', committeeDate: '2026-03-03', note: 'Hors critères' })
    expect(future.statusCode).toBe(400)
    expect(future.json().fields[0].field).toBe('committeeDate')
    const r = await officer.post(`${plans}/${p.id}/reimbursement`, { reimbursedCents: -5, version: 1 })
    expect(r.json().fields[0].field).toBe('reimbursedCents')
  })

  it('access: counsellor, partner, reception 403 on every route; the director reads only; another structure’s plan 404', async () => {
    const p = await buildProfPlan(t.db, t.fx, (await buildPerson(t.db, t.fx)).id)
    const body = await planBody()
    const calls = (c: TestClient) => [
      c.get(plans),
      c.get(`${plans}/${p.id}`),
      c.post(plans, body),
      c.put(`${plans}/${p.id}`, { ...body, version: 1 }),
      c.post(`${plans}/${p.id}/decision`, { decision: 'validated', committeeDate: '2026-02-01', version: 1 }),
      c.post(`${plans}/${p.id}/reimbursement`, { reimbursedCents: 1, version: 1 }),
      c.post(`${plans}/${p.id}/cancel`, { version: 1 }),
    ]
    for (const c of [counsellor, partner, reception])
      for (const r of await Promise.all(calls(c))) expect(r.statusCode).toBe(403)
    const byDirector = await Promise.all(calls(director))
    expect(byDirector.map((r) => r.statusCode)).toEqual([200, 200, 403, 403, 403, 403, 403])
    const other = await buildStructure(t.db)
    const foreign = await buildProfPlan(t.db, other, (await buildPerson(t.db, other)).id)
    expect((await officer.get(`${plans}/${foreign.id}`)).statusCode).toBe(404)
    expect((await officer.put(`${plans}/${foreign.id}`, { ...body, version: 1 })).statusCode).toBe(404)
    const decide = { decision: 'refused', committeeDate: '2026-02-01', note: 'x', version: 1 }
    expect((await officer.post(`${plans}/${foreign.id}/decision`, decide)).statusCode).toBe(404)
    expect((await officer.post(`${plans}/${foreign.id}/cancel`, { version: 1 })).statusCode).toBe(404)
    expect((await officer.get(plans)).json().map((x: { id: string }) => x.id)).not.toContain(foreign.id)
  })
})

describe('the committee’s decision', () => {
  it('a validation commits the fund share in the committee’s year; over the envelope 409 on fundCents', async () => {
    await envelope(2025, 2_000_00)
    const a = (await officer.post(plans, await planBody({ fundCents: 1_500_00 }))).json()
    const b = (await officer.post(plans, await planBody({ fundCents: 600_00 }))).json()
    const ok = await officer.post(`${plans}/${a.id}/decision`, {
      decision: 'validated',
      committeeDate: '2025-11-20',
      version: 1,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'validated', committeeDate: '2025-11-20', version: 2 })
    const over = await officer.post(`${plans}/${b.id}/decision`, {
      decision: 'validated',
      committeeDate: '2025-12-01',
      version: 1,
    })
    expect(over.statusCode).toBe(409)
    expect(over.json().fields[0].field).toBe('fundCents')
    expect(over.json().detail.replace(/\s/g, ' ')).toContain('Il reste 500,00 € dans l’enveloppe 2025')
    // decided once: neither decided nor edited again
    const again = await officer.post(`${plans}/${a.id}/decision`, {
      decision: 'refused',
      committeeDate: '2025-11-20',
      note: 'x',
      version: 2,
    })
    expect(again.statusCode).toBe(409)
    expect((await officer.put(`${plans}/${a.id}`, { ...(await planBody()), version: 2 })).statusCode).toBe(409)
    const stale = await officer.post(`${plans}/${b.id}/decision`, {
      decision: 'refused',
      committeeDate: '2025-12-01',
      note: 'Hors critères',
      version: 9,
    })
    expect(stale.statusCode).toBe(409)
    // a refusal commits nothing
    const refused = await officer.post(`${plans}/${b.id}/decision`, {
      decision: 'refused',
      committeeDate: '2025-12-01',
      note: 'Formation hors du champ du fonds',
      version: 1,
    })
    expect(refused.statusCode, refused.body).toBe(200)
    expect(refused.json()).toMatchObject({ status: 'refused', decisionNote: 'Formation hors du champ du fonds' })
    const year = (await officer.get('/api/training/fund?year=2025')).json()
    expect(year).toMatchObject({ committedCents: 1_500_00, remainingCents: 500_00, plansValidated: 1 })
  })

  it('two validations at once for the last euros: one wins, the other 409', async () => {
    await envelope(2019, 1_000_00)
    const a = (await officer.post(plans, await planBody({ fundCents: 700_00 }))).json()
    const b = (await officer.post(plans, await planBody({ fundCents: 700_00 }))).json()
    const decide = (id: string) =>
      officer.post(`${plans}/${id}/decision`, { decision: 'validated', committeeDate: '2019-06-01', version: 1 })
    const results = await Promise.all([decide(a.id), decide(b.id)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect((await officer.get('/api/training/fund?year=2019')).json().committedCents).toBe(700_00)
  })

  it('reimbursed up to the fund share; cancelled frees what it committed, not once reimbursed', async () => {
    await envelope(2018, 3_000_00)
    const a = (await officer.post(plans, await planBody({ fundCents: 1_000_00 }))).json()
    const url = `${plans}/${a.id}`
    expect((await officer.post(`${url}/reimbursement`, { reimbursedCents: 1, version: 1 })).statusCode).toBe(409)
    await officer.post(`${url}/decision`, { decision: 'validated', committeeDate: '2018-02-01', version: 1 })
    const tooMuch = await officer.post(`${url}/reimbursement`, { reimbursedCents: 1_000_01, version: 2 })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().fields[0].field).toBe('reimbursedCents')
    const paid = await officer.post(`${url}/reimbursement`, { reimbursedCents: 400_00, version: 2 })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ reimbursedCents: 400_00, version: 3 })
    expect((await officer.post(`${url}/reimbursement`, { reimbursedCents: 1, version: 2 })).statusCode).toBe(409)
    expect((await officer.get('/api/training/fund?year=2018')).json().reimbursedCents).toBe(400_00)
    expect((await officer.post(`${url}/cancel`, { version: 3 })).statusCode).toBe(409)

    const b = (await officer.post(plans, await planBody({ fundCents: 2_000_00, totalCostCents: 3_000_00 }))).json()
    await officer.post(`${plans}/${b.id}/decision`, { decision: 'validated', committeeDate: '2018-03-01', version: 1 })
    expect((await officer.get('/api/training/fund?year=2018')).json().committedCents).toBe(3_000_00)
    const cancelled = await officer.post(`${plans}/${b.id}/cancel`, { reason: 'Contrat rompu', version: 2 })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', decisionNote: 'Contrat rompu' })
    expect((await officer.get('/api/training/fund?year=2018')).json()).toMatchObject({
      committedCents: 1_000_00,
      remainingCents: 2_000_00,
    })
    expect((await officer.post(`${plans}/${b.id}/cancel`, { version: 3 })).statusCode).toBe(409)
  })
})
