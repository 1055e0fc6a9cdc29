import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow } from '../../test/accompaniment.builders.ts'
import { buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Who sees data quality: the wrong role is refused, another site's data is refused or left out, the statistician gets
// figures and never names, the export is audited.
let t: TestContext
let me: TestClient

beforeAll(async () => {
  t = await createTestContext()
  me = await t.as('counsellor') // site A
  const colleague = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })).id
  // two files without a level: mine on site A, a colleague's on site B
  for (const [lastName, siteId, referentId] of [
    ['Alpha', t.fx.sites.a, me.user!.id],
    ['Bravo', t.fx.sites.b, colleague],
  ] as const) {
    const p = await buildPerson(t.db, t.fx, { lastName, siteId, referentId })
    await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: t.fx.programmes.ml, entry_date: '2026-01-15' })
  }
})
afterAll(() => t.close())

const LEVEL = '/api/quality/rules/education_level_missing/files'
const names = async (client: TestClient, url: string) => {
  const res = await client.get(url)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { lastName: string }[]).map((f) => f.lastName)
}

describe('quality routes', () => {
  it('refuses the roles outside each list', async () => {
    for (const role of ['reception', 'admin', 'partner', 'training_officer'] as const) {
      const other = await t.as(role)
      expect((await other.get('/api/quality')).statusCode, role).toBe(403)
      expect((await other.get(LEVEL)).statusCode, role).toBe(403)
    }
    expect((await me.get('/api/quality/trend')).statusCode).toBe(403)
    expect((await (await t.anonymous()).get('/api/quality')).statusCode).toBe(401)
  })

  it('gives a counsellor the files of their sites only, and refuses another site by name', async () => {
    expect(await names(me, LEVEL)).toEqual(['Alpha'])
    const summary = (await me.get('/api/quality')).json()
    expect(summary.rules.find((r: { id: string }) => r.id === 'education_level_missing').count).toBe(1)
    for (const url of [`/api/quality?siteId=${t.fx.sites.b}`, `${LEVEL}?siteId=${t.fx.sites.b}`]) {
      const res = await me.get(url)
      expect(res.statusCode, url).toBe(403)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    // a counsellor named: still within the reader's scope
    const colleagueId = (await t.db.kysely
      .selectFrom('person')
      .select('referent_id')
      .where('last_name', '=', 'Bravo')
      .executeTakeFirstOrThrow())!.referent_id!
    expect(await names(me, `${LEVEL}?counsellorId=${colleagueId}`)).toEqual([])
  })

  it('gives the director the whole structure, by site and counsellor', async () => {
    const director = await t.as('director')
    expect(await names(director, LEVEL)).toEqual(['Alpha', 'Bravo'])
    expect(await names(director, `${LEVEL}?siteId=${t.fx.sites.b}`)).toEqual(['Bravo'])
    const summary = (await director.get('/api/quality')).json()
    expect(summary.bySite.map((g: { label: string }) => g.label)).toEqual(['Site A', 'Site B'])
  })

  it('gives the statistician the counts and the trend, never the names', async () => {
    const statistician = await t.as('statistician')
    const summary = await statistician.get('/api/quality')
    expect(summary.statusCode).toBe(200)
    expect(summary.json().files).toBe(2)
    expect((await statistician.get('/api/quality/trend?months=2')).statusCode).toBe(200)
    expect((await statistician.get(LEVEL)).statusCode).toBe(403)
    expect((await statistician.get(`${LEVEL}/export?format=csv`)).statusCode).toBe(403)
  })

  it('refuses an unknown rule and a bad scope with the field named', async () => {
    const unknown = await me.get('/api/quality/rules/nope/files')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields[0].field).toBe('rule')
    const bad = await me.get('/api/quality?siteId=abc')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('siteId')
    const months = await (await t.as('director')).get('/api/quality/trend?months=99')
    expect(months.statusCode).toBe(400)
    expect(months.json().fields[0].field).toBe('months')
  })

  it('exports the files to fix in the reader’s scope, audited', async () => {
    const res = await me.get(`${LEVEL}/export?format=csv`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="qualite_education_level_missing_2026-03-02.csv"',
    )
    const lines = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Nom;Prénom;Date de naissance;Site;Référent;À corriger')
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['Alpha'])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['detail', 'actor_id'])
      .where('action', '=', 'list.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({
      actor_id: me.user!.id,
      detail: { list: 'quality', rows: 1, format: 'csv', filters: { rule: 'education_level_missing' } },
    })
  })
})
