import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { paymentFile, plainAmount } from './payment-file.ts'

// The CIVIS/CEJ allowance (docs/aids.md « The CIVIS/CEJ allowance »): the monthly and yearly ceilings, the monthly
// payment run, its file, a second run refused. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let civis: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  civis = await buildSchemeProgramme(t.db, t.fx, 'CIVIS')
})
afterAll(() => t.close())

const allowanceFund = (code: string) =>
  buildFund(t.db, t.fx, {
    code,
    kind: 'allowance',
    purposes: ['allowance'],
    tracks: ['ordinary'],
    programmeTypes: ['civis'],
    ceilingMonthCents: 300_00,
    ceilingPersonYearCents: 700_00,
  })
const enrolled = async (lastName: string) => {
  const p = await buildPerson(t.db, t.fx, { lastName, firstName: 'Noé', birthDate: '2005-01-31' })
  await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: civis, entry_date: '2025-10-01' })
  return p.id
}

describe('asking a month', () => {
  it('the monthly and yearly ceilings count the person’s requests together; eligibility; wrong role; bad input', async () => {
    const fund = await allowanceFund('CIVIS1')
    const personId = await enrolled('Plafond')
    const ask = (body: object, as = counsellor) =>
      as.post(`/api/persons/${personId}/aids/allowance`, { fundId: fund.id, siteId: t.fx.sites.a, ...body })
    const jan = await ask({ month: '2026-01-01' })
    expect(jan.statusCode, jan.body).toBe(201)
    expect(jan.json()).toMatchObject({ month: '2026-01-01', amountAskedCents: 300_00, purpose: 'allowance' })
    expect((await ask({ month: '2026-02-01', amountAskedCents: 200_00 })).statusCode).toBe(201)
    // March: 100 € more this month fits, but not 300 € in the year (500 + 300 > 700)
    const tooMuchYear = await ask({ month: '2026-03-01' })
    expect(tooMuchYear.statusCode).toBe(400)
    expect(tooMuchYear.json().fields[0]).toMatchObject({ field: 'amountAskedCents' })
    expect(tooMuchYear.json().fields[0].message).toContain('annuel')
    expect((await ask({ month: '2026-02-01', amountAskedCents: 150_00 })).json().fields[0].message).toContain('mensuel')
    expect((await ask({ month: '2026-03-01', amountAskedCents: 200_00 })).statusCode).toBe(201)
    // the request form's route keeps the same ceilings: February has 200 €, 150 € more is over the month
    const viaForm = await counsellor.post(`/api/persons/${personId}/aids/requests`, {
      fundId: fund.id,
      siteId: t.fx.sites.a,
      track: 'ordinary',
      purpose: 'allowance',
      amountAskedCents: 150_00,
      month: '2026-02-01',
      documents: [],
    })
    expect(viaForm.statusCode, viaForm.body).toBe(400)
    expect(viaForm.json().fields[0].message).toContain('mensuel')
    // a refused request no longer counts
    await buildAidRequest(t.db, t.fx, personId, fund.id, { month: '2025-12-01', status: 'refused' })
    expect((await ask({ month: '2025-12-01' })).statusCode).toBe(201)

    const bad = async (body: object, field: string) => {
      const r = await ask(body)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json().fields[0].field).toBe(field)
    }
    await bad({ month: '2026-04-15' }, 'month')
    await bad({ month: '2026-04-01', amountAskedCents: 0 }, 'amountAskedCents')
    await bad({ month: '2026-04-01', fundId: (await buildFund(t.db, t.fx)).id }, 'fundId')
    const notEnrolled = await buildPerson(t.db, t.fx, { lastName: 'Horsprogramme' })
    const refused = await counsellor.post(`/api/persons/${notEnrolled.id}/aids/allowance`, {
      fundId: fund.id,
      siteId: t.fx.sites.a,
      month: '2026-03-01',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields[0].field).toBe('fundId')
    expect((await ask({ month: '2026-05-01' }, officer)).statusCode).toBe(403)
    expect((await ask({ month: '2026-05-01' }, director)).statusCode).toBe(403)
  })
})

describe('the monthly payment run', () => {
  it('pays every granted, unpaid allowance of the month, answers the file; a second run 409 on month', async () => {
    const fund = await allowanceFund('CIVIS2')
    const month = '2026-02-01'
    const granted = async (lastName: string, spec: Parameters<typeof buildAidRequest>[4] = {}) =>
      buildAidRequest(t.db, t.fx, await enrolled(lastName), fund.id, {
        month,
        purpose: 'allowance',
        status: 'granted',
        amountAskedCents: 300_00,
        ...spec,
      })
    const a = await granted('Alpha')
    const b = await granted('Beta', { status: 'partly_granted', amountGrantedCents: 123_45 })
    await granted('Refus', { status: 'refused' })
    await granted('Attente', { status: 'complete' })
    await granted('Mars', { month: '2026-03-01' })
    const paid = await granted('Deja')
    await buildAidPayment(t.db, t.fx, paid.id, { amountCents: 300_00 })
    const url = `/api/aids/funds/${fund.id}/payment-runs`

    expect((await counsellor.post(url, { month })).statusCode).toBe(403)
    expect((await director.post(url, { month })).statusCode).toBe(403)
    expect((await officer.post(url, { month: '2026-02-02' })).json().fields[0].field).toBe('month')
    expect((await officer.post(url, { month: '2026-04-01' })).json().fields[0].field).toBe('month')
    const none = await officer.post(url, { month: '2026-01-01' })
    expect(none.statusCode).toBe(409)
    expect(none.json().fields[0].field).toBe('month')

    const run = await officer.post(url, { month })
    expect(run.statusCode, run.body).toBe(201)
    expect(run.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(run.headers['content-disposition']).toContain('virements-civis2-2026-02.csv')
    const csv = run.rawPayload
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines[0]).toBe('Nom;Prénom;Date de naissance;IBAN;Montant;Référence')
    expect(lines.slice(1)).toEqual([
      `ALPHA;Noé;31/01/2005;;300,00;CIVIS2 02/2026 ${a.id.slice(0, 8)}`,
      `BETA;Noé;31/01/2005;;123,45;CIVIS2 02/2026 ${b.id.slice(0, 8)}`,
    ])
    const payments = await t.db.kysely
      .selectFrom('aid_payment')
      .select(['request_id', 'amount_cents', 'mode', 'paid_on', 'run_id'])
      .where('run_id', 'is not', null)
      .where('request_id', 'in', [a.id, b.id, paid.id])
      .orderBy('amount_cents')
      .execute()
    const runId = payments[0]!.run_id
    expect(payments.map((p) => [p.request_id, Number(p.amount_cents), p.mode, p.paid_on])).toEqual([
      [b.id, 123_45, 'transfer', '2026-03-02'],
      [a.id, 300_00, 'transfer', '2026-03-02'],
    ])
    expect(run.headers.location).toBe(`${url}/${runId}/file`)

    const again = await officer.post(url, { month })
    expect(again.statusCode).toBe(409)
    expect(again.json().fields[0].field).toBe('month')
    const runs = await director.get(url)
    expect(runs.statusCode, runs.body).toBe(200)
    expect(runs.json()).toEqual([
      expect.objectContaining({ id: runId, month, payments: 2, totalCents: 423_45, createdBy: officer.user!.id }),
    ])
    const file = await officer.get(`${url}/${runId}/file`)
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(csv)).toBe(true)
    expect((await director.get(`${url}/${runId}/file`)).statusCode).toBe(403)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', runId)
      .orderBy('action')
      .execute()
    expect(audit.map((x) => x.action)).toEqual(['aids.payment-run.create', 'aids.payment-run.file'])
  })

  it('two runs at once for the same month: one 201, one 409 on month, each allowance paid once', async () => {
    const fund = await allowanceFund('CIVIS3')
    const r = await buildAidRequest(t.db, t.fx, await enrolled('Double'), fund.id, {
      month: '2026-03-01',
      purpose: 'allowance',
      status: 'granted',
    })
    const colleague = await t.as('aid_officer')
    const url = `/api/aids/funds/${fund.id}/payment-runs`
    const [x, y] = await Promise.all([
      officer.post(url, { month: '2026-03-01' }),
      colleague.post(url, { month: '2026-03-01' }),
    ])
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409])
    expect((x.statusCode === 409 ? x : y).json().fields[0].field).toBe('month')
    const paid = await t.db.kysely.selectFrom('aid_payment').select('id').where('request_id', '=', r.id).execute()
    expect(paid).toHaveLength(1)
  })

  it('another structure’s fund is 404, a fund that is not an allowance 409; the file’s amounts', async () => {
    const ofx = await buildStructure(t.db)
    const foreign = await buildFund(t.db, ofx, { kind: 'allowance' })
    expect((await officer.post(`/api/aids/funds/${foreign.id}/payment-runs`, { month: '2026-02-01' })).statusCode).toBe(
      404,
    )
    expect((await director.get(`/api/aids/funds/${foreign.id}/payment-runs`)).statusCode).toBe(404)
    const fipj = await buildFund(t.db, t.fx)
    expect((await officer.post(`/api/aids/funds/${fipj.id}/payment-runs`, { month: '2026-02-01' })).statusCode).toBe(
      409,
    )
    expect([plainAmount(5), plainAmount(123456), plainAmount(100)]).toEqual(['0,05', '1234,56', '1,00'])
    const injected = paymentFile('X', '2026-02-01', [
      { requestId: 'abcdefgh-1', lastName: '=cmd', firstName: 'A;B', birthDate: '2005-01-31', amountCents: 1 },
    ])
    expect(injected.toString('utf8')).toContain(`'=CMD;"A;B";31/01/2005;;0,01;X 02/2026 abcdefgh`)
  })
})
