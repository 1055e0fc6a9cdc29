import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../../shared/admin/admin.schema.ts'
import type { PersonAudit } from '../../../shared/admin/audit.schema.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// "Who viewed this file" (issue 10): the director reads who saw a person's sensitive fields and who changed the file;
// nobody else does, and another structure's person is not found. The audit list names the persons for the director
// only (the admin reads no person file).
let t: TestContext
let director: TestClient
let counsellor: TestClient
let personId: string
let otherId: string
let foreignId: string

beforeAll(async () => {
  t = await createTestContext()
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  personId = (
    await buildPerson(t.db, t.fx, {
      lastName: 'Martin',
      firstName: 'Jean',
      siteId: t.fx.sites.a,
      statuses: [{ status: 'rsa', startDate: '2025-01-01' }],
    })
  ).id
  otherId = (await buildPerson(t.db, t.fx, { statuses: [{ status: 'rqth', startDate: '2025-01-01' }] })).id
  const other = await buildStructure(t.db)
  foreignId = (await buildPerson(t.db, other, { statuses: [{ status: 'rsa', startDate: '2025-01-01' }] })).id

  // two reads of the sensitive status, a note, and a read of another file
  expect((await counsellor.get(`/api/persons/${personId}`)).statusCode).toBe(200)
  t.clock.advance(60_000)
  expect((await counsellor.get(`/api/persons/${personId}`)).statusCode).toBe(200)
  expect((await counsellor.post(`/api/persons/${personId}/notes`, { text: 'Projet cuisine.' })).statusCode).toBe(201)
  expect((await counsellor.get(`/api/persons/${otherId}`)).statusCode).toBe(200)
})
afterAll(() => t.close())

const trailOf = async (id: string) => {
  const res = await director.get(`/api/admin/audit/persons/${id}?pageSize=50`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as PersonAudit
}

describe('a file’s trail, for the director', () => {
  it('says who read its sensitive fields, how often and when last, most recent reader first', async () => {
    const trail = await trailOf(personId)
    expect(trail.person).toEqual({ id: personId, name: 'MARTIN Jean' })
    expect(trail.readers).toHaveLength(1)
    // two openings a minute apart are one opening (a quarter hour's rule), the two sensitive reads are two
    expect(trail.readers[0]).toMatchObject({ actorId: counsellor.user!.id, openings: 1, sensitiveReads: 2 })
    expect(trail.readers[0].lastAt > trail.readers[0].firstAt).toBe(true)

    // the director's own read now counts too
    t.clock.advance(60_000)
    await director.get(`/api/persons/${personId}`)
    const again = await trailOf(personId)
    expect(again.readers.map((r) => [r.actorId, r.openings, r.sensitiveReads])).toEqual([
      [director.user!.id, 1, 1],
      [counsellor.user!.id, 1, 2],
    ])
  })

  it('lists a reader who saw no sensitive field, an opening written once per quarter hour', async () => {
    const plain = (await buildPerson(t.db, t.fx, { lastName: 'Simple', firstName: 'Lou', siteId: t.fx.sites.a })).id
    expect((await counsellor.get(`/api/persons/${plain}`)).statusCode).toBe(200)
    t.clock.advance(14 * 60_000)
    expect((await counsellor.get(`/api/persons/${plain}`)).statusCode).toBe(200)
    let trail = await trailOf(plain)
    expect(trail.readers.map((r) => [r.actorId, r.openings, r.sensitiveReads])).toEqual([[counsellor.user!.id, 1, 0]])
    expect(trail.items.filter((e) => e.action === 'person.read')).toHaveLength(1)
    expect(trail.items.some((e) => e.action === 'sensitive.read')).toBe(false)
    // a quarter hour after the line written, an opening is written again; a failed opening (404) writes nothing
    t.clock.advance(60_000 + 1)
    expect((await counsellor.get(`/api/persons/${plain}`)).statusCode).toBe(200)
    expect((await counsellor.get(`/api/persons/${foreignId}`)).statusCode).toBe(404)
    trail = await trailOf(plain)
    expect(trail.readers[0]).toMatchObject({ openings: 2, sensitiveReads: 0 })
    expect(trail.readers[0].lastAt > trail.readers[0].firstAt).toBe(true)
  })

  it('lists every line about the person, newest first, named, and none about another person', async () => {
    const trail = await trailOf(personId)
    const actions = trail.items.map((e) => e.action)
    expect(actions).toContain('note.create')
    expect(actions.filter((a) => a === 'sensitive.read').length).toBeGreaterThanOrEqual(2)
    expect(trail.items.every((e) => e.personId === personId && e.personName === 'MARTIN Jean')).toBe(true)
    expect(trail.total).toBe(trail.items.length)
    const ids = trail.items.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect((await trailOf(otherId)).items.every((e) => e.personId === otherId)).toBe(true)
  })

  it('is paged', async () => {
    const first = (await director.get(`/api/admin/audit/persons/${personId}?pageSize=1`)).json() as PersonAudit
    const second = (await director.get(`/api/admin/audit/persons/${personId}?pageSize=1&page=2`)).json() as PersonAudit
    expect(first.items).toHaveLength(1)
    expect(second.items).toHaveLength(1)
    expect(second.items[0].id).toBeLessThan(first.items[0].id)
    expect(first.total).toBeGreaterThanOrEqual(3)
  })

  it('answers 404 for another structure’s person and an unknown one, 400 for a malformed id', async () => {
    expect((await director.get(`/api/admin/audit/persons/${foreignId}`)).statusCode).toBe(404)
    expect((await director.get('/api/admin/audit/persons/6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23')).statusCode).toBe(404)
    const bad = await director.get('/api/admin/audit/persons/pas-un-identifiant')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('is refused to every other role, the admin and the counsellor who read the file included', async () => {
    for (const role of ['admin', 'counsellor', 'reception', 'statistician', 'partner', 'aid_officer'] as const) {
      const reader = await t.as(role)
      const res = await reader.get(`/api/admin/audit/persons/${personId}`)
      expect(res.statusCode, role).toBe(403)
    }
    const anonymous = await t.anonymous()
    expect((await anonymous.get(`/api/admin/audit/persons/${personId}`)).statusCode).toBe(401)
  })
})

describe('the audit list', () => {
  const linesAbout = async (reader: TestClient) => {
    const res = await reader.get('/api/admin/audit?pageSize=200')
    expect(res.statusCode).toBe(200)
    return (res.json().items as AuditEvent[]).filter((e) => e.personId === personId)
  }

  it('names the person of each line for the director', async () => {
    const lines = await linesAbout(director)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(new Set(lines.map((e) => e.personName))).toEqual(new Set(['MARTIN Jean']))
  })

  it('gives the admin the person’s id but not the name: the admin reads no person file', async () => {
    const lines = await linesAbout(await t.as('admin'))
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(lines.every((e) => e.personName === null)).toBe(true)
    const all = (await (await t.as('admin')).get('/api/admin/audit?pageSize=200')).json().items as AuditEvent[]
    expect(JSON.stringify(all)).not.toContain('MARTIN')
  })
})
