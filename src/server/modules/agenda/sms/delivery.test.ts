import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts'
import { startBrevoStandIn } from './brevo-standin.ts'

// SMS delivery reports: the local stand-in of Brevo sends an SMS, then posts its reports to Jalon's webhook as Brevo
// would (here through the app's inject(): same route, same validation, no port). The clock says Monday 2026-03-02.
const SECRET = 'a'.repeat(40)
let t: TestContext
let sms: Awaited<ReturnType<typeof startBrevoStandIn>>
let counsellor: TestClient
let hugo: { id: string }
let nadia: { id: string }

const post = (body: unknown, secret = SECRET) =>
  t.app.inject({ method: 'POST', url: `/api/agenda/sms/reports/${secret}`, payload: body as object })

beforeAll(async () => {
  sms = await startBrevoStandIn({ apiKey: 'test-key', reportDelayMs: null })
  t = await createTestContext({
    config: { sms: { brevoApiKey: 'test-key', brevoUrl: sms.url, sender: 'Jalon', webhookSecret: SECRET } },
  })
  sms.reportWith(async (report) => (await post(report)).statusCode)
  counsellor = await t.as('counsellor')
  hugo = await buildPerson(t.db, t.fx, { lastName: 'Bernard', firstName: 'Hugo', phone: '06 12 34 56 78' })
  nadia = await buildPerson(t.db, t.fx, { lastName: 'Haddad', firstName: 'Nadia', phone: '06 12 34 56 00' })
  for (const p of [hugo, nadia]) {
    const res = await counsellor.put(`/api/persons/${p.id}/agenda/contact`, {
      consent: true,
      channel: 'sms',
      version: 0,
    })
    expect(res.statusCode, res.body).toBe(200)
  }
})
afterAll(async () => {
  await t.close()
  await sms.close()
})

/** books an appointment for the persons and sends the convocations by SMS */
async function convoke(personIds: string[], start = '09:00') {
  const res = await counsellor.post('/api/agenda/appointments', {
    kind: 'workshop',
    siteId: t.fx.sites.a,
    date: '2026-03-09',
    start,
    end: `${Number(start.slice(0, 2)) + 1}:00`,
    capacity: 8,
    personIds,
    sendConvocation: true,
  })
  expect(res.statusCode, res.body).toBe(201)
}
const messageOf = async (personId: string) =>
  (await counsellor.get(`/api/persons/${personId}/agenda`)).json().messages[0]

describe('SMS delivery reports (Brevo webhook)', () => {
  it('the stand-in reports « sent » then « delivered » or a bounce, and the person’s messages show it', async () => {
    await convoke([hugo.id, nadia.id])
    expect(sms.pending().map((r) => r.msg_status)).toEqual(['sent', 'delivered', 'sent', 'hard_bounce'])
    expect(sms.pending()[0]).toMatchObject({ to: '33612345678', type: 'transactional', sms_count: 1 })
    const posted = await sms.flushReports()
    expect(posted.map((p) => p.status)).toEqual([200, 200, 200, 200])
    expect(sms.pending()).toEqual([])
    const delivered = await messageOf(hugo.id)
    expect(delivered).toMatchObject({ channel: 'sms', status: 'sent', delivery: { status: 'delivered' } })
    expect(Date.parse(delivered.delivery.at)).toBeGreaterThan(0)
    expect((await messageOf(nadia.id)).delivery).toMatchObject({ status: 'hard_bounce' })
  })

  it('a report older than the one kept, or about a reply, changes nothing; a later final one does', async () => {
    const { provider_ref } = await t.db.kysely
      .selectFrom('agenda_message')
      .select('provider_ref')
      .where('person_id', '=', hugo.id)
      .executeTakeFirstOrThrow()
    const messageId = Number(provider_ref)
    const late = await post({ messageId, msg_status: 'sent', ts_event: 1_900_000_000 })
    expect(late.statusCode, late.body).toBe(200)
    expect(late.json()).toEqual({ recorded: false })
    expect((await post({ messageId: String(messageId), msg_status: 'replied' })).json()).toEqual({ recorded: false })
    expect((await messageOf(hugo.id)).delivery.status).toBe('delivered')
    const bounce = await post({ messageId, msg_status: 'soft_bounce', ts_event: 1_900_000_000, to: '33612345678' })
    expect(bounce.json()).toEqual({ recorded: true })
    expect((await messageOf(hugo.id)).delivery).toEqual({ status: 'soft_bounce', at: '2030-03-17T17:46:40.000Z' })
  })

  it('refuses a wrong secret (401), an unknown message (404) and a bad body (400, problem+json naming the field)', async () => {
    const wrong = await post({ messageId: 1, msg_status: 'delivered' }, 'b'.repeat(40))
    expect(wrong.statusCode).toBe(401)
    expect(wrong.headers['content-type']).toContain('application/problem+json')
    const unknown = await post({ messageId: 42, msg_status: 'delivered' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().fields).toEqual([{ field: 'messageId', message: expect.stringContaining('42') }])
    const bad = await post({ messageId: 'abc', msg_status: 'lost' })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['messageId', 'msg_status'])
  })

  it('over HTTP, as Brevo would: the stand-in posts its JSON to the webhook’s URL', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    sms.reportWith(`${address}/api/agenda/sms/reports/${SECRET}`)
    const before = await messageOf(hugo.id)
    await convoke([hugo.id], '14:00')
    const posted = await sms.flushReports()
    expect(posted.map((p) => [p.msg_status, p.status])).toEqual([
      ['sent', 200],
      ['delivered', 200],
    ])
    const after = await messageOf(hugo.id)
    expect(after.id).not.toBe(before.id)
    expect(after.delivery.status).toBe('delivered')
  })
})
