import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEventRow, setContactRule } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { buildOrganisation, buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The pathway in the person file and its referents over time (docs/plie.md « The pathway »). The clock says Monday
// 2026-03-02, 10:00 in Paris.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let reception: TestClient
let partner: TestClient

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  reception = await t.as('reception')
  partner = await t.as('partner')
  // the PLIE's rule: monthly without a step under way, quarterly during a step
  await setContactRule(t.db, t.fx.programmes.plie, 31, 92)
})
afterAll(() => t.close())

const plieOf = (personId: string, as = counsellor) => as.get(`/api/persons/${personId}/plie`)

describe('the pathway in the person file', () => {
  it('lists current and past pathways with referents, steps, exit; the contact state follows the PLIE rule', async () => {
    const person = await buildPerson(t.db, t.fx)
    const old = await buildPathway(t.db, t.fx, person.id, {
      entryDate: '2023-01-02',
      exitDate: '2024-01-31',
      exitReason: 'moved_away',
      referentId: counsellor.user!.id,
    })
    const current = await buildPathway(t.db, t.fx, person.id, {
      entryDate: '2025-10-01',
      referentId: counsellor.user!.id,
    })
    await buildEventRow(t.db, t.fx, person.id, { date: '2026-01-15' })
    let res = await plieOf(person.id)
    expect(res.statusCode, res.body).toBe(200)
    let body = res.json()
    expect(body.pathways.map((p: { enrolmentId: string }) => p.enrolmentId)).toEqual([current.id, old.id])
    expect(body.pathways[0]).toMatchObject({ open: true, exit: null, steps: [], referentId: counsellor.user!.id })
    expect(body.pathways[0].referents).toEqual([
      { fromDate: '2025-10-01', referentId: counsellor.user!.id, referentName: expect.any(String) },
    ])
    expect(body.pathways[1]).toMatchObject({ open: false, exit: { reason: 'moved_away', positive: false } })
    // 46 days without contact, no step under way: the monthly rule is broken
    expect(body.contact).toMatchObject({ lastContact: '2026-01-15', days: 46, ruleDays: 31, alert: true })
    expect(body.contact.stepUnderWay).toBe(false)

    const aci = await buildOrganisation(t.db, t.fx, { kind: 'aci' })
    const step = await counsellor.post(`/api/plie/pathways/${current.id}/steps`, {
      kind: 'insertion_contract',
      startDate: '2026-02-01',
      plannedEndDate: '2026-07-31',
      hoursPerWeek: 26,
      organisationId: aci.id,
      stepReferent: 'Mme Encadrante',
    })
    expect(step.statusCode, step.body).toBe(201)
    res = await plieOf(person.id, director)
    body = res.json()
    expect(body.pathways[0].steps[0]).toMatchObject({ stepKind: 'insertion_job', organisationId: aci.id, open: true })
    // during a step, the quarterly rule: 46 days is no alert
    expect(body.contact).toMatchObject({ ruleDays: 92, alert: false, stepUnderWay: true })
  })

  it('a person with no pathway: empty, no contact state', async () => {
    const person = await buildPerson(t.db, t.fx)
    const res = await plieOf(person.id)
    expect(res.json()).toEqual({ pathways: [], contact: null })
  })

  it('access: wrong role 403, another site’s person 404, bad id 400', async () => {
    const person = await buildPerson(t.db, t.fx)
    expect((await plieOf(person.id, reception)).statusCode).toBe(403)
    expect((await plieOf(person.id, partner)).statusCode).toBe(403)
    expect((await plieOf(person.id, otherSite)).statusCode).toBe(404)
    const bad = await plieOf('not-a-uuid')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('personId')
  })
})

describe('the referent', () => {
  it('a dated change: the referent row and the enrolment’s referent; a stale version 409', async () => {
    const person = await buildPerson(t.db, t.fx)
    const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01', referentId: counsellor.user!.id })
    const url = `/api/plie/pathways/${p.id}/referent`
    const res = await counsellor.put(url, {
      referentId: otherSite.user!.id,
      fromDate: '2026-02-01',
      version: p.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ referentId: otherSite.user!.id, version: p.version + 1 })
    expect(res.json().referents.map((r: { fromDate: string }) => r.fromDate)).toEqual(['2025-10-01', '2026-02-01'])
    const stale = await counsellor.put(url, {
      referentId: counsellor.user!.id,
      fromDate: '2026-02-15',
      version: p.version,
    })
    expect(stale.statusCode).toBe(409)
    // the new referent on site B now follows the person while the pathway is open
    expect((await plieOf(person.id, otherSite)).statusCode).toBe(200)
  })

  it('bad input 400 by field: before the entry, before a later change, unknown user, missing version', async () => {
    const person = await buildPerson(t.db, t.fx)
    const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01', referentId: counsellor.user!.id })
    const url = `/api/plie/pathways/${p.id}/referent`
    const field = async (body: unknown) => {
      const r = await counsellor.put(url, body)
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    const me = counsellor.user!.id
    expect(await field({ referentId: me, fromDate: '2025-09-01', version: p.version })).toBe('fromDate')
    expect(await field({ referentId: crypto.randomUUID(), fromDate: '2026-01-01', version: p.version })).toBe(
      'referentId',
    )
    expect(await field({ referentId: me, fromDate: '2026-01-01' })).toBe('version')
    expect(await field({ referentId: me, fromDate: '01/01/2026', version: p.version })).toBe('fromDate')
    const ok = await counsellor.put(url, { referentId: me, fromDate: '2026-02-01', version: p.version })
    expect(ok.statusCode).toBe(200)
    expect(await field({ referentId: me, fromDate: '2026-01-15', version: ok.json().version })).toBe('fromDate')
  })

  it('access: director and partner 403 (write is the counsellor’s), another site 404, unknown pathway 404', async () => {
    const person = await buildPerson(t.db, t.fx)
    const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01' })
    const body = { referentId: counsellor.user!.id, fromDate: '2026-02-01', version: p.version }
    const url = `/api/plie/pathways/${p.id}/referent`
    expect((await director.put(url, body)).statusCode).toBe(403)
    expect((await partner.put(url, body)).statusCode).toBe(403)
    expect((await otherSite.put(url, body)).statusCode).toBe(404)
    expect((await counsellor.put(`/api/plie/pathways/${crypto.randomUUID()}/referent`, body)).statusCode).toBe(404)
  })
})
