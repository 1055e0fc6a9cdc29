import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../demo/demo.ts'
import type { Actor } from '../../deps.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { appointmentOfInterview, nextAppointmentOf, todayBySite } from './index.ts'

// Attendance into the person's follow-up, the person file's tab, rooms, the private feed, the demo.
// The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let admin: TestClient
let personId: string

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  admin = await t.as('admin')
  personId = (await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa' })).id
})
afterAll(() => t.close())

const book = async (date: string, start: string, end: string, personIds = [personId]) => {
  const res = await counsellor.post('/api/agenda/appointments', {
    kind: 'individual_interview',
    siteId: t.fx.sites.a,
    date,
    start,
    end,
    personIds,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const eventsOf = () =>
  t.db.kysely.selectFrom('event').selectAll().where('person_id', '=', personId).orderBy('date').execute()

describe('attendance', () => {
  it('present in one click writes one event of the follow-up, corrected in place', async () => {
    const a = await book('2026-03-02', '08:00', '08:45')
    const url = `/api/agenda/appointments/${a.id}/persons/${personId}/attendance`
    const present = await counsellor.post(url, { attendance: 'present', version: 1 })
    expect(present.statusCode, present.body).toBe(200)
    const p = present.json().persons[0]
    expect(p).toMatchObject({ attendance: 'present', version: 2 })
    let events = await eventsOf()
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      id: p.eventId,
      kind: 'individual_interview',
      date: '2026-03-02',
      attendance: 'present',
      duration_minutes: 45,
      counsellor_id: counsellor.user!.id,
    })
    // a second click with the same version is a concurrent edit
    expect((await counsellor.post(url, { attendance: 'absent', version: 1 })).statusCode).toBe(409)
    const corrected = await counsellor.post(url, { attendance: 'absent', version: 2 })
    expect(corrected.statusCode).toBe(200)
    events = await eventsOf()
    expect(events).toHaveLength(1)
    expect(events[0]!.attendance).toBe('absent')
  })

  it('an absence is a missed contact: the caseload’s last contact skips it', async () => {
    const referent = await t.as('counsellor')
    const mine = await buildPerson(t.db, t.fx, { referentId: referent.user!.id, firstReceptionDate: '2025-09-01' })
    const a = (
      await referent.post('/api/agenda/appointments', {
        kind: 'individual_interview',
        siteId: t.fx.sites.a,
        date: '2026-03-02',
        start: '08:00',
        end: '08:30',
        personIds: [mine.id],
      })
    ).json()
    await referent.post(`/api/agenda/appointments/${a.id}/persons/${mine.id}/attendance`, {
      attendance: 'absent',
      version: 1,
    })
    const caseload = (await referent.get('/api/caseload')).json()
    const row = caseload.items.find((r: { personId: string }) => r.personId === mine.id)
    expect(row.lastContactDate).toBeNull()
    expect(row.alert).toBe(true)
  })

  it('refuses attendance on a future appointment, and to another site’s counsellor (404)', async () => {
    const a = await book('2026-03-20', '09:00', '09:30')
    const url = `/api/agenda/appointments/${a.id}/persons/${personId}/attendance`
    const future = await counsellor.post(url, { attendance: 'present', version: 1 })
    expect(future.statusCode).toBe(400)
    expect(future.json().fields[0].field).toBe('attendance')
    expect((await otherSite.post(url, { attendance: 'present', version: 1 })).statusCode).toBe(404)
  })
})

describe('the person file’s tab', () => {
  it('lists the person’s appointments, past and future, for the file’s readers only', async () => {
    const res = await counsellor.get(`/api/persons/${personId}/agenda`)
    expect(res.statusCode).toBe(200)
    expect(res.json().appointments.length).toBeGreaterThanOrEqual(2)
    expect(res.json().contact).toMatchObject({ consent: null, version: 0 })
    expect((await otherSite.get(`/api/persons/${personId}/agenda`)).statusCode).toBe(404)
    expect((await admin.get(`/api/persons/${personId}/agenda`)).statusCode).toBe(403)
  })
})

describe('rooms', () => {
  it('the admin adds rooms per site; a same name on the site is 409; a counsellor books one', async () => {
    const room = await admin.post('/api/agenda/rooms', { siteId: t.fx.sites.a, name: 'Bureau 1', capacity: 2 })
    expect(room.statusCode, room.body).toBe(201)
    expect((await admin.post('/api/agenda/rooms', { siteId: t.fx.sites.a, name: 'Bureau 1' })).statusCode).toBe(409)
    expect((await counsellor.post('/api/agenda/rooms', { siteId: t.fx.sites.a, name: 'X' })).statusCode).toBe(403)
    const a = await counsellor.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.a,
      roomId: room.json().id,
      date: '2026-03-25',
      start: '09:00',
      end: '10:00',
    })
    expect(a.json()).toMatchObject({ roomName: 'Bureau 1' })
    // a colleague in the same room at the same time: the room conflicts
    const colleague = await t.as('counsellor')
    const clash = await colleague.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.a,
      roomId: room.json().id,
      date: '2026-03-25',
      start: '09:30',
      end: '10:30',
    })
    expect(clash.statusCode).toBe(409)
    expect(JSON.stringify(clash.json())).toContain('la salle')
    const renamed = await admin.put(`/api/agenda/rooms/${room.json().id}`, {
      siteId: t.fx.sites.a,
      name: 'Bureau 2',
      version: 1,
    })
    expect(renamed.json()).toMatchObject({ name: 'Bureau 2', version: 2 })
    expect(
      (await admin.put(`/api/agenda/rooms/${room.json().id}`, { siteId: t.fx.sites.a, name: 'B', version: 1 }))
        .statusCode,
    ).toBe(409)
  })
})

describe('the private iCal feed', () => {
  it('is made, read with the token only, carries first names only, and stops when revoked or regenerated', async () => {
    const made = await counsellor.post('/api/agenda/feed')
    expect(made.statusCode).toBe(201)
    const path = new URL(made.json().url).pathname
    const anonymous = await t.anonymous()
    const ics = await anonymous.get(path)
    expect(ics.statusCode).toBe(200)
    expect(ics.headers['content-type']).toContain('text/calendar')
    expect(ics.body).toContain('BEGIN:VCALENDAR')
    expect(ics.body).toContain('Léa')
    expect(ics.body).not.toContain('Martin')
    expect((await counsellor.get('/api/agenda/feed')).json().active).toBe(true)
    const again = await counsellor.post('/api/agenda/feed')
    expect((await anonymous.get(path)).statusCode).toBe(404)
    const newPath = new URL(again.json().url).pathname
    expect((await anonymous.get(newPath)).statusCode).toBe(200)
    expect((await counsellor.delete('/api/agenda/feed')).statusCode).toBe(204)
    expect((await anonymous.get(newPath)).statusCode).toBe(404)
    expect((await anonymous.get('/api/agenda/feed/not-a-token')).statusCode).toBe(400)
  })
})

describe('the public entry (index.ts) other modules read', () => {
  it('gives a person’s next appointment, a site’s day, and the event an interview completes', async () => {
    const actor: Actor = {
      userId: counsellor.user!.id,
      structureId: t.fx.structureId,
      timeZone: 'Europe/Paris',
      role: 'counsellor',
      displayName: 'x',
      email: counsellor.user!.email,
      siteIds: [t.fx.sites.a],
      programmeIds: [],
      sessionId: 's',
      ip: null,
    }
    const now = t.clock.now()
    const next = await nextAppointmentOf(t.db.kysely as never, actor, personId, now)
    expect(next).toMatchObject({ date: '2026-03-20', start: '09:00' })
    const day = await todayBySite(t.db.kysely as never, actor, t.fx.sites.a, '2026-03-02')
    const first = day.find((a) => a.persons.some((p) => p.personId === personId))!
    expect(first.persons[0]!.attendance).toBe('absent')
    const linked = await appointmentOfInterview(t.db.kysely as never, t.fx.structureId, first.id, personId)
    expect(linked).toMatchObject({ attendance: 'absent', event_id: first.persons[0]!.eventId })
  })
})

describe('demo', () => {
  it('gives the demo counsellor appointments this week and next, quickly', async () => {
    const d = await createTestContext()
    try {
      await loadDemo(d.db, d.clock.now(), { modules: ['persons', 'accompaniment', 'agenda'], facts: false })
      const rows = await d.db.kysely
        .selectFrom('appointment')
        .innerJoin('app_user as u', 'u.id', 'appointment.counsellor_id')
        .where('u.email', '=', 'conseiller@demo.jalon.fr')
        .select(['appointment.day'])
        .execute()
      const days = rows.map((r) => r.day)
      expect(days.some((day) => day >= '2026-03-02' && day <= '2026-03-08')).toBe(true)
      expect(days.some((day) => day >= '2026-03-09' && day <= '2026-03-15')).toBe(true)
    } finally {
      await d.close()
    }
  })
})
