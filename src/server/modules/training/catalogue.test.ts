import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildPrescription, buildTrainingOffer } from '../../test/training.builders.ts'

// The catalogue's routes (docs/training/catalogue.md).
let t: TestContext
let officer: TestClient
let counsellor: TestClient
let partner: TestClient
let reception: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
  counsellor = await t.as('counsellor')
  partner = await t.as('partner')
  reception = await t.as('reception')
})
afterAll(() => t.close())

const body = { name: 'BTP Littoral Formation', siret: '77985300700127', contactEmail: 'contact@btp.example' }

describe('bodies', () => {
  it('created, read, changed with its version (409 stale), SIRET key (400) and uniqueness (409), audited', async () => {
    const res = await officer.post('/api/training/bodies', body)
    expect(res.statusCode, res.body).toBe(201)
    const b = res.json()
    expect(b).toMatchObject({ ...body, active: true, actions: 0, users: [], version: 1 })
    const wrongKey = await officer.post('/api/training/bodies', { ...body, siret: '77985300700128' })
    expect(wrongKey.statusCode).toBe(400)
    expect(wrongKey.json().fields[0].field).toBe('siret')
    const twice = await officer.post('/api/training/bodies', { ...body, name: 'Autre' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('siret')
    expect((await counsellor.get(`/api/training/bodies/${b.id}`)).statusCode).toBe(200)
    const changed = await officer.put(`/api/training/bodies/${b.id}`, { ...body, name: 'BTP Littoral', version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().version).toBe(2)
    expect((await officer.put(`/api/training/bodies/${b.id}`, { ...body, version: 1 })).statusCode).toBe(409)
    const bad = await officer.post('/api/training/bodies', { name: '', siret: '123' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['name', 'siret']))
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'training_body')
      .where('entity_id', '=', b.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })

  it('deleted when nothing rests on it; else 409 « désactivez-le »', async () => {
    const free = (await officer.post('/api/training/bodies', { name: 'Libre', siret: null })).json()
    expect((await officer.delete(`/api/training/bodies/${free.id}?version=2`)).statusCode).toBe(409)
    expect((await officer.delete(`/api/training/bodies/${free.id}?version=1`)).statusCode).toBe(204)
    const offer = await buildTrainingOffer(t.db, t.fx)
    const used = await officer.delete(`/api/training/bodies/${offer.bodyId}?version=1`)
    expect(used.statusCode).toBe(409)
    expect(used.json().detail).toContain('désactivez')
  })

  it('binds an active partner account to one body at most', async () => {
    const a = (await officer.post('/api/training/bodies', { name: 'A', siret: null })).json()
    const b = (await officer.post('/api/training/bodies', { name: 'B', siret: null })).json()
    const account = await buildUser(t.db, t.fx, { role: 'partner' })
    const bound = await officer.post(`/api/training/bodies/${a.id}/users`, { userId: account.id })
    expect(bound.statusCode, bound.body).toBe(200)
    expect(bound.json().users.map((u: { id: string }) => u.id)).toEqual([account.id])
    const again = await officer.post(`/api/training/bodies/${b.id}/users`, { userId: account.id })
    expect(again.statusCode).toBe(409)
    expect(again.json().fields[0].field).toBe('userId')
    const notPartner = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const refused = await officer.post(`/api/training/bodies/${b.id}/users`, { userId: notPartner.id })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields[0].field).toBe('userId')
    const off = await buildUser(t.db, t.fx, { role: 'partner', active: false })
    expect((await officer.post(`/api/training/bodies/${b.id}/users`, { userId: off.id })).statusCode).toBe(400)
    const unbound = await officer.delete(`/api/training/bodies/${a.id}/users/${account.id}`)
    expect(unbound.statusCode).toBe(200)
    expect(unbound.json().users).toEqual([])
    expect((await officer.post(`/api/training/bodies/${b.id}/users`, { userId: account.id })).statusCode).toBe(200)
  })

  it('parallel binds of one account to two bodies: one wins', async () => {
    const a = (await officer.post('/api/training/bodies', { name: 'P1', siret: null })).json()
    const b = (await officer.post('/api/training/bodies', { name: 'P2', siret: null })).json()
    const account = await buildUser(t.db, t.fx, { role: 'partner' })
    const codes = await Promise.all(
      [a, b].map((x) => officer.post(`/api/training/bodies/${x.id}/users`, { userId: account.id })),
    )
    expect(codes.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

describe('actions and sessions', () => {
  it('an action: created, listed by body, version, deleted only without sessions', async () => {
    const b = (await officer.post('/api/training/bodies', { name: 'Actions', siret: null })).json()
    const input = { bodyId: b.id, title: 'Maçon VRD', funder: 'regional_programme', nsfCode: '233', places: 12 }
    const res = await officer.post('/api/training/actions', input)
    expect(res.statusCode, res.body).toBe(201)
    const a = res.json()
    expect(a).toMatchObject({ ...input, bodyName: 'Actions', sessions: 0, version: 1 })
    expect((await officer.post('/api/training/actions', { ...input, nsfCode: '999' })).json().fields[0].field).toBe(
      'nsfCode',
    )
    const list = await counsellor.get(`/api/training/actions?bodyId=${b.id}`)
    expect(list.json().map((x: { id: string }) => x.id)).toEqual([a.id])
    expect((await officer.put(`/api/training/actions/${a.id}`, { ...input, title: 'X', version: 1 })).statusCode).toBe(
      200,
    )
    expect((await officer.put(`/api/training/actions/${a.id}`, { ...input, version: 1 })).statusCode).toBe(409)
    const s = await officer.post('/api/training/sessions', { actionId: a.id, startsOn: '2026-09-07', places: 10 })
    expect(s.statusCode, s.body).toBe(201)
    expect(s.json()).toMatchObject({ placesLeft: 10, placesTaken: 0, actionTitle: 'X' })
    const inUse = await officer.delete(`/api/training/actions/${a.id}?version=2`)
    expect(inUse.statusCode).toBe(409)
    expect(inUse.json().detail).toContain('désactivez')
    expect((await officer.delete(`/api/training/sessions/${s.json().id}?version=1`)).statusCode).toBe(204)
    expect((await officer.delete(`/api/training/actions/${a.id}?version=2`)).statusCode).toBe(204)
  })

  it('a session never offers fewer places than taken (409 on places); one with prescriptions is not deleted', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, { session: { places: 3 } })
    for (const status of ['accepted', 'entered'] as const)
      await buildPrescription(t.db, t.fx, (await buildPerson(t.db, t.fx)).id, offer.sessionId, { status })
    const s = (await officer.get(`/api/training/sessions/${offer.sessionId}`)).json()
    expect(s).toMatchObject({ places: 3, placesTaken: 2, placesLeft: 1 })
    const input = { actionId: offer.actionId, startsOn: s.startsOn, endsOn: s.endsOn, version: s.version }
    const below = await officer.put(`/api/training/sessions/${s.id}`, { ...input, places: 1 })
    expect(below.statusCode).toBe(409)
    expect(below.json().fields[0].field).toBe('places')
    const ok = await officer.put(`/api/training/sessions/${s.id}`, { ...input, places: 2 })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().placesLeft).toBe(0)
    expect((await officer.put(`/api/training/sessions/${s.id}`, { ...input, places: 5 })).statusCode).toBe(409)
    const del = await officer.delete(`/api/training/sessions/${s.id}?version=2`)
    expect(del.statusCode).toBe(409)
    const badDates = await officer.post('/api/training/sessions', {
      actionId: offer.actionId,
      startsOn: '2026-09-07',
      endsOn: '2026-09-01',
      places: 1,
    })
    expect(badDates.statusCode).toBe(400)
    expect(badDates.json().fields[0].field).toBe('endsOn')
  })

  it('the search: NSF prefix, funder, commune, places left', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, {
      action: { nsfCode: '312', funder: 'afpa' },
      session: { places: 1 },
    })
    const found = await counsellor.get(
      '/api/training/sessions?nsf=31&funder=afpa&communeCode=59183&withPlacesLeft=true',
    )
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().map((s: { id: string }) => s.id)).toContain(offer.sessionId)
    await buildPrescription(t.db, t.fx, (await buildPerson(t.db, t.fx)).id, offer.sessionId, { status: 'accepted' })
    const full = await counsellor.get('/api/training/sessions?nsf=31&funder=afpa&withPlacesLeft=true')
    expect(full.json().map((s: { id: string }) => s.id)).not.toContain(offer.sessionId)
    expect((await counsellor.get('/api/training/sessions?from=2026-13-01')).statusCode).toBe(400)
  })
})

describe('access', () => {
  it('the counsellor reads but never writes; the partner and the reception are refused', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx)
    for (const c of [counsellor, partner, reception]) {
      expect((await c.post('/api/training/bodies', body)).statusCode).toBe(403)
      expect((await c.put(`/api/training/bodies/${offer.bodyId}`, { ...body, version: 1 })).statusCode).toBe(403)
      expect((await c.delete(`/api/training/bodies/${offer.bodyId}?version=1`)).statusCode).toBe(403)
      expect((await c.post(`/api/training/bodies/${offer.bodyId}/users`, { userId: offer.bodyId })).statusCode).toBe(
        403,
      )
      expect((await c.post('/api/training/actions', {})).statusCode).toBe(403)
      expect((await c.delete(`/api/training/actions/${offer.actionId}?version=1`)).statusCode).toBe(403)
      expect((await c.post('/api/training/sessions', {})).statusCode).toBe(403)
      expect((await c.put(`/api/training/sessions/${offer.sessionId}`, {})).statusCode).toBe(403)
    }
    for (const c of [partner, reception]) {
      expect((await c.get('/api/training/bodies')).statusCode).toBe(403)
      expect((await c.get('/api/training/actions')).statusCode).toBe(403)
      expect((await c.get('/api/training/sessions')).statusCode).toBe(403)
      expect((await c.get(`/api/training/sessions/${offer.sessionId}`)).statusCode).toBe(403)
    }
  })

  it('another structure’s body, action and session answer 404', async () => {
    const other = await buildStructure(t.db)
    const offer = await buildTrainingOffer(t.db, other)
    expect((await officer.get(`/api/training/bodies/${offer.bodyId}`)).statusCode).toBe(404)
    expect((await officer.get(`/api/training/actions/${offer.actionId}`)).statusCode).toBe(404)
    expect((await officer.get(`/api/training/sessions/${offer.sessionId}`)).statusCode).toBe(404)
    expect((await officer.delete(`/api/training/sessions/${offer.sessionId}?version=1`)).statusCode).toBe(404)
    expect(
      (await officer.put(`/api/training/bodies/${offer.bodyId}`, { name: 'x', siret: null, version: 1 })).statusCode,
    ).toBe(404)
  })
})
