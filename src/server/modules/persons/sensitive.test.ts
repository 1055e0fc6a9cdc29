import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// RSA, RQTH and justice: seen only by those who follow the person, every read audited, and a hidden status is said to be
// hidden rather than shown as absent.
let t: TestContext
let id: string
let plain: string
let referent: TestClient

beforeAll(async () => {
  t = await createTestContext()
  referent = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  id = (
    await buildPerson(t.db, t.fx, {
      siteId: t.fx.sites.a,
      referentId: referent.user!.id,
      statuses: [
        { status: 'rsa', startDate: '2025-01-01' },
        { status: 'rqth', startDate: '2024-06-01', detail: 'jusqu’en 2029' },
        { status: 'justice', startDate: '2025-10-01' },
      ],
    })
  ).id
  plain = (await buildPerson(t.db, t.fx, { statuses: [{ status: 'long_term_unemployed', startDate: '2025-01-01' }] }))
    .id
})
afterAll(() => t.close())

const sensitiveReads = async (actorId: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['entity', 'entity_id', 'detail'])
    .where('action', '=', 'sensitive.read')
    .where('actor_id', '=', actorId)
    .execute()
const statusesOf = (file: { statuses: { status: string }[] }) => file.statuses.map((s) => s.status).sort()

describe('sensitive statuses', () => {
  it('are shown to a counsellor of the site, and the read is audited with the fields shown', async () => {
    const counsellor = await t.as('counsellor')
    const res = await counsellor.get(`/api/persons/${id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().sensitiveHidden).toBe(false)
    expect(res.json().can.seeSensitive).toBe(true)
    expect(statusesOf(res.json())).toEqual(['justice', 'rqth', 'rsa'])
    expect(await sensitiveReads(counsellor.user!.id)).toEqual([
      { entity: 'person', entity_id: id, detail: { fields: ['statuses.justice', 'statuses.rsa', 'statuses.rqth'] } },
    ])
    const list = await counsellor.get(`/api/persons/${id}/statuses`)
    expect(list.json().items.find((s: { status: string }) => s.status === 'rqth')).toMatchObject({
      sensitive: true,
      detail: 'jusqu’en 2029',
    })
    expect(await sensitiveReads(counsellor.user!.id)).toHaveLength(2)
    // A file without a sensitive status leaves no such line.
    await counsellor.get(`/api/persons/${plain}`)
    expect(await sensitiveReads(counsellor.user!.id)).toHaveLength(2)
  })

  it('are shown to the referent from another site and to the director, audited too', async () => {
    for (const reader of [referent, await t.as('director')]) {
      const res = await reader.get(`/api/persons/${id}`)
      expect(statusesOf(res.json())).toEqual(['justice', 'rqth', 'rsa'])
      expect(await sensitiveReads(reader.user!.id)).toHaveLength(1)
    }
  })

  it('are hidden from reception and the other departments, who are told they are hidden', async () => {
    for (const role of ['reception', 'training_officer', 'employment_officer', 'aid_officer'] as const) {
      const reader = await t.as(role)
      const res = await reader.get(`/api/persons/${id}`)
      expect(res.statusCode, role).toBe(200)
      expect(res.json().sensitiveHidden, role).toBe(true)
      expect(statusesOf(res.json()), role).toEqual([])
      expect(JSON.stringify(res.json()), role).not.toContain('2029')
      expect(await sensitiveReads(reader.user!.id), role).toEqual([])
      // Nor can they reach the status list, the dated situation or the notes.
      for (const path of ['statuses', 'attributes', 'notes'])
        expect((await reader.get(`/api/persons/${id}/${path}`)).statusCode, `${role} ${path}`).toBe(403)
      // Hidden does not mean absent: a file without any sensitive status is flagged the same way.
      expect((await reader.get(`/api/persons/${plain}`)).json().sensitiveHidden, role).toBe(true)
    }
  })

  it('answers 404 to a counsellor who neither works on the site nor follows the person', async () => {
    const outsider = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    for (const path of ['', '/statuses', '/attributes', '/notes'])
      expect((await outsider.get(`/api/persons/${id}${path}`)).statusCode, path).toBe(404)
    const put = await outsider.put(`/api/persons/${id}`, {
      lastName: 'X',
      firstName: 'Y',
      sex: 'F',
      birthDate: '2005-06-15',
      siteId: t.fx.sites.b,
      version: 1,
    })
    expect(put.statusCode).toBe(404)
    expect(await sensitiveReads(outsider.user!.id)).toEqual([])
  })

  it('is refused to roles that have no access to person files', async () => {
    for (const role of ['statistician', 'partner', 'admin'] as const)
      expect((await (await t.as(role)).get(`/api/persons/${id}`)).statusCode, role).toBe(403)
  })
})
