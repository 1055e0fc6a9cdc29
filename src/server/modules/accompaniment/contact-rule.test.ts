import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow, buildEventRow, buildPersonRow } from '../../test/accompaniment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The programme's kind and contact rule, set in the administration, drive the caseload alert.
let t: TestContext
let admin: TestClient
beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
})
afterAll(() => t.close())

describe('programme kind and contact rule', () => {
  let cej: { id: string; version: number }

  it('creates a scheme with its contact rule and lists it', async () => {
    const res = await admin.post('/api/admin/programmes', {
      code: 'CEJ',
      name: 'Contrat d’engagement jeune',
      kind: 'scheme',
      type: 'cej',
      contactDays: 30,
      contactDaysDuringStep: 60,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ kind: 'scheme', contactDays: 30, contactDaysDuringStep: 60 })
    cej = res.json()
    const list = (await admin.get('/api/admin/programmes')).json()
    expect(list.find((p: { code: string }) => p.code === 'ML')).toMatchObject({
      kind: 'service',
      contactDays: null,
      contactDaysDuringStep: null,
    })
  })

  it('keeps the rule when an update does not send it, changes it when it does', async () => {
    const kept = await admin.put(`/api/admin/programmes/${cej.id}`, {
      code: 'CEJ',
      name: 'CEJ',
      active: true,
      version: cej.version,
    })
    expect(kept.json()).toMatchObject({ name: 'CEJ', kind: 'scheme', contactDays: 30, version: 2 })
    const changed = await admin.put(`/api/admin/programmes/${cej.id}`, {
      code: 'CEJ',
      name: 'CEJ',
      active: true,
      contactDays: 15,
      contactDaysDuringStep: null,
      version: 2,
    })
    expect(changed.json()).toMatchObject({ contactDays: 15, contactDaysDuringStep: null, version: 3 })
    const bad = await admin.put(`/api/admin/programmes/${cej.id}`, {
      code: 'CEJ',
      name: 'CEJ',
      active: true,
      contactDays: 0,
      version: 3,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['contactDays'])
  })

  it('applies to the caseload: 20 days without contact is an alert under a 15-day rule', async () => {
    const counsellor = await t.as('counsellor')
    const person = await buildPersonRow(t.db, t.fx, { referent_id: counsellor.user!.id })
    await buildEventRow(t.db, t.fx, person.id, { date: '2026-02-10' })
    const before = (await counsellor.get('/api/caseload')).json().items[0]
    expect(before).toMatchObject({ daysSinceContact: 20, contactDays: 90, alert: false })
    await buildEnrolmentRow(t.db, t.fx, person.id, { programme_id: cej.id, entry_date: '2026-01-01' })
    const after = (await counsellor.get('/api/caseload')).json().items[0]
    expect(after).toMatchObject({ contactDays: 15, alert: true, openEnrolments: [{ code: 'CEJ' }] })
  })
})
