import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildPrescription, buildTrainingOffer, buildTrainingSession } from '../../test/training.builders.ts'

// The training officer's worklist (docs/training/prescriptions.md « Worklist »). The test clock says 2026-03-02 in
// Paris: sessions « filling » start by 2026-05-01.

let t: TestContext
let officer: TestClient
let counsellor: TestClient
let director: TestClient
const ids = (list: { id: string }[]) => list.map((x) => x.id)

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
  counsellor = await t.as('counsellor')
  director = await t.as('director')
})
afterAll(() => t.close())

describe('GET /api/training/worklist', () => {
  it('the filings to validate (the oldest first) and those waiting for the counsellor', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx)
    const person = async () => (await buildPerson(t.db, t.fx)).id
    const late = await buildPrescription(t.db, t.fx, await person(), offer.sessionId, {
      filedAt: new Date('2026-02-27T08:00:00Z'),
    })
    const early = await buildPrescription(t.db, t.fx, await person(), offer.sessionId, {
      filedAt: new Date('2026-02-20T08:00:00Z'),
    })
    const more = await buildPrescription(t.db, t.fx, await person(), offer.sessionId, { status: 'more_info' })
    await buildPrescription(t.db, t.fx, await person(), offer.sessionId, { status: 'refused' })
    const res = await officer.get('/api/training/worklist')
    expect(res.statusCode, res.body).toBe(200)
    const w = res.json()
    expect(ids(w.toValidate)).toEqual([early.id, late.id])
    expect(ids(w.moreInfo)).toEqual([more.id])
    expect(w.answersOverdue).toEqual([])
  })

  it('the sessions filling up: open, starting within 60 days, at most a fifth of their places left', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, { session: { startsOn: '2026-04-01', places: 10 } })
    const small = await buildTrainingSession(t.db, t.fx, offer.actionId, { startsOn: '2026-04-15', places: 2 })
    const roomy = await buildTrainingSession(t.db, t.fx, offer.actionId, { startsOn: '2026-04-15', places: 10 })
    const far = await buildTrainingSession(t.db, t.fx, offer.actionId, { startsOn: '2026-06-01', places: 1 })
    const closed = await buildTrainingSession(t.db, t.fx, offer.actionId, {
      startsOn: '2026-04-15',
      places: 1,
      status: 'closed',
    })
    const take = async (sessionId: string, n: number) => {
      for (let i = 0; i < n; i++)
        await buildPrescription(t.db, t.fx, (await buildPerson(t.db, t.fx)).id, sessionId, { status: 'accepted' })
    }
    await take(offer.sessionId, 8) // 2 left of 10: a fifth
    await take(small.id, 1) // 1 left of 2: max(1, 2/5)
    await take(roomy.id, 7) // 3 left of 10
    const filling = ids((await officer.get('/api/training/worklist')).json().sessionsFilling)
    expect(filling).toContain(offer.sessionId)
    expect(filling).toContain(small.id)
    expect(filling).not.toContain(roomy.id)
    expect(filling).not.toContain(far.id)
    expect(filling).not.toContain(closed.id)
  })

  it('only the training officer (403 to the counsellor, the director, the partner)', async () => {
    for (const c of [counsellor, director, await t.as('partner'), await t.as('reception')])
      expect((await c.get('/api/training/worklist')).statusCode).toBe(403)
  })

  // last: moves the clock
  it('the answers overdue: validated or on the waiting list past their due day', async () => {
    const person = await buildPerson(t.db, t.fx)
    const offer = await buildTrainingOffer(t.db, t.fx, { session: { infoSessionAt: null } })
    const counsellorOfA = await t.as('counsellor')
    const filed = await counsellorOfA.post(`/api/persons/${person.id}/training/prescriptions`, {
      sessionId: offer.sessionId,
      argument: 'Projet validé en entretien, prérequis acquis.',
      siteId: t.fx.sites.a,
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const decided = await officer.post(`/api/training/prescriptions/${filed.json().id}/decision`, {
      decision: 'validated',
      version: filed.json().version,
    })
    // no information session: the body answers a week after the validation
    expect(decided.json().answerDueOn).toBe('2026-03-09')
    const waiting = await buildPrescription(t.db, t.fx, (await buildPerson(t.db, t.fx)).id, offer.sessionId, {
      status: 'waiting_list',
    })
    await t.db.kysely
      .updateTable('training_prescription')
      .set({ answer_due_on: '2026-03-05' })
      .where('id', '=', waiting.id)
      .execute()
    expect(ids((await officer.get('/api/training/worklist')).json().answersOverdue)).toEqual([])
    // a week later the sign-in has expired: a fresh one each time
    t.clock.advance(7 * 24 * 3600 * 1000) // 2026-03-09: the validated one is due today, not yet late
    const overdue = async () =>
      ids((await (await t.as('training_officer')).get('/api/training/worklist')).json().answersOverdue)
    expect(await overdue()).toEqual([waiting.id])
    t.clock.advance(24 * 3600 * 1000)
    expect(await overdue()).toEqual([waiting.id, filed.json().id])
  })
})
