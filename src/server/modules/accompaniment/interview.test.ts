import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEventRow, buildPersonRow } from '../../test/accompaniment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The interview screen's one request (interview.service.ts): the event, its propositions and a change of situation in
// one transaction, one audit line per record; a refused part names its field and nothing is kept.

let t: TestContext
let counsellor: TestClient
let personId: string
const url = (id = personId) => `/api/persons/${id}/interviews`
const fields = (res: { json(): { fields: { field: string }[] } }) => res.json().fields.map((f) => f.field)

const interview = (over: Record<string, unknown> = {}) => ({
  event: {
    kind: 'individual_interview',
    date: '2026-03-02',
    durationMinutes: 45,
    attendance: 'present',
    note: 'Projet : cariste.',
  },
  propositions: [
    {
      domain: 'professional',
      theme: 'employment_access',
      text: 'Offre de cariste chez Logis Nord',
      outcome: 'pending',
    },
    { domain: 'professional', theme: 'career_plan', outcome: 'accepted' },
  ],
  situation: { kind: 'cdi', startDate: '2026-03-09', organisationName: 'Logis Nord' },
  ...over,
})

const counts = async () => {
  const n = async (table: 'event' | 'proposition' | 'situation') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return { events: await n('event'), propositions: await n('proposition'), situations: await n('situation') }
}

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  personId = (await buildPersonRow(t.db, t.fx)).id
})
afterAll(() => t.close())

describe('recording an interview', () => {
  it('saves the event, two propositions dated on it and the new situation together, one audit line each', async () => {
    const res = await counsellor.post(url(), interview())
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.event).toMatchObject({ kind: 'individual_interview', date: '2026-03-02', attendance: 'present' })
    expect(body.propositions.map((p: { date: string; theme: string }) => [p.date, p.theme])).toEqual([
      ['2026-03-02', 'employment_access'],
      ['2026-03-02', 'career_plan'],
    ])
    expect(body.situation).toMatchObject({ kind: 'cdi', startDate: '2026-03-09', organisationName: 'Logis Nord' })
    expect(await counts()).toEqual({ events: 1, propositions: 2, situations: 1 })
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity', 'entity_id'])
      .where('entity_id', 'in', [
        body.event.id,
        ...body.propositions.map((p: { id: string }) => p.id),
        body.situation.id,
      ])
      .execute()
    expect(audit.map((a) => `${a.action} ${a.entity}`).sort()).toEqual([
      'create event',
      'create proposition',
      'create proposition',
      'create situation',
    ])
  })

  it('refuses a bad part by its path and keeps nothing of the others', async () => {
    const before = await counts()
    const badTheme = interview({
      propositions: [
        { domain: 'professional', theme: 'employment_access' },
        { domain: 'professional', theme: 'no_such_theme' },
      ],
    })
    const res = await counsellor.post(url(), badTheme)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(fields(res)).toEqual(['propositions.1.theme'])
    const badDates = await counsellor.post(
      url(),
      interview({ situation: { kind: 'cdi', startDate: '2026-03-09', endDate: '2026-03-01' } }),
    )
    expect(badDates.statusCode).toBe(400)
    expect(fields(badDates)).toEqual(['situation.endDate'])
    const absent = await counsellor.post(url(), interview({ event: { ...interview().event, attendance: 'absent' } }))
    expect(fields(absent)).toEqual(['event.attendance'])
    expect(await counts()).toEqual(before)
  })

  it('completes the event the agenda recorded, with the version read (a stale version is 409)', async () => {
    const { id } = await buildEventRow(t.db, t.fx, personId, { date: '2026-03-01' })
    const event = { ...interview().event, id, version: 1, date: '2026-03-01' }
    const res = await counsellor.post(url(), interview({ event, situation: null }))
    expect(res.statusCode).toBe(201)
    expect(res.json().event).toMatchObject({ id, version: 2, note: 'Projet : cariste.' })
    const stale = await counsellor.post(url(), interview({ event, situation: null }))
    expect(stale.statusCode).toBe(409)
    const missingVersion = await counsellor.post(url(), interview({ event: { ...event, version: undefined } }))
    expect(fields(missingVersion)).toEqual(['event.version'])
  })
})

describe('access to the interview', () => {
  it('refuses reception and a director (403), and a counsellor of another site gets 404', async () => {
    const before = await counts()
    expect((await (await t.as('reception')).post(url(), interview())).statusCode).toBe(403)
    expect((await (await t.as('director')).post(url(), interview())).statusCode).toBe(403)
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.post(url(), interview())).statusCode).toBe(404)
    expect((await counsellor.post(url('00000000-0000-4000-8000-000000000000'), interview())).statusCode).toBe(404)
    expect(await counts()).toEqual(before)
  })

  it('gives one event with its version to whom may read the file (the screen completes it), 404 or 403 to others', async () => {
    const { id } = await buildEventRow(t.db, t.fx, personId, { date: '2026-02-20' })
    const own = await counsellor.get(`/api/persons/${personId}/events/${id}`)
    expect(own.statusCode).toBe(200)
    expect(own.json()).toMatchObject({ id, date: '2026-02-20', version: 1 })
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.get(`/api/persons/${personId}/events/${id}`)).statusCode).toBe(404)
    expect((await (await t.as('reception')).get(`/api/persons/${personId}/events/${id}`)).statusCode).toBe(403)
    const elsewhere = (await buildPersonRow(t.db, t.fx)).id
    expect((await counsellor.get(`/api/persons/${elsewhere}/events/${id}`)).statusCode).toBe(404)
  })

  it('two interviews sent at once are both kept, each whole', async () => {
    const before = await counts()
    const [a, b] = await Promise.all([counsellor.post(url(), interview()), counsellor.post(url(), interview())])
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])
    expect(await counts()).toEqual({
      events: before.events + 2,
      propositions: before.propositions + 4,
      situations: before.situations + 2,
    })
  })
})
