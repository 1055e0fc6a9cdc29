import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { buildOrganisation, buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// A pathway's steps: situations of the person file at a host organisation (docs/plie.md « The pathway »).
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let partner: TestClient
let aci: { id: string }
let trainer: { id: string }

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  partner = await t.as('partner')
  aci = await buildOrganisation(t.db, t.fx, { kind: 'aci', name: 'Chantier du Port' })
  trainer = await buildOrganisation(t.db, t.fx, { kind: 'training_body', name: 'AFPA' })
})
afterAll(() => t.close())

const pathway = async (opts: { exitDate?: string; exitReason?: string } = {}) => {
  const person = await buildPerson(t.db, t.fx)
  const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01', ...opts })
  return { person, ...p }
}
const step = {
  kind: 'insertion_contract',
  startDate: '2025-11-03',
  plannedEndDate: '2026-05-02',
  hoursPerWeek: 26,
  stepReferent: 'M. Encadrant',
}

describe('steps', () => {
  it('adds a step: a situation of the person file, at its host; then ends it with the version', async () => {
    const p = await pathway()
    const res = await counsellor.post(`/api/plie/pathways/${p.id}/steps`, { ...step, organisationId: aci.id })
    expect(res.statusCode, res.body).toBe(201)
    const s = res.json()
    expect(s).toMatchObject({
      kind: 'insertion_contract',
      stepKind: 'insertion_job',
      organisationName: 'Chantier du Port',
      organisationKind: 'aci',
      stepReferent: 'M. Encadrant',
      hoursPerWeek: 26,
      open: true,
    })
    // the situation is in the person file, named after its host
    const situations = await counsellor.get(`/api/persons/${p.person.id}/situations`)
    expect(situations.json()).toEqual([
      expect.objectContaining({ id: s.situationId, kind: 'insertion_contract', organisationName: 'Chantier du Port' }),
    ])
    const url = `/api/plie/pathways/${p.id}/steps/${s.situationId}`
    const ended = await counsellor.put(url, {
      ...step,
      organisationId: aci.id,
      endDate: '2026-02-27',
      version: s.version,
    })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json()).toMatchObject({ endDate: '2026-02-27', open: false, version: s.version + 1 })
    const stale = await counsellor.put(url, { ...step, organisationId: aci.id, version: s.version })
    expect(stale.statusCode).toBe(409)
    // a training at a training body, no host required for other kinds
    const training = await counsellor.post(`/api/plie/pathways/${p.id}/steps`, {
      kind: 'qualifying_training',
      startDate: '2026-03-02',
      organisationId: trainer.id,
    })
    expect(training.json()).toMatchObject({ stepKind: 'training' })
    const job = await counsellor.post(`/api/plie/pathways/${p.id}/steps`, { kind: 'cdd', startDate: '2026-03-02' })
    expect(job.json()).toMatchObject({ stepKind: 'employment', organisationId: null })
  })

  it('within the pathway’s dates only; an insertion contract’s host is an ACI, EI, AI or ETTI', async () => {
    const p = await pathway({ exitDate: '2026-01-31', exitReason: 'health' })
    const url = `/api/plie/pathways/${p.id}/steps`
    const field = async (body: object) => {
      const r = await counsellor.post(url, body)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field({ ...step, organisationId: aci.id, startDate: '2025-09-30' })).toBe('startDate')
    expect(await field({ ...step, organisationId: aci.id, startDate: '2026-02-01', plannedEndDate: null })).toBe(
      'startDate',
    )
    expect(await field({ ...step, organisationId: trainer.id })).toBe('organisationId')
    expect(await field({ ...step })).toBe('organisationId')
    expect(await field({ ...step, organisationId: crypto.randomUUID() })).toBe('organisationId')
    expect(await field({ ...step, kind: 'job', organisationId: aci.id })).toBe('kind')
    expect(await field({ ...step, organisationId: aci.id, endDate: '2025-11-01' })).toBe('endDate')
    expect(await field({ ...step, organisationId: aci.id, hoursPerWeek: 200 })).toBe('hoursPerWeek')
  })

  it('a step of another pathway, or unknown, is 404', async () => {
    const a = await pathway()
    const b = await pathway()
    const s = await counsellor.post(`/api/plie/pathways/${a.id}/steps`, { ...step, organisationId: aci.id })
    const body = { ...step, organisationId: aci.id, version: s.json().version }
    expect((await counsellor.put(`/api/plie/pathways/${b.id}/steps/${s.json().situationId}`, body)).statusCode).toBe(
      404,
    )
    expect((await counsellor.put(`/api/plie/pathways/${a.id}/steps/${crypto.randomUUID()}`, body)).statusCode).toBe(404)
  })

  it('access: director and partner 403, another site 404', async () => {
    const p = await pathway()
    const url = `/api/plie/pathways/${p.id}/steps`
    const body = { ...step, organisationId: aci.id }
    expect((await director.post(url, body)).statusCode).toBe(403)
    expect((await partner.post(url, body)).statusCode).toBe(403)
    expect((await otherSite.post(url, body)).statusCode).toBe(404)
    const s = await counsellor.post(url, body)
    const put = { ...body, version: s.json().version }
    expect((await otherSite.put(`${url}/${s.json().situationId}`, put)).statusCode).toBe(404)
    expect((await partner.put(`${url}/${s.json().situationId}`, put)).statusCode).toBe(403)
  })
})
