import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import { buildEmployer, buildPlacement, buildPool, buildPoolMember } from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Candidate pools (docs/employment/pools.md): the figures counted from the members and the hires made through the
// pool, the stages' dates, access and scope.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let reception: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  reception = await t.as('reception')
})
afterAll(() => t.close())

const base = '/api/employment/pools'
const poolBody = (extra: object = {}) => ({
  name: 'Aide à domicile',
  kind: 'sector',
  eligibility: 'Demandeurs d’emploi de plus de 26 ans, permis B',
  startsOn: '2026-01-05',
  ...extra,
})
const stages = (extra: object = {}) => ({
  infoSessionId: null,
  interviewedOn: null,
  joinedOn: null,
  leftOn: null,
  leftReason: null,
  ...extra,
})

describe('the figures', () => {
  it('count positioned, informed, interviewed, joined, employed (a hire through the pool or left for a job), left', async () => {
    const pool = await buildPool(t.db, t.fx)
    const employer = await buildEmployer(t.db, t.fx)
    const session = await t.db.kysely
      .insertInto('pool_info_session')
      .values({ structure_id: t.fx.structureId, pool_id: pool.id, at: new Date(), place: null, external_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    type Spec = { informed?: boolean; interviewedOn?: string; joinedOn?: string; hired?: boolean; leftForJob?: boolean }
    const specs: Spec[] = [
      {},
      { informed: true },
      { informed: true, interviewedOn: '2026-01-20' },
      { informed: true, interviewedOn: '2026-01-20', joinedOn: '2026-01-25' },
      { informed: true, interviewedOn: '2026-01-20', joinedOn: '2026-01-25', hired: true },
      { interviewedOn: '2026-01-20', joinedOn: '2026-01-25', leftForJob: true },
    ]
    for (const s of specs) {
      const person = await buildPerson(t.db, t.fx)
      const m = await buildPoolMember(t.db, t.fx, pool.id, person.id, s)
      const set = {
        ...(s.informed ? { info_session_id: session.id } : {}),
        ...(s.leftForJob ? { left_on: '2026-02-01', left_reason: 'employed' } : {}),
      }
      if (Object.keys(set).length)
        await t.db.kysely.updateTable('pool_member').set(set).where('id', '=', m.id).execute()
      if (s.hired) await buildPlacement(t.db, t.fx, person.id, employer.id, { poolId: pool.id })
    }
    // a hire of a member made elsewhere does not count for the pool
    const elsewhere = await buildPerson(t.db, t.fx)
    await buildPoolMember(t.db, t.fx, pool.id, elsewhere.id)
    await buildPlacement(t.db, t.fx, elsewhere.id, employer.id)
    specs.push({})
    const res = await director.get(`${base}/${pool.id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().figures).toEqual({
      positioned: specs.length,
      informed: specs.filter((s) => s.informed).length,
      interviewed: specs.filter((s) => s.interviewedOn).length,
      joined: specs.filter((s) => s.joinedOn).length,
      employed: specs.filter((s) => s.hired || s.leftForJob).length,
      left: specs.filter((s) => s.leftForJob).length,
    })
    expect(res.json().sessions[0].members).toBe(specs.filter((s) => s.informed).length)
    const listed = (await officer.get(base)).json().find((p: { id: string }) => p.id === pool.id)
    expect(listed.figures).toEqual(res.json().figures)
    const employed = (await officer.get(`${base}/${pool.id}/members?stage=employed`)).json()
    expect(employed).toHaveLength(specs.filter((s) => s.hired || s.leftForJob).length)
  })
})

describe('a pool and its members', () => {
  it('is created, changed with its version (409 when stale); sessions too', async () => {
    const res = await officer.post(base, poolBody())
    expect(res.statusCode, res.body).toBe(201)
    const pool = res.json()
    expect(pool).toMatchObject({ name: 'Aide à domicile', active: true, version: 1, figures: { positioned: 0 } })
    const changed = await officer.put(`${base}/${pool.id}`, poolBody({ name: 'Vivier aide à domicile', version: 1 }))
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().version).toBe(2)
    expect((await officer.put(`${base}/${pool.id}`, poolBody({ version: 1 }))).statusCode).toBe(409)
    const session = await officer.post(`${base}/${pool.id}/sessions`, {
      at: '2026-01-12T14:00:00+01:00',
      place: 'CCAS',
    })
    expect(session.statusCode, session.body).toBe(201)
    const s = session.json()
    const moved = await officer.put(`${base}/${pool.id}/sessions/${s.id}`, {
      at: '2026-01-13T14:00:00+01:00',
      version: 1,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect((await officer.put(`${base}/${pool.id}/sessions/${s.id}`, { at: s.at, version: 1 })).statusCode).toBe(409)
  })

  it('positions a person once (a counsellor: one of their people); the stages follow the positioning', async () => {
    const pool = (await officer.post(base, poolBody())).json()
    const session = (await officer.post(`${base}/${pool.id}/sessions`, { at: '2026-01-12T14:00:00+01:00' })).json()
    const mine = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.a })
    const other = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    const added = await counsellor.post(`${base}/${pool.id}/members`, { personId: mine.id, positionedOn: '2026-01-10' })
    expect(added.statusCode, added.body).toBe(201)
    let m = added.json()
    expect(m).toMatchObject({ person: { id: mine.id }, positionedOn: '2026-01-10', employed: false, version: 1 })
    const twice = await officer.post(`${base}/${pool.id}/members`, { personId: mine.id, positionedOn: '2026-01-11' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('personId')
    expect(
      (await counsellor.post(`${base}/${pool.id}/members`, { personId: other.id, positionedOn: '2026-01-10' }))
        .statusCode,
    ).toBe(404)
    await officer.post(`${base}/${pool.id}/members`, { personId: other.id, positionedOn: '2026-01-10' })
    expect((await officer.get(`${base}/${pool.id}/members`)).json()).toHaveLength(2)
    const seen = (await counsellor.get(`${base}/${pool.id}/members`)).json()
    expect(seen.map((x: { person: { id: string } }) => x.person.id)).toEqual([mine.id])
    const put = (body: object) => officer.put(`${base}/members/${m.id}`, stages({ version: m.version, ...body }))
    const early = await put({ joinedOn: '2026-01-09' })
    expect(early.statusCode).toBe(400)
    expect(early.json().fields[0].field).toBe('joinedOn')
    const noReason = await put({ leftOn: '2026-02-01' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields[0].field).toBe('leftReason')
    const ok = await put({ infoSessionId: session.id, interviewedOn: '2026-01-15', joinedOn: '2026-01-20' })
    expect(ok.statusCode, ok.body).toBe(200)
    m = ok.json()
    expect(m).toMatchObject({ interviewedOn: '2026-01-15', joinedOn: '2026-01-20', version: 2 })
    expect((await officer.put(`${base}/members/${m.id}`, stages({ version: 1 }))).statusCode).toBe(409)
    const left = await put({ joinedOn: '2026-01-20', leftOn: '2026-03-01', leftReason: 'employed' })
    expect(left.statusCode, left.body).toBe(200)
    expect(left.json().employed).toBe(true)
    expect((await officer.get(`${base}/${pool.id}`)).json().figures).toMatchObject({
      positioned: 2,
      joined: 1,
      employed: 1,
      left: 1,
    })
    expect((await counsellor.put(`${base}/members/${m.id}`, stages({ version: 3 }))).statusCode).toBe(403)
    // a closed pool takes no one
    const closed = await officer.put(`${base}/${pool.id}`, poolBody({ active: false, version: 1 }))
    expect(closed.statusCode, closed.body).toBe(200)
    const late = await officer.post(`${base}/${pool.id}/members`, {
      personId: (await buildPerson(t.db, t.fx)).id,
      positionedOn: '2026-03-01',
    })
    expect(late.statusCode).toBe(409)
  })
})

describe('deleting a session', () => {
  it('only with no member attached (409 in French), with its version; another pool’s or structure’s 404; wrong role 403', async () => {
    const pool = (await officer.post(base, poolBody())).json()
    const s = (await officer.post(`${base}/${pool.id}/sessions`, { at: '2026-01-12T14:00:00+01:00' })).json()
    const url = `${base}/${pool.id}/sessions/${s.id}`
    const person = await buildPerson(t.db, t.fx)
    const member = (
      await officer.post(`${base}/${pool.id}/members`, {
        personId: person.id,
        positionedOn: '2026-01-10',
        infoSessionId: s.id,
      })
    ).json()
    const inUse = await officer.delete(`${url}?version=1`)
    expect(inUse.statusCode).toBe(409)
    expect(inUse.headers['content-type']).toContain('application/problem+json')
    expect(inUse.json().fields[0].field).toBe('sessionId')
    expect(inUse.json().detail).toContain('Un membre du vivier est rattaché')
    for (const c of [reception, director, counsellor]) expect((await c.delete(`${url}?version=1`)).statusCode).toBe(403)
    const detached = await officer.put(`${base}/members/${member.id}`, stages({ version: member.version }))
    expect(detached.statusCode, detached.body).toBe(200)
    const other = (await officer.post(base, poolBody())).json()
    expect((await officer.delete(`${base}/${other.id}/sessions/${s.id}?version=1`)).statusCode).toBe(404)
    const foreign = await buildPool(t.db, await buildStructure(t.db))
    expect((await officer.delete(`${base}/${foreign.id}/sessions/${s.id}?version=1`)).statusCode).toBe(404)
    expect((await officer.delete(`${url}?version=2`)).statusCode).toBe(409)
    const gone = await officer.delete(`${url}?version=1`)
    expect(gone.statusCode, gone.body).toBe(204)
    expect((await officer.get(`${base}/${pool.id}`)).json().sessions).toEqual([])
    expect((await officer.delete(`${url}?version=1`)).statusCode).toBe(404)
  })
})

describe('access and input', () => {
  it('wrong role 403; the director reads only; another structure’s pool or member 404', async () => {
    const pool = await buildPool(t.db, t.fx)
    const person = await buildPerson(t.db, t.fx)
    const member = await buildPoolMember(t.db, t.fx, pool.id, person.id)
    for (const c of [reception]) {
      expect((await c.get(base)).statusCode).toBe(403)
      expect((await c.get(`${base}/${pool.id}`)).statusCode).toBe(403)
      expect((await c.get(`${base}/${pool.id}/members`)).statusCode).toBe(403)
      expect(
        (await c.post(`${base}/${pool.id}/members`, { personId: person.id, positionedOn: '2026-01-10' })).statusCode,
      ).toBe(403)
    }
    for (const c of [reception, director, counsellor]) {
      expect((await c.post(base, poolBody())).statusCode).toBe(403)
      expect((await c.put(`${base}/${pool.id}`, poolBody({ version: 1 }))).statusCode).toBe(403)
      expect((await c.post(`${base}/${pool.id}/sessions`, { at: '2026-01-12T14:00:00+01:00' })).statusCode).toBe(403)
      expect((await c.put(`${base}/members/${member.id}`, stages({ version: 1 }))).statusCode).toBe(403)
    }
    expect(
      (await director.post(`${base}/${pool.id}/members`, { personId: person.id, positionedOn: '2026-01-10' }))
        .statusCode,
    ).toBe(403)
    expect((await director.get(`${base}/${pool.id}/members`)).json()).toHaveLength(1)

    const other = await buildStructure(t.db)
    const foreign = await buildPool(t.db, other)
    const foreignPerson = await buildPerson(t.db, other)
    const foreignMember = await buildPoolMember(t.db, other, foreign.id, foreignPerson.id)
    expect((await officer.get(`${base}/${foreign.id}`)).statusCode).toBe(404)
    expect((await officer.get(`${base}/${foreign.id}/members`)).statusCode).toBe(404)
    expect((await officer.put(`${base}/${foreign.id}`, poolBody({ version: 1 }))).statusCode).toBe(404)
    expect((await officer.post(`${base}/${foreign.id}/sessions`, { at: '2026-01-12T14:00:00+01:00' })).statusCode).toBe(
      404,
    )
    expect(
      (await officer.post(`${base}/${foreign.id}/members`, { personId: person.id, positionedOn: '2026-01-10' }))
        .statusCode,
    ).toBe(404)
    expect((await officer.put(`${base}/members/${foreignMember.id}`, stages({ version: 1 }))).statusCode).toBe(404)
    // another structure's person on our pool
    expect(
      (await officer.post(`${base}/${pool.id}/members`, { personId: foreignPerson.id, positionedOn: '2026-01-10' }))
        .statusCode,
    ).toBe(404)
    expect((await officer.get(base)).json().some((p: { id: string }) => p.id === foreign.id)).toBe(false)
  })

  it('bad input: 400 problem+json naming the field', async () => {
    const field = async (body: object) => {
      const r = await officer.post(base, poolBody(body))
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field({ name: '' })).toBe('name')
    expect(await field({ kind: 'garden' })).toBe('kind')
    expect(await field({ startsOn: '05/01/2026' })).toBe('startsOn')
    expect(await field({ endsOn: '2025-01-01' })).toBe('endsOn')
    const pool = await buildPool(t.db, t.fx)
    const r = await officer.post(`${base}/${pool.id}/members`, { personId: 'x', positionedOn: '2026-01-10' })
    expect(r.json().fields[0].field).toBe('personId')
    const person = await buildPerson(t.db, t.fx)
    const m = await buildPoolMember(t.db, t.fx, pool.id, person.id)
    const bad = await officer.put(
      `${base}/members/${m.id}`,
      stages({ leftOn: '2026-02-01', leftReason: 'bored', version: 1 }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('leftReason')
    const otherSession = await officer.put(
      `${base}/members/${m.id}`,
      stages({ infoSessionId: crypto.randomUUID(), version: 1 }),
    )
    expect(otherSession.statusCode).toBe(400)
    expect(otherSession.json().fields[0].field).toBe('infoSessionId')
  })

  it('parallel changes of one member at the same version: one lands, the other 409', async () => {
    const pool = await buildPool(t.db, t.fx)
    const person = await buildPerson(t.db, t.fx)
    const m = await buildPoolMember(t.db, t.fx, pool.id, person.id, { positionedOn: '2026-01-05' })
    const results = await Promise.all([
      officer.put(`${base}/members/${m.id}`, stages({ joinedOn: '2026-01-20', version: 1 })),
      officer.put(`${base}/members/${m.id}`, stages({ interviewedOn: '2026-01-15', version: 1 })),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const [row] = (await officer.get(`${base}/${pool.id}/members`)).json()
    expect(row.version).toBe(2)
  })
})
