import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createMailTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildPrescription, buildTrainingOffer, buildTrainingSession } from '../../test/training.builders.ts'
import { convocationLines } from './convocation-pdf.ts'

// The counsellor's prescription and the department's decision (docs/training/prescriptions.md). The test clock says
// Monday 2026-03-02, 10:00 in Paris; the builders' session starts on 2026-09-01, its information session on
// 2026-08-20 at 09:00 (Paris).

let t: TestContext
let sink: Awaited<ReturnType<typeof createMailTestContext>>['sink']
let close: () => Promise<void>
let counsellor: TestClient
let otherCounsellor: TestClient
let officer: TestClient
let director: TestClient
let reception: TestClient
let offer: Awaited<ReturnType<typeof buildTrainingOffer>>
let person: Awaited<ReturnType<typeof buildPerson>>
let personB: Awaited<ReturnType<typeof buildPerson>>

const argument = 'Projet professionnel travaillé en entretien, prérequis acquis.'
const file = (c: TestClient, personId: string, over: Record<string, unknown> = {}) =>
  c.post(`/api/persons/${personId}/training/prescriptions`, {
    sessionId: offer.sessionId,
    argument,
    siteId: t.fx.sites.a,
    ...over,
  })
const notificationsOf = (userId: string) =>
  t.db.kysely.selectFrom('notification').select(['text', 'link']).where('recipient_id', '=', userId).execute()
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)

beforeAll(async () => {
  ;({ t, sink, close } = await createMailTestContext())
  counsellor = await t.as('counsellor')
  otherCounsellor = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  officer = await t.as('training_officer')
  director = await t.as('director')
  reception = await t.as('reception')
  offer = await buildTrainingOffer(t.db, t.fx, { action: { title: 'CAP Cuisine' } })
  person = await buildPerson(t.db, t.fx, { firstName: 'Inès', lastName: 'Aubert', email: 'ines@example.org' })
  personB = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
})
afterAll(() => close())

describe('filing a prescription', () => {
  it('files it: submitted, the department answers within a week, a history line, an audit line, nobody told', async () => {
    const p2 = await buildPerson(t.db, t.fx)
    const res = await file(counsellor, p2.id)
    expect(res.statusCode, res.body).toBe(201)
    const p = res.json()
    expect(p).toMatchObject({ status: 'submitted', answerDueOn: '2026-03-09', argument, siteId: t.fx.sites.a })
    expect(p.session).toMatchObject({ id: offer.sessionId, actionTitle: 'CAP Cuisine', pending: 1 })
    expect(p.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'submitted' })])
    expect(p.events[0].actorName).toBe('Utilisateur counsellor')
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', p.id).execute()
    expect(audit.map((a) => a.action)).toContain('training.prescription.file')
    expect(
      await t.db.kysely.selectFrom('notification').selectAll().where('link', 'like', `%${p.id}%`).execute(),
    ).toEqual([])
  })

  it('refuses a second live prescription on the same session (409 sessionId), allows one after a refusal', async () => {
    const p3 = await buildPerson(t.db, t.fx)
    expect((await file(counsellor, p3.id)).statusCode).toBe(201)
    const again = await file(counsellor, p3.id)
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again)).toEqual(['sessionId'])
    const p4 = await buildPerson(t.db, t.fx)
    await buildPrescription(t.db, t.fx, p4.id, offer.sessionId, { status: 'refused' })
    expect((await file(counsellor, p4.id)).statusCode).toBe(201)
  })

  it('counts two filings at once one after the other (exactly one passes)', async () => {
    const p5 = await buildPerson(t.db, t.fx)
    const both = await Promise.all([file(counsellor, p5.id), file(counsellor, p5.id)])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
  })

  it('refuses a session started, closed to applications, cancelled or unknown (400 sessionId)', async () => {
    const started = await buildTrainingSession(t.db, t.fx, offer.actionId, { startsOn: '2026-03-02' })
    const cancelled = await buildTrainingSession(t.db, t.fx, offer.actionId, { status: 'cancelled' })
    const closed = await buildTrainingSession(t.db, t.fx, offer.actionId, {})
    await t.db.kysely
      .updateTable('training_session')
      .set({ applications_close_on: '2026-03-01' })
      .where('id', '=', closed.id)
      .execute()
    for (const sessionId of [started.id, cancelled.id, closed.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await file(counsellor, person.id, { sessionId })
      expect(res.statusCode, sessionId).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(fieldsOf(res)).toEqual(['sessionId'])
    }
  })

  it('answers 400 naming the field: a short argument, a site not the counsellor’s, a malformed session', async () => {
    expect(fieldsOf(await file(counsellor, person.id, { argument: 'court' }))).toEqual(['argument'])
    const site = await file(counsellor, person.id, { siteId: t.fx.sites.b })
    expect(site.statusCode).toBe(400)
    expect(fieldsOf(site)).toEqual(['siteId'])
    const bad = await file(counsellor, person.id, { sessionId: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(fieldsOf(bad)).toEqual(['sessionId'])
  })

  it('404 on a person of another site; 403 to the roles that do not prescribe', async () => {
    expect((await file(counsellor, personB.id)).statusCode).toBe(404)
    expect((await file(otherCounsellor, person.id, { siteId: t.fx.sites.b })).statusCode).toBe(404)
    for (const c of [officer, director, reception]) expect((await file(c, person.id)).statusCode).toBe(403)
    expect((await reception.get(`/api/persons/${person.id}/training/prescriptions`)).statusCode).toBe(403)
  })
})

describe('the department’s decision', () => {
  let id: string
  let version: number

  beforeAll(async () => {
    const res = await file(counsellor, person.id)
    expect(res.statusCode, res.body).toBe(201)
    ;({ id, version } = res.json())
  })

  it('asks for more (the note required), the counsellor told; the counsellor files again', async () => {
    const noNote = await officer.post(`/api/training/prescriptions/${id}/decision`, { decision: 'more_info', version })
    expect(noNote.statusCode).toBe(400)
    expect(fieldsOf(noNote)).toEqual(['note'])
    const more = await officer.post(`/api/training/prescriptions/${id}/decision`, {
      decision: 'more_info',
      note: 'Préciser le projet',
      version,
    })
    expect(more.statusCode, more.body).toBe(200)
    expect(more.json()).toMatchObject({ status: 'more_info', departmentNote: 'Préciser le projet' })
    expect(await notificationsOf(counsellor.user!.id)).toContainEqual({
      text: 'Formation — CAP Cuisine : Inès Aubert complément demandé par le département formation',
      link: `/personnes/${person.id}?onglet=formation`,
    })
    const stale = await counsellor.put(`/api/training/prescriptions/${id}/argument`, { argument, version })
    expect(stale.statusCode).toBe(409)
    const again = await counsellor.put(`/api/training/prescriptions/${id}/argument`, {
      argument: `${argument} Stage de découverte fait.`,
      version: more.json().version,
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ status: 'submitted' })
    expect(again.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'submitted',
      'more_info',
      'submitted',
    ])
    expect((await notificationsOf(officer.user!.id)).map((n) => n.link)).toContain(`/formation/prescriptions/${id}`)
    version = again.json().version
  })

  it('the convocation PDF answers 409 before the validation', async () => {
    const res = await counsellor.get(`/api/training/prescriptions/${id}/convocation.pdf`)
    expect(res.statusCode).toBe(409)
  })

  it('validates: convened, the body answers a week after the information session, the mail with its PDF', async () => {
    expect(
      (await counsellor.post(`/api/training/prescriptions/${id}/decision`, { decision: 'validated', version }))
        .statusCode,
    ).toBe(403)
    const res = await officer.post(`/api/training/prescriptions/${id}/decision`, { decision: 'validated', version })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'validated', answerDueOn: '2026-08-27' })
    expect(res.json().convenedAt).toBe('2026-03-02T09:00:00.000Z')
    const mail = sink.messages.find((m) => m.to.includes('ines@example.org'))
    expect(mail).toBeDefined()
    expect(mail!.raw).toContain('application/pdf')
    expect(mail!.raw).toContain('convocation.pdf')
    expect(mail!.raw).toContain('JVBERi0') // base64 of « %PDF- »
    expect(await notificationsOf(counsellor.user!.id)).toContainEqual(
      expect.objectContaining({ text: expect.stringContaining('Inès Aubert validée') }),
    )
    version = res.json().version
  })

  it('refuses a decision the statuses do not allow (409 status) and a stale version (409)', async () => {
    const again = await officer.post(`/api/training/prescriptions/${id}/decision`, {
      decision: 'refused',
      note: 'Non',
      version,
    })
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again)).toEqual(['status'])
    const stale = await officer.post(`/api/training/prescriptions/${id}/decision`, {
      decision: 'refused',
      note: 'Non',
      version: version - 1,
    })
    expect(stale.statusCode).toBe(409)
  })

  it('the convocation PDF: the readers of the prescription, 404 to another site’s counsellor', async () => {
    const pdf = await counsellor.get(`/api/training/prescriptions/${id}/convocation.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await officer.get(`/api/training/prescriptions/${id}/convocation.pdf`)).statusCode).toBe(200)
    expect((await otherCounsellor.get(`/api/training/prescriptions/${id}/convocation.pdf`)).statusCode).toBe(404)
    expect((await reception.get(`/api/training/prescriptions/${id}/convocation.pdf`)).statusCode).toBe(403)
  })

  it('the convocation’s lines: the person, the action, the body, the time in Paris', async () => {
    const p = (await counsellor.get(`/api/training/prescriptions/${id}`)).json()
    const l = convocationLines(p, 'Europe/Paris')
    expect(l).toMatchObject({ name: 'Inès Aubert', when: 'le 20/08/2026 à 09h00', where: 'Salle 1' })
    expect(l.action).toContain('CAP Cuisine')
    expect(convocationLines(p, 'America/Cayenne').when).toBe('le 20/08/2026 à 04h00')
  })

  it('refuses with a reason; no mail, the counsellor told', async () => {
    const p6 = await buildPerson(t.db, t.fx, { email: 'refus@example.org' })
    const filed = (await file(counsellor, p6.id)).json()
    const res = await officer.post(`/api/training/prescriptions/${filed.id}/decision`, {
      decision: 'refused',
      note: 'Prérequis non acquis',
      version: filed.version,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('refused')
    expect(sink.messages.some((m) => m.to.includes('refus@example.org'))).toBe(false)
  })
})

describe('reads and cancellation', () => {
  it('a person’s prescriptions: the counsellor’s persons, the structure’s for the officer and the director', async () => {
    const mine = await counsellor.get(`/api/persons/${person.id}/training/prescriptions`)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().length).toBeGreaterThan(0)
    expect((await officer.get(`/api/persons/${person.id}/training/prescriptions`)).statusCode).toBe(200)
    expect((await director.get(`/api/persons/${person.id}/training/prescriptions`)).statusCode).toBe(200)
    expect((await otherCounsellor.get(`/api/persons/${person.id}/training/prescriptions`)).statusCode).toBe(404)
    const one = mine.json()[0].id
    expect((await otherCounsellor.get(`/api/training/prescriptions/${one}`)).statusCode).toBe(404)
    expect((await director.get(`/api/training/prescriptions/${one}`)).statusCode).toBe(200)
  })

  it('the department’s list filters by status, session and body; the counsellor may not read it', async () => {
    const all = await officer.get('/api/training/prescriptions')
    expect(all.statusCode).toBe(200)
    const validated = (await officer.get('/api/training/prescriptions?status=validated')).json()
    expect(validated.length).toBeGreaterThan(0)
    expect(validated.every((p: { status: string }) => p.status === 'validated')).toBe(true)
    const other = await buildTrainingOffer(t.db, t.fx)
    expect((await officer.get(`/api/training/prescriptions?bodyId=${other.bodyId}`)).json()).toEqual([])
    expect((await officer.get(`/api/training/prescriptions?sessionId=${offer.sessionId}`)).json().length).toBe(
      all.json().length,
    )
    expect((await officer.get('/api/training/prescriptions?status=nope')).statusCode).toBe(400)
    expect((await counsellor.get('/api/training/prescriptions')).statusCode).toBe(403)
  })

  it('cancels before the entry (the counsellor, the officer), never after (409 status)', async () => {
    const p7 = await buildPerson(t.db, t.fx)
    const filed = (await file(counsellor, p7.id)).json()
    expect((await reception.post(`/api/training/prescriptions/${filed.id}/cancel`, { version: 1 })).statusCode).toBe(
      403,
    )
    expect(
      (await otherCounsellor.post(`/api/training/prescriptions/${filed.id}/cancel`, { version: filed.version }))
        .statusCode,
    ).toBe(404)
    const res = await counsellor.post(`/api/training/prescriptions/${filed.id}/cancel`, {
      reason: 'Déménagement',
      version: filed.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().status).toBe('cancelled')
    const entered = await buildPrescription(t.db, t.fx, p7.id, offer.sessionId, { status: 'entered' })
    const late = await officer.post(`/api/training/prescriptions/${entered.id}/cancel`, { version: entered.version })
    expect(late.statusCode).toBe(409)
    expect(fieldsOf(late)).toEqual(['status'])
  })
})
