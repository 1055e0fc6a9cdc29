import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import {
  buildApplication,
  buildEmployer,
  buildOperation,
  buildOperationSession,
} from '../../test/employment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Recruitment operations (docs/employment/operations.md): a session's bulk actions and its changes, access and input.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let reception: TestClient
let trainingOfficer: TestClient
let employerId: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  reception = await t.as('reception')
  trainingOfficer = await t.as('training_officer')
  employerId = (await buildEmployer(t.db, t.fx)).id
})
afterAll(() => t.close())

const base = '/api/employment/operations'
const operationBody = (extra: object = {}) => ({
  employerId,
  title: 'Centre d’appels',
  positions: 40,
  startsOn: '2026-03-01',
  ...extra,
})
const newSession = (operationId: string, capacity: number | null = null) =>
  buildOperationSession(t.db, t.fx, operationId, capacity)

describe('bulk actions on a session', () => {
  async function setUp(n: number, capacity: number | null = null) {
    const op = await buildOperation(t.db, t.fx, employerId)
    const session = await newSession(op.id, capacity)
    const apps = []
    for (let i = 0; i < n; i++) apps.push(await buildApplication(t.db, t.fx, op.id))
    return { op, session, apps }
  }

  it('invites the selection (within the capacity), then marks presence; a stale version writes nothing', async () => {
    const { op, session, apps } = await setUp(4, 3)
    const url = `${base}/${op.id}/sessions/${session.id}`
    const all = apps.map((a) => ({ id: a.id, version: a.version }))
    const full = await officer.post(`${url}/invitations`, { applications: all })
    expect(full.statusCode).toBe(409)
    expect(full.json().fields[0].field).toBe('applications')
    const invited = await officer.post(`${url}/invitations`, { applications: all.slice(0, 3) })
    expect(invited.statusCode, invited.body).toBe(200)
    expect(invited.json().updated).toBe(3)
    const notInvited = await officer.post(`${url}/attendance`, {
      applications: [{ ...all[3], attended: true }],
    })
    expect(notInvited.statusCode).toBe(409)
    const stale = await officer.post(`${url}/attendance`, {
      applications: [
        { id: all[0].id, version: 2, attended: true },
        { id: all[1].id, version: 1, attended: true },
      ],
    })
    expect(stale.statusCode).toBe(409)
    const f = (await officer.get(`${base}/${op.id}`)).json().funnel
    expect(f).toMatchObject({ invited: 3, attended: 0 })
  })

  it('parallel markings: different applications all land; the same application at the same version once', async () => {
    const { op, session, apps } = await setUp(6)
    const url = `${base}/${op.id}/sessions/${session.id}`
    await officer.post(`${url}/invitations`, { applications: apps.map((a) => ({ id: a.id, version: a.version })) })
    const marks = apps.map((a, i) => ({ id: a.id, version: 2, attended: i % 2 === 0 }))
    const results = await Promise.all([
      officer.post(`${url}/attendance`, { applications: marks.slice(0, 3) }),
      officer.post(`${url}/attendance`, { applications: marks.slice(3) }),
    ])
    expect(results.map((r) => r.statusCode)).toEqual([200, 200])
    const again = await Promise.all([
      officer.post(`${url}/attendance`, { applications: [{ ...marks[1], version: 3, attended: true }] }),
      officer.post(`${url}/attendance`, { applications: [{ ...marks[1], version: 3, attended: false }] }),
    ])
    expect(again.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const winner = again.findIndex((r) => r.statusCode === 200) === 0
    const rows = (await officer.get(`${base}/${op.id}/applications?sessionId=${session.id}`)).json()
    const expected = marks.map((m, i) => (i === 1 ? winner : m.attended)).filter(Boolean).length
    expect(rows.filter((a: { attended: boolean }) => a.attended)).toHaveLength(expected)
    expect((await officer.get(`${base}/${op.id}`)).json().funnel.attended).toBe(expected)
  })
})

describe('changing and deleting a session', () => {
  it('is changed with its version, not below the invited; deleted only when nobody is invited, with its version', async () => {
    const op = await buildOperation(t.db, t.fx, employerId)
    const session = await newSession(op.id, 10)
    const url = `${base}/${op.id}/sessions/${session.id}`
    const apps = [await buildApplication(t.db, t.fx, op.id), await buildApplication(t.db, t.fx, op.id)]
    await officer.post(`${url}/invitations`, { applications: apps.map((a) => ({ id: a.id, version: a.version })) })
    const body = { at: '2026-03-11T14:00:00+01:00', place: 'Salle 2', capacity: 12, version: 1 }
    const changed = await officer.put(url, body)
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ place: 'Salle 2', capacity: 12, invited: 2, version: 2 })
    expect(changed.json().at).toBe('2026-03-11T13:00:00.000Z')
    expect((await officer.put(url, body)).statusCode).toBe(409)
    const tooSmall = await officer.put(url, { ...body, capacity: 1, version: 2 })
    expect(tooSmall.statusCode).toBe(409)
    expect(tooSmall.json().fields[0].field).toBe('capacity')
    // two invited: the session stays, the problem says why in French
    const inUse = await officer.delete(`${url}?version=2`)
    expect(inUse.statusCode).toBe(409)
    expect(inUse.headers['content-type']).toContain('application/problem+json')
    expect(inUse.json().fields[0]).toMatchObject({ field: 'sessionId' })
    expect(inUse.json().detail ?? inUse.json().title).toContain('2 candidatures sont invitées')
    // once they are invited elsewhere, it goes; a stale version first 409
    const other = await newSession(op.id)
    for (const a of apps)
      await officer.post(`${base}/applications/${a.id}/steps`, { step: 'invite', infoSessionId: other.id, version: 2 })
    expect((await officer.delete(`${url}?version=1`)).statusCode).toBe(409)
    const gone = await officer.delete(`${url}?version=2`)
    expect(gone.statusCode, gone.body).toBe(204)
    const left = (await officer.get(`${base}/${op.id}`)).json().sessions.map((x: { id: string }) => x.id)
    expect(left).toEqual([other.id])
    expect((await officer.delete(`${url}?version=2`)).statusCode).toBe(404)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'operation_info_session')
      .where('entity_id', '=', session.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['update', 'delete']))
    const bad = await officer.delete(`${base}/${op.id}/sessions/${other.id}?version=deux`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('version')
  })

  it('a session of another operation or structure is 404; wrong roles 403', async () => {
    const op = await buildOperation(t.db, t.fx, employerId)
    const elsewhere = await buildOperation(t.db, t.fx, employerId)
    const session = await newSession(elsewhere.id)
    expect((await officer.delete(`${base}/${op.id}/sessions/${session.id}?version=1`)).statusCode).toBe(404)
    expect(
      (await officer.put(`${base}/${op.id}/sessions/${session.id}`, { at: '2026-03-10T09:00:00+01:00', version: 1 }))
        .statusCode,
    ).toBe(404)
    const other = await buildStructure(t.db)
    const foreign = await buildOperation(t.db, other, (await buildEmployer(t.db, other)).id)
    const foreignSession = await t.db.kysely
      .insertInto('operation_info_session')
      .values({
        structure_id: other.structureId,
        operation_id: foreign.id,
        at: new Date(),
        place: null,
        capacity: null,
        external_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await officer.delete(`${base}/${foreign.id}/sessions/${foreignSession.id}?version=1`)).statusCode).toBe(404)
    for (const c of [reception, trainingOfficer, director, counsellor])
      expect((await c.delete(`${base}/${elsewhere.id}/sessions/${session.id}?version=1`)).statusCode).toBe(403)
    const still = await t.db.kysely
      .selectFrom('operation_info_session')
      .select('id')
      .where('id', 'in', [session.id, foreignSession.id])
      .execute()
    expect(still).toHaveLength(2)
  })
})

describe('access and input', () => {
  it('wrong role 403; the director reads only', async () => {
    const op = await buildOperation(t.db, t.fx, employerId)
    const a = await buildApplication(t.db, t.fx, op.id)
    const session = await newSession(op.id)
    const writes = (c: TestClient) => [
      c.post(base, operationBody()),
      c.put(`${base}/${op.id}`, operationBody({ version: 1 })),
      c.post(`${base}/${op.id}/sessions`, { at: '2026-03-10T09:00:00+01:00' }),
      c.put(`${base}/${op.id}/sessions/${session.id}`, { at: '2026-03-10T09:00:00+01:00', version: 1 }),
      c.post(`${base}/${op.id}/sessions/${session.id}/invitations`, { applications: [{ id: a.id, version: 1 }] }),
      c.post(`${base}/${op.id}/sessions/${session.id}/attendance`, {
        applications: [{ id: a.id, version: 1, attended: true }],
      }),
      c.post(`${base}/applications/${a.id}/steps`, { step: 'outcome', outcome: 'withdrawn', version: 1 }),
    ]
    for (const c of [reception, trainingOfficer]) {
      for (const url of [base, `${base}/${op.id}`, `${base}/${op.id}/applications`])
        expect((await c.get(url)).statusCode).toBe(403)
      for (const r of await Promise.all(writes(c))) expect(r.statusCode).toBe(403)
      const add = await c.post(`${base}/${op.id}/applications`, {
        lastName: 'X',
        source: 'other',
        receivedOn: '2026-03-02',
      })
      expect(add.statusCode).toBe(403)
    }
    for (const r of await Promise.all(writes(director))) expect(r.statusCode).toBe(403)
    expect((await director.get(`${base}/${op.id}/applications`)).json()).toHaveLength(1)
  })

  it('another structure’s operation, session or application answers 404', async () => {
    const other = await buildStructure(t.db)
    const foreignEmployer = await buildEmployer(t.db, other)
    const op = await buildOperation(t.db, other, foreignEmployer.id)
    const a = await buildApplication(t.db, other, op.id)
    const session = await t.db.kysely
      .insertInto('operation_info_session')
      .values({
        structure_id: other.structureId,
        operation_id: op.id,
        at: new Date(),
        place: null,
        capacity: null,
        external_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const expect404 = async (p: Promise<{ statusCode: number; body: string }>) =>
      expect((await p).statusCode, (await p).body).toBe(404)
    await expect404(officer.get(`${base}/${op.id}`))
    await expect404(officer.get(`${base}/${op.id}/applications`))
    await expect404(officer.put(`${base}/${op.id}`, operationBody({ version: 1 })))
    await expect404(officer.post(`${base}/${op.id}/sessions`, { at: '2026-03-10T09:00:00+01:00' }))
    await expect404(
      officer.put(`${base}/${op.id}/sessions/${session.id}`, { at: '2026-03-10T09:00:00+01:00', version: 1 }),
    )
    await expect404(
      officer.post(`${base}/${op.id}/sessions/${session.id}/invitations`, { applications: [{ id: a.id, version: 1 }] }),
    )
    await expect404(
      officer.post(`${base}/${op.id}/applications`, { lastName: 'X', source: 'other', receivedOn: '2026-03-02' }),
    )
    await expect404(
      officer.post(`${base}/applications/${a.id}/steps`, { step: 'outcome', outcome: 'withdrawn', version: 1 }),
    )
    expect((await officer.get(base)).json().some((o: { id: string }) => o.id === op.id)).toBe(false)
    // another structure's employer for a new operation: the field is named
    const r = await officer.post(base, operationBody({ employerId: foreignEmployer.id }))
    expect(r.statusCode).toBe(400)
    expect(r.json().fields[0].field).toBe('employerId')
  })

  it('bad input: 400 problem+json naming the field', async () => {
    const field = async (body: object) => {
      const r = await officer.post(base, operationBody(body))
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field({ title: ' ' })).toBe('title')
    expect(await field({ positions: 0 })).toBe('positions')
    expect(await field({ startsOn: '2026-02-30' })).toBe('startsOn')
    expect(await field({ endsOn: '2026-02-01' })).toBe('endsOn')
    expect(await field({ status: 'open' })).toBe('status')
    expect(await field({ employerId: 'x' })).toBe('employerId')
    const op = await buildOperation(t.db, t.fx, employerId)
    const app = async (body: object) => {
      const r = await officer.post(`${base}/${op.id}/applications`, {
        source: 'other',
        receivedOn: '2026-03-02',
        ...body,
      })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await app({})).toBe('lastName')
    expect(await app({ lastName: 'X', source: 'facebook' })).toBe('source')
    expect(await app({ lastName: 'X', communeCode: '591' })).toBe('communeCode')
    const a = await buildApplication(t.db, t.fx, op.id)
    const step = await officer.post(`${base}/applications/${a.id}/steps`, { step: 'jump', version: 1 })
    expect(step.statusCode).toBe(400)
    expect(step.json().fields[0].field).toBe('step')
    const session = await officer.post(`${base}/${op.id}/sessions`, { at: '10/03/2026' })
    expect(session.statusCode).toBe(400)
    expect(session.json().fields[0].field).toBe('at')
    expect((await officer.get(`${base}/not-an-id`)).statusCode).toBe(400)
  })
})
