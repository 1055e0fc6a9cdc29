import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow } from '../../test/accompaniment.builders.ts'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// A person's requests from the file (docs/aids.md « Requests, decisions, payments »).
let t: TestContext
let counsellor: TestClient
let officer: TestClient
let director: TestClient
let fund: Awaited<ReturnType<typeof buildFund>>
let person: Awaited<ReturnType<typeof buildPerson>>

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  officer = await t.as('aid_officer', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  fund = await buildFund(t.db, t.fx, {
    code: 'FIPJ',
    documents: ['Devis', 'RIB'],
    minAge: 16,
    maxAge: 25,
    ceilingRequestCents: 500_00,
  })
  person = await buildPerson(t.db, t.fx, { communeCode: '75056' })
})
afterAll(() => t.close())

const ask = (body: object, who = counsellor, personId = person.id) =>
  who.post(`/api/persons/${personId}/aids/requests`, {
    fundId: fund.id,
    purpose: 'meals',
    amountAskedCents: 120_00,
    siteId: t.fx.sites.a,
    ...body,
  })

describe('requests', () => {
  it('asked: submitted with the missing documents, completed by the documents, audited; the file lists it', async () => {
    const res = await ask({ documents: ['Devis'], argument: 'Repas du mois' })
    expect(res.statusCode, res.body).toBe(201)
    const r = res.json()
    expect(r).toMatchObject({ status: 'submitted', missingDocuments: ['RIB'], track: 'ordinary', dueAt: null })
    const url = `/api/aids/requests/${r.id}/documents`
    const unknown = await counsellor.put(url, { documents: ['Passeport'], version: 1 })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields[0].field).toBe('documents')
    const [a, b] = await Promise.all([
      counsellor.put(url, { documents: ['Devis', 'RIB'], version: 1 }),
      officer.put(url, { documents: ['Devis', 'RIB'], version: 1 }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const done = (a.statusCode === 200 ? a : b).json()
    expect(done).toMatchObject({ status: 'complete', missingDocuments: [], version: 2 })
    await buildAidPayment(
      t.db,
      t.fx,
      (await buildAidRequest(t.db, t.fx, person.id, fund.id, { status: 'granted' })).id,
      {
        amountCents: 40_00,
      },
    )
    const list = await counsellor.get(`/api/persons/${person.id}/aids/requests`)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().find((x: { id: string }) => x.id === r.id)).toMatchObject({ status: 'complete', payments: [] })
    expect(list.json().find((x: { paidCents: number }) => x.paidCents === 40_00).payments).toHaveLength(1)
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', r.id).execute()
    expect(audit.map((x) => x.action).sort()).toEqual(['aids.request.create', 'aids.request.documents'])
  })

  it('an emergency is due 48 hours after it was asked', async () => {
    const res = await ask({ track: 'emergency', documents: ['Devis', 'RIB'] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().status).toBe('complete')
    expect(new Date(res.json().dueAt).getTime() - t.clock.now().getTime()).toBe(48 * 3_600_000)
  })

  it('the fund’s rules: active, open, track, purpose, eligibility, ceiling — 400 naming the field', async () => {
    const field = async (body: object, personId = person.id) => {
      const r = await ask(body, counsellor, personId)
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    const off = await buildFund(t.db, t.fx, { active: false })
    const closed = await buildFund(t.db, t.fx, { closesOn: '2026-01-31' })
    const plieOnly = await buildFund(t.db, t.fx, { programmeTypes: ['plie'] })
    const paris = await buildFund(t.db, t.fx, { communes: ['75056'] })
    const allowance = await buildFund(t.db, t.fx, {
      kind: 'allowance',
      purposes: ['allowance'],
      ceilingMonthCents: 300_00,
    })
    expect(await field({ fundId: off.id })).toBe('fundId')
    expect(await field({ fundId: closed.id })).toBe('fundId')
    expect(await field({ track: 'reinforced' })).toBe('track')
    expect(await field({ purpose: 'holiday' })).toBe('purpose')
    expect(await field({ amountAskedCents: 600_00 })).toBe('amountAskedCents')
    expect(await field({ amountAskedCents: 0 })).toBe('amountAskedCents')
    expect(await field({ siteId: 'x' })).toBe('siteId')
    expect(await field({ month: '2026-03-01' })).toBe('month')
    expect(await field({ fundId: allowance.id, purpose: 'allowance' })).toBe('month')
    expect(
      await field({ fundId: allowance.id, purpose: 'allowance', month: '2026-03-01', amountAskedCents: 301_00 }),
    ).toBe('amountAskedCents')
    const old = await buildPerson(t.db, t.fx, { birthDate: '1990-01-01' })
    expect(await field({}, old.id)).toBe('fundId')
    expect(await field({ fundId: plieOnly.id })).toBe('fundId')
    await buildEnrolmentRow(t.db, t.fx, person.id, { programme_id: t.fx.programmes.plie, entry_date: '2026-01-05' })
    expect((await ask({ fundId: plieOnly.id })).statusCode).toBe(201)
    const lyon = await buildPerson(t.db, t.fx, { communeCode: '69123' })
    expect(await field({ fundId: paris.id }, lyon.id)).toBe('fundId')
    expect((await ask({ fundId: paris.id })).statusCode).toBe(201)
  })

  it('cancelled while not decided, with its version; a decided one is not', async () => {
    const r = (await ask({})).json()
    const url = `/api/aids/requests/${r.id}/cancel`
    expect((await counsellor.post(url, { version: 9 })).statusCode).toBe(409)
    const done = await counsellor.post(url, { reason: 'Plus besoin', version: 1 })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json().status).toBe('cancelled')
    expect((await counsellor.post(url, { version: 2 })).statusCode).toBe(409)
  })

  it('access: the officer does not ask; a person out of the counsellor’s sites and another structure’s request are 404', async () => {
    expect((await ask({}, officer)).statusCode).toBe(403)
    const elsewhere = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    expect((await ask({}, counsellor, elsewhere.id)).statusCode).toBe(404)
    expect((await counsellor.get(`/api/persons/${elsewhere.id}/aids/requests`)).statusCode).toBe(404)
    // the aid officer (site B only) and the director see the whole structure
    const seen = await buildAidRequest(t.db, t.fx, person.id, fund.id)
    expect((await officer.get(`/api/aids/requests/${seen.id}`)).statusCode).toBe(200)
    expect((await director.get(`/api/persons/${person.id}/aids/requests`)).statusCode).toBe(200)
    const hidden = await buildAidRequest(t.db, t.fx, elsewhere.id, fund.id)
    expect((await counsellor.get(`/api/aids/requests/${hidden.id}`)).statusCode).toBe(404)
    const other = await buildStructure(t.db)
    const foreignFund = await buildFund(t.db, other)
    const foreign = await buildAidRequest(t.db, other, (await buildPerson(t.db, other)).id, foreignFund.id)
    expect((await officer.get(`/api/aids/requests/${foreign.id}`)).statusCode).toBe(404)
    expect(
      (await officer.put(`/api/aids/requests/${foreign.id}/documents`, { documents: [], version: 1 })).statusCode,
    ).toBe(404)
    expect((await ask({ fundId: foreignFund.id })).statusCode).toBe(400)
  })
})
