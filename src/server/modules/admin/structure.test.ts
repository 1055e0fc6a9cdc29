import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPersonRow } from '../../test/accompaniment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The structure's settings (name, time zone) and what the zone changes: "today" is the structure's day, so an
// overseas Mission Locale's day begins at its own midnight, not at Paris's.
let t: TestContext
let admin: TestClient
let counsellor: TestClient
let personId: string

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
  counsellor = await t.as('counsellor')
  personId = (await buildPersonRow(t.db, t.fx)).id
})
afterAll(() => t.close())

const settings = async () => (await admin.get('/api/admin/structure')).json()
async function setZone(timeZone: string) {
  const current = await settings()
  const res = await admin.put('/api/admin/structure', { name: current.name, timeZone, version: current.version })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
/** an event of that day, attended: refused (400 on attendance) when the day is after the structure's today */
const attendedOn = (date: string) =>
  counsellor.post(`/api/persons/${personId}/events`, { kind: 'phone', date, attendance: 'present' })

describe('the structure’s settings', () => {
  it('start in Europe/Paris; the admin renames the structure and moves it to Réunion, audited', async () => {
    const before = await settings()
    expect(before).toMatchObject({ id: t.fx.structureId, timeZone: 'Europe/Paris', version: 1 })
    const res = await admin.put('/api/admin/structure', {
      name: 'Mission Locale Nord',
      timeZone: 'Indian/Reunion',
      version: 1,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      id: t.fx.structureId,
      name: 'Mission Locale Nord',
      timeZone: 'Indian/Reunion',
      version: 2,
    })
    const audit = (await admin.get(`/api/admin/audit?entity=structure&entityId=${t.fx.structureId}`)).json()
    expect(audit.items[0]).toMatchObject({ action: 'update' })
    // the session's answer carries the zone, so the web's "today" and times are the structure's
    expect((await counsellor.get('/api/auth/me')).json().timeZone).toBe('Indian/Reunion')
    await setZone('Europe/Paris')
  })

  it('refuses a stale version (409), never overwriting the other admin’s change', async () => {
    const current = await settings()
    const first = await admin.put('/api/admin/structure', { ...current, name: 'Premier', id: undefined })
    expect(first.statusCode).toBe(200)
    const second = await admin.put('/api/admin/structure', { ...current, name: 'Second', id: undefined })
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('version_conflict')
    expect((await settings()).name).toBe('Premier')
  })

  it('takes one of two changes sent at once with the same version; the other gets 409', async () => {
    const current = await settings()
    const [a, b] = await Promise.all(
      ['Parallèle A', 'Parallèle B'].map((name) =>
        admin.put('/api/admin/structure', { name, timeZone: current.timeZone, version: current.version }),
      ),
    )
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const winner = a.statusCode === 200 ? a.json() : b.json()
    expect(await settings()).toEqual(winner)
    expect(winner.version).toBe(current.version + 1)
  })

  it('answers bad input with problem+json naming the field', async () => {
    const { version, name } = await settings()
    for (const [body, field] of [
      [{ name, timeZone: 'Mars/Olympus', version }, 'timeZone'],
      [{ name, timeZone: 'europe/paris', version }, 'timeZone'],
      [{ name, timeZone: '', version }, 'timeZone'],
      [{ name: ' ', timeZone: 'Europe/Paris', version }, 'name'],
      [{ name, timeZone: 'Europe/Paris' }, 'version'],
    ] as const) {
      const res = await admin.put('/api/admin/structure', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([field])
    }
    expect((await settings()).version).toBe(version)
  })

  it('are the admin’s alone', async () => {
    for (const role of ['counsellor', 'director', 'statistician'] as const) {
      const other = role === 'counsellor' ? counsellor : await t.as(role)
      expect((await other.get('/api/admin/structure')).statusCode, role).toBe(403)
      const put = await other.put('/api/admin/structure', { name: 'X', timeZone: 'UTC', version: 1 })
      expect(put.statusCode, role).toBe(403)
    }
    expect((await (await t.anonymous()).get('/api/admin/structure')).statusCode).toBe(401)
  })
})

describe('"today" is the structure’s day', () => {
  it('begins at Réunion’s midnight for a structure in Réunion, at Paris’s for one in Paris', async () => {
    // 21:30 UTC on 1 March: 22:30 in Paris (still the 1st), 01:30 on the 2nd in Réunion
    t.clock.current = new Date('2026-03-01T21:30:00Z')
    await setZone('Europe/Paris')
    const inParis = await attendedOn('2026-03-02')
    expect(inParis.statusCode).toBe(400)
    expect(inParis.json().fields.map((f: { field: string }) => f.field)).toEqual(['attendance'])
    await setZone('Indian/Reunion')
    expect((await attendedOn('2026-03-02')).statusCode).toBe(201)
    expect((await attendedOn('2026-03-03')).statusCode).toBe(400)
  })

  it('is still yesterday in Cayenne when Paris has passed midnight', async () => {
    // 02:30 UTC on 2 March: 03:30 on the 2nd in Paris, 23:30 on the 1st in Cayenne
    t.clock.current = new Date('2026-03-02T02:30:00Z')
    await setZone('Europe/Paris')
    expect((await attendedOn('2026-03-02')).statusCode).toBe(201)
    await setZone('America/Cayenne')
    expect((await attendedOn('2026-03-02')).statusCode).toBe(400)
    expect((await attendedOn('2026-03-01')).statusCode).toBe(201)
  })
})
