import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyFigures, SiteObjectives } from '../../../shared/home/home.schema.ts'
import { buildEnrolmentRow, buildEventRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { buildStructure, buildUser, type Fixture } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'

// The director's key figures of the year to date by site against the sites' objectives, and the objectives' screen.
// The test clock says 2026-03-02: the year to date is 61 days of 365.
let t: TestContext
let director: TestClient
let admin: TestClient
let statistician: TestClient
let other: Fixture
let foreignDirector: TestClient

beforeAll(async () => {
  t = await createTestContext()
  director = await t.as('director')
  admin = await t.as('admin')
  statistician = await t.as('statistician')
  other = await buildStructure(t.db)
  const user = await buildUser(t.db, other, { role: 'director' })
  foreignDirector = await TestClient.create(t.app)
  await foreignDirector.post('/api/auth/sign-in', { email: user.email, password: user.password })

  const civis = await buildSchemeProgramme(t.db, t.fx, 'CIVIS')
  const ml = t.fx.programmes.ml
  // site A: two young people in contact this year, one first reception this year, one CIVIS entry
  for (const [reception, siteId] of [
    ['2026-01-15', t.fx.sites.a],
    ['2025-09-01', t.fx.sites.a],
    ['2025-09-01', t.fx.sites.b],
  ] as const) {
    const p = await buildPerson(t.db, t.fx, { siteId, firstReceptionDate: reception })
    await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: ml, entry_date: '2025-09-01' })
    await buildEventRow(t.db, t.fx, p.id, { date: '2026-02-10' })
    if (reception === '2026-01-15')
      await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: civis, entry_date: '2026-02-01' })
  }
  // someone seen last year only
  const old = await buildPerson(t.db, t.fx, {})
  await buildEnrolmentRow(t.db, t.fx, old.id, { programme_id: ml, entry_date: '2025-01-01', exit_date: '2025-12-01' })
  await buildEventRow(t.db, t.fx, old.id, { date: '2025-06-10' })
  // another structure's person: never in our figures
  const foreign = await buildPerson(t.db, other, { siteId: other.sites.a })
  await buildEnrolmentRow(t.db, other, foreign.id, { programme_id: other.programmes.ml, entry_date: '2025-09-01' })
  await buildEventRow(t.db, other, foreign.id, { date: '2026-02-10' })
})
afterAll(() => t.close())

const figures = async (client: TestClient, query = '') => {
  const res = await client.get(`/api/home/key-figures${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as KeyFigures
}
const valuesOf = (cells: KeyFigures['total']) => Object.fromEntries(cells.map((c) => [c.figure, c.value]))
const objectives = async (client: TestClient, year = 2026) => {
  const res = await client.get(`/api/site-objectives/${year}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as SiteObjectives
}

describe('key figures', () => {
  it('counts the year to date by site and for the structure, through the report engine', async () => {
    const k = await figures(director)
    expect(k).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-03-02' })
    expect(k.figures.map((f) => f.key)).toEqual(['youth_in_contact', 'first_receptions', 'civis_entries'])
    expect(k.sites.map((s) => s.siteName)).toEqual(['Site A', 'Site B'])
    expect(valuesOf(k.sites[0]!.cells)).toEqual({ youth_in_contact: 2, first_receptions: 1, civis_entries: 1 })
    expect(valuesOf(k.sites[1]!.cells)).toEqual({ youth_in_contact: 1, first_receptions: 0, civis_entries: 0 })
    expect(valuesOf(k.total)).toEqual({ youth_in_contact: 3, first_receptions: 1, civis_entries: 1 })
    expect(k.total.every((c) => c.target === null && c.expected === null)).toBe(true)
    // the same number as the statistics page's
    const stats = await director.get(
      `/api/indicators/ml.youth_in_contact?from=2026-01-01&to=2026-03-02&siteId=${t.fx.sites.a}`,
    )
    expect(stats.json().results.at(-1).value).toBe(2)
  })

  it('gives a past year whole, refuses a year to come, and names the field of a bad one', async () => {
    const last = await figures(director, '?year=2025')
    expect(last).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
    expect(valuesOf(last.total).youth_in_contact).toBe(1)
    for (const bad of ['2027', 'abc', '1900']) {
      const res = await director.get(`/api/home/key-figures?year=${bad}`)
      expect(res.statusCode, bad).toBe(400)
      expect(res.json().fields[0].field).toBe('year')
    }
  })

  it('is for those who read the whole structure’s figures, each their own structure', async () => {
    expect((await statistician.get('/api/home/key-figures')).statusCode).toBe(200)
    for (const role of ['counsellor', 'reception', 'admin', 'partner'] as const)
      expect((await (await t.as(role)).get('/api/home/key-figures')).statusCode, role).toBe(403)
    const theirs = await figures(foreignDirector)
    expect(theirs.sites.map((s) => s.siteName)).toEqual(['Site A', 'Site B'])
    expect(theirs.sites.every((s) => s.siteId !== t.fx.sites.a)).toBe(true)
    expect(valuesOf(theirs.total).youth_in_contact).toBe(1)
  })
})

describe('the sites’ objectives', () => {
  it('are set, changed and removed with the version read; the key figures set them against the year to date', async () => {
    expect((await objectives(director)).items).toEqual([])
    const put = (client: TestClient, items: unknown[], year = 2026) =>
      client.put(`/api/site-objectives/${year}`, { items })
    const a = t.fx.sites.a
    const b = t.fx.sites.b
    const created = await put(director, [
      { siteId: a, figure: 'youth_in_contact', target: 365, version: null },
      { siteId: b, figure: 'youth_in_contact', target: 100, version: null },
      { siteId: a, figure: 'first_receptions', target: 50, version: null },
    ])
    expect(created.statusCode, created.body).toBe(200)
    const items = (created.json() as SiteObjectives).items
    expect(items).toHaveLength(3)
    const k = await figures(director)
    const cell = k.sites[0]!.cells.find((c) => c.figure === 'youth_in_contact')!
    expect(cell).toMatchObject({ value: 2, target: 365, expected: 61 })
    expect(k.total.find((c) => c.figure === 'youth_in_contact')).toMatchObject({ target: 465 })
    expect(k.total.find((c) => c.figure === 'civis_entries')).toMatchObject({ target: null, expected: null })

    const aYouth = items.find((i) => i.siteId === a && i.figure === 'youth_in_contact')!
    const aFirst = items.find((i) => i.siteId === a && i.figure === 'first_receptions')!
    // the admin changes one, the director removes another
    expect(
      (await put(admin, [{ siteId: a, figure: 'youth_in_contact', target: 400, version: aYouth.version }])).statusCode,
    ).toBe(200)
    expect(
      (await put(director, [{ siteId: a, figure: 'first_receptions', target: null, version: aFirst.version }]))
        .statusCode,
    ).toBe(200)
    const after = await objectives(statistician)
    expect(after.items.map((i) => [i.figure, i.target, i.version])).toEqual(
      expect.arrayContaining([
        ['youth_in_contact', 400, 2],
        ['youth_in_contact', 100, 1],
      ]),
    )
    expect(after.items).toHaveLength(2)

    // a stale version, or a cell created meanwhile, refuses the whole save
    const stale = await put(director, [
      { siteId: b, figure: 'civis_entries', target: 5, version: null },
      { siteId: a, figure: 'youth_in_contact', target: 10, version: aYouth.version },
    ])
    expect(stale.statusCode).toBe(409)
    expect(stale.headers['content-type']).toContain('application/problem+json')
    expect((await objectives(director)).items).toHaveLength(2)
    const twice = await put(director, [{ siteId: b, figure: 'youth_in_contact', target: 7, version: null }])
    expect(twice.statusCode).toBe(409)
    // the audit trail keeps each save
    const lines = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'site_objective')
      .execute()
    expect(lines).toHaveLength(3)
  })

  it('names the field of a bad cell and never takes another structure’s site', async () => {
    const put = (items: unknown[], year: string | number = 2026) =>
      director.put(`/api/site-objectives/${year}`, { items })
    const cases: [unknown[], string][] = [
      [[{ siteId: other.sites.a, figure: 'youth_in_contact', target: 1, version: null }], 'items.0.siteId'],
      [[{ siteId: t.fx.sites.a, figure: 'births', target: 1, version: null }], 'items.0.figure'],
      [[{ siteId: t.fx.sites.a, figure: 'first_receptions', target: -1, version: null }], 'items.0.target'],
      [[{ siteId: t.fx.sites.a, figure: 'first_receptions', target: 1.5, version: null }], 'items.0.target'],
      [[{ siteId: t.fx.sites.a, figure: 'first_receptions', target: 1, version: 2147483647 }], 'items.0.version'],
      [
        [
          { siteId: t.fx.sites.a, figure: 'first_receptions', target: 1, version: null },
          { siteId: t.fx.sites.a, figure: 'first_receptions', target: 2, version: null },
        ],
        'items',
      ],
    ]
    for (const [items, field] of cases) {
      const res = await put(items)
      expect(res.statusCode, field).toBe(400)
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field)
    }
    expect((await director.get('/api/site-objectives/20260')).statusCode).toBe(400)
    // the other structure's director sees none of ours
    expect((await objectives(foreignDirector)).items).toEqual([])
  })

  it('are read by the statistician and the admin, set by the director and the admin only', async () => {
    expect((await statistician.put('/api/site-objectives/2026', { items: [] })).statusCode).toBe(403)
    expect((await admin.get('/api/site-objectives/2026')).statusCode).toBe(200)
    for (const role of ['counsellor', 'reception'] as const)
      expect((await (await t.as(role)).get('/api/site-objectives/2026')).statusCode, role).toBe(403)
  })
})
