import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPersonRow } from '../../test/accompaniment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The test clock says 2026-03-02 (Paris): events after that day are planned appointments.
let t: TestContext
let counsellor: TestClient
let personId: string
const url = () => `/api/persons/${personId}/events`

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  personId = (await buildPersonRow(t.db, t.fx)).id
})
afterAll(() => t.close())

const auditOf = (entityId: string) =>
  t.db.kysely.selectFrom('audit_event').selectAll().where('entity_id', '=', entityId).orderBy('id').execute()

describe('events of a person', () => {
  it('records an event with the counsellor and the person’s site by default, and audits it', async () => {
    const res = await counsellor.post(url(), {
      kind: 'individual_interview',
      date: '2026-02-20',
      durationMinutes: 45,
      attendance: 'present',
      note: 'Point sur le projet',
    })
    expect(res.statusCode).toBe(201)
    const e = res.json()
    expect(e).toMatchObject({
      personId,
      kind: 'individual_interview',
      date: '2026-02-20',
      counsellorId: counsellor.user!.id,
      counsellorName: 'Utilisateur counsellor',
      siteId: t.fx.sites.a,
      siteName: 'Site A',
      durationMinutes: 45,
      attendance: 'present',
      planned: false,
      version: 1,
    })
    const audit = await auditOf(e.id)
    expect(audit.map((a) => a.action)).toEqual(['create'])
    expect(audit[0]!.detail).toMatchObject({ personId, kind: 'individual_interview' })
    expect(JSON.stringify(audit[0]!.detail)).not.toContain('Point sur le projet')
  })

  it('plans a future appointment without attendance, and refuses an attendance on it', async () => {
    const planned = await counsellor.post(url(), { kind: 'phone', date: '2026-03-10' })
    expect(planned.statusCode).toBe(201)
    expect(planned.json()).toMatchObject({ planned: true, attendance: null })
    const wrong = await counsellor.post(url(), { kind: 'phone', date: '2026-03-10', attendance: 'present' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.headers['content-type']).toContain('application/problem+json')
    expect(wrong.json().fields.map((f: { field: string }) => f.field)).toEqual(['attendance'])
  })

  it('names the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'party', date: '2026-02-01' }, 'kind'],
      [{ kind: 'phone', date: '01/02/2026' }, 'date'],
      [{ kind: 'phone', date: '2026-02-01', durationMinutes: -5 }, 'durationMinutes'],
      [{ kind: 'phone', date: '2026-02-01', attendance: 'maybe' }, 'attendance'],
      [{ kind: 'phone', date: '2026-02-01', counsellorId: '00000000-0000-4000-8000-000000000000' }, 'counsellorId'],
      [{ kind: 'phone', date: '2026-02-01', siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
    ]
    for (const [body, field] of cases) {
      const res = await counsellor.post(url(), body)
      expect(res.statusCode, field).toBe(400)
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field)
    }
  })

  it('lists newest first, filters by period and kind, and pages', async () => {
    await counsellor.post(url(), { kind: 'workshop', date: '2026-01-05', attendance: 'absent' })
    const all = (await counsellor.get(url())).json()
    expect(all.items.map((e: { date: string }) => e.date)).toEqual(['2026-03-10', '2026-02-20', '2026-01-05'])
    expect(all.total).toBe(3)
    const january = (await counsellor.get(`${url()}?from=2026-01-01&to=2026-01-31`)).json()
    expect(january.items.map((e: { kind: string }) => e.kind)).toEqual(['workshop'])
    const phones = (await counsellor.get(`${url()}?kind=phone`)).json()
    expect(phones.total).toBe(1)
    const page2 = (await counsellor.get(`${url()}?page=2&pageSize=2`)).json()
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page2.items.map((e: { date: string }) => e.date)).toEqual(['2026-01-05'])
  })

  it('updates with the version read and refuses a stale version', async () => {
    const e = (await counsellor.post(url(), { kind: 'phone', date: '2026-02-25', attendance: 'present' })).json()
    const body = { kind: 'mail', date: '2026-02-25', attendance: 'present', version: e.version }
    const ok = await counsellor.put(`${url()}/${e.id}`, body)
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ kind: 'mail', version: 2, counsellorId: counsellor.user!.id })
    const stale = await counsellor.put(`${url()}/${e.id}`, { ...body, kind: 'visit' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    const missing = await counsellor.put(`${url()}/00000000-0000-4000-8000-000000000000`, body)
    expect(missing.statusCode).toBe(404)
  })

  it('deletes an event and audits the deletion', async () => {
    const e = (await counsellor.post(url(), { kind: 'visit', date: '2026-02-26' })).json()
    expect((await counsellor.delete(`${url()}/${e.id}`)).statusCode).toBe(204)
    expect((await auditOf(e.id)).map((a) => a.action)).toEqual(['create', 'delete'])
    expect((await counsellor.get(`${url()}?kind=visit`)).json().total).toBe(0)
    expect((await counsellor.delete(`${url()}/${e.id}`)).statusCode).toBe(404)
  })
})

describe('access to events', () => {
  it('refuses writes to reception (403) and lets a director read but not write', async () => {
    const reception = await t.as('reception')
    expect((await reception.post(url(), { kind: 'phone', date: '2026-02-01' })).statusCode).toBe(403)
    expect((await reception.get(url())).statusCode).toBe(403)
    const director = await t.as('director', { siteIds: [t.fx.sites.b] })
    expect((await director.get(url())).statusCode).toBe(200)
    expect((await director.post(url(), { kind: 'phone', date: '2026-02-01' })).statusCode).toBe(403)
  })

  it('answers 404 to a counsellor whose scope does not hold the person', async () => {
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.get(url())).statusCode).toBe(404)
    expect((await other.post(url(), { kind: 'phone', date: '2026-02-01' })).statusCode).toBe(404)
    const e = (await counsellor.get(url())).json().items[0]
    expect((await other.delete(`${url()}/${e.id}`)).statusCode).toBe(404)
    expect((await counsellor.get(url())).json().total).toBe(4)
  })

  it('lets a counsellor of another site follow the person they are referent of', async () => {
    const referent = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    const own = await buildPersonRow(t.db, t.fx, { site_id: t.fx.sites.a, referent_id: referent.user!.id })
    expect(
      (await referent.post(`/api/persons/${own.id}/events`, { kind: 'phone', date: '2026-02-01' })).statusCode,
    ).toBe(201)
  })
})
