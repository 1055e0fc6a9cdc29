import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The funds and their envelopes (docs/aids.md « Funds and envelopes »).
let t: TestContext
let director: TestClient
let officer: TestClient
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  director = await t.as('director')
  officer = await t.as('aid_officer')
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const fipj = {
  code: 'FIPJ',
  name: 'Fonds d’insertion professionnelle des jeunes',
  kind: 'individual',
  funder: 'État',
  purposes: ['meals', 'transport'],
  tracks: ['ordinary', 'emergency'],
  paymentModes: ['transfer', 'third_party'],
  documents: ['Devis', 'RIB'],
  minAge: 16,
  maxAge: 25,
  ceilingRequestCents: 500_00,
}

describe('funds', () => {
  it('created, read by the counsellor, changed with its version, code unique 409 on code, audited', async () => {
    const res = await director.post('/api/aids/funds', fipj)
    expect(res.statusCode, res.body).toBe(201)
    const fund = res.json()
    expect(fund).toMatchObject({
      ...fipj,
      decidedBy: 'officer',
      active: true,
      version: 1,
      kindLabel: 'Aides individuelles',
    })
    const twice = await director.post('/api/aids/funds', { ...fipj, name: 'Autre' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('code')
    const list = await counsellor.get('/api/aids/funds?active=true')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().map((f: { code: string }) => f.code)).toContain('FIPJ')
    const url = `/api/aids/funds/${fund.id}`
    const changed = await director.put(url, { ...fipj, decidedBy: 'commission', version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ decidedBy: 'commission', version: 2 })
    expect((await director.put(url, { ...fipj, version: 1 })).statusCode).toBe(409)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'aid_fund')
      .where('entity_id', '=', fund.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })

  it('deleted when no request rests on it (with its envelopes); else 409, deactivated instead', async () => {
    const free = await buildFund(t.db, t.fx)
    expect((await director.delete(`/api/aids/funds/${free.id}?version=2`)).statusCode).toBe(409)
    expect((await director.delete(`/api/aids/funds/${free.id}?version=1`)).statusCode).toBe(204)
    const used = await buildFund(t.db, t.fx)
    const person = await buildPerson(t.db, t.fx)
    await buildAidRequest(t.db, t.fx, person.id, used.id)
    const refused = await director.delete(`/api/aids/funds/${used.id}?version=1`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toContain('désactivez')
    const fund = (await director.get(`/api/aids/funds/${used.id}`)).json()
    const off = await director.put(`/api/aids/funds/${used.id}`, { ...fund, active: false })
    expect(off.statusCode, off.body).toBe(200)
    expect(off.json().active).toBe(false)
  })

  it('bad input 400 by field', async () => {
    const field = async (body: object) => {
      const r = await director.post('/api/aids/funds', { ...fipj, code: 'X1', ...body })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ code: '' })).toBe('code')
    expect(await field({ purposes: [] })).toBe('purposes')
    expect(await field({ purposes: ['caviar'] })).toBe('purposes.0')
    expect(await field({ tracks: ['ordinary', 'ordinary'] })).toBe('tracks')
    expect(await field({ paymentModes: ['bitcoin'] })).toBe('paymentModes.0')
    expect(await field({ minAge: 26 })).toBe('maxAge')
    expect(await field({ opensOn: '2026-05-01', closesOn: '2026-04-01' })).toBe('closesOn')
    expect(await field({ ceilingRequestCents: 0 })).toBe('ceilingRequestCents')
    expect(await field({ communes: ['123'] })).toBe('communes.0')
    expect(await field({ kind: 'loan' })).toBe('kind')
  })

  it('access: counsellor and aid officer cannot write; another structure’s fund is 404', async () => {
    expect((await counsellor.post('/api/aids/funds', fipj)).statusCode).toBe(403)
    expect((await officer.post('/api/aids/funds', fipj)).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const foreign = await buildFund(t.db, other)
    expect((await director.get(`/api/aids/funds/${foreign.id}`)).statusCode).toBe(404)
    expect((await director.put(`/api/aids/funds/${foreign.id}`, { ...fipj, version: 1 })).statusCode).toBe(404)
    expect((await director.get(`/api/aids/funds/${foreign.id}/envelopes?year=2026`)).statusCode).toBe(404)
    expect(
      (
        await director.put(`/api/aids/envelopes/${foreign.envelopeId}`, {
          year: 2026,
          funder: 'X',
          allocatedCents: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404)
  })
})

describe('envelopes', () => {
  it('allocated per funder; committed, paid (counter-entries included) and remaining computed', async () => {
    const fund = await buildFund(t.db, t.fx, { envelope: null })
    const url = `/api/aids/funds/${fund.id}/envelopes`
    const state = await director.post(url, { year: 2026, funder: 'État', allocatedCents: 1_000_00 })
    expect(state.statusCode, state.body).toBe(201)
    expect((await director.post(url, { year: 2026, funder: 'Région', allocatedCents: 500_00 })).statusCode).toBe(201)
    const twice = await director.post(url, { year: 2026, funder: 'État', allocatedCents: 1 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('funder')
    const person = await buildPerson(t.db, t.fx)
    const r = await buildAidRequest(t.db, t.fx, person.id, fund.id, { status: 'granted', amountAskedCents: 300_00 })
    await buildAidRequest(t.db, t.fx, person.id, fund.id, { status: 'complete', amountAskedCents: 999_00 })
    await buildAidPayment(t.db, t.fx, r.id, { amountCents: 200_00 })
    const year = await officer.get(`${url}?year=2026`)
    expect(year.statusCode, year.body).toBe(200)
    expect(year.json()).toMatchObject({
      allocatedCents: 1_500_00,
      committedCents: 300_00,
      paidCents: 200_00,
      remainingCents: 1_200_00,
    })
    expect(year.json().envelopes).toHaveLength(2)
    expect((await counsellor.get(`${url}?year=2026`)).statusCode).toBe(403)
    // never cut below what the year committed
    const e = state.json()
    const cut = await director.put(`/api/aids/envelopes/${e.id}`, {
      year: 2026,
      funder: 'État',
      allocatedCents: 0,
      version: 1,
    })
    expect(cut.statusCode, cut.body).toBe(200)
    const below = await director.delete(
      `/api/aids/envelopes/${(year.json().envelopes as { funder: string; id: string }[]).find((x) => x.funder === 'Région')!.id}?version=1`,
    )
    expect(below.statusCode).toBe(409)
    expect(below.json().fields[0].field).toBe('allocatedCents')
  })
})
