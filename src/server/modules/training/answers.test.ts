import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { buildPrescription, buildTrainingOffer } from '../../test/training.builders.ts'

// The training body's answers recorded by the training officer on its behalf (docs/training/prescriptions.md « The
// body's answers »): the outcome takes a place under the session's lock; the entry creates the person's training
// situation, the exit ends it. The test clock says 2026-03-02 in Paris.

let t: TestContext
let officer: TestClient
let counsellor: TestClient
let director: TestClient

const url = (id: string, what: string) => `/api/training/prescriptions/${id}/${what}`
const answer = (over: Record<string, unknown>) => ({
  infoAttendance: 'present',
  testResult: 'Tests réussis',
  outcome: 'accepted',
  outcomeReason: null,
  ...over,
})
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)

async function validated(sessionId: string, over: { status?: 'validated' | 'accepted' | 'waiting_list' } = {}) {
  const person = await buildPerson(t.db, t.fx, { firstName: 'Léo', lastName: 'Martin' })
  const p = await buildPrescription(t.db, t.fx, person.id, sessionId, {
    status: over.status ?? 'validated',
    prescriberId: counsellor.user!.id,
  })
  return { ...p, personId: person.id }
}

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
  counsellor = await t.as('counsellor')
  director = await t.as('director')
})
afterAll(() => t.close())

describe('the answer after the information session', () => {
  it('accepts: a place taken, the prescriber told', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, { action: { title: 'Titre pro cuisinier' } })
    const p = await validated(offer.sessionId)
    const res = await officer.post(url(p.id, 'answer'), answer({ version: p.version }))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'accepted', infoAttendance: 'present', testResult: 'Tests réussis' })
    expect(res.json().session).toMatchObject({ placesTaken: 1, placesLeft: 11 })
    const told = await t.db.kysely
      .selectFrom('notification')
      .select(['text', 'link'])
      .where('recipient_id', '=', counsellor.user!.id)
      .execute()
    expect(told).toContainEqual({
      text: 'Formation — Titre pro cuisinier : Léo Martin retenu(e) par l’organisme',
      link: `/personnes/${p.personId}?onglet=formation`,
    })
  })

  it('two answers for the last place at once: exactly one wins, the other 409 on outcome', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, { session: { places: 1 } })
    const a = await validated(offer.sessionId)
    const b = await validated(offer.sessionId)
    const both = await Promise.all([
      officer.post(url(a.id, 'answer'), answer({ version: a.version })),
      officer.post(url(b.id, 'answer'), answer({ version: b.version })),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const lost = both.find((r) => r.statusCode === 409)!
    expect(fieldsOf(lost)).toEqual(['outcome'])
    expect(lost.json().detail ?? lost.body).toContain('liste complémentaire')
    const session = (await officer.get(`/api/training/prescriptions/${a.id}`)).json().session
    expect(session).toMatchObject({ placesTaken: 1, placesLeft: 0 })
  })

  it('waiting list, then accepted when a place frees; refused while none is left', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx, { session: { places: 1 } })
    const holder = await validated(offer.sessionId, { status: 'accepted' })
    const p = await validated(offer.sessionId)
    const waiting = await officer.post(url(p.id, 'answer'), answer({ outcome: 'waiting_list', version: p.version }))
    expect(waiting.statusCode, waiting.body).toBe(200)
    const v = waiting.json().version
    expect((await officer.post(url(p.id, 'answer'), answer({ version: v }))).statusCode).toBe(409)
    const freed = await officer.post(url(holder.id, 'cancel'), { version: holder.version })
    expect(freed.statusCode, freed.body).toBe(200)
    const accepted = await officer.post(url(p.id, 'answer'), answer({ version: v }))
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json().status).toBe('accepted')
  })

  it('400 naming the field: no reason for a refusal, an absent person accepted, an unknown outcome', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx)
    const p = await validated(offer.sessionId)
    const noReason = await officer.post(url(p.id, 'answer'), answer({ outcome: 'not_accepted', version: p.version }))
    expect(noReason.statusCode).toBe(400)
    expect(fieldsOf(noReason)).toEqual(['outcomeReason'])
    const absent = await officer.post(url(p.id, 'answer'), answer({ infoAttendance: 'absent', version: p.version }))
    expect(fieldsOf(absent)).toEqual(['outcome'])
    const unknown = await officer.post(url(p.id, 'answer'), answer({ outcome: 'peut-être', version: p.version }))
    expect(unknown.statusCode).toBe(400)
    expect(fieldsOf(unknown)).toContain('outcome')
  })

  it('409 on a stale version, and on a prescription not yet validated (status)', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx)
    const p = await validated(offer.sessionId)
    expect((await officer.post(url(p.id, 'answer'), answer({ version: p.version + 1 }))).statusCode).toBe(409)
    const person = await buildPerson(t.db, t.fx)
    const submitted = await buildPrescription(t.db, t.fx, person.id, offer.sessionId)
    const early = await officer.post(url(submitted.id, 'answer'), answer({ version: submitted.version }))
    expect(early.statusCode).toBe(409)
    expect(fieldsOf(early)).toEqual(['status'])
  })

  it('403 to the counsellor and the director; 404 on an unknown prescription', async () => {
    const offer = await buildTrainingOffer(t.db, t.fx)
    const p = await validated(offer.sessionId)
    for (const c of [counsellor, director])
      for (const what of ['answer', 'entry', 'exit'])
        expect((await c.post(url(p.id, what), answer({ version: p.version }))).statusCode).toBe(403)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await officer.post(url(unknown, 'answer'), answer({ version: 1 }))).statusCode).toBe(404)
  })
})

describe('entry and exit', () => {
  let offer: Awaited<ReturnType<typeof buildTrainingOffer>>
  beforeAll(async () => {
    offer = await buildTrainingOffer(t.db, t.fx, {
      action: { title: 'Préqualification BTP' },
      session: { startsOn: '2026-03-02', endsOn: '2026-06-30' },
    })
  })

  it('refuses an entry in the future or more than a week before the start (400 entryDate)', async () => {
    const p = await validated(offer.sessionId, { status: 'accepted' })
    const future = await officer.post(url(p.id, 'entry'), { entryDate: '2026-03-03', version: p.version })
    expect(future.statusCode).toBe(400)
    expect(fieldsOf(future)).toEqual(['entryDate'])
    const early = await officer.post(url(p.id, 'entry'), { entryDate: '2026-02-22', version: p.version })
    expect(fieldsOf(early)).toEqual(['entryDate'])
    expect(fieldsOf(await officer.post(url(p.id, 'entry'), { entryDate: '02/03/2026', version: p.version }))).toEqual([
      'entryDate',
    ])
  })

  it('an entry before the answer is refused (409 status) and writes no situation', async () => {
    const p = await validated(offer.sessionId)
    const res = await officer.post(url(p.id, 'entry'), { entryDate: '2026-03-02', version: p.version })
    expect(res.statusCode).toBe(409)
    expect(fieldsOf(res)).toEqual(['status'])
    const situations = await t.db.kysely
      .selectFrom('situation')
      .select('id')
      .where('person_id', '=', p.personId)
      .execute()
    expect(situations).toEqual([])
  })

  it('the entry creates the person’s training situation; the exit ends it', async () => {
    const p = await validated(offer.sessionId, { status: 'accepted' })
    const entered = await officer.post(url(p.id, 'entry'), { entryDate: '2026-02-23', version: p.version })
    expect(entered.statusCode, entered.body).toBe(200)
    expect(entered.json()).toMatchObject({ status: 'entered', entryDate: '2026-02-23' })
    const situationId = entered.json().situationId
    const situation = () =>
      t.db.kysely
        .selectFrom('situation')
        .select(['kind', 'start_date', 'planned_end_date', 'end_date', 'organisation_name', 'person_id'])
        .where('id', '=', situationId)
        .executeTakeFirstOrThrow()
    expect(await situation()).toMatchObject({
      kind: 'qualifying_training',
      start_date: '2026-02-23',
      planned_end_date: '2026-06-30',
      end_date: null,
      person_id: p.personId,
    })
    expect((await situation()).organisation_name).toMatch(/^Organisme /)
    // the counsellor sees it in the file
    const seen = await counsellor.get(`/api/persons/${p.personId}/training/prescriptions`)
    expect(seen.json()[0]).toMatchObject({ status: 'entered', situationId })

    const v = entered.json().version
    const tooEarly = await officer.post(url(p.id, 'exit'), {
      exitDate: '2026-02-20',
      exitKind: 'completed',
      version: v,
    })
    expect(tooEarly.statusCode).toBe(400)
    expect(fieldsOf(tooEarly)).toEqual(['exitDate'])
    const badKind = await officer.post(url(p.id, 'exit'), { exitDate: '2026-03-01', exitKind: 'fini', version: v })
    expect(fieldsOf(badKind)).toEqual(['exitKind'])
    expect(
      (await officer.post(url(p.id, 'exit'), { exitDate: '2026-03-01', exitKind: 'completed', version: v - 1 }))
        .statusCode,
    ).toBe(409)
    const exited = await officer.post(url(p.id, 'exit'), {
      exitDate: '2026-03-01',
      exitKind: 'dropped_out',
      qualificationObtained: false,
      hoursAttended: 35,
      resultNote: 'Abandon pour un emploi',
      version: v,
    })
    expect(exited.statusCode, exited.body).toBe(200)
    expect(exited.json()).toMatchObject({ status: 'exited', exitKind: 'dropped_out', hoursAttended: 35 })
    expect((await situation()).end_date).toBe('2026-03-01')
    const twice = await officer.post(url(p.id, 'exit'), {
      exitDate: '2026-03-01',
      exitKind: 'completed',
      version: exited.json().version,
    })
    expect(twice.statusCode).toBe(409)
    expect(fieldsOf(twice)).toEqual(['status'])
    expect(exited.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['entered', 'exited'])
  })
})
