import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Changes, PersonSummary, TeamAlerts } from '../../../shared/home/home.schema.ts'
import {
  buildEnrolmentRow,
  buildEventRow,
  buildSchemeProgramme,
  buildSituationRow,
} from '../../test/accompaniment.builders.ts'
import { buildStructure, buildUser, type Fixture } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'

// The counsellor's recent changes, the director's alerts by team, the person file's summary. The test clock says
// Monday 2026-03-02, 10:00 in Paris; the default contact rule is 90 days.
let t: TestContext
let claire: TestClient
let paul: TestClient
let director: TestClient
let other: Fixture
let foreignDirector: TestClient
let lea: string // Claire's, contact in October: in alert
let hugo: string // Claire's, seen in February
let zoe: string // Paul's on site B, never seen since her first reception in September: in alert
let noah: string // Paul's referent, Claire the referent of his open ML enrolment; site A; in alert

beforeAll(async () => {
  t = await createTestContext()
  claire = await t.as('counsellor', { siteIds: [t.fx.sites.a] })
  paul = await t.as('counsellor', { siteIds: [t.fx.sites.a, t.fx.sites.b] })
  director = await t.as('director')
  other = await buildStructure(t.db)
  const user = await buildUser(t.db, other, { role: 'director' })
  foreignDirector = await TestClient.create(t.app)
  await foreignDirector.post('/api/auth/sign-in', { email: user.email, password: user.password })
  const c = claire.user!.id
  const p = paul.user!.id
  lea = (await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa', referentId: c })).id
  await buildEventRow(t.db, t.fx, lea, { date: '2025-10-01' })
  hugo = (await buildPerson(t.db, t.fx, { lastName: 'Bernard', firstName: 'Hugo', referentId: c })).id
  await buildEventRow(t.db, t.fx, hugo, { date: '2026-02-20' })
  zoe = (await buildPerson(t.db, t.fx, { lastName: 'Petit', firstName: 'Zoé', referentId: p, siteId: t.fx.sites.b })).id
  noah = (await buildPerson(t.db, t.fx, { lastName: 'Roux', firstName: 'Noah', referentId: p })).id
  await buildEnrolmentRow(t.db, t.fx, noah, {
    programme_id: t.fx.programmes.ml,
    entry_date: '2025-09-01',
    referent_id: c,
  })
  // another structure's person in alert
  await buildPerson(t.db, other, { referentId: user.id })
})
afterAll(() => t.close())

describe('recent changes on the files a counsellor follows', () => {
  const changes = async (client: TestClient) => {
    const res = await client.get('/api/home/changes')
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as Changes
  }

  it('lists what others changed, a line per person, never her own changes nor other files', async () => {
    expect((await changes(claire)).items).toEqual([])
    t.clock.advance(60_000)
    expect((await paul.post(`/api/persons/${lea}/notes`, { text: 'Appel de sa mère.' })).statusCode).toBe(201)
    t.clock.advance(60_000)
    const ev = await paul.post(`/api/persons/${lea}/events`, { kind: 'phone', date: '2026-03-02' })
    expect(ev.statusCode, ev.body).toBe(201)
    expect((await claire.post(`/api/persons/${hugo}/notes`, { text: 'Vu ce matin.' })).statusCode).toBe(201)
    expect((await paul.post(`/api/persons/${zoe}/notes`, { text: 'Relancée.' })).statusCode).toBe(201)
    const mine = await changes(claire)
    expect(mine.seenAt).toBeNull()
    expect(mine.items).toEqual([
      {
        personId: lea,
        lastName: 'Martin',
        firstName: 'Léa',
        count: 2,
        what: ['un événement', 'une note'],
        lastAt: t.clock.now().toISOString(),
        lastBy: 'Utilisateur counsellor',
      },
    ])
    // Noah is Claire's through his enrolment
    expect((await paul.post(`/api/persons/${noah}/notes`, { text: 'RDV pris.' })).statusCode).toBe(201)
    expect((await changes(claire)).items.map((i) => i.personId)).toEqual([noah, lea])
  })

  it('starts again from the moment she marks them seen', async () => {
    const seen = await claire.post('/api/home/changes/seen')
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toMatchObject({ seenAt: t.clock.now().toISOString(), items: [] })
    t.clock.advance(60_000)
    expect((await paul.post(`/api/persons/${hugo}/notes`, { text: 'Message laissé.' })).statusCode).toBe(201)
    expect((await changes(claire)).items.map((i) => [i.personId, i.what])).toEqual([[hugo, ['une note']]])
  })

  it('is the counsellor’s: reception and the director are refused', async () => {
    for (const role of ['reception', 'director', 'admin'] as const) {
      const client = await t.as(role)
      expect((await client.get('/api/home/changes')).statusCode, role).toBe(403)
      expect((await client.post('/api/home/changes/seen')).statusCode, role).toBe(403)
    }
  })
})

describe('alerts by team', () => {
  it('counts the people in alert by site and by who follows them, as their caseloads do', async () => {
    const res = await director.get('/api/home/team-alerts')
    expect(res.statusCode, res.body).toBe(200)
    const { today, teams } = res.json() as TeamAlerts
    expect(today).toBe('2026-03-02')
    expect(teams.map((s) => [s.siteName, s.people, s.alerts])).toEqual([
      ['Site A', 3, 1], // Léa was called today (the changes above): Noah alone
      ['Site B', 1, 1],
    ])
    const siteA = teams[0]!
    const counts = Object.fromEntries(siteA.counsellors.map((c) => [c.counsellorId, [c.people, c.alerts]]))
    expect(counts).toEqual({ [claire.user!.id]: [3, 1], [paul.user!.id]: [1, 1] })
    // each count opens as the counsellor's caseload on the site, alerts only: the same persons
    for (const team of teams)
      for (const c of team.counsellors) {
        const page = await director.get(`/api/caseload?counsellorId=${c.counsellorId}&siteId=${team.siteId}&alert=only`)
        expect(page.json().total, `${team.siteName} ${c.name}`).toBe(c.alerts)
      }
  })

  it('is the director’s, each structure its own', async () => {
    const theirs = (await foreignDirector.get('/api/home/team-alerts')).json() as TeamAlerts
    expect(theirs.teams.map((s) => [s.people, s.alerts])).toEqual([[1, 1]])
    expect(theirs.teams[0]!.siteId).toBe(other.sites.a)
    for (const role of ['counsellor', 'reception', 'statistician'] as const)
      expect((await (await t.as(role)).get('/api/home/team-alerts')).statusCode, role).toBe(403)
  })
})

describe('the person file’s summary', () => {
  let jade: string
  beforeAll(async () => {
    // 26 on 15/04/2026, in a CEJ entered 15/03/2025 (planned end 14/03/2026), a job since January, last seen in October
    jade = (
      await buildPerson(t.db, t.fx, {
        lastName: 'Blanc',
        firstName: 'Jade',
        birthDate: '2000-04-15',
        referentId: claire.user!.id,
      })
    ).id
    const cej = await buildSchemeProgramme(t.db, t.fx, 'CEJ')
    await buildEnrolmentRow(t.db, t.fx, jade, { programme_id: t.fx.programmes.ml, entry_date: '2025-09-01' })
    await buildEnrolmentRow(t.db, t.fx, jade, {
      programme_id: cej,
      entry_date: '2025-03-15',
      referent_id: claire.user!.id,
    })
    await buildSituationRow(t.db, t.fx, jade, { kind: 'cdd', start_date: '2026-01-05' })
    await buildSituationRow(t.db, t.fx, jade, { kind: 'interim', start_date: '2025-06-01', end_date: '2025-08-31' })
    await buildEventRow(t.db, t.fx, jade, { date: '2025-10-01' })
    await buildEventRow(t.db, t.fx, jade, { date: '2025-11-01', attendance: 'absent' })
    const booked = await claire.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      date: '2026-03-04',
      start: '09:00',
      end: '09:30',
      siteId: t.fx.sites.a,
      personIds: [jade],
    })
    expect(booked.statusCode, booked.body).toBe(201)
  })

  it('says what is open, what comes next, the latest facts and the alerts', async () => {
    const res = await claire.get(`/api/persons/${jade}/summary`)
    expect(res.statusCode, res.body).toBe(200)
    const s = res.json() as PersonSummary
    expect(s.today).toBe('2026-03-02')
    expect(s.situations).toEqual([expect.objectContaining({ label: 'CDD', startDate: '2026-01-05', until: null })])
    expect(s.enrolments.map((e) => e.code)).toEqual(['ML', 'CEJ'])
    expect(s.nextAppointment).toMatchObject({ date: '2026-03-04', start: '09:00' })
    expect(s.lastContactDate).toBe('2025-10-01')
    expect(s.timeline.map((i) => [i.date, i.kind, i.label, i.attendance])).toEqual([
      ['2026-01-05', 'situation_start', 'CDD', null],
      ['2025-11-01', 'event', 'Entretien individuel', 'absent'],
      ['2025-10-01', 'event', 'Entretien individuel', 'present'],
      ['2025-09-01', 'enrolment_entry', 'ML', null],
      ['2025-08-31', 'situation_end', 'Mission d’intérim', null],
      ['2025-06-01', 'situation_start', 'Mission d’intérim', null],
      ['2025-03-15', 'enrolment_entry', 'CEJ', null],
    ])
    expect(s.alerts).toEqual([
      { kind: 'contact', lastContactDate: '2025-10-01', days: 152, ruleDays: 90 },
      { kind: 'age_out', date: '2026-04-15' },
      { kind: 'cej_end', date: '2026-03-14' },
    ])
  })

  it('has no alert for a person seen lately, young, with no CEJ', async () => {
    const s = (await claire.get(`/api/persons/${hugo}/summary`)).json() as PersonSummary
    expect(s.alerts).toEqual([])
    expect(s.nextAppointment).toBeNull()
  })

  it('opens for the file’s readers on persons they see only', async () => {
    expect((await director.get(`/api/persons/${jade}/summary`)).statusCode).toBe(200)
    const siteB = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await siteB.get(`/api/persons/${jade}/summary`)).statusCode).toBe(404)
    expect((await foreignDirector.get(`/api/persons/${jade}/summary`)).statusCode).toBe(404)
    for (const role of ['reception', 'training_officer', 'statistician'] as const)
      expect((await (await t.as(role)).get(`/api/persons/${jade}/summary`)).statusCode, role).toBe(403)
    const bad = await claire.get('/api/persons/not-an-id/summary')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('personId')
  })
})
