import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer } from '../../mail/mailer.ts'
import { buildUser } from '../../test/builders.ts'
import { startSmtpSink } from '../../test/smtp-sink.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Reception books the first interview at the file's creation (first-interview.service.ts, issue 10): in the
// referent's agenda, in the creation's transaction; the one booking reception may make.
// The test clock says Monday 2026-03-02, 10:00 in Paris.

let t: TestContext
let sink: Awaited<ReturnType<typeof startSmtpSink>>
let reception: TestClient
let referent: TestClient
let otherSiteCounsellor: string

const names = [
  'Aubert',
  'Blanc',
  'Carré',
  'Dumas',
  'Étienne',
  'Ferrand',
  'Gilles',
  'Hoarau',
  'Imbert',
  'Jourdan',
  'Klein',
]
let n = 0
const newcomer = (firstInterview: Record<string, unknown> | null, over: Record<string, unknown> = {}) => ({
  lastName: names[n++ % names.length],
  firstName: 'Inès',
  sex: 'F',
  birthDate: '2005-09-01',
  siteId: t.fx.sites.a,
  referentId: referent.user!.id,
  firstReception: { date: '2026-03-02', referralSource: 'self' },
  firstInterview,
  ...over,
})
const slot = (over: Record<string, unknown> = {}) => ({ date: '2026-03-04', start: '14:00', end: '14:45', ...over })

const appointmentsOfReferent = () =>
  t.db.kysely
    .selectFrom('appointment')
    .select(['id', 'day', 'created_by'])
    .where('counsellor_id', '=', referent.user!.id)
    .execute()
const personsNamed = (lastName: string) =>
  t.db.kysely.selectFrom('person').select('id').where('last_name', '=', lastName).execute()

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await createTestContext({
    config: { smtpUrl: sink.url },
    mailer: createMailer({ smtpUrl: sink.url, from: 'Jalon <no-reply@test.jalon.fr>' }),
  })
  reception = await t.as('reception')
  referent = await t.as('counsellor')
  otherSiteCounsellor = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })).id
})
afterAll(async () => {
  await t.close()
  await sink.close()
})

describe('POST /api/persons with firstInterview', () => {
  let appointmentId: string

  it('books it in the referent’s agenda, who sees it and is told its date', async () => {
    const res = await reception.post('/api/persons', newcomer(slot()))
    expect(res.statusCode, res.body).toBe(201)
    const personId = res.json().id
    const seen = await referent.get('/api/agenda/appointments?from=2026-03-04&to=2026-03-04')
    expect(seen.statusCode).toBe(200)
    const [a] = seen.json()
    expect(a).toMatchObject({
      kind: 'individual_interview',
      start: '14:00',
      end: '14:45',
      siteId: t.fx.sites.a,
      counsellorId: referent.user!.id,
      title: 'Premier entretien',
      persons: [{ personId, attendance: null }],
      canEdit: true,
    })
    appointmentId = a.id
    const notes = await t.db.kysely
      .selectFrom('notification')
      .select('text')
      .where('recipient_id', '=', referent.user!.id)
      .execute()
    expect(notes.map((x) => x.text)).toEqual([expect.stringContaining('premier entretien le 04/03/2026 à 14h00')])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity'])
      .where('entity_id', 'in', [appointmentId, personId])
      .execute()
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entity: 'appointment' },
        { action: 'create', entity: 'person' },
      ]),
    )
  })

  it('refuses a clash with the referent’s agenda by its field, and keeps nothing (the file neither)', async () => {
    const before = (await appointmentsOfReferent()).length
    const body = newcomer(slot({ start: '14:30', end: '15:00' }))
    const res = await reception.post('/api/persons', body)
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['firstInterview.start'])
    expect(await personsNamed(body.lastName)).toEqual([])
    expect((await appointmentsOfReferent()).length).toBe(before)
  })

  it('refuses a day past, a bad slot, and a file "à désigner", each by its field', async () => {
    const past = await reception.post('/api/persons', newcomer(slot({ date: '2026-03-01' })))
    expect(past.statusCode).toBe(400)
    expect(past.json().fields.map((f: { field: string }) => f.field)).toEqual(['firstInterview.date'])
    const reversed = await reception.post('/api/persons', newcomer(slot({ start: '15:00', end: '14:00' })))
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json().fields.map((f: { field: string }) => f.field)).toEqual(['firstInterview.end'])
    const nobody = newcomer(slot({ date: '2026-03-05' }), { referentId: null })
    const res = await reception.post('/api/persons', nobody)
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['referentId'])
    expect(await personsNamed(nobody.lastName)).toEqual([])
  })

  it('refuses the agenda of a counsellor of another site, keeping nothing', async () => {
    const body = newcomer(slot({ date: '2026-03-05' }), { referentId: otherSiteCounsellor })
    const res = await reception.post('/api/persons', body)
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['referentId'])
    expect(await personsNamed(body.lastName)).toEqual([])
    const booked = await t.db.kysely
      .selectFrom('appointment')
      .select('id')
      .where('counsellor_id', '=', otherSiteCounsellor)
      .execute()
    expect(booked).toEqual([])
  })

  it('lets reception book nothing else: no change, move, cancel nor attendance (403)', async () => {
    const read = await referent.get(`/api/agenda/appointments/${appointmentId}`)
    const a = read.json()
    const put = await reception.put(`/api/agenda/appointments/${appointmentId}`, {
      kind: a.kind,
      date: a.date,
      start: '16:00',
      end: '16:30',
      siteId: a.siteId,
      counsellorId: a.counsellorId,
      personIds: [a.persons[0].personId],
      version: a.version,
    })
    expect(put.statusCode).toBe(403)
    const move = { date: a.date, start: '16:00', end: '16:30', version: a.version }
    expect((await reception.post(`/api/agenda/appointments/${appointmentId}/move`, move)).statusCode).toBe(403)
    const cancel = await reception.post(`/api/agenda/appointments/${appointmentId}/cancel`, { version: a.version })
    expect(cancel.statusCode).toBe(403)
    const book = await reception.post('/api/agenda/appointments', {
      kind: 'individual_interview',
      date: '2026-03-06',
      start: '09:00',
      end: '09:30',
      siteId: t.fx.sites.a,
      counsellorId: referent.user!.id,
    })
    expect(book.statusCode).toBe(403)
    expect((await referent.get(`/api/agenda/appointments/${appointmentId}`)).json().version).toBe(a.version)
  })

  it('shows today’s first interview to reception of its site only (another site: 404)', async () => {
    const res = await reception.post(
      '/api/persons',
      newcomer(slot({ date: '2026-03-02', start: '16:00', end: '16:30' })),
    )
    expect(res.statusCode, res.body).toBe(201)
    const today = (await referent.get('/api/agenda/appointments?from=2026-03-02&to=2026-03-02')).json()
    const id = today.find((a: { start: string }) => a.start === '16:00').id
    expect((await reception.get(`/api/agenda/appointments/${id}`)).statusCode).toBe(200)
    const receptionB = await t.as('reception', { siteIds: [t.fx.sites.b] })
    expect((await receptionB.get(`/api/agenda/appointments/${id}`)).statusCode).toBe(404)
  })

  it('records the consent given at reception and mails the convocation with its .ics', async () => {
    const body = newcomer(slot({ date: '2026-03-09', convocation: 'email' }), {
      email: 'ines.convoquee@example.org',
      birthDate: '2004-02-11',
    })
    const res = await reception.post('/api/persons', body)
    expect(res.statusCode, res.body).toBe(201)
    const personId = res.json().id
    const mails = sink.messages.filter((m) => m.to.includes('ines.convoquee@example.org'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.raw).toMatch(/Content-Type: text\/calendar/i)
    const agenda = (await referent.get(`/api/persons/${personId}/agenda`)).json()
    expect(agenda.contact).toMatchObject({ consent: true, channel: 'email', version: 1 })
    expect(agenda.messages).toEqual([expect.objectContaining({ purpose: 'convocation', channel: 'email' })])
    expect(agenda.messages[0].status).toBe('sent')
  })

  it('refuses a convocation by a channel the file has no address for, by its field, keeping nothing', async () => {
    const before = sink.messages.length
    const body = newcomer(slot({ date: '2026-03-10', convocation: 'sms' }), { phone: null, birthDate: '2003-07-19' })
    const res = await reception.post('/api/persons', body)
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['firstInterview.convocation'])
    expect(await personsNamed(body.lastName)).toEqual([])
    expect(sink.messages.length).toBe(before)
    const bad = await reception.post(
      '/api/persons',
      newcomer(slot({ date: '2026-03-10', convocation: 'pigeon' }), { birthDate: '2002-05-23' }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['firstInterview.convocation'])
  })
})
