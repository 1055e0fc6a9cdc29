import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer } from '../../mail/mailer.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { startSmtpSink } from '../../test/smtp-sink.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { sendDueReminders } from './reminders.job.ts'
import { startBrevoStandIn } from './sms/brevo-standin.ts'

// Convocations and reminders through real protocols: mail to a local SMTP sink, SMS to a local stand-in of Brevo's
// API. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let sink: Awaited<ReturnType<typeof startSmtpSink>>
let sms: Awaited<ReturnType<typeof startBrevoStandIn>>
let counsellor: TestClient
let admin: TestClient
let lea: { id: string }
let hugo: { id: string }

beforeAll(async () => {
  sink = await startSmtpSink()
  sms = await startBrevoStandIn({ apiKey: 'test-key' })
  t = await createTestContext({
    config: { smtpUrl: sink.url, sms: { brevoApiKey: 'test-key', brevoUrl: sms.url, sender: 'MissionLoc' } },
    mailer: createMailer({ smtpUrl: sink.url, from: 'Jalon <no-reply@test.jalon.fr>' }),
  })
  counsellor = await t.as('counsellor')
  admin = await t.as('admin')
  lea = await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa', email: 'lea.martin@example.org' })
  hugo = await buildPerson(t.db, t.fx, { lastName: 'Bernard', firstName: 'Hugo', phone: '06 12 34 56 78' })
})
afterAll(async () => {
  await t.close()
  await sink.close()
  await sms.close()
})

/** the .ics part of a raw mail, decoded */
function icsOf(raw: string): string {
  const part = raw.split(/\r?\n--/).find((p) => /Content-Type: text\/calendar/i.test(p))!
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('')
  return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
}

const consent = (personId: string, channel: 'email' | 'sms', version = 0) =>
  counsellor.put(`/api/persons/${personId}/agenda/contact`, { consent: true, channel, version })
const book = async (body: Record<string, unknown>) => {
  const res = await counsellor.post('/api/agenda/appointments', {
    kind: 'individual_interview',
    siteId: t.fx.sites.a,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('consent and convocations', () => {
  it('sends nothing without the person’s consent, and says why when asked to', async () => {
    const a = await book({
      date: '2026-03-05',
      start: '09:00',
      end: '09:30',
      personIds: [lea.id],
      sendConvocation: true,
    })
    expect(sink.messages).toHaveLength(0)
    const res = await counsellor.post(`/api/agenda/appointments/${a.id}/persons/${lea.id}/convocation`)
    expect(res.statusCode).toBe(400)
    expect(res.json().detail ?? res.json().title).toBeTruthy()
    expect(JSON.stringify(res.json())).toContain('accord')
  })

  it('records consent and channel with versions (409 on a stale one)', async () => {
    const first = await consent(lea.id, 'email')
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ consent: true, channel: 'email', hasEmail: true, version: 1 })
    expect((await consent(lea.id, 'email', 0)).statusCode).toBe(409)
    expect((await consent(hugo.id, 'sms')).statusCode).toBe(200)
  })

  it('mails the convocation with an .ics invitation, from the template, and keeps it in the file', async () => {
    const a = await book({
      date: '2026-03-06',
      start: '14:00',
      end: '14:45',
      personIds: [lea.id],
      sendConvocation: true,
    })
    expect(sink.messages).toHaveLength(1)
    const raw = sink.messages[0]!.raw
    expect(sink.messages[0]!.to).toEqual(['lea.martin@example.org'])
    expect(raw).toMatch(/Content-Type: text\/calendar/i)
    expect(raw).toContain('rendez-vous.ics')
    const ics = icsOf(raw)
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('METHOD:REQUEST')
    expect(ics).toContain(`UID:${a.id}@jalon`)
    expect(ics).toContain('DTSTART:20260306T130000Z')
    const file = (await counsellor.get(`/api/persons/${lea.id}/agenda`)).json()
    expect(file.messages[0]).toMatchObject({
      appointmentId: a.id,
      channel: 'email',
      purpose: 'convocation',
      status: 'sent',
      recipient: 'lea.martin@example.org',
      subject: 'Rendez-vous le 06/03/2026 à 14h00',
    })
    expect(file.messages[0].body).toContain('Bonjour Léa')
    expect(file.appointments.map((x: { id: string }) => x.id)).toContain(a.id)
  })

  it('sends an SMS through Brevo’s protocol (api-key, international number, sender) and keeps its reference', async () => {
    const a = await book({ date: '2026-03-06', start: '15:00', end: '15:30', personIds: [hugo.id] })
    const res = await counsellor.post(`/api/agenda/appointments/${a.id}/convocations`)
    expect(res.json().results).toEqual([{ personId: hugo.id, status: 'sent', error: null }])
    expect(sms.received.at(-1)).toMatchObject({
      sender: 'MissionLoc',
      recipient: '33612345678',
      type: 'transactional',
    })
    expect(sms.received.at(-1)!.content).toContain('15h00')
    const row = await t.db.kysely
      .selectFrom('agenda_message')
      .selectAll()
      .where('person_id', '=', hugo.id)
      .executeTakeFirstOrThrow()
    expect(row.provider_ref).toBe(String(sms.received.at(-1)!.messageId))
  })

  it('keeps a refused SMS as failed, with the provider’s reason', async () => {
    const broken = await createTestContext({
      config: { sms: { brevoApiKey: 'wrong-key', brevoUrl: sms.url, sender: 'Jalon' } },
    })
    try {
      const c = await broken.as('counsellor')
      const p = await buildPerson(broken.db, broken.fx, { phone: '0612345679' })
      await c.put(`/api/persons/${p.id}/agenda/contact`, { consent: true, channel: 'sms', version: 0 })
      const a = (
        await c.post('/api/agenda/appointments', {
          kind: 'phone',
          place: 'phone',
          siteId: broken.fx.sites.a,
          date: '2026-03-06',
          start: '09:00',
          end: '09:15',
          personIds: [p.id],
        })
      ).json()
      const res = await c.post(`/api/agenda/appointments/${a.id}/convocations`)
      expect(res.json().results[0]).toMatchObject({ status: 'failed' })
      expect(res.json().results[0].error).toContain('401')
    } finally {
      await broken.close()
    }
  })

  it('uses the admin’s edited template; unknown placeholders are refused', async () => {
    const wrong = await admin.put('/api/agenda/templates/convocation_sms', { body: 'Bonjour {prénom}', version: 0 })
    expect(wrong.statusCode).toBe(400)
    const ok = await admin.put('/api/agenda/templates/convocation_sms', {
      body: 'RDV {date} {heure} avec {conseiller}',
      version: 0,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ custom: true, version: 1 })
    expect((await counsellor.put('/api/agenda/templates/convocation_sms', { body: 'x', version: 1 })).statusCode).toBe(
      403,
    )
    const a = await book({
      date: '2026-03-09',
      start: '09:00',
      end: '09:30',
      personIds: [hugo.id],
      sendConvocation: true,
    })
    expect(a.id).toBeTruthy()
    expect(sms.received.at(-1)!.content).toBe('RDV 09/03/2026 09h00 avec Utilisateur counsellor')
  })
})

describe('reminders the day before', () => {
  it('two servers running the job at once send each reminder once (FOR UPDATE SKIP LOCKED)', async () => {
    const a = await book({ date: '2026-03-11', start: '10:00', end: '10:30', personIds: [lea.id] })
    const b = await book({ date: '2026-03-11', start: '11:00', end: '11:30', personIds: [hugo.id] })
    const mailsBefore = sink.messages.length
    const smsBefore = sms.received.length
    // not yet due on the 9th
    expect(await sendDueReminders(t.deps, new Date('2026-03-09T12:00:00Z'))).toBe(0)
    const dueAt = new Date('2026-03-10T09:00:00Z') // 10:00 in Paris the day before
    const runs = await Promise.all([sendDueReminders(t.deps, dueAt), sendDueReminders(t.deps, dueAt)])
    expect(runs[0] + runs[1]).toBeGreaterThanOrEqual(2)
    expect(sink.messages.length - mailsBefore).toBe(1)
    expect(sms.received.length - smsBefore).toBe(1)
    const reminders = await t.db.kysely
      .selectFrom('agenda_message')
      .select(['appointment_id', 'channel'])
      .where('purpose', '=', 'reminder')
      .execute()
    expect(reminders.filter((r) => r.appointment_id === a.id || r.appointment_id === b.id)).toHaveLength(2)
    expect(await sendDueReminders(t.deps, dueAt)).toBe(0)
  })

  it('a moved appointment is reminded again for its new time', async () => {
    const a = await book({ date: '2026-03-12', start: '10:00', end: '10:30', personIds: [lea.id] })
    await sendDueReminders(t.deps, new Date('2026-03-11T09:00:00Z'))
    const moved = await counsellor.post(`/api/agenda/appointments/${a.id}/move`, {
      date: '2026-03-13',
      start: '10:00',
      end: '10:30',
      version: a.version,
    })
    expect(moved.statusCode).toBe(200)
    const before = sink.messages.length
    await sendDueReminders(t.deps, new Date('2026-03-12T09:00:00Z'))
    expect(sink.messages.length - before).toBe(1)
  })
})
