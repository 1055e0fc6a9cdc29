import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, type Fixture } from '../../test/builders.ts'
import { buildCandidate, buildEmployer, buildOffer } from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The shared offer form, its broadcast to the sites, positioning and the candidates' statuses
// (docs/employment/offers.md). The test clock says 2026-03-02.

let t: TestContext
let officer: TestClient
let counsellor: TestClient
let counsellorB: TestClient
let director: TestClient
let reception: TestClient
let trainingOfficer: TestClient
let employerId: string
let other: Fixture
let foreignOfferId: string

const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)
const form = (over: Record<string, unknown> = {}) => ({
  employerId,
  title: 'Vendeur en boulangerie',
  romeCode: 'D1106',
  contractKind: 'cdd',
  durationMonths: 6,
  hoursPerWeek: 35,
  positions: 2,
  postcode: '59140',
  communeCode: '59183',
  communeName: 'Dunkerque',
  level2019: 3,
  drivingLicenceRequired: false,
  closesOn: '2026-04-30',
  siteIds: [t.fx.sites.a],
  ...over,
})

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  counsellor = await t.as('counsellor')
  counsellorB = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  reception = await t.as('reception')
  trainingOfficer = await t.as('training_officer')
  employerId = (await buildEmployer(t.db, t.fx, { name: 'Boulangerie du Port' })).id
  other = await buildStructure(t.db)
  const foreignEmployer = await buildEmployer(t.db, other)
  foreignOfferId = (await buildOffer(t.db, other, foreignEmployer.id, { siteIds: [other.sites.a] })).id
})
afterAll(() => t.close())

describe('the offer form', () => {
  it('creates, reads, edits with the version, answers 409 on a stale version', async () => {
    const res = await officer.post('/api/employment/offers', form())
    expect(res.statusCode, res.body).toBe(201)
    const o = res.json()
    expect(o).toMatchObject({
      title: 'Vendeur en boulangerie',
      employerName: 'Boulangerie du Port',
      romeCode: 'D1106',
      status: 'open',
      positions: 2,
      hoursPerWeek: 35,
      siteIds: [t.fx.sites.a],
      candidates: [],
      otherCandidates: 0,
      version: 1,
    })
    const edit = await officer.put(`/api/employment/offers/${o.id}`, form({ title: 'Vendeuse', version: 1 }))
    expect(edit.statusCode, edit.body).toBe(200)
    expect(edit.json()).toMatchObject({ title: 'Vendeuse', version: 2 })
    const stale = await officer.put(`/api/employment/offers/${o.id}`, form({ title: 'Autre', version: 1 }))
    expect(stale.statusCode).toBe(409)
    expect((await officer.get(`/api/employment/offers/${o.id}`)).json().title).toBe('Vendeuse')
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', o.id).execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['employment.offer.create', 'employment.offer.update']),
    )
  })

  it('names the company’s contact among those in post; one who left stays on the offer that had them', async () => {
    const contact = async (name: string) =>
      (
        await t.db.kysely
          .insertInto('employer_contact')
          .values({ structure_id: t.fx.structureId, employer_id: employerId, name, external_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const [leroy, vanhove] = [await contact('Mme Leroy'), await contact('M. Vanhove')]
    const o = (await officer.post('/api/employment/offers', form({ contactId: leroy }))).json()
    expect(o).toMatchObject({ contactId: leroy, contactName: 'Mme Leroy' })
    await t.db.kysely.updateTable('employer_contact').set({ active: false }).where('id', '=', leroy).execute()
    const gone = await officer.post('/api/employment/offers', form({ contactId: leroy }))
    expect(gone.statusCode).toBe(400)
    expect(gone.json().fields[0]).toMatchObject({ field: 'contactId', message: expect.stringMatching(/quitté/) })
    const kept = await officer.put(`/api/employment/offers/${o.id}`, form({ contactId: leroy, version: 1 }))
    expect(kept.statusCode, kept.body).toBe(200)
    const moved = await officer.put(`/api/employment/offers/${o.id}`, form({ contactId: vanhove, version: 2 }))
    expect(moved.json()).toMatchObject({ contactId: vanhove, contactName: 'M. Vanhove' })
    const back = await officer.put(`/api/employment/offers/${o.id}`, form({ contactId: leroy, version: 3 }))
    expect(fieldsOf(back)).toEqual(['contactId'])
  })

  it('moves the status by the allowed transitions only', async () => {
    const o = (await officer.post('/api/employment/offers', form({ status: 'draft' }))).json()
    expect(o.status).toBe('draft')
    const closed = await officer.post(`/api/employment/offers/${o.id}/status`, { status: 'closed', version: o.version })
    expect(closed.statusCode).toBe(409)
    expect(fieldsOf(closed)).toEqual(['status'])
    const open = await officer.post(`/api/employment/offers/${o.id}/status`, { status: 'open', version: o.version })
    expect(open.statusCode, open.body).toBe(200)
    expect(open.json().status).toBe('open')
  })

  it('answers 400 naming the field, never 500, on generated bad inputs', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['employerId', { employerId: 'x' }],
      ['employerId', { employerId: '00000000-0000-4000-8000-000000000000' }],
      ['title', { title: '' }],
      ['romeCode', { romeCode: 'Z9999' }],
      ['romeCode', { romeCode: 12 }],
      ['contractKind', { contractKind: 'freelance' }],
      ['durationMonths', { durationMonths: null }],
      ['durationMonths', { durationMonths: -1 }],
      ['hoursPerWeek', { hoursPerWeek: 99 }],
      ['positions', { positions: 0 }],
      ['level2019', { level2019: 9 }],
      ['drivingLicenceRequired', { drivingLicenceRequired: 'oui' }],
      ['closesOn', { closesOn: '30/04/2026' }],
      ['siteIds', { siteIds: [] }],
      ['siteIds', { siteIds: [other.sites.a] }],
      ['contactId', { contactId: '00000000-0000-4000-8000-000000000000' }],
      ['status', { status: 'filled' }],
    ]
    for (const [field, over] of bad) {
      const res = await officer.post('/api/employment/offers', form(over))
      expect(res.statusCode, `${field} ${res.body}`).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(fieldsOf(res), JSON.stringify(over)).toContain(field)
    }
    for (const value of [null, 'x', -5, 1e12, [], {}, '2026-13-45', '<script>']) {
      for (const key of Object.keys(form())) {
        const res = await officer.post('/api/employment/offers', form({ [key]: value }))
        expect(res.statusCode, `${key}=${JSON.stringify(value)}`).toBeLessThan(500)
      }
    }
  })

  it('refuses the wrong roles (403) and another structure’s offer (404)', async () => {
    for (const c of [counsellor, director, reception, trainingOfficer])
      expect((await c.post('/api/employment/offers', form())).statusCode).toBe(403)
    for (const c of [reception, trainingOfficer]) {
      expect((await c.get('/api/employment/offers')).statusCode).toBe(403)
      expect((await c.get(`/api/employment/offers/${foreignOfferId}`)).statusCode).toBe(403)
    }
    expect((await officer.get(`/api/employment/offers/${foreignOfferId}`)).statusCode).toBe(404)
    expect((await director.get(`/api/employment/offers/${foreignOfferId}`)).statusCode).toBe(404)
    expect((await officer.put(`/api/employment/offers/${foreignOfferId}`, form({ version: 1 }))).statusCode).toBe(404)
    expect(
      (await officer.post(`/api/employment/offers/${foreignOfferId}/status`, { status: 'closed', version: 1 }))
        .statusCode,
    ).toBe(404)
    expect(
      (await counsellor.post(`/api/employment/offers/${foreignOfferId}/status`, { status: 'closed', version: 1 }))
        .statusCode,
    ).toBe(403)
  })
})

describe('the broadcast', () => {
  it('shows a counsellor the open offers broadcast to their sites, not drafts nor other sites’', async () => {
    const toA = await buildOffer(t.db, t.fx, employerId, { title: 'Pour A', siteIds: [t.fx.sites.a] })
    const toB = await buildOffer(t.db, t.fx, employerId, { title: 'Pour B', siteIds: [t.fx.sites.b] })
    const toAll = await buildOffer(t.db, t.fx, employerId, { siteIds: [t.fx.sites.a, t.fx.sites.b] })
    const draft = await buildOffer(t.db, t.fx, employerId, { status: 'draft', siteIds: [t.fx.sites.a] })
    const idsOf = async (c: TestClient) =>
      ((await c.get('/api/employment/offers')).json().items as { id: string }[]).map((o) => o.id)
    const a = await idsOf(counsellor)
    expect(a).toEqual(expect.arrayContaining([toA.id, toAll.id]))
    expect(a).not.toContain(toB.id)
    expect(a).not.toContain(draft.id)
    const b = await idsOf(counsellorB)
    expect(b).toEqual(expect.arrayContaining([toB.id, toAll.id]))
    expect(b).not.toContain(toA.id)
    expect((await counsellor.get(`/api/employment/offers/${toB.id}`)).statusCode).toBe(404)
    expect((await counsellor.get(`/api/employment/offers/${draft.id}`)).statusCode).toBe(404)
    expect(await idsOf(officer)).toEqual(expect.arrayContaining([toA.id, toB.id, toAll.id, draft.id]))
    expect(await idsOf(director)).toEqual(expect.arrayContaining([toA.id, toB.id, draft.id]))
  })
})

describe('positioning and the candidates’ statuses', () => {
  it('positions a counsellor’s person once (409 the second time), not another site’s person (400)', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId, { siteIds: [t.fx.sites.a, t.fx.sites.b] })
    const p = await buildPerson(t.db, t.fx)
    const pB = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    const res = await counsellor.post(`/api/employment/offers/${offer.id}/candidates`, { personId: p.id })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'proposed', person: { id: p.id }, events: [{ toStatus: 'proposed' }] })
    const again = await counsellor.post(`/api/employment/offers/${offer.id}/candidates`, { personId: p.id })
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again)).toEqual(['personId'])
    const both = await Promise.all([
      officer.post(`/api/employment/offers/${offer.id}/candidates`, { personId: pB.id }),
      officer.post(`/api/employment/offers/${offer.id}/candidates`, { personId: pB.id }),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    const outOfScope = await counsellor.post(`/api/employment/offers/${offer.id}/candidates`, { personId: pB.id })
    expect(outOfScope.statusCode).toBe(400)
    expect(fieldsOf(outOfScope)).toEqual(['personId'])
    // each counsellor sees their own people's candidacies, and how many others there are
    const seen = (await counsellor.get(`/api/employment/offers/${offer.id}`)).json()
    expect(seen.candidates.map((c: { person: { id: string } }) => c.person.id)).toEqual([p.id])
    expect(seen.otherCandidates).toBe(1)
    expect((await officer.get(`/api/employment/offers/${offer.id}`)).json().candidates).toHaveLength(2)
  })

  it('refuses positioning to the wrong roles (403), on another structure’s offer (404), on a closed one (409)', async () => {
    const p = await buildPerson(t.db, t.fx)
    const offer = await buildOffer(t.db, t.fx, employerId)
    for (const c of [director, reception, trainingOfficer])
      expect((await c.post(`/api/employment/offers/${offer.id}/candidates`, { personId: p.id })).statusCode).toBe(403)
    expect(
      (await officer.post(`/api/employment/offers/${foreignOfferId}/candidates`, { personId: p.id })).statusCode,
    ).toBe(404)
    const closed = await buildOffer(t.db, t.fx, employerId, { status: 'closed' })
    const res = await officer.post(`/api/employment/offers/${closed.id}/candidates`, { personId: p.id })
    expect(res.statusCode).toBe(409)
    expect((await officer.post(`/api/employment/offers/${offer.id}/candidates`, { personId: 'x' })).statusCode).toBe(
      400,
    )
  })

  it('proposed → sent → interview → refused with its reason; each change an event', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId)
    const p = await buildPerson(t.db, t.fx)
    const c = await buildCandidate(t.db, t.fx, offer.id, p.id)
    const url = `/api/employment/candidates/${c.id}/status`
    const step = () => t.clock.advance(60_000)
    step()
    const sent = await officer.post(url, { status: 'sent', version: 1 })
    expect(sent.statusCode, sent.body).toBe(200)
    const noDate = await officer.post(url, { status: 'interview', version: 2 })
    expect(fieldsOf(noDate)).toEqual(['interviewOn'])
    step()
    expect((await officer.post(url, { status: 'interview', interviewOn: '2026-03-10', version: 2 })).statusCode).toBe(
      200,
    )
    step()
    const noReason = await officer.post(url, { status: 'refused', version: 3 })
    expect(noReason.statusCode).toBe(400)
    expect(fieldsOf(noReason)).toEqual(['refusalReason'])
    const stale = await officer.post(url, { status: 'refused', refusalReason: 'profile', version: 2 })
    expect(stale.statusCode).toBe(409)
    const refused = await officer.post(url, { status: 'refused', refusalReason: 'experience', version: 3 })
    expect(refused.statusCode, refused.body).toBe(200)
    expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: 'experience', interviewOn: '2026-03-10' })
    expect(refused.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['sent', 'interview', 'refused'])
    const after = await officer.post(url, { status: 'withdrawn', version: 4 })
    expect(after.statusCode).toBe(409)
    expect(fieldsOf(after)).toEqual(['status'])
  })

  it('lets the counsellor withdraw their person, not record the employer’s answer (403); others’ 404', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId)
    const p = await buildPerson(t.db, t.fx)
    const pB = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    const c = await buildCandidate(t.db, t.fx, offer.id, p.id)
    const cB = await buildCandidate(t.db, t.fx, offer.id, pB.id)
    expect(
      (await counsellor.post(`/api/employment/candidates/${c.id}/status`, { status: 'sent', version: 1 })).statusCode,
    ).toBe(403)
    expect(
      (await counsellor.post(`/api/employment/candidates/${cB.id}/status`, { status: 'withdrawn', version: 1 }))
        .statusCode,
    ).toBe(404)
    const w = await counsellor.post(`/api/employment/candidates/${c.id}/status`, { status: 'withdrawn', version: 1 })
    expect(w.statusCode, w.body).toBe(200)
    for (const x of [director, reception])
      expect(
        (await x.post(`/api/employment/candidates/${cB.id}/status`, { status: 'sent', version: 1 })).statusCode,
      ).toBe(403)
    const foreignPerson = await buildPerson(t.db, other)
    const foreignOffer = await buildOffer(t.db, other, (await buildEmployer(t.db, other)).id, { siteIds: [] })
    const fc = await buildCandidate(t.db, other, foreignOffer.id, foreignPerson.id)
    expect(
      (await officer.post(`/api/employment/candidates/${fc.id}/status`, { status: 'sent', version: 1 })).statusCode,
    ).toBe(404)
  })
})
