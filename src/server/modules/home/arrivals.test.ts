import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/auth/roles.ts'
import { buildStructure, buildUser, type Fixture } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'

// Reception's one click "arrivé(e)" and the counsellor's notification. The test clock says Monday 2026-03-02, 10:00
// in Paris.
let t: TestContext
let counsellor: TestClient
let colleague: TestClient
let reception: TestClient
let receptionB: TestClient
let other: Fixture
let foreign: TestClient
let personId: string
let todayId: string
let tomorrowId: string
let siteBId: string

const book = async (over: Record<string, unknown>) => {
  const res = await counsellor.post('/api/agenda/appointments', {
    kind: 'individual_interview',
    date: '2026-03-02',
    start: '10:30',
    end: '11:00',
    siteId: t.fx.sites.a,
    personIds: [personId],
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

/** A user of another structure, signed in. */
async function outsider(fx: Fixture, role: Role) {
  const user = await buildUser(t.db, fx, { role })
  const client = await TestClient.create(t.app)
  expect((await client.post('/api/auth/sign-in', { email: user.email, password: user.password })).statusCode).toBe(200)
  return client
}

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor', { siteIds: [t.fx.sites.a, t.fx.sites.b] })
  colleague = await t.as('counsellor')
  reception = await t.as('reception')
  receptionB = await t.as('reception', { siteIds: [t.fx.sites.b] })
  other = await buildStructure(t.db)
  foreign = await outsider(other, 'counsellor')
  personId = (await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa', referentId: counsellor.user!.id }))
    .id
  todayId = await book({})
  tomorrowId = await book({ date: '2026-03-03' })
  siteBId = await book({ siteId: t.fx.sites.b, start: '11:30', end: '12:00' })
})
afterAll(() => t.close())

const arrive = (client: TestClient, appointmentId: string, who = personId) =>
  client.post('/api/home/arrivals', { appointmentId, personId: who })

describe('reception marks an arrival', () => {
  it('records the time on the appointment and tells its counsellor, nobody else', async () => {
    t.clock.advance(12 * 60_000) // 10:12
    const res = await arrive(reception, todayId)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().persons[0]).toMatchObject({ personId, arrivedTime: '10:12', attendance: null })
    // the agenda shows it too
    const list = await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02')
    expect(list.json().find((a: { id: string }) => a.id === todayId).persons[0].arrivedTime).toBe('10:12')

    const bell = (await counsellor.get('/api/notifications')).json()
    expect(bell.unread).toBe(1)
    expect(bell.items[0]).toMatchObject({
      text: 'Léa MARTIN est arrivé(e) pour son rendez-vous de 10h30 (Site A).',
      link: `/personnes/${personId}`,
      readAt: null,
    })
    expect((await colleague.get('/api/notifications')).json()).toEqual({ unread: 0, items: [] })
    expect((await foreign.get('/api/notifications')).json()).toEqual({ unread: 0, items: [] })
    const audit = await t.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', 'arrival').execute()
    expect(audit).toHaveLength(1)
  })

  it('records it once: a second click is a 409 that says when', async () => {
    const again = await arrive(reception, todayId)
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toContain('10h12')
    expect((await counsellor.get('/api/notifications')).json().unread).toBe(1)
  })

  it('leaves the counsellor’s attendance click free of conflicts (the version is the one read before)', async () => {
    const before = (await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02')).json()
    const version = before.find((a: { id: string }) => a.id === todayId).persons[0].version
    const res = await counsellor.post(`/api/agenda/appointments/${todayId}/persons/${personId}/attendance`, {
      attendance: 'present',
      version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().persons[0]).toMatchObject({ attendance: 'present', arrivedTime: '10:12' })
  })

  it('refuses another day, another site, another structure, a person not in the appointment', async () => {
    expect((await arrive(reception, tomorrowId)).statusCode).toBe(404)
    expect((await arrive(reception, siteBId)).statusCode).toBe(404)
    expect((await arrive(foreign, todayId)).statusCode).toBe(403)
    const foreignReception = await outsider(other, 'reception')
    expect((await arrive(foreignReception, todayId)).statusCode).toBe(404)
    const stranger = (await buildPerson(t.db, t.fx, {})).id
    expect((await arrive(reception, todayId, stranger)).statusCode).toBe(404)
    // the desk of site B marks its own
    expect((await arrive(receptionB, siteBId)).statusCode).toBe(200)
  })

  it('is reception’s: a counsellor or a director is refused', async () => {
    expect((await arrive(counsellor, todayId)).statusCode).toBe(403)
    expect((await arrive(await t.as('director'), todayId)).statusCode).toBe(403)
  })

  it('names the field of a bad input', async () => {
    const res = await reception.post('/api/home/arrivals', { appointmentId: 'x', personId })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['appointmentId'])
  })

  it('refuses a cancelled appointment (409)', async () => {
    const id = await book({ start: '16:00', end: '16:30' })
    const version = (await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02'))
      .json()
      .find((a: { id: string }) => a.id === id).version
    expect((await counsellor.post(`/api/agenda/appointments/${id}/cancel`, { version })).statusCode).toBe(200)
    expect((await arrive(reception, id)).statusCode).toBe(409)
  })
})

describe('notifications', () => {
  it('are marked read one by one or all at once, only by their recipient', async () => {
    // Léa at site A, then at site B
    const { items, unread } = (await counsellor.get('/api/notifications')).json()
    expect(unread).toBe(2)
    const id = items[1].id
    expect((await colleague.post(`/api/notifications/${id}/read`)).statusCode).toBe(404)
    expect((await foreign.post(`/api/notifications/${id}/read`)).statusCode).toBe(404)
    const read = await counsellor.post(`/api/notifications/${id}/read`)
    expect(read.statusCode).toBe(200)
    expect(read.json().readAt).toBe(t.clock.now().toISOString())
    expect((await counsellor.get('/api/notifications')).json().unread).toBe(1)
    // twice is no change
    expect((await counsellor.post(`/api/notifications/${id}/read`)).json().readAt).toBe(read.json().readAt)
    expect((await counsellor.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404)
    expect((await counsellor.post('/api/notifications/nope/read')).statusCode).toBe(400)
  })

  it('read-all empties the count', async () => {
    const receptionB2 = await t.as('reception', { siteIds: [t.fx.sites.b] })
    const id = await book({ siteId: t.fx.sites.b, start: '14:00', end: '14:30' })
    expect((await arrive(receptionB2, id)).statusCode).toBe(200)
    expect((await counsellor.get('/api/notifications')).json().unread).toBe(2)
    const res = await counsellor.post('/api/notifications/read-all')
    expect(res.statusCode).toBe(200)
    expect(res.json().unread).toBe(0)
  })
})

describe('reception undoes an arrival marked on the wrong line', () => {
  const undo = (client: TestClient, appointmentId: string, who: string) =>
    client.post('/api/home/arrivals/undo', { appointmentId, personId: who })
  let lou: string
  let appointmentId: string

  beforeAll(async () => {
    lou = (await buildPerson(t.db, t.fx, { lastName: 'Petit', firstName: 'Lou', referentId: counsellor.user!.id })).id
    appointmentId = await book({ personIds: [lou], start: '15:00', end: '15:30' })
    await counsellor.post('/api/notifications/read-all')
  })

  it('clears the arrival and withdraws the counsellor’s notification she has not read', async () => {
    expect((await arrive(reception, appointmentId, lou)).statusCode).toBe(200)
    expect((await counsellor.get('/api/notifications')).json().unread).toBe(1)
    t.clock.advance(60_000)
    const res = await undo(reception, appointmentId, lou)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().persons[0]).toMatchObject({ personId: lou, arrivedTime: null })
    const bell = (await counsellor.get('/api/notifications')).json()
    expect(bell.unread).toBe(0)
    expect(bell.items.some((n: { text: string }) => n.text.startsWith('Lou PETIT'))).toBe(false)
    const audit = await t.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', 'arrival.undo').execute()
    expect(audit).toHaveLength(1)
    // nothing left to undo: 409; the right click can then be made
    expect((await undo(reception, appointmentId, lou)).statusCode).toBe(409)
  })

  it('tells her it was a mistake when she had read it', async () => {
    expect((await arrive(reception, appointmentId, lou)).statusCode).toBe(200)
    await counsellor.post('/api/notifications/read-all')
    t.clock.advance(60_000)
    expect((await undo(reception, appointmentId, lou)).statusCode).toBe(200)
    const bell = (await counsellor.get('/api/notifications')).json()
    expect(bell.unread).toBe(1)
    expect(bell.items[0]).toMatchObject({
      text: 'Correction : Lou PETIT n’est pas arrivé(e) pour son rendez-vous de 15h00 (Site A) ; l’accueil avait signalé son arrivée par erreur.',
      link: `/personnes/${lou}`,
      readAt: null,
    })
    // the arrival read in the file's agenda is gone
    const list = (await counsellor.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02')).json()
    expect(list.find((a: { id: string }) => a.id === appointmentId).persons[0].arrivedTime).toBeNull()
  })

  it('is reception’s, of the appointment’s site, the same day; names the field of a bad input', async () => {
    expect((await arrive(reception, appointmentId, lou)).statusCode).toBe(200)
    expect((await undo(counsellor, appointmentId, lou)).statusCode).toBe(403)
    expect((await undo(receptionB, appointmentId, lou)).statusCode).toBe(404)
    expect((await undo(await outsider(other, 'reception'), appointmentId, lou)).statusCode).toBe(404)
    expect((await undo(reception, appointmentId, personId)).statusCode).toBe(404)
    const bad = await reception.post('/api/home/arrivals/undo', { appointmentId, personId: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['personId'])
    // the next day, yesterday's arrival stays (reception sees today's appointments only)
    t.clock.advance(24 * 3_600_000)
    expect((await undo(await t.as('reception'), appointmentId, lou)).statusCode).toBe(404)
  })
})
