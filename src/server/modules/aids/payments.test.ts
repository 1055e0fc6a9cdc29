import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Payments of granted aids, counter-entries, scheduled instalments, proofs (docs/aids.md « Requests, decisions,
// payments »).
let t: TestContext
let officer: TestClient
let counsellor: TestClient
let personId: string
let fund: Awaited<ReturnType<typeof buildFund>>

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  counsellor = await t.as('counsellor')
  personId = (await buildPerson(t.db, t.fx)).id
  fund = await buildFund(t.db, t.fx)
})
afterAll(() => t.close())

const pay = (requestId: string, body: object, who = officer) =>
  who.post(`/api/aids/requests/${requestId}/payments`, {
    amountCents: 60_00,
    mode: 'transfer',
    paidOn: '2026-03-02',
    ...body,
  })
const granted = () => buildAidRequest(t.db, t.fx, personId, fund.id, { status: 'granted', amountAskedCents: 100_00 })

describe('payments', () => {
  it('paid up to the amount granted (409 past it, two at once: one 409); a third party is named; audited', async () => {
    const r = await granted()
    const colleague = await t.as('aid_officer')
    const [a, b] = await Promise.all([pay(r.id, {}), pay(r.id, {}, colleague)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json().fields[0]).toMatchObject({ field: 'amountCents' })
    expect(loser.json().detail).toContain('40,00')
    expect((await pay(r.id, { mode: 'third_party', amountCents: 40_00 })).json().fields[0].field).toBe('payee')
    const third = await pay(r.id, { mode: 'third_party', payee: 'Auto-école du centre', amountCents: 40_00 })
    expect(third.statusCode, third.body).toBe(201)
    expect(third.json()).toMatchObject({
      amountCents: 40_00,
      payee: 'Auto-école du centre',
      modeLabel: 'Paiement à un tiers',
    })
    const view = await officer.get(`/api/aids/requests/${r.id}`)
    expect(view.json()).toMatchObject({ paidCents: 100_00, scheduledCents: 0 })
    expect(view.json().payments).toHaveLength(2)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'aids.payment.create')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it('refused on a request not granted, a mode the fund does not pay, a day after today, bad input by field', async () => {
    const complete = await buildAidRequest(t.db, t.fx, personId, fund.id)
    expect((await pay(complete.id, {})).statusCode).toBe(409)
    const r = await granted()
    expect((await pay(r.id, { mode: 'cash' })).json().fields[0].field).toBe('mode')
    expect((await pay(r.id, { paidOn: '2026-03-03' })).json().fields[0].field).toBe('paidOn')
    expect((await pay(r.id, { amountCents: -5 })).json().fields[0].field).toBe('amountCents')
    expect((await pay(r.id, { paidOn: '2026-02-30' })).json().fields[0].field).toBe('paidOn')
  })

  it('cancelled by a counter-entry (negative, reason), once; what was cancelled may be paid again', async () => {
    const r = await granted()
    const p = (await pay(r.id, { amountCents: 100_00 })).json()
    const url = `/api/aids/payments/${p.id}/cancel`
    expect((await officer.post(url, { reason: '' })).json().fields[0].field).toBe('reason')
    const [a, b] = await Promise.all([
      officer.post(url, { reason: 'RIB erroné' }),
      officer.post(url, { reason: 'RIB erroné' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const counter = (a.statusCode === 201 ? a : b).json()
    expect(counter).toMatchObject({ amountCents: -100_00, cancelsId: p.id, reason: 'RIB erroné', paidOn: '2026-03-02' })
    expect((await officer.post(`/api/aids/payments/${counter.id}/cancel`, { reason: 'Non' })).statusCode).toBe(409)
    expect((await officer.get(`/api/aids/requests/${r.id}`)).json().paidCents).toBe(0)
    expect((await pay(r.id, { amountCents: 100_00 })).statusCode).toBe(201)
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', p.id).execute()
    expect(audit.map((x) => x.action).sort()).toEqual(['aids.payment.cancel', 'aids.payment.create'])
  })

  it('a scheduled instalment is paid once; a cancelled one is not', async () => {
    const r = await granted()
    const due = await buildAidPayment(t.db, t.fx, r.id, { amountCents: 50_00, paidOn: null, dueOn: '2026-03-01' })
    const later = await buildAidPayment(t.db, t.fx, r.id, { amountCents: 50_00, paidOn: null, dueOn: '2026-04-01' })
    expect((await officer.get(`/api/aids/requests/${r.id}`)).json()).toMatchObject({
      paidCents: 0,
      scheduledCents: 100_00,
    })
    expect((await pay(r.id, { amountCents: 1 })).statusCode).toBe(409)
    const paid = await officer.post(`/api/aids/payments/${due}/pay`, { paidOn: '2026-03-02', mode: 'transfer' })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ paidOn: '2026-03-02', dueOn: '2026-03-01' })
    expect(
      (await officer.post(`/api/aids/payments/${due}/pay`, { paidOn: '2026-03-02', mode: 'transfer' })).statusCode,
    ).toBe(409)
    expect(
      (await officer.post(`/api/aids/payments/${later}/cancel`, { reason: 'Sortie du dispositif' })).statusCode,
    ).toBe(201)
    expect(
      (await officer.post(`/api/aids/payments/${later}/pay`, { paidOn: '2026-03-02', mode: 'transfer' })).statusCode,
    ).toBe(409)
    expect((await officer.get(`/api/aids/requests/${r.id}`)).json()).toMatchObject({
      paidCents: 50_00,
      scheduledCents: 0,
    })
  })

  it('the proof of use, with its version; counsellor refused; another structure’s payment and request 404', async () => {
    const r = await granted()
    const url = `/api/aids/requests/${r.id}/proof`
    expect((await officer.post(url, { receivedOn: '2026-03-02', version: 2 })).statusCode).toBe(409)
    const proof = await officer.post(url, { receivedOn: '2026-03-02', version: 1 })
    expect(proof.statusCode, proof.body).toBe(200)
    expect(proof.json()).toMatchObject({ proofReceivedOn: '2026-03-02', version: 2 })
    expect((await pay(r.id, {}, counsellor)).statusCode).toBe(403)
    expect((await counsellor.post(url, { receivedOn: '2026-03-02', version: 2 })).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const foreign = await buildAidRequest(
      t.db,
      other,
      (await buildPerson(t.db, other)).id,
      (await buildFund(t.db, other)).id,
      {
        status: 'granted',
      },
    )
    const foreignPayment = await buildAidPayment(t.db, other, foreign.id, { amountCents: 10_00 })
    expect((await pay(foreign.id, {})).statusCode).toBe(404)
    expect((await officer.post(`/api/aids/payments/${foreignPayment}/cancel`, { reason: 'Erreur' })).statusCode).toBe(
      404,
    )
  })
})
