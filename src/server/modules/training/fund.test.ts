import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildProfPlan } from '../../test/training.builders.ts'

// The professionalisation fund's envelopes and the year's figures (docs/training/fund.md). Each test works on a year
// of its own: the test file shares one structure.
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

const envelopes = '/api/training/fund/envelopes'

describe('envelopes', () => {
  it('one per year and funder (409 on funder), changed with its version, deleted with it, audited', async () => {
    const res = await officer.post(envelopes, { year: 2020, funder: 'CUD', allocatedCents: 120_000_00 })
    expect(res.statusCode, res.body).toBe(201)
    const e = res.json()
    expect(e).toMatchObject({ year: 2020, funder: 'CUD', allocatedCents: 120_000_00, version: 1 })
    const twice = await officer.post(envelopes, { year: 2020, funder: 'CUD', allocatedCents: 1 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('funder')
    const changed = await officer.put(`${envelopes}/${e.id}`, {
      year: 2020,
      funder: 'CUD',
      allocatedCents: 100_000_00,
      version: 1,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ allocatedCents: 100_000_00, version: 2 })
    const stale = await officer.put(`${envelopes}/${e.id}`, {
      year: 2020,
      funder: 'CUD',
      allocatedCents: 1,
      version: 1,
    })
    expect(stale.statusCode).toBe(409)
    expect((await director.get(`${envelopes}?year=2020`)).json()).toHaveLength(1)
    expect((await officer.delete(`${envelopes}/${e.id}?version=1`)).statusCode).toBe(409)
    expect((await officer.delete(`${envelopes}/${e.id}`)).statusCode).toBe(400)
    expect((await officer.delete(`${envelopes}/${e.id}?version=2`)).statusCode).toBe(204)
    expect((await officer.delete(`${envelopes}/${e.id}?version=3`)).statusCode).toBe(404)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'prof_fund_envelope')
      .where('entity_id', '=', e.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update'])
  })

  it('never cut or moved below what the year’s validated plans committed (409 on allocatedCents)', async () => {
    const e = (await officer.post(envelopes, { year: 2021, funder: 'CUD', allocatedCents: 1_000_00 })).json()
    const person = await buildPerson(t.db, t.fx)
    await buildProfPlan(t.db, t.fx, person.id, { status: 'validated', committeeDate: '2021-05-01', fundCents: 600_00 })
    const body = { year: 2021, funder: 'CUD', allocatedCents: 599_99, version: 1 }
    const cut = await officer.put(`${envelopes}/${e.id}`, body)
    expect(cut.statusCode).toBe(409)
    expect(cut.json().fields[0].field).toBe('allocatedCents')
    expect(cut.json().detail).toContain('600,00')
    expect(
      (await officer.put(`${envelopes}/${e.id}`, { ...body, year: 2022, allocatedCents: 1_000_00 })).statusCode,
    ).toBe(409)
    expect((await officer.delete(`${envelopes}/${e.id}?version=1`)).statusCode).toBe(409)
    const ok = await officer.put(`${envelopes}/${e.id}`, { ...body, allocatedCents: 600_00 })
    expect(ok.statusCode, ok.body).toBe(200)
  })

  it('bad input 400 by field', async () => {
    const field = async (body: object) => {
      const r = await officer.post(envelopes, { year: 2023, funder: 'CUD', allocatedCents: 1, ...body })
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field({ year: 1800 })).toBe('year')
    expect(await field({ year: '2023' })).toBe('year')
    expect(await field({ funder: ' ' })).toBe('funder')
    expect(await field({ allocatedCents: -1 })).toBe('allocatedCents')
    expect(await field({ allocatedCents: 1.5 })).toBe('allocatedCents')
    expect((await officer.get('/api/training/fund?year=abc')).statusCode).toBe(400)
    expect(
      (await officer.put(`${envelopes}/not-an-id`, { year: 2023, funder: 'X', allocatedCents: 1, version: 1 }))
        .statusCode,
    ).toBe(400)
  })

  it('access: counsellor, partner, reception 403; the director reads only; another structure’s envelope 404', async () => {
    const body = { year: 2024, funder: 'CUD', allocatedCents: 1 }
    for (const c of [counsellor, partner, reception]) {
      expect((await c.get('/api/training/fund?year=2024')).statusCode).toBe(403)
      expect((await c.get(envelopes)).statusCode).toBe(403)
      expect((await c.post(envelopes, body)).statusCode).toBe(403)
    }
    expect((await director.post(envelopes, body)).statusCode).toBe(403)
    expect((await director.get('/api/training/fund?year=2024')).statusCode).toBe(200)
    const other = await buildStructure(t.db)
    const foreign = await t.db.kysely
      .insertInto('prof_fund_envelope')
      .values({ structure_id: other.structureId, year: 2024, funder: 'CUD', allocated_cents: 5, external_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await officer.put(`${envelopes}/${foreign.id}`, { ...body, version: 1 })).statusCode).toBe(404)
    expect((await officer.delete(`${envelopes}/${foreign.id}?version=1`)).statusCode).toBe(404)
    expect((await officer.get('/api/training/fund?year=2024')).json().allocatedCents).toBe(0)
  })
})

describe('the fund’s year', () => {
  it('allocated, committed, remaining, reimbursed, employees, hours, cost per hour, co-funding; refused commits nothing', async () => {
    await officer.post(envelopes, { year: 2009, funder: 'CUD', allocatedCents: 120_000_00 })
    await officer.post(envelopes, { year: 2009, funder: 'Région', allocatedCents: 10_000_00 })
    const a = await buildPerson(t.db, t.fx)
    const b = await buildPerson(t.db, t.fx)
    const cofunding = [
      { cofunder: 'AGEFOS PME', kind: 'opco' as const, amountCents: 200_00 },
      { cofunder: 'CCAS', kind: 'ccas' as const, amountCents: 100_00 },
    ]
    const p1 = await buildProfPlan(t.db, t.fx, a.id, {
      status: 'validated',
      committeeDate: '2009-03-10',
      hours: 100,
      fundCents: 1_000_00,
      cofunding,
    })
    await t.db.kysely.updateTable('prof_plan').set({ reimbursed_cents: 400_00 }).where('id', '=', p1.id).execute()
    await buildProfPlan(t.db, t.fx, a.id, {
      status: 'validated',
      committeeDate: '2009-09-10',
      hours: 50,
      fundCents: 793_00,
      cofunding: [{ cofunder: 'agefos pme', kind: 'opco', amountCents: 50_00 }],
    })
    await buildProfPlan(t.db, t.fx, b.id, {
      status: 'refused',
      committeeDate: '2009-04-01',
      fundCents: 5_000_00,
      totalCostCents: 5_000_00,
    })
    await buildProfPlan(t.db, t.fx, b.id, {
      status: 'cancelled',
      committeeDate: '2009-04-01',
      fundCents: 5_000_00,
      totalCostCents: 5_000_00,
    })
    await buildProfPlan(t.db, t.fx, b.id, { status: 'validated', committeeDate: '2010-01-05', fundCents: 9_00 })
    const res = await officer.get('/api/training/fund?year=2009')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      year: 2009,
      allocatedCents: 130_000_00,
      committedCents: 1_793_00,
      remainingCents: 128_207_00,
      reimbursedCents: 400_00,
      plansValidated: 2,
      employees: 1,
      hours: 150,
      // 1 793,00 € ÷ 150 h = 11,953… € → 11,95 €
      costPerHourCents: 11_95,
      cofundingCents: 350_00,
      cofunders: 2,
    })
    expect(res.json().envelopes).toHaveLength(2)
    const empty = (await director.get('/api/training/fund?year=1999')).json()
    expect(empty).toMatchObject({
      allocatedCents: 0,
      committedCents: 0,
      hours: 0,
      costPerHourCents: null,
      employees: 0,
    })
  })
})
