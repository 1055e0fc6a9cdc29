import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { contractDocument } from './contract-pdf.ts'
import { contractRequest } from './contracts.repository.ts'

// The reinforced aid's contract (docs/aids.md « Commissions and the reinforced aid »): within the amount granted, its
// instalments scheduled, printed for signature, its signature recorded. The clock says Monday 2026-03-02 in Paris.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let otherSite: TestClient
let fundId: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  fundId = (await buildFund(t.db, t.fx, { code: 'FDAJ', tracks: ['ordinary', 'reinforced'] })).id
})
afterAll(() => t.close())

const reinforced = async (lastName: string, spec: Parameters<typeof buildAidRequest>[4] = {}) => {
  const p = await buildPerson(t.db, t.fx, { lastName, firstName: 'Inès', referentId: counsellor.user!.id })
  return buildAidRequest(t.db, t.fx, p.id, fundId, {
    track: 'reinforced',
    status: 'granted',
    amountAskedCents: 600_00,
    decidedOn: '2026-02-20',
    ...spec,
  })
}
const terms = { startsOn: '2026-03-05', months: 6, monthlyCents: 100_00, commitments: 'Suivre la formation.' }
const url = (id: string) => `/api/aids/requests/${id}/contract`

describe('the reinforced aid’s contract', () => {
  it('within the amount granted; its instalments scheduled each month, due and unpaid; once per request', async () => {
    const r = await reinforced('Contrat')
    const over = await officer.post(url(r.id), { ...terms, monthlyCents: 150_00 })
    expect(over.statusCode).toBe(400)
    expect(over.json().fields[0].field).toBe('monthlyCents')
    expect(over.json().fields[0].message).toContain('dépasse le montant accordé')
    const before = await officer.post(url(r.id), { ...terms, startsOn: '2026-02-01' })
    expect(before.json().fields[0].field).toBe('startsOn')
    const made = await officer.post(url(r.id), { ...terms, startsOn: '2026-03-31', months: 3, monthlyCents: 200_00 })
    expect(made.statusCode, made.body).toBe(201)
    expect(made.json()).toMatchObject({ totalCents: 600_00, amountGrantedCents: 600_00, signedOn: null, version: 1 })
    expect(made.json().instalments.map((i: { dueOn: string }) => i.dueOn)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ])
    const rows = await t.db.kysely
      .selectFrom('aid_payment')
      .select(['amount_cents', 'due_on', 'paid_on', 'mode'])
      .where('request_id', '=', r.id)
      .execute()
    expect(rows).toHaveLength(3)
    expect(rows.every((p) => p.paid_on === null && Number(p.amount_cents) === 200_00 && p.mode === 'transfer')).toBe(
      true,
    )
    expect((await officer.post(url(r.id), terms)).statusCode).toBe(409)
  })

  it('only a granted reinforced aid; bad input by field; wrong roles; another site or structure 404', async () => {
    const ordinary = await reinforced('Ponctuelle', { track: 'ordinary' })
    expect((await officer.post(url(ordinary.id), terms)).statusCode).toBe(409)
    const waiting = await reinforced('Attente', { status: 'complete' })
    expect((await officer.post(url(waiting.id), terms)).statusCode).toBe(409)
    const r = await reinforced('Champs')
    const field = async (body: object) => (await officer.post(url(r.id), { ...terms, ...body })).json().fields[0].field
    expect(await field({ months: 0 })).toBe('months')
    expect(await field({ months: 25 })).toBe('months')
    expect(await field({ monthlyCents: 10.5 })).toBe('monthlyCents')
    expect(await field({ commitments: ' ' })).toBe('commitments')
    expect(await field({ startsOn: '2026-02-30' })).toBe('startsOn')
    expect((await counsellor.post(url(r.id), terms)).statusCode).toBe(403)
    expect((await director.post(url(r.id), terms)).statusCode).toBe(403)
    expect((await officer.get(url(r.id))).statusCode).toBe(404)

    const ofx = await buildStructure(t.db)
    const ofund = await buildFund(t.db, ofx, { tracks: ['reinforced'] })
    const op = await buildPerson(t.db, ofx)
    const foreign = await buildAidRequest(t.db, ofx, op.id, ofund.id, { track: 'reinforced', status: 'granted' })
    expect((await officer.post(url(foreign.id), terms)).statusCode).toBe(404)
    const made = await officer.post(url(r.id), terms)
    expect(made.statusCode, made.body).toBe(201)
    expect((await otherSite.get(url(r.id))).statusCode).toBe(404)
    expect((await otherSite.get(`${url(r.id)}.pdf`)).statusCode).toBe(404)
    expect((await counsellor.get(url(r.id))).statusCode).toBe(200)
  })

  it('printed for signature with the young person and the referent; the signature day recorded', async () => {
    const r = await reinforced('Signature')
    const made = (await officer.post(url(r.id), terms)).json()
    const pdf = await counsellor.get(`${url(r.id)}.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const request = (await t.db.kysely.transaction().execute((tx) => contractRequest(tx, t.fx.structureId, r.id)))!
    const doc = JSON.stringify(contractDocument(made, request, 'Mission Locale'))
    for (const text of ['SIGNATURE Inès', 'Utilisateur counsellor', 'Le référent', '100,00\u00a0€', '05/08/2026'])
      expect(doc).toContain(text)
    expect(doc).toContain('Suivre la formation.')

    const sign = (body: object) => officer.post(`${url(r.id)}/signature`, { version: made.version, ...body })
    expect((await sign({ signedOn: '2026-03-03' })).json().fields[0].field).toBe('signedOn')
    expect((await sign({ signedOn: '2026-02-01' })).json().fields[0].field).toBe('signedOn')
    const signed = await sign({ signedOn: '2026-03-02' })
    expect(signed.statusCode, signed.body).toBe(200)
    expect(signed.json()).toMatchObject({ signedOn: '2026-03-02', version: 2 })
    expect((await sign({ signedOn: '2026-03-02' })).statusCode).toBe(409)
    expect((await counsellor.post(`${url(r.id)}/signature`, { signedOn: '2026-03-02', version: 2 })).statusCode).toBe(
      403,
    )
  })

  it('two contracts at once for one request: one 201, one 409, its instalments scheduled once', async () => {
    const r = await reinforced('Concurrent')
    const colleague = await t.as('aid_officer')
    const [a, b] = await Promise.all([officer.post(url(r.id), terms), colleague.post(url(r.id), terms)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const rows = await t.db.kysely.selectFrom('aid_payment').select('id').where('request_id', '=', r.id).execute()
    expect(rows).toHaveLength(6)
  })
})
