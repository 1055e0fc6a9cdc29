import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildPrescription, buildTrainingOffer } from '../../test/training.builders.ts'

// A training body's portal (docs/training/prescriptions.md « The body's portal »): the partner account bound to body A
// sees A's sessions and the persons prescribed to them once validated, reduced to name, birth date, phone and e-mail;
// nothing of B, nothing before the validation, nothing of any person file. The test clock says 2026-03-02.

let t: TestContext
let partner: TestClient
let lonePartner: TestClient
let counsellor: TestClient
let a: Awaited<ReturnType<typeof buildTrainingOffer>>
let b: Awaited<ReturnType<typeof buildTrainingOffer>>
let prescribed: Awaited<ReturnType<typeof buildPerson>>
let other: Awaited<ReturnType<typeof buildPerson>>
const ids: Record<
  'validated' | 'submitted' | 'refused' | 'otherBody' | 'cancelledAfter',
  { id: string; version: number }
> = {} as never

const portal = '/api/training/portal'
const answer = (version: number) => ({
  infoAttendance: 'present',
  testResult: null,
  outcome: 'accepted',
  outcomeReason: null,
  version,
})

beforeAll(async () => {
  t = await createTestContext()
  partner = await t.as('partner')
  lonePartner = await t.as('partner')
  counsellor = await t.as('counsellor')
  a = await buildTrainingOffer(t.db, t.fx, { partnerUserId: partner.user!.id, action: { title: 'CACES' } })
  b = await buildTrainingOffer(t.db, t.fx)
  prescribed = await buildPerson(t.db, t.fx, {
    firstName: 'Nora',
    lastName: 'Benali',
    phone: '0601020304',
    email: 'nora@example.org',
  })
  other = await buildPerson(t.db, t.fx)
  const build = (
    personId: string,
    sessionId: string,
    status: NonNullable<Parameters<typeof buildPrescription>[4]>['status'],
  ) => buildPrescription(t.db, t.fx, personId, sessionId, { status, prescriberId: counsellor.user!.id })
  ids.validated = await build(prescribed.id, a.sessionId, 'validated')
  ids.submitted = await build(other.id, a.sessionId, 'submitted')
  ids.refused = await build(other.id, a.sessionId, 'refused')
  ids.otherBody = await build(other.id, b.sessionId, 'validated')
  ids.cancelledAfter = await build(other.id, a.sessionId, 'cancelled')
  // convened before its cancellation: the body saw it, it still does
  for (const k of ['validated', 'otherBody', 'cancelledAfter'] as const)
    await t.db.kysely
      .updateTable('training_prescription')
      .set({ convened_at: new Date('2026-02-20T09:00:00Z') })
      .where('id', '=', ids[k].id)
      .execute()
})
afterAll(() => t.close())

describe('what the partner sees', () => {
  it('its bodies and their sessions only', async () => {
    const bodies = await partner.get(`${portal}/bodies`)
    expect(bodies.statusCode).toBe(200)
    expect(bodies.json().map((x: { id: string }) => x.id)).toEqual([a.bodyId])
    const sessions = (await partner.get(`${portal}/sessions`)).json()
    expect(sessions.map((s: { id: string }) => s.id)).toEqual([a.sessionId])
  })

  it('the prescriptions from validated on, on its sessions, the person reduced; the read audited', async () => {
    const res = await partner.get(`${portal}/prescriptions`)
    expect(res.statusCode).toBe(200)
    const list = res.json()
    expect(list.map((p: { id: string }) => p.id).sort()).toEqual([ids.validated.id, ids.cancelledAfter.id].sort())
    const p = list.find((x: { id: string }) => x.id === ids.validated.id)
    expect(p.person).toEqual({
      id: prescribed.id,
      firstName: 'Nora',
      lastName: 'Benali',
      birthDate: prescribed.birthDate,
      phone: '0601020304',
      email: 'nora@example.org',
    })
    expect(p).toMatchObject({ argument: '', departmentNote: null, siteId: null, situationId: null })
    const bySession = (await partner.get(`${portal}/prescriptions?sessionId=${b.sessionId}`)).json()
    expect(bySession).toEqual([])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where('action', '=', 'training.portal.persons.read')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit[0].detail)).toContain(prescribed.id)
  })

  it('404 on a prescription of another body, not yet validated or refused', async () => {
    expect((await partner.get(`${portal}/prescriptions/${ids.validated.id}`)).statusCode).toBe(200)
    for (const k of ['submitted', 'refused', 'otherBody'] as const) {
      expect((await partner.get(`${portal}/prescriptions/${ids[k].id}`)).statusCode, k).toBe(404)
      expect(
        (await partner.post(`${portal}/prescriptions/${ids[k].id}/answer`, answer(ids[k].version))).statusCode,
      ).toBe(404)
    }
  })

  it('a partner bound to no body: empty lists, 404 on any id', async () => {
    for (const what of ['bodies', 'sessions', 'prescriptions'])
      expect((await lonePartner.get(`${portal}/${what}`)).json()).toEqual([])
    expect((await lonePartner.get(`${portal}/prescriptions/${ids.validated.id}`)).statusCode).toBe(404)
  })
})

describe('what the partner does', () => {
  it('answers, records the entry (the counsellor sees it, the place is taken)', async () => {
    const res = await partner.post(`${portal}/prescriptions/${ids.validated.id}/answer`, answer(ids.validated.version))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'accepted', argument: '' })
    expect(res.json().session).toMatchObject({ placesTaken: 1, placesLeft: 11 })
    const seen = (await counsellor.get(`/api/persons/${prescribed.id}/training/prescriptions`)).json()
    expect(seen[0]).toMatchObject({ status: 'accepted' })
    expect(seen[0].events.at(-1)).toMatchObject({ toStatus: 'accepted', actorName: 'Utilisateur partner' })
    const told = await t.db.kysely
      .selectFrom('notification')
      .select('text')
      .where('recipient_id', '=', counsellor.user!.id)
      .execute()
    expect(told.map((n) => n.text)).toContain('Formation — CACES : Nora Benali retenu(e) par l’organisme')
    // the session has not started: an entry in the future is refused, a bad body names its field
    const entry = await partner.post(`${portal}/prescriptions/${ids.validated.id}/entry`, {
      entryDate: '2026-09-01',
      version: res.json().version,
    })
    expect(entry.statusCode).toBe(400)
    expect(entry.json().fields.map((f: { field: string }) => f.field)).toEqual(['entryDate'])
  })

  it('never opens a person file: every person route answers 403 or 404, for the prescribed person and another', async () => {
    const personRoutes = t.app.routeCatalogue.filter(
      (r) => r.method === 'GET' && /^\/api\/persons\/:(id|personId)(\/|$)/.test(r.url),
    )
    expect(personRoutes.length).toBeGreaterThan(5)
    const opened: string[] = []
    for (const r of personRoutes)
      for (const id of [prescribed.id, other.id]) {
        const url = r.url.replace(/:(id|personId)/, id).replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')
        const res = await partner.get(url)
        if (![403, 404].includes(res.statusCode)) opened.push(`${url} → ${res.statusCode}`)
      }
    expect(opened).toEqual([])
    expect((await partner.get(`/api/persons/${prescribed.id}`)).statusCode).toBeGreaterThanOrEqual(403)
  })

  it('cannot call the officer’s or the counsellor’s routes (403)', async () => {
    const id = ids.validated.id
    for (const url of [
      '/api/training/prescriptions',
      '/api/training/worklist',
      `/api/training/prescriptions/${id}`,
      `/api/training/prescriptions/${id}/convocation.pdf`,
      `/api/persons/${prescribed.id}/training/prescriptions`,
    ])
      expect((await partner.get(url)).statusCode, url).toBe(403)
    for (const what of ['answer', 'entry', 'exit', 'decision', 'cancel'])
      expect((await partner.post(`/api/training/prescriptions/${id}/${what}`, { version: 1 })).statusCode).toBe(403)
  })

  it('the portal refuses every other role (403)', async () => {
    const officer = await t.as('training_officer')
    for (const c of [officer, counsellor])
      for (const what of ['bodies', 'sessions', 'prescriptions'])
        expect((await c.get(`${portal}/${what}`)).statusCode).toBe(403)
  })
})
