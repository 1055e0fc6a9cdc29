import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { signInSheetDocument } from './sign-in-sheet.ts'

// Collective sessions over the agenda: registration within the capacity, the policy, attendance of a workshop of
// 8 into 8 files, the sign-in sheet. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let admin: TestClient
let persons: { id: string }[]

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  admin = await t.as('admin')
  persons = []
  for (let i = 0; i < 9; i++)
    persons.push(await buildPerson(t.db, t.fx, { lastName: `Atelier${i}`, firstName: `Prénom${i}` }))
})
afterAll(() => t.close())

const workshop = async (capacity: number, date = '2026-03-02', start = '14:00', end = '16:00') => {
  const res = await counsellor.post('/api/agenda/appointments', {
    kind: 'workshop',
    title: 'Atelier CV',
    siteId: t.fx.sites.a,
    date,
    start,
    end,
    capacity,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number }
}
const register = (id: string, personId: string, version: number, as = counsellor) =>
  as.post(`/api/sessions/${id}/persons`, { personId, version })

describe('registration', () => {
  it('registers within the capacity; beyond it, 409 naming the field; a stale version 409', async () => {
    const s = await workshop(2)
    let r = await register(s.id, persons[0]!.id, s.version)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ registered: 1, placesLeft: 1, capacity: 2 })
    // the same version again: someone registered meanwhile
    expect((await register(s.id, persons[1]!.id, s.version)).statusCode).toBe(409)
    r = await register(s.id, persons[1]!.id, r.json().version)
    expect(r.statusCode).toBe(200)
    const full = await register(s.id, persons[2]!.id, r.json().version)
    expect(full.statusCode).toBe(409)
    expect(full.headers['content-type']).toContain('application/problem+json')
    expect(full.json().fields[0].field).toBe('personId')
    expect((await register(s.id, persons[0]!.id, r.json().version)).statusCode).toBe(409)
    // unregistering frees the place
    const off = await counsellor.post(`/api/sessions/${s.id}/persons/${persons[1]!.id}/unregister`, {
      version: r.json().version,
    })
    expect(off.statusCode, off.body).toBe(200)
    expect(off.json()).toMatchObject({ registered: 1, placesLeft: 1 })
  })

  it('refuses the wrong role (403), another site’s session (404), an appointment that is no session (404)', async () => {
    const s = await workshop(3, '2026-03-10')
    expect((await register(s.id, persons[0]!.id, s.version, director)).statusCode).toBe(403)
    expect((await admin.get(`/api/sessions/${s.id}`)).statusCode).toBe(403)
    expect((await admin.get('/api/sessions')).statusCode).toBe(403)
    expect((await otherSite.get(`/api/sessions/${s.id}`)).statusCode).toBe(404)
    expect((await register(s.id, persons[0]!.id, s.version, otherSite)).statusCode).toBe(404)
    expect((await otherSite.get(`/api/sessions/${s.id}/sign-in-sheet.pdf`)).statusCode).toBe(404)
    expect((await director.get(`/api/sessions/${s.id}`)).statusCode).toBe(200)
    const interview = await counsellor.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.a,
      date: '2026-03-11',
      start: '09:00',
      end: '09:30',
    })
    expect((await counsellor.get(`/api/sessions/${interview.json().id}`)).statusCode).toBe(404)
    const bad = await counsellor.post(`/api/sessions/${s.id}/persons`, { personId: 'x', version: 1 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('personId')
  })

  it('lists upcoming sessions with their counts, and past ones', async () => {
    const s = await workshop(5, '2026-03-12')
    const list = await counsellor.get('/api/sessions')
    expect(list.statusCode).toBe(200)
    const found = list.json().items.find((i: { id: string }) => i.id === s.id)
    expect(found).toMatchObject({ kind: 'workshop', registered: 0, placesLeft: 5 })
    const past = await counsellor.get('/api/sessions?period=past')
    expect(past.json().items.some((i: { id: string }) => i.id === s.id)).toBe(false)
    expect((await counsellor.get('/api/sessions?period=later')).statusCode).toBe(400)
    // reception: the day's sessions only
    const reception = await t.as('reception')
    const seen = (await reception.get('/api/sessions')).json().items
    expect(seen.every((i: { date: string }) => i.date === '2026-03-02')).toBe(true)
    expect((await reception.get(`/api/sessions/${s.id}`)).statusCode).toBe(404)
    expect((await register(s.id, persons[0]!.id, s.version, reception)).statusCode).toBe(403)
  })
})

describe('the last place', () => {
  it('two counsellors registering at once: one 200, one 409; the open list then leaves the session out', async () => {
    const s = await workshop(1, '2026-03-13')
    const colleague = await t.as('counsellor')
    const [a, b] = await Promise.all([
      register(s.id, persons[0]!.id, s.version),
      register(s.id, persons[1]!.id, s.version, colleague),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const read = (await counsellor.get(`/api/sessions/${s.id}`)).json()
    expect(read).toMatchObject({ registered: 1, placesLeft: 0 })
    const open = (await counsellor.get('/api/sessions?open=true')).json().items
    expect(open.some((i: { id: string }) => i.id === s.id)).toBe(false)
  })

  it('keeps a person whose attendance is noted (409 on unregister)', async () => {
    const s = await workshop(2, '2026-03-02', '18:00', '19:00')
    const r = await register(s.id, persons[8]!.id, s.version)
    const p = r.json().persons[0]
    await counsellor.post(`/api/agenda/appointments/${s.id}/persons/${p.personId}/attendance`, {
      attendance: 'present',
      version: p.version,
    })
    const off = await counsellor.post(`/api/sessions/${s.id}/persons/${p.personId}/unregister`, {
      version: r.json().version,
    })
    expect(off.statusCode).toBe(409)
  })
})

describe('a workshop of 8', () => {
  it('takes attendance: 8 events, each file lists it; the sign-in sheet names them', async () => {
    let s = await workshop(8, '2026-03-02', '16:00', '17:30')
    let version = s.version
    for (const p of persons.slice(0, 8)) {
      const r = await register(s.id, p.id, version)
      expect(r.statusCode, r.body).toBe(200)
      version = r.json().version
    }
    const session = (await counsellor.get(`/api/sessions/${s.id}`)).json()
    expect(session).toMatchObject({ registered: 8, placesLeft: 0 })
    for (const p of session.persons) {
      const r = await counsellor.post(`/api/agenda/appointments/${s.id}/persons/${p.personId}/attendance`, {
        attendance: p.lastName === 'Atelier7' ? 'absent' : 'present',
        version: p.version,
      })
      expect(r.statusCode, r.body).toBe(200)
    }
    s = (await counsellor.get(`/api/sessions/${s.id}`)).json()
    const events = await t.db.kysely
      .selectFrom('event')
      .select(['person_id', 'kind', 'attendance', 'date'])
      .where(
        'person_id',
        'in',
        persons.slice(0, 8).map((p) => p.id),
      )
      .where('kind', '=', 'workshop')
      .execute()
    expect(events).toHaveLength(8)
    expect(events.filter((e) => e.attendance === 'present')).toHaveLength(7)
    expect(events.every((e) => e.date === '2026-03-02')).toBe(true)
    for (const p of persons.slice(0, 8)) {
      const file = await counsellor.get(`/api/persons/${p.id}/events`)
      expect(file.statusCode, file.body).toBe(200)
      expect(JSON.stringify(file.json())).toContain('workshop')
    }

    const pdf = await counsellor.get(`/api/sessions/${s.id}/sign-in-sheet.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.rawPayload.length).toBeGreaterThan(5000)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', s.id as string)
      .where('action', '=', 'sign-in-sheet')
      .execute()
    expect(audit).toHaveLength(1)
    const doc = JSON.stringify(signInSheetDocument((await counsellor.get(`/api/sessions/${s.id}`)).json(), 'X'))
    for (let i = 0; i < 8; i++) expect(doc).toContain(`ATELIER${i} Prénom${i}`)
  })
})

describe('co-leaders', () => {
  it('a co-leader of another site sees the session and takes attendance as its leader; the sheet lists them', async () => {
    const res = await counsellor.post('/api/agenda/appointments', {
      kind: 'info_session',
      title: 'Réunion garantie jeunes',
      siteId: t.fx.sites.a,
      date: '2026-03-02',
      start: '19:00',
      end: '20:00',
      capacity: 4,
      personIds: [persons[8]!.id],
      coLeaderIds: [otherSite.user!.id],
    })
    expect(res.statusCode, res.body).toBe(201)
    const s = res.json()
    expect(s.coLeaders).toEqual([{ id: otherSite.user!.id, name: expect.any(String) }])
    // the co-leader reads it (another site's session otherwise: 404) and notes the presence
    const read = await otherSite.get(`/api/sessions/${s.id}`)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json().canEdit).toBe(true)
    // in their own agenda (the agenda's view by counsellor, their home's today)
    const own = await otherSite.get(
      `/api/agenda/appointments?from=2026-03-02&to=2026-03-02&counsellorId=${otherSite.user!.id}`,
    )
    expect(own.json().map((a: { id: string }) => a.id)).toEqual([s.id])
    const p = read.json().persons[0]
    const mark = await otherSite.post(`/api/agenda/appointments/${s.id}/persons/${p.personId}/attendance`, {
      attendance: 'present',
      version: p.version,
    })
    expect(mark.statusCode, mark.body).toBe(200)
    const doc = JSON.stringify(signInSheetDocument(read.json(), 'X'))
    expect(doc).toContain(`Animation : ${s.counsellorName}, ${s.coLeaders[0].name}`)

    // taken off, they no longer see it; the leader names them again, with the version read
    const cleared = await counsellor.put(`/api/sessions/${s.id}/co-leaders`, { coLeaderIds: [], version: s.version })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect(cleared.json().coLeaders).toEqual([])
    expect((await otherSite.get(`/api/sessions/${s.id}`)).statusCode).toBe(404)
    const stale = await counsellor.put(`/api/sessions/${s.id}/co-leaders`, {
      coLeaderIds: [otherSite.user!.id],
      version: s.version,
    })
    expect(stale.statusCode).toBe(409)
  })

  it('refuses the leader as co-leader, a user who leads nothing, the wrong role (403), another site (404)', async () => {
    const s = await workshop(3, '2026-03-11')
    const put = (body: unknown, as = counsellor) => as.put(`/api/sessions/${s.id}/co-leaders`, body)
    const self = await put({ coLeaderIds: [counsellor.user!.id], version: s.version })
    expect(self.statusCode).toBe(400)
    expect(self.json().fields[0].field).toBe('coLeaderIds')
    const notCounsellor = await put({ coLeaderIds: [director.user!.id], version: s.version })
    expect(notCounsellor.statusCode).toBe(400)
    expect(notCounsellor.json().fields[0].field).toBe('coLeaderIds')
    expect((await put({ coLeaderIds: [], version: s.version }, director)).statusCode).toBe(403)
    expect((await put({ coLeaderIds: [], version: s.version }, otherSite)).statusCode).toBe(404)
    const twice = await put({ coLeaderIds: [otherSite.user!.id, otherSite.user!.id], version: s.version })
    expect(twice.statusCode).toBe(400)
  })

  it('a co-leader is busy like the leader: their own appointment clashes, both ways, and the calendar shows it', async () => {
    // the co-leader's own interview, 10:00–11:00 on 16/03
    const own = await otherSite.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.b,
      date: '2026-03-16',
      start: '10:00',
      end: '11:00',
    })
    expect(own.statusCode, own.body).toBe(201)
    const s = await workshop(3, '2026-03-16', '10:30', '12:00')
    // naming them co-leader of a session at that time: 409 on the field
    const named = await counsellor.put(`/api/sessions/${s.id}/co-leaders`, {
      coLeaderIds: [otherSite.user!.id],
      version: s.version,
    })
    expect(named.statusCode, named.body).toBe(409)
    expect(named.json().fields.map((f: { field: string }) => f.field)).toEqual(['coLeaderIds'])
    expect((await counsellor.get(`/api/sessions/${s.id}`)).json().coLeaders).toEqual([])
    // booked with them at once: 409 on the time, unless booked anyway, then the calendar shows the clash
    const session = {
      kind: 'workshop',
      title: 'Atelier entretien',
      siteId: t.fx.sites.a,
      date: '2026-03-16',
      start: '13:30',
      end: '15:00',
      capacity: 3,
      coLeaderIds: [otherSite.user!.id],
    }
    const later = await otherSite.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.b,
      date: '2026-03-16',
      start: '14:00',
      end: '14:30',
    })
    expect(later.statusCode, later.body).toBe(201)
    const refused = await counsellor.post('/api/agenda/appointments', session)
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().fields.map((f: { field: string }) => f.field)).toEqual(['start'])
    const anyway = await counsellor.post('/api/agenda/appointments', { ...session, allowConflicts: true })
    expect(anyway.statusCode, anyway.body).toBe(201)
    expect(anyway.json().conflicts).toEqual([{ id: later.json().id, reason: 'counsellor' }])
    // and the co-leader's own booking over the session they co-lead is refused too
    const over = await otherSite.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      siteId: t.fx.sites.b,
      date: '2026-03-16',
      start: '14:30',
      end: '15:00',
    })
    expect(over.statusCode, over.body).toBe(409)
  })
})
