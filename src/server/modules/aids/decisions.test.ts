import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatEuros } from '../../../shared/money.ts'
import { buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Decisions on complete requests (docs/aids.md « Requests, decisions, payments »): the envelope and the ceilings.
let t: TestContext
let officer: TestClient
let counsellor: TestClient
let personId: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  counsellor = await t.as('counsellor')
  personId = (await buildPerson(t.db, t.fx)).id
})
afterAll(() => t.close())

const decide = (id: string, body: object, who = officer) =>
  who.post(`/api/aids/requests/${id}/decision`, { version: 1, ...body })

describe('decisions', () => {
  it('granted (the amount asked), partly granted, refused with a criterion, redirected to another active fund; audited', async () => {
    const fund = await buildFund(t.db, t.fx)
    const other = await buildFund(t.db, t.fx)
    const [a, b, c, d] = [
      await buildAidRequest(t.db, t.fx, personId, fund.id),
      await buildAidRequest(t.db, t.fx, personId, fund.id),
      await buildAidRequest(t.db, t.fx, personId, fund.id),
      await buildAidRequest(t.db, t.fx, personId, fund.id),
    ]
    const granted = await decide(a.id, { decision: 'granted' })
    expect(granted.statusCode, granted.body).toBe(200)
    expect(granted.json()).toMatchObject({
      status: 'granted',
      amountGrantedCents: 100_00,
      decidedOn: '2026-03-02',
      version: 2,
    })
    expect((await decide(a.id, { decision: 'granted', version: 2 })).statusCode).toBe(409)
    expect(
      (await decide(b.id, { decision: 'partly_granted', amountGrantedCents: 100_00 })).json().fields[0].field,
    ).toBe('amountGrantedCents')
    expect((await decide(b.id, { decision: 'partly_granted', amountGrantedCents: 60_00 })).json()).toMatchObject({
      status: 'partly_granted',
      amountGrantedCents: 60_00,
    })
    expect((await decide(c.id, { decision: 'refused' })).json().fields[0].field).toBe('refusalCriterion')
    expect(
      (await decide(c.id, { decision: 'refused', refusalCriterion: 'Ressources suffisantes' })).json().status,
    ).toBe('refused')
    expect((await decide(d.id, { decision: 'redirected', redirectedFundId: fund.id })).json().fields[0].field).toBe(
      'redirectedFundId',
    )
    const redirected = await decide(d.id, { decision: 'redirected', redirectedFundId: other.id })
    expect(redirected.json()).toMatchObject({
      status: 'redirected',
      redirectedFundId: other.id,
      amountGrantedCents: null,
    })
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('entity_id')
      .where('action', '=', 'aids.request.decide')
      .execute()
    expect(audit.map((x) => x.entity_id)).toEqual(expect.arrayContaining([a.id, b.id, c.id, d.id]))
  })

  it('refused 409 with the amount left on the envelope; the person’s yearly ceiling', async () => {
    const fund = await buildFund(t.db, t.fx, {
      code: 'FIPJ',
      envelope: { year: 2026, allocatedCents: 1_234_50 + 100_00 },
    })
    const first = await buildAidRequest(t.db, t.fx, personId, fund.id)
    expect((await decide(first.id, { decision: 'granted' })).statusCode).toBe(200)
    const big = await buildAidRequest(t.db, t.fx, personId, fund.id, { amountAskedCents: 1_300_00 })
    const over = await decide(big.id, { decision: 'granted' })
    expect(over.statusCode).toBe(409)
    expect(over.json().fields[0]).toEqual({
      field: 'amountGrantedCents',
      message: `Il reste ${formatEuros(1_234_50)} sur l’enveloppe 2026 du FIPJ.`,
    })
    expect(formatEuros(1_234_50)).toMatch(/^1\s234,50\s€$/)
    expect((await decide(big.id, { decision: 'partly_granted', amountGrantedCents: 1_234_50 })).statusCode).toBe(200)
    const capped = await buildFund(t.db, t.fx, { ceilingPersonYearCents: 150_00 })
    const one = await buildAidRequest(t.db, t.fx, personId, capped.id)
    const two = await buildAidRequest(t.db, t.fx, personId, capped.id)
    expect((await decide(one.id, { decision: 'granted' })).statusCode).toBe(200)
    const ceiling = await decide(two.id, { decision: 'granted' })
    expect(ceiling.statusCode).toBe(409)
    expect(ceiling.json().detail).toContain('50,00')
    const none = await buildFund(t.db, t.fx, { envelope: null })
    expect(
      (await decide((await buildAidRequest(t.db, t.fx, personId, none.id)).id, { decision: 'granted' })).statusCode,
    ).toBe(409)
  })

  it('two decisions at once never overspend the envelope together', async () => {
    const fund = await buildFund(t.db, t.fx, { envelope: { year: 2026, allocatedCents: 150_00 } })
    const a = await buildAidRequest(t.db, t.fx, personId, fund.id)
    const b = await buildAidRequest(t.db, t.fx, personId, fund.id)
    const colleague = await t.as('aid_officer')
    const [x, y] = await Promise.all([
      decide(a.id, { decision: 'granted' }),
      decide(b.id, { decision: 'granted' }, colleague),
    ])
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409])
    const year = await officer.get(`/api/aids/funds/${fund.id}/envelopes?year=2026`)
    expect(year.json()).toMatchObject({ committedCents: 100_00, remainingCents: 50_00 })
  })

  it('commission, incomplete and undecidable requests; the counsellor refused; another structure’s request 404', async () => {
    const byCommission = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const r = await buildAidRequest(t.db, t.fx, personId, byCommission.id)
    const c = await decide(r.id, { decision: 'granted' })
    expect(c.statusCode).toBe(409)
    expect(c.json().detail).toContain('décision en commission')
    const emergency = await buildAidRequest(t.db, t.fx, personId, byCommission.id, { track: 'emergency' })
    expect((await decide(emergency.id, { decision: 'granted' })).statusCode).toBe(200)
    const fund = await buildFund(t.db, t.fx, { tracks: ['ordinary', 'reinforced'] })
    const reinforced = await buildAidRequest(t.db, t.fx, personId, fund.id, { track: 'reinforced' })
    expect((await decide(reinforced.id, { decision: 'granted' })).statusCode).toBe(409)
    const incomplete = await buildAidRequest(t.db, t.fx, personId, fund.id, { status: 'submitted' })
    expect((await decide(incomplete.id, { decision: 'granted' })).json().detail).toContain('incomplète')
    expect((await decide(incomplete.id, { decision: 'granted' }, counsellor)).statusCode).toBe(403)
    const bad = await decide(incomplete.id, { decision: 'maybe' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('decision')
    const other = await buildStructure(t.db)
    const foreign = await buildAidRequest(
      t.db,
      other,
      (await buildPerson(t.db, other)).id,
      (await buildFund(t.db, other)).id,
    )
    expect((await decide(foreign.id, { decision: 'granted' })).statusCode).toBe(404)
  })
})
