import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPersonRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Today is 2026-03-02 on the test clock.
let t: TestContext
let counsellor: TestClient
let personId: string
let civis: string
const fields = (res: { json(): { fields: { field: string }[] } }) => res.json().fields.map((f) => f.field)

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  personId = (await buildPersonRow(t.db, t.fx)).id
  civis = await buildSchemeProgramme(t.db, t.fx, 'CIVIS')
})
afterAll(() => t.close())

describe('situations', () => {
  const url = () => `/api/persons/${personId}/situations`

  it('records situations with their group and whether they are open', async () => {
    const cdd = await counsellor.post(url(), {
      kind: 'cdd',
      startDate: '2026-01-05',
      plannedEndDate: '2026-06-30',
      organisationName: 'Transports du Littoral',
      hoursPerWeek: 35,
    })
    expect(cdd.statusCode).toBe(201)
    expect(cdd.json()).toMatchObject({
      kind: 'cdd',
      kindLabel: 'CDD',
      group: 'employment',
      open: true,
      hoursPerWeek: 35,
      organisationName: 'Transports du Littoral',
      counsellorId: counsellor.user!.id,
      version: 1,
    })
    const training = await counsellor.post(url(), {
      kind: 'qualifying_training',
      startDate: '2025-09-01',
      endDate: '2025-12-19',
    })
    expect(training.json()).toMatchObject({ group: 'training', open: false })
    const endsToday = await counsellor.post(url(), {
      kind: 'immersion',
      startDate: '2026-02-23',
      endDate: '2026-03-02',
    })
    expect(endsToday.json()).toMatchObject({ group: 'other', open: true })

    const all = (await counsellor.get(url())).json()
    expect(all.map((s: { kind: string }) => s.kind)).toEqual(['immersion', 'cdd', 'qualifying_training'])
    const open = (await counsellor.get(`${url()}?open=true`)).json()
    expect(open.map((s: { kind: string }) => s.kind)).toEqual(['immersion', 'cdd'])
    const closed = (await counsellor.get(`${url()}?open=false`)).json()
    expect(closed.map((s: { kind: string }) => s.kind)).toEqual(['qualifying_training'])
  })

  it('refuses an end before the start, naming the field', async () => {
    const end = await counsellor.post(url(), { kind: 'cdi', startDate: '2026-02-01', endDate: '2026-01-31' })
    expect(end.statusCode).toBe(400)
    expect(fields(end)).toEqual(['endDate'])
    const planned = await counsellor.post(url(), { kind: 'cdi', startDate: '2026-02-01', plannedEndDate: '2025-01-31' })
    expect(fields(planned)).toEqual(['plannedEndDate'])
    expect(fields(await counsellor.post(url(), { kind: 'job', startDate: '2026-02-01' }))).toEqual(['kind'])
    expect(fields(await counsellor.post(url(), { kind: 'cdi', startDate: '2026-02-01', hoursPerWeek: 90 }))).toEqual([
      'hoursPerWeek',
    ])
  })

  it('closes a situation with the version read, refuses a stale one, and deletes with an audit line', async () => {
    const s = (await counsellor.post(url(), { kind: 'interim', startDate: '2026-02-02' })).json()
    const body = { kind: 'interim', startDate: '2026-02-02', endDate: '2026-02-27', version: 1 }
    const closed = await counsellor.put(`${url()}/${s.id}`, body)
    expect(closed.json()).toMatchObject({ endDate: '2026-02-27', open: false, version: 2 })
    const bad = await counsellor.put(`${url()}/${s.id}`, { ...body, endDate: '2026-01-01', version: 2 })
    expect(fields(bad)).toEqual(['endDate'])
    const stale = await counsellor.put(`${url()}/${s.id}`, body)
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    expect((await counsellor.delete(`${url()}/${s.id}`)).statusCode).toBe(204)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', s.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete'])
    expect((await counsellor.put(`${url()}/${s.id}`, { ...body, version: 2 })).statusCode).toBe(404)
  })

  it('refuses writes to reception and answers 404 out of scope', async () => {
    const reception = await t.as('reception')
    expect((await reception.post(url(), { kind: 'cdi', startDate: '2026-02-01' })).statusCode).toBe(403)
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.get(url())).statusCode).toBe(404)
    expect((await other.post(url(), { kind: 'cdi', startDate: '2026-02-01' })).statusCode).toBe(404)
  })
})

describe('programme enrolments', () => {
  const url = () => `/api/persons/${personId}/enrolments`

  it('enrols the person with the counsellor as referent by default', async () => {
    const res = await counsellor.post(url(), { programmeId: t.fx.programmes.ml, entryDate: '2025-10-01' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      programmeCode: 'ML',
      programmeKind: 'service',
      entryDate: '2025-10-01',
      exitDate: null,
      reinforced: false,
      referentId: counsellor.user!.id,
      referentName: 'Utilisateur counsellor',
      open: true,
      version: 1,
    })
    const scheme = await counsellor.post(url(), {
      programmeId: civis,
      entryDate: '2026-01-15',
      reinforced: true,
      referentId: null,
    })
    expect(scheme.json()).toMatchObject({
      programmeCode: 'CIVIS',
      programmeKind: 'scheme',
      reinforced: true,
      referentId: null,
    })
    const list = (await counsellor.get(url())).json()
    expect(list.map((e: { programmeCode: string }) => e.programmeCode)).toEqual(['CIVIS', 'ML'])
  })

  it('keeps one open enrolment per programme (409), but accepts a past, closed one that does not overlap', async () => {
    const twice = await counsellor.post(url(), { programmeId: t.fx.programmes.ml, entryDate: '2026-02-01' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('conflict')
    expect(fields(twice)).toEqual(['programmeId'])
    const overlapping = await counsellor.post(url(), {
      programmeId: t.fx.programmes.ml,
      entryDate: '2025-01-01',
      exitDate: '2025-10-01',
      exitReason: 'moved_away',
    })
    expect(overlapping.statusCode).toBe(409)
    const earlier = await counsellor.post(url(), {
      programmeId: t.fx.programmes.ml,
      entryDate: '2024-01-01',
      exitDate: '2024-12-31',
      exitReason: 'cdi',
    })
    expect(earlier.statusCode).toBe(201)
    expect(earlier.json()).toMatchObject({ open: false, exitReason: 'cdi' })
  })

  it('validates dates, exit reason, programme and referent, naming the field', async () => {
    const base = { programmeId: t.fx.programmes.plie, entryDate: '2026-01-01' }
    expect(fields(await counsellor.post(url(), { ...base, exitDate: '2025-12-31' }))).toEqual(['exitDate'])
    expect(fields(await counsellor.post(url(), { ...base, exitReason: 'cdi' }))).toEqual(['exitDate'])
    expect(fields(await counsellor.post(url(), { ...base, exitDate: '2026-02-01', exitReason: 'lottery' }))).toEqual([
      'exitReason',
    ])
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(fields(await counsellor.post(url(), { ...base, programmeId: unknown }))).toEqual(['programmeId'])
    expect(fields(await counsellor.post(url(), { ...base, referentId: unknown }))).toEqual(['referentId'])
  })

  it('records the exit with the version read and refuses a stale one', async () => {
    const e = (await counsellor.get(url())).json().find((x: { programmeCode: string }) => x.programmeCode === 'CIVIS')
    const body = {
      programmeId: civis,
      entryDate: '2026-01-15',
      exitDate: '2026-02-28',
      exitReason: 'cdd_over_6_months',
      reinforced: true,
      version: e.version,
    }
    const exited = await counsellor.put(`${url()}/${e.id}`, body)
    expect(exited.statusCode).toBe(200)
    expect(exited.json()).toMatchObject({ open: false, exitReason: 'cdd_over_6_months', referentId: null, version: 2 })
    const stale = await counsellor.put(`${url()}/${e.id}`, body)
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    // once exited, a new CIVIS enrolment may open
    expect((await counsellor.post(url(), { programmeId: civis, entryDate: '2026-03-01' })).statusCode).toBe(201)
  })

  it('refuses writes to reception and answers 404 out of scope', async () => {
    const reception = await t.as('reception')
    const body = { programmeId: t.fx.programmes.plie, entryDate: '2026-01-01' }
    expect((await reception.post(url(), body)).statusCode).toBe(403)
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.get(url())).statusCode).toBe(404)
    expect((await other.post(url(), body)).statusCode).toBe(404)
  })
})
