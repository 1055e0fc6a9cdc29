import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSituationRow } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { buildOrganisation, buildPathway, linkPartner } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// A partner account sees only its own people (docs/plie.md « The pathway »): those with a step hosted by, or an exit
// credited to, its organisation — name, those steps, that exit; nothing else. Every other PLIE route: 403.
let t: TestContext
let counsellor: TestClient
let partner: TestClient
let otherPartner: TestClient
let ids: { hosted: string; credited: string; elsewhere: string; enrolment: string }

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  partner = await t.as('partner')
  otherPartner = await t.as('partner')
  const aci = await buildOrganisation(t.db, t.fx, { kind: 'aci', name: 'Chantier Vert' })
  const club = await buildOrganisation(t.db, t.fx, { kind: 'employer_relations', name: 'Club Emploi' })
  const other = await buildOrganisation(t.db, t.fx, { kind: 'ei', name: 'Autre EI' })
  await linkPartner(t.db, t.fx, aci.id, partner.user!.id)
  await linkPartner(t.db, t.fx, club.id, partner.user!.id)
  await linkPartner(t.db, t.fx, other.id, otherPartner.user!.id)

  const hosted = await buildPerson(t.db, t.fx, {
    lastName: 'Accueilli',
    statuses: [{ status: 'rsa', startDate: '2025-01-01' }],
  })
  const p1 = await buildPathway(t.db, t.fx, hosted.id, { entryDate: '2025-10-01' })
  const step = (enrolmentId: string, organisationId: string, kind = 'insertion_contract') =>
    counsellor.post(`/api/plie/pathways/${enrolmentId}/steps`, { kind, startDate: '2025-11-03', organisationId })
  expect((await step(p1.id, aci.id)).statusCode).toBe(201)
  expect((await step(p1.id, other.id)).statusCode).toBe(201)

  const credited = await buildPerson(t.db, t.fx, { lastName: 'Crédité' })
  const p2 = await buildPathway(t.db, t.fx, credited.id, { entryDate: '2025-06-02' })
  await buildSituationRow(t.db, t.fx, credited.id, { kind: 'cdi', start_date: '2026-02-16' })
  const exit = await counsellor.post(`/api/plie/pathways/${p2.id}/exit`, {
    exitDate: '2026-02-27',
    exitReason: 'cdi',
    partnerId: club.id,
    version: p2.version,
  })
  expect(exit.statusCode, exit.body).toBe(200)

  const elsewhere = await buildPerson(t.db, t.fx, { lastName: 'Ailleurs' })
  const p3 = await buildPathway(t.db, t.fx, elsewhere.id, { entryDate: '2025-10-01' })
  expect((await step(p3.id, other.id)).statusCode).toBe(201)
  ids = { hosted: hosted.id, credited: credited.id, elsewhere: elsewhere.id, enrolment: p1.id }
})
afterAll(() => t.close())

describe('the partner’s view', () => {
  it('its own people only: name, the steps its organisations host, the exit credited to it', async () => {
    const res = await partner.get('/api/plie/partner/people')
    expect(res.statusCode, res.body).toBe(200)
    const people = res.json()
    expect(people.map((p: { personId: string }) => p.personId).sort()).toEqual([ids.hosted, ids.credited].sort())
    const hosted = people.find((p: { personId: string }) => p.personId === ids.hosted)
    // the step at the other organisation is not shown, nor anything of the file
    expect(hosted.steps).toEqual([
      expect.objectContaining({
        kind: 'insertion_contract',
        organisationName: 'Chantier Vert',
        startDate: '2025-11-03',
      }),
    ])
    expect(hosted.exit).toBeNull()
    expect(Object.keys(hosted).sort()).toEqual(['exit', 'firstName', 'lastName', 'personId', 'steps'])
    expect(JSON.stringify(people)).not.toMatch(/rsa/i)
    const credited = people.find((p: { personId: string }) => p.personId === ids.credited)
    expect(credited.exit).toMatchObject({ reason: 'cdi', date: '2026-02-27', organisationName: 'Club Emploi' })
    expect(credited.steps).toEqual([])
  })

  it('another organisation’s partner sees its own and not these', async () => {
    const res = await otherPartner.get('/api/plie/partner/people')
    const people = res.json().map((p: { personId: string }) => p.personId)
    expect(people.sort()).toEqual([ids.hosted, ids.elsewhere].sort())
    const hosted = res.json().find((p: { personId: string }) => p.personId === ids.hosted)
    expect(hosted.steps.map((s: { organisationName: string }) => s.organisationName)).toEqual(['Autre EI'])
  })

  it('a partner calling any other PLIE route, or the person file: 403; others cannot call the partner’s view', async () => {
    expect((await partner.get(`/api/persons/${ids.hosted}/plie`)).statusCode).toBe(403)
    expect((await partner.get(`/api/persons/${ids.hosted}`)).statusCode).toBe(403)
    expect((await partner.get('/api/plie/organisations')).statusCode).toBe(403)
    expect((await partner.get('/api/plie/communes')).statusCode).toBe(403)
    const exit = { exitDate: '2026-02-27', exitReason: 'health', version: 1 }
    expect((await partner.post(`/api/plie/pathways/${ids.enrolment}/exit`, exit)).statusCode).toBe(403)
    expect((await counsellor.get('/api/plie/partner/people')).statusCode).toBe(403)
    const unlinked = await t.as('partner')
    expect((await unlinked.get('/api/plie/partner/people')).json()).toEqual([])
  })
})
