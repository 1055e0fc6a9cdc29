import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The test clock says Monday 2026-03-02, 10:00 in Paris. Appointments are typed in Paris wall time.
let t: TestContext
let counsellor: TestClient
let colleague: TestClient
let otherSite: TestClient
let reception: TestClient
let director: TestClient
let personId: string
let secondId: string
let siteBPerson: string

const slot = (over: Record<string, unknown> = {}) => ({
  kind: 'individual_interview',
  date: '2026-03-04',
  start: '10:00',
  end: '10:45',
  siteId: t.fx.sites.a,
  personIds: [personId],
  ...over,
})

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  colleague = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  reception = await t.as('reception')
  director = await t.as('director')
  personId = (await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa' })).id
  secondId = (await buildPerson(t.db, t.fx, { lastName: 'Bernard', firstName: 'Hugo' })).id
  siteBPerson = (await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b, lastName: 'Petit', firstName: 'Zoé' })).id
})
afterAll(() => t.close())

describe('booking', () => {
  it('books an appointment in the structure’s wall time and audits it', async () => {
    const res = await counsellor.post('/api/agenda/appointments', slot())
    expect(res.statusCode, res.body).toBe(201)
    const a = res.json()
    expect(a).toMatchObject({
      date: '2026-03-04',
      start: '10:00',
      end: '10:45',
      // Paris is UTC+1 in March before the change of time
      startsAt: '2026-03-04T09:00:00.000Z',
      counsellorId: counsellor.user!.id,
      siteName: 'Site A',
      persons: [{ personId, lastName: 'Martin', firstName: 'Léa', attendance: null }],
      conflicts: [],
      canEdit: true,
      version: 1,
    })
    const audit = await t.db.kysely.selectFrom('audit_event').selectAll().where('entity_id', '=', a.id).execute()
    expect(audit.map((x) => x.action)).toEqual(['create'])
  })

  it('keeps the wall time across the change to summer time', async () => {
    const res = await counsellor.post('/api/agenda/appointments', slot({ date: '2026-04-01', personIds: [] }))
    expect(res.json()).toMatchObject({ start: '10:00', startsAt: '2026-04-01T08:00:00.000Z' })
  })

  it('refuses an overlap of the counsellor, the room or a person with 409, unless told to book anyway', async () => {
    const clash = await counsellor.post(
      '/api/agenda/appointments',
      slot({ start: '10:30', end: '11:00', personIds: [] }),
    )
    expect(clash.statusCode).toBe(409)
    expect(clash.headers['content-type']).toContain('application/problem+json')
    expect(clash.json().detail ?? clash.json().title).toBeTruthy()
    // the same person with another counsellor
    const person = await colleague.post('/api/agenda/appointments', slot({ start: '10:15', end: '10:30' }))
    expect(person.statusCode).toBe(409)
    expect(JSON.stringify(person.json())).toContain('une personne')
    // touching ends do not overlap
    const after = await counsellor.post(
      '/api/agenda/appointments',
      slot({ start: '10:45', end: '11:15', personIds: [] }),
    )
    expect(after.statusCode).toBe(201)
    const forced = await colleague.post(
      '/api/agenda/appointments',
      slot({ start: '10:15', end: '10:30', allowConflicts: true }),
    )
    expect(forced.statusCode).toBe(201)
    expect(forced.json().conflicts).toEqual([expect.objectContaining({ reason: 'person' })])
  })

  it('names the field at fault, in French, and never answers 5xx to bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [slot({ kind: 'party' }), 'kind'],
      [slot({ date: '2026-02-30' }), 'date'],
      [slot({ start: '25:00' }), 'start'],
      [slot({ end: '09:00' }), 'end'],
      [slot({ personIds: [personId, personId] }), 'personIds'],
      [slot({ personIds: [personId, secondId], capacity: 1 }), 'capacity'],
      [slot({ place: 'video' }), 'videoUrl'],
      [slot({ siteId: '00000000-0000-4000-8000-000000000000' }), 'siteId'],
    ]
    for (const [body, field] of cases) {
      const res = await counsellor.post('/api/agenda/appointments', body)
      expect(res.statusCode, field).toBeLessThan(500)
      expect([400, 403], field).toContain(res.statusCode)
      if (res.statusCode === 400)
        expect(
          res.json().fields.map((f: { field: string }) => f.field),
          field,
        ).toContain(field)
    }
  })

  it('books only on the counsellor’s sites and with persons whose file they see', async () => {
    const site = await counsellor.post('/api/agenda/appointments', slot({ siteId: t.fx.sites.b, personIds: [] }))
    expect(site.statusCode).toBe(403)
    const person = await counsellor.post(
      '/api/agenda/appointments',
      slot({ date: '2026-03-05', personIds: [siteBPerson] }),
    )
    expect(person.statusCode).toBe(404)
  })

  it('refuses booking to reception and the director (wrong role)', async () => {
    for (const c of [reception, director])
      expect((await c.post('/api/agenda/appointments', slot())).statusCode).toBe(403)
  })
})

describe('reading', () => {
  it('lists a week for the counsellor, by counsellor, site and room; another site’s appointment by id is 404', async () => {
    const b = await otherSite.post(
      '/api/agenda/appointments',
      slot({ siteId: t.fx.sites.b, personIds: [siteBPerson], date: '2026-03-03' }),
    )
    expect(b.statusCode, b.body).toBe(201)
    const week = (await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-08')).json()
    expect(week.length).toBeGreaterThanOrEqual(3)
    expect(week.every((a: { siteId: string }) => a.siteId === t.fx.sites.a)).toBe(true)
    const mine = (
      await counsellor.get(`/api/agenda/appointments?from=2026-03-02&to=2026-03-08&counsellorId=${colleague.user!.id}`)
    ).json()
    expect(mine.every((a: { counsellorId: string }) => a.counsellorId === colleague.user!.id)).toBe(true)
    expect((await counsellor.get(`/api/agenda/appointments/${b.json().id}`)).statusCode).toBe(404)
    expect((await otherSite.get(`/api/agenda/appointments/${b.json().id}`)).statusCode).toBe(200)
    // the director sees the whole structure
    const all = (await director.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-08')).json()
    expect(all.some((a: { id: string }) => a.id === b.json().id)).toBe(true)
  })

  it('lets reception read the day of their sites only', async () => {
    const today = await counsellor.post(
      '/api/agenda/appointments',
      slot({ date: '2026-03-02', start: '15:00', end: '15:30' }),
    )
    expect(today.statusCode).toBe(201)
    const day = await reception.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02')
    expect(day.statusCode).toBe(200)
    expect(day.json().map((a: { id: string }) => a.id)).toContain(today.json().id)
    expect(day.json()[0].canEdit).toBe(false)
    expect((await reception.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-08')).statusCode).toBe(403)
    const later = (await counsellor.get('/api/agenda/appointments?from=2026-03-04&to=2026-03-04')).json()[0]
    expect((await reception.get(`/api/agenda/appointments/${later.id}`)).statusCode).toBe(404)
  })

  it('refuses a period of more than two months or ending before it starts', async () => {
    expect((await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-06-30')).statusCode).toBe(400)
    expect((await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-01')).statusCode).toBe(400)
  })
})

describe('moving and changing', () => {
  it('moves by drag with the version read; a stale version is 409; a taken slot is 409', async () => {
    const a = (
      await counsellor.post(
        '/api/agenda/appointments',
        slot({ date: '2026-03-06', start: '09:00', end: '09:30', personIds: [secondId] }),
      )
    ).json()
    const moved = await counsellor.post(`/api/agenda/appointments/${a.id}/move`, {
      date: '2026-03-06',
      start: '11:00',
      end: '11:30',
      version: a.version,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ start: '11:00', version: a.version + 1 })
    const stale = await counsellor.post(`/api/agenda/appointments/${a.id}/move`, {
      date: '2026-03-06',
      start: '12:00',
      end: '12:30',
      version: a.version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    const onto = await counsellor.post(`/api/agenda/appointments/${a.id}/move`, {
      date: '2026-03-04',
      start: '10:00',
      end: '10:30',
      version: a.version + 1,
    })
    expect(onto.statusCode).toBe(409)
    expect(onto.json().code).toBe('conflict')
  })

  it('two concurrent edits of one version: one wins, the other gets 409', async () => {
    const a = (
      await counsellor.post(
        '/api/agenda/appointments',
        slot({ date: '2026-03-09', start: '09:00', end: '09:30', personIds: [] }),
      )
    ).json()
    const [x, y] = await Promise.all([
      counsellor.post(`/api/agenda/appointments/${a.id}/move`, {
        date: '2026-03-09',
        start: '13:00',
        end: '13:30',
        version: 1,
      }),
      colleague.post(`/api/agenda/appointments/${a.id}/move`, {
        date: '2026-03-09',
        start: '14:00',
        end: '14:30',
        version: 1,
      }),
    ])
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409])
  })

  it('two concurrent bookings of the same counsellor’s slot: one is booked, the other refused', async () => {
    const body = slot({ date: '2026-03-10', start: '16:00', end: '16:30', personIds: [] })
    const [x, y] = await Promise.all([
      counsellor.post('/api/agenda/appointments', body),
      counsellor.post('/api/agenda/appointments', { ...body, start: '16:15', end: '16:45' }),
    ])
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409])
  })

  it('cancels; the appointment stays in the list asked with the cancelled ones', async () => {
    const a = (await counsellor.post('/api/agenda/appointments', slot({ date: '2026-03-11', personIds: [] }))).json()
    const res = await counsellor.post(`/api/agenda/appointments/${a.id}/cancel`, { version: a.version })
    expect(res.json().cancelled).toBe(true)
    const list = (await counsellor.get('/api/agenda/appointments?from=2026-03-11&to=2026-03-11')).json()
    expect(list.map((x: { id: string }) => x.id)).not.toContain(a.id)
    const all = (
      await counsellor.get('/api/agenda/appointments?from=2026-03-11&to=2026-03-11&includeCancelled=true')
    ).json()
    expect(all.map((x: { id: string }) => x.id)).toContain(a.id)
  })

  it('creates a permanence from a weekly rule', async () => {
    const res = await counsellor.post('/api/agenda/series', {
      siteId: t.fx.sites.a,
      start: '09:00',
      end: '12:00',
      firstDay: '2026-03-16',
      lastDay: '2026-04-30',
      days: ['TU'],
      capacity: 4,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().occurrences).toBe(7)
    expect(res.json().rule).toContain('FREQ=WEEKLY')
    const april = (await counsellor.get('/api/agenda/appointments?from=2026-04-01&to=2026-04-30')).json()
    const tuesdays = april.filter((a: { kind: string }) => a.kind === 'permanence')
    expect(tuesdays.map((a: { date: string; start: string }) => `${a.date} ${a.start}`)).toEqual([
      '2026-04-07 09:00',
      '2026-04-14 09:00',
      '2026-04-21 09:00',
      '2026-04-28 09:00',
    ])
  })
})
