import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { buildOrganisation, buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The PLIE's host organisations and partners, their partner accounts, the member communes (docs/plie.md).
let t: TestContext
let admin: TestClient
let director: TestClient
let counsellor: TestClient
let partner: TestClient
let statistician: TestClient

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  partner = await t.as('partner')
  statistician = await t.as('statistician')
})
afterAll(() => t.close())

const etti = { kind: 'etti', name: 'Intérim Solidaire', agreement: 'Convention DDETS 2026', places: 40 }

describe('organisations', () => {
  it('created and changed by setup, read by counsellors, with steps hosted and exits credited', async () => {
    const res = await director.post('/api/plie/organisations', etti)
    expect(res.statusCode, res.body).toBe(201)
    const org = res.json()
    expect(org).toMatchObject({ ...etti, kindLabel: expect.stringContaining('ETTI'), stepsHosted: 0, exitsCredited: 0 })
    const person = await buildPerson(t.db, t.fx)
    const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01' })
    const me = await t.as('counsellor')
    const step = await me.post(`/api/plie/pathways/${p.id}/steps`, {
      kind: 'insertion_contract',
      startDate: '2026-01-05',
      organisationId: org.id,
    })
    expect(step.statusCode, step.body).toBe(201)
    const list = await counsellor.get('/api/plie/organisations')
    expect(list.statusCode).toBe(200)
    expect(list.json().find((o: { id: string }) => o.id === org.id)).toMatchObject({ stepsHosted: 1 })
    const url = `/api/plie/organisations/${org.id}`
    const changed = await admin.put(url, { ...etti, places: 45, version: org.version })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ places: 45, version: org.version + 1 })
    expect((await admin.put(url, { ...etti, version: org.version })).statusCode).toBe(409)
    expect(
      (await admin.put(`/api/plie/organisations/${crypto.randomUUID()}`, { ...etti, version: 1 })).statusCode,
    ).toBe(404)
  })

  it('bad input 400 by field; a name taken 409 naming it', async () => {
    const field = async (body: object) => {
      const r = await director.post('/api/plie/organisations', { ...etti, name: 'Autre nom', ...body })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ kind: 'bank' })).toBe('kind')
    expect(await field({ name: '' })).toBe('name')
    expect(await field({ places: -1 })).toBe('places')
    expect(await field({ places: 1.5 })).toBe('places')
    await director.post('/api/plie/organisations', { ...etti, name: 'Le Relais' })
    const taken = await director.post('/api/plie/organisations', { ...etti, name: 'Le Relais' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().fields[0].field).toBe('name')
  })

  it('access: a counsellor or a partner cannot write, a statistician or a partner cannot read', async () => {
    expect((await counsellor.post('/api/plie/organisations', etti)).statusCode).toBe(403)
    expect((await partner.post('/api/plie/organisations', etti)).statusCode).toBe(403)
    expect((await partner.get('/api/plie/organisations')).statusCode).toBe(403)
    expect((await statistician.get('/api/plie/organisations')).statusCode).toBe(403)
    const org = await buildOrganisation(t.db, t.fx)
    const put = { ...etti, name: 'X Y', version: org.version }
    expect((await counsellor.put(`/api/plie/organisations/${org.id}`, put)).statusCode).toBe(403)
  })
})

describe('partner accounts', () => {
  it('links partner accounts only (role partner), with the version', async () => {
    const org = await buildOrganisation(t.db, t.fx, { kind: 'employer_relations' })
    const url = `/api/plie/organisations/${org.id}/users`
    const res = await director.put(url, { userIds: [partner.user!.id], version: org.version })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ userIds: [partner.user!.id], version: org.version + 1 })
    expect((await director.put(url, { userIds: [], version: org.version })).statusCode).toBe(409)
    const notPartner = await director.put(url, {
      userIds: [partner.user!.id, counsellor.user!.id],
      version: org.version + 1,
    })
    expect(notPartner.statusCode).toBe(400)
    expect(notPartner.json().fields[0].field).toBe('userIds.1')
    const twice = await director.put(url, { userIds: [partner.user!.id, partner.user!.id], version: org.version + 1 })
    expect(twice.json().fields[0].field).toBe('userIds')
    expect((await counsellor.put(url, { userIds: [], version: org.version + 1 })).statusCode).toBe(403)
    const gone = `/api/plie/organisations/${crypto.randomUUID()}/users`
    expect((await director.put(gone, { userIds: [], version: 1 })).statusCode).toBe(404)
  })
})

describe('member communes', () => {
  it('set from the official list, read back with their names', async () => {
    const res = await admin.put('/api/plie/communes', { communes: ['59183', '59350'] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual([
      { code: '59183', name: 'Dunkerque' },
      { code: '59350', name: 'Lille' },
    ])
    expect((await director.get('/api/plie/communes')).json()).toHaveLength(2)
    const unknown = await admin.put('/api/plie/communes', { communes: ['59183', '99999'] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields[0]).toMatchObject({ field: 'communes.1', message: expect.stringContaining('99999') })
    expect((await admin.put('/api/plie/communes', { communes: ['5918'] })).json().fields[0].field).toBe('communes.0')
    expect((await admin.put('/api/plie/communes', { communes: ['59183', '59183'] })).json().fields[0].field).toBe(
      'communes',
    )
    expect((await counsellor.put('/api/plie/communes', { communes: [] })).statusCode).toBe(403)
    expect((await counsellor.get('/api/plie/communes')).statusCode).toBe(403)
    expect((await partner.get('/api/plie/communes')).statusCode).toBe(403)
  })
})
