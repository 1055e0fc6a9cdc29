import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, type Fixture } from '../../test/builders.ts'
import { buildCandidate, buildEmployer, buildOffer, buildPlacement } from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Hires, their follow-ups, the worklist, job projects and the person's employment tab (docs/employment/offers.md).
// The test clock says Monday 2026-03-02.

let t: TestContext
let officer: TestClient
let counsellor: TestClient
let counsellorB: TestClient
let director: TestClient
let reception: TestClient
let employerId: string
let other: Fixture

const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)
const hireBody = (over: Record<string, unknown> = {}) => ({
  startDate: '2026-03-16',
  contractKind: 'cdd',
  durationMonths: 6,
  hoursPerWeek: 35,
  version: 1,
  ...over,
})
const situationsOf = async (personId: string) => {
  const res = await counsellor.get(`/api/persons/${personId}/situations`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { kind: string; startDate: string; plannedEndDate: string | null; organisationName: string }[]
}

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  counsellor = await t.as('counsellor')
  counsellorB = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  reception = await t.as('reception')
  employerId = (await buildEmployer(t.db, t.fx, { name: 'Boulangerie du Port' })).id
  other = await buildStructure(t.db)
})
afterAll(() => t.close())

describe('the hire', () => {
  it('creates the placement, the employment situation and the 1-, 3- and 6-month follow-ups; fills the offer', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId, { title: 'Vendeur', positions: 1 })
    const p = await buildPerson(t.db, t.fx)
    const c = await buildCandidate(t.db, t.fx, offer.id, p.id, { status: 'interview' })
    const res = await officer.post(`/api/employment/candidates/${c.id}/hire`, hireBody())
    expect(res.statusCode, res.body).toBe(201)
    const pl = res.json()
    expect(pl).toMatchObject({
      person: { id: p.id },
      employerName: 'Boulangerie du Port',
      offerId: offer.id,
      contractKind: 'cdd',
      jobTitle: 'Vendeur',
      startDate: '2026-03-16',
      durationMonths: 6,
    })
    expect(pl.followUps.map((f: { milestoneMonths: number; dueOn: string }) => [f.milestoneMonths, f.dueOn])).toEqual([
      [1, '2026-04-16'],
      [3, '2026-06-16'],
      [6, '2026-09-16'],
    ])
    const situations = await situationsOf(p.id)
    expect(situations).toEqual([
      expect.objectContaining({
        id: pl.situationId,
        kind: 'cdd',
        startDate: '2026-03-16',
        plannedEndDate: '2026-09-15',
        organisationName: 'Boulangerie du Port',
      }),
    ])
    const o = (await officer.get(`/api/employment/offers/${offer.id}`)).json()
    expect(o.status).toBe('filled')
    expect(o.candidates[0]).toMatchObject({ status: 'hired', placementId: pl.id })
    // one hire = one situation: the same candidate again is refused and writes nothing
    const again = await officer.post(`/api/employment/candidates/${c.id}/hire`, hireBody({ version: 2 }))
    expect(again.statusCode).toBe(409)
    expect(await situationsOf(p.id)).toHaveLength(1)
  })

  it('makes a CDI a CDI situation without planned end', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId, { contractKind: 'cdi', durationMonths: null, positions: 3 })
    const p = await buildPerson(t.db, t.fx)
    const c = await buildCandidate(t.db, t.fx, offer.id, p.id)
    const res = await officer.post(`/api/employment/candidates/${c.id}/hire`, hireBody({ contractKind: 'cdi' }))
    expect(res.statusCode, res.body).toBe(201)
    expect(await situationsOf(p.id)).toEqual([expect.objectContaining({ kind: 'cdi', plannedEndDate: null })])
    expect((await officer.get(`/api/employment/offers/${offer.id}`)).json().status).toBe('open')
  })

  it('decides two hires of the last position one after the other: one 201, one 409', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId, { positions: 1 })
    const [p1, p2] = [await buildPerson(t.db, t.fx), await buildPerson(t.db, t.fx)]
    const c1 = await buildCandidate(t.db, t.fx, offer.id, p1.id)
    const c2 = await buildCandidate(t.db, t.fx, offer.id, p2.id)
    const both = await Promise.all([
      officer.post(`/api/employment/candidates/${c1.id}/hire`, hireBody()),
      officer.post(`/api/employment/candidates/${c2.id}/hire`, hireBody()),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    const placements = await t.db.kysely.selectFrom('placement').select('id').where('offer_id', '=', offer.id).execute()
    expect(placements).toHaveLength(1)
    const situations = [...(await situationsOf(p1.id)), ...(await situationsOf(p2.id))]
    expect(situations).toHaveLength(1)
  })

  it('answers 400 naming the field on bad hires, never 500', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId, { positions: 5 })
    const c = await buildCandidate(t.db, t.fx, offer.id, (await buildPerson(t.db, t.fx)).id)
    const url = `/api/employment/candidates/${c.id}/hire`
    const cases: [string, Record<string, unknown>][] = [
      ['startDate', { startDate: '16/03/2026' }],
      ['startDate', { startDate: '2027-12-01' }],
      ['contractKind', { contractKind: 'x' }],
      ['durationMonths', { durationMonths: null }],
      ['durationMonths', { durationMonths: 500 }],
      ['hoursPerWeek', { hoursPerWeek: 0 }],
      ['version', { version: 'x' }],
    ]
    for (const [field, over] of cases) {
      const res = await officer.post(url, hireBody(over))
      expect(res.statusCode, `${field} ${res.body}`).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(fieldsOf(res)).toContain(field)
    }
    for (const value of [null, '', -1, 1e15, [], {}, 'x'.repeat(5000)])
      for (const key of Object.keys(hireBody())) {
        const res = await officer.post(url, hireBody({ [key]: value }))
        expect(res.statusCode, `${key}=${JSON.stringify(value).slice(0, 20)}`).toBeLessThan(500)
      }
    expect((await officer.post(url, hireBody({ version: 7 }))).statusCode).toBe(409)
  })

  it('refuses the hire to the other roles (403) and another structure’s candidate (404)', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId)
    const c = await buildCandidate(t.db, t.fx, offer.id, (await buildPerson(t.db, t.fx)).id)
    for (const x of [counsellor, director, reception])
      expect((await x.post(`/api/employment/candidates/${c.id}/hire`, hireBody())).statusCode).toBe(403)
    const foreignOffer = await buildOffer(t.db, other, (await buildEmployer(t.db, other)).id, { siteIds: [] })
    const fc = await buildCandidate(t.db, other, foreignOffer.id, (await buildPerson(t.db, other)).id)
    expect((await officer.post(`/api/employment/candidates/${fc.id}/hire`, hireBody())).statusCode).toBe(404)
  })
})

describe('follow-ups and the worklist', () => {
  let followUpId: string
  let personId: string

  beforeAll(async () => {
    const p = await buildPerson(t.db, t.fx)
    personId = p.id
    // started 2026-01-05: the 1-month follow-up (2026-02-05) is overdue, the 3-month one (2026-04-05) is not yet due
    const pl = await buildPlacement(t.db, t.fx, p.id, employerId, { startDate: '2026-01-05', followUps: true })
    // started 2026-02-06: the 1-month follow-up is due on 2026-03-06, within 7 days
    await buildPlacement(t.db, t.fx, p.id, employerId, { startDate: '2026-02-06', followUps: true })
    const rows = await t.db.kysely
      .selectFrom('placement_follow_up')
      .select(['id', 'milestone_months'])
      .where('placement_id', '=', pl.id)
      .execute()
    followUpId = rows.find((r) => r.milestone_months === 1)!.id
  })

  it('lists the overdue, the alerts (due within 7 days), the upcoming', async () => {
    const dueOf = async (c: TestClient, when: string) =>
      ((await c.get(`/api/employment/follow-ups?when=${when}`)).json().items as { dueOn: string }[])
        .filter((f) => f.dueOn < '2026-12-31')
        .map((f) => f.dueOn)
    expect(await dueOf(officer, 'overdue')).toEqual(['2026-02-05'])
    expect(await dueOf(officer, 'alerts')).toEqual(['2026-02-05', '2026-03-06'])
    expect(await dueOf(officer, 'upcoming')).toEqual(['2026-02-05', '2026-03-06'])
    expect(await dueOf(counsellor, 'alerts')).toEqual(['2026-02-05', '2026-03-06'])
    expect(await dueOf(counsellorB, 'alerts')).toEqual([])
    const bad = await officer.get('/api/employment/follow-ups?when=soon')
    expect(bad.statusCode).toBe(400)
    expect(fieldsOf(bad)).toEqual(['when'])
  })

  it('puts the alerts and the candidates waiting 7 days in the worklist (the counsellor’s: their people)', async () => {
    const offer = await buildOffer(t.db, t.fx, employerId)
    // sent 8 days ago, no answer since; another sent yesterday
    const c = await buildCandidate(t.db, t.fx, offer.id, personId, {
      status: 'sent',
      positionedAt: new Date('2026-02-22T09:00:00Z'),
    })
    const recent = await buildCandidate(t.db, t.fx, offer.id, (await buildPerson(t.db, t.fx)).id, {
      status: 'sent',
      positionedAt: new Date('2026-03-01T09:00:00Z'),
    })
    const counsellorsBefore = (await counsellor.get('/api/employment/worklist')).json()
    expect(counsellorsBefore.candidatesToFollow.map((x: { id: string }) => x.id)).toContain(c.id)
    const w = await officer.get('/api/employment/worklist')
    expect(w.statusCode, w.body).toBe(200)
    const list = w.json()
    const waiting = list.candidatesToFollow.map((x: { id: string }) => x.id)
    expect(waiting).toContain(c.id)
    expect(waiting).not.toContain(recent.id)
    expect(list.candidatesToFollow.find((x: { id: string }) => x.id === c.id).offer.id).toBe(offer.id)
    expect(list.openOffers.map((o: { id: string }) => o.id)).toContain(offer.id)
    expect(list.followUpsDue.map((f: { id: string }) => f.id)).toContain(followUpId)
    expect(list.operationsRunning).toEqual([])
    // an answer recorded today: no longer waiting
    const moved = await officer.post(`/api/employment/candidates/${c.id}/status`, {
      status: 'interview',
      interviewOn: '2026-03-05',
      version: 1,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const after = (await officer.get('/api/employment/worklist')).json()
    expect(after.candidatesToFollow.map((x: { id: string }) => x.id)).not.toContain(c.id)
    const mine = (await counsellor.get('/api/employment/worklist')).json()
    expect(mine.followUpsDue.map((f: { id: string }) => f.id)).toContain(followUpId)
    const b = (await counsellorB.get('/api/employment/worklist')).json()
    expect(b.candidatesToFollow).toEqual([])
    expect(b.followUpsDue).toEqual([])
    expect((await reception.get('/api/employment/worklist')).statusCode).toBe(403)
  })

  it('records a follow-up (date, outcome) with its version; 400 in the future; 403, 404', async () => {
    const url = `/api/employment/follow-ups/${followUpId}`
    const future = await officer.put(url, { doneOn: '2026-03-20', outcome: 'in_post', version: 1 })
    expect(future.statusCode).toBe(400)
    expect(fieldsOf(future)).toEqual(['doneOn'])
    expect(fieldsOf(await officer.put(url, { doneOn: '2026-03-01', outcome: 'x', version: 1 }))).toEqual(['outcome'])
    for (const x of [counsellor, director, reception])
      expect((await x.put(url, { doneOn: '2026-03-01', outcome: 'in_post', version: 1 })).statusCode).toBe(403)
    const done = await officer.put(url, { doneOn: '2026-03-01', outcome: 'in_post', note: 'Appel', version: 1 })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ doneOn: '2026-03-01', outcome: 'in_post', note: 'Appel', version: 2 })
    expect((await officer.put(url, { doneOn: '2026-03-01', outcome: 'in_post', version: 1 })).statusCode).toBe(409)
    const overdue = (await officer.get('/api/employment/follow-ups?when=overdue')).json().items
    expect(overdue.map((f: { id: string }) => f.id)).not.toContain(followUpId)
    const fp = await buildPlacement(
      t.db,
      other,
      (await buildPerson(t.db, other)).id,
      (await buildEmployer(t.db, other)).id,
      {
        followUps: true,
      },
    )
    const foreign = await t.db.kysely
      .selectFrom('placement_follow_up')
      .select('id')
      .where('placement_id', '=', fp.id)
      .executeTakeFirstOrThrow()
    const res = await officer.put(`/api/employment/follow-ups/${foreign.id}`, {
      doneOn: '2026-03-01',
      outcome: 'in_post',
      version: 1,
    })
    expect(res.statusCode).toBe(404)
    expect((await officer.get(`/api/employment/placements/${fp.id}`)).statusCode).toBe(404)
    expect((await reception.get(`/api/employment/placements/${fp.id}`)).statusCode).toBe(403)
  })
})

describe('job projects and the person’s employment tab', () => {
  it('adds, edits with the version, deletes; 400 on a bad ROME code; 403 and 404', async () => {
    const p = await buildPerson(t.db, t.fx)
    const pB = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    const url = `/api/employment/persons/${p.id}/projects`
    const res = await counsellor.post(url, { romeCode: 'd1106', maxDistanceKm: 15 })
    expect(res.statusCode, res.body).toBe(201)
    const project = res.json()
    expect(project).toMatchObject({ romeCode: 'D1106', maxDistanceKm: 15, active: true, version: 1 })
    for (const [field, body] of [
      ['romeCode', { romeCode: 'Z0000' }],
      ['maxDistanceKm', { romeCode: 'D1106', maxDistanceKm: -3 }],
      ['availableFrom', { romeCode: 'D1106', availableFrom: 'demain' }],
    ] as const) {
      const bad = await counsellor.post(url, body)
      expect(bad.statusCode).toBe(400)
      expect(new Set(fieldsOf(bad))).toEqual(new Set([field]))
    }
    const edit = { romeCode: 'D1102', label: 'Boulangerie', maxDistanceKm: null, availableFrom: null, active: false }
    const put = await counsellor.put(`/api/employment/projects/${project.id}`, { ...edit, version: 1 })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({ romeCode: 'D1102', active: false, version: 2 })
    expect((await counsellor.put(`/api/employment/projects/${project.id}`, { ...edit, version: 1 })).statusCode).toBe(
      409,
    )
    expect((await counsellorB.post(url, { romeCode: 'D1106' })).statusCode).toBe(404)
    expect((await counsellor.post(`/api/employment/persons/${pB.id}/projects`, { romeCode: 'D1106' })).statusCode).toBe(
      404,
    )
    for (const x of [director, reception]) expect((await x.post(url, { romeCode: 'D1106' })).statusCode).toBe(403)
    expect((await reception.get(url)).statusCode).toBe(403)
    expect((await director.get(url)).json().items).toHaveLength(1)
    const foreign = await buildPerson(t.db, other)
    expect((await officer.get(`/api/employment/persons/${foreign.id}/projects`)).statusCode).toBe(404)
    expect((await counsellorB.delete(`/api/employment/projects/${project.id}`)).statusCode).toBe(404)
    expect((await counsellor.delete(`/api/employment/projects/${project.id}`)).statusCode).toBe(204)
    expect((await counsellor.get(url)).json().items).toEqual([])
  })

  it('gathers projects, candidacies and placements with their follow-ups', async () => {
    const p = await buildPerson(t.db, t.fx)
    expect((await counsellor.post(`/api/employment/persons/${p.id}/projects`, { romeCode: 'D1106' })).statusCode).toBe(
      201,
    )
    const offer = await buildOffer(t.db, t.fx, employerId, { siteIds: [t.fx.sites.b], positions: 2 })
    const c = await buildCandidate(t.db, t.fx, offer.id, p.id)
    expect((await officer.post(`/api/employment/candidates/${c.id}/hire`, hireBody())).statusCode).toBe(201)
    // the offer went to site B only: the counsellor of site A still sees the candidacy of their person
    const res = await counsellor.get(`/api/employment/persons/${p.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const tab = res.json()
    expect(tab.projects).toHaveLength(1)
    expect(tab.candidates).toEqual([
      expect.objectContaining({ status: 'hired', offer: expect.objectContaining({ id: offer.id }) }),
    ])
    expect(tab.placements).toHaveLength(1)
    expect(tab.placements[0].followUps).toHaveLength(3)
    expect((await counsellorB.get(`/api/employment/persons/${p.id}`)).statusCode).toBe(404)
    expect((await reception.get(`/api/employment/persons/${p.id}`)).statusCode).toBe(403)
    expect((await officer.get(`/api/employment/persons/${(await buildPerson(t.db, other)).id}`)).statusCode).toBe(404)
    const list = (await officer.get('/api/employment/placements')).json().items
    expect(list.map((x: { person: { id: string } }) => x.person.id)).toContain(p.id)
    expect((await reception.get('/api/employment/placements')).statusCode).toBe(403)
  })
})
