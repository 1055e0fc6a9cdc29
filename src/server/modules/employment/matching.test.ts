import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSituationRow } from '../../test/accompaniment.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildEmployer, buildJobProject, buildOffer } from '../../test/employment.builders.ts'
import { buildPerson, type PersonSpec } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { departmentOf, MATCH_SCORES } from './matching.service.ts'

// The matching list of an offer (docs/employment/offers.md « Matching »). The offer: D1106 (Vendeur en épicerie), in
// Dunkerque (59183, department 59), level 3 at least, driving licence required. The test clock says 2026-03-02.

let t: TestContext
let officer: TestClient
let counsellor: TestClient
let director: TestClient
let reception: TestClient
let offerId: string
const people: Record<string, string> = {}

const level = (l: number) => ({ attribute: 'education_level' as const, level2019: l, validFrom: '2025-09-01' })
const licence = (value: string) => ({ attribute: 'driving_licence' as const, value, validFrom: '2025-09-01' })

async function candidate(name: string, spec: PersonSpec, rome: string | null, opts: { active?: boolean } = {}) {
  const p = await buildPerson(t.db, t.fx, { lastName: name, ...spec })
  if (rome) await buildJobProject(t.db, t.fx, p.id, { romeCode: rome, active: opts.active ?? true })
  people[name] = p.id
  return p
}

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  counsellor = await t.as('counsellor')
  director = await t.as('director')
  reception = await t.as('reception')
  const employer = await buildEmployer(t.db, t.fx)
  offerId = (
    await buildOffer(t.db, t.fx, employer.id, {
      romeCode: 'D1106',
      communeCode: '59183',
      level2019: 3,
      drivingLicenceRequired: true,
      siteIds: [t.fx.sites.a, t.fx.sites.b],
    })
  ).id
  const fits = { communeCode: '59183', attributes: [level(4), licence('holder')] }
  await candidate('Exact', fits, 'D1106')
  await candidate('Domaine', { communeCode: '59350', attributes: [level(3), licence('holder')] }, 'D1102')
  await candidate('Departement', { communeCode: '59350', attributes: [level(5), licence('holder')] }, 'D1106')
  await candidate('SansNiveau', { communeCode: '59183', attributes: [licence('holder')] }, 'D1106')
  await candidate('AutreDepartement', { ...fits, communeCode: '62193' }, 'D1106')
  await candidate('NiveauBas', { communeCode: '59183', attributes: [level(2), licence('holder')] }, 'D1106')
  await candidate('SansPermis', { communeCode: '59183', attributes: [level(4), licence('none')] }, 'D1106')
  await candidate('AutreMetier', fits, 'K2111')
  await candidate('ProjetInactif', fits, 'D1106', { active: false })
  await candidate('SansProjet', fits, null)
  const employed = await candidate('EnEmploi', fits, 'D1106')
  await buildSituationRow(t.db, t.fx, employed.id, { kind: 'cdi', start_date: '2026-01-05' })
  const ended = await candidate('EmploiFini', fits, 'D1106')
  await buildSituationRow(t.db, t.fx, ended.id, { kind: 'cdd', start_date: '2025-06-01', end_date: '2025-12-31' })
  await candidate('SiteB', { ...fits, siteId: t.fx.sites.b }, 'D1106')
})
afterAll(() => t.close())

const namesOf = async (c: TestClient) => {
  const res = await c.get(`/api/employment/offers/${offerId}/matches`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as { person: { id: string; lastName: string }; score: number; warnings: string[] }[]
}

describe('matching', () => {
  it('ranks the exact ROME fiche above its domain; filters department, level, licence, availability, projects', async () => {
    const items = await namesOf(officer)
    const names = items.map((m) => m.person.lastName)
    expect(new Set(names)).toEqual(new Set(['Exact', 'EmploiFini', 'SiteB', 'SansNiveau', 'Departement', 'Domaine']))
    const score = (n: string) => items.find((m) => m.person.lastName === n)!.score
    expect(score('Exact')).toBe(MATCH_SCORES.exactRome + MATCH_SCORES.sameCommune)
    expect(score('Departement')).toBe(MATCH_SCORES.exactRome + MATCH_SCORES.sameDepartment)
    expect(score('Domaine')).toBe(MATCH_SCORES.sameDomain + MATCH_SCORES.sameDepartment)
    expect(score('Exact')).toBeGreaterThan(score('Departement'))
    expect(score('Departement')).toBeGreaterThan(score('Domaine'))
    expect(names.at(-1)).toBe('Domaine')
    // sorted by score
    expect(items.map((m) => m.score)).toEqual([...items.map((m) => m.score)].sort((a, b) => b - a))
    expect(items.find((m) => m.person.lastName === 'SansNiveau')!.warnings.join()).toContain('Niveau non renseigné')
  })

  it('shows a counsellor only the people they see (not another site’s)', async () => {
    const names = (await namesOf(counsellor)).map((m) => m.person.lastName)
    expect(names).toContain('Exact')
    expect(names).not.toContain('SiteB')
  })

  it('flags the people already positioned', async () => {
    const res = await officer.post(`/api/employment/offers/${offerId}/candidates`, { personId: people.Exact })
    expect(res.statusCode, res.body).toBe(201)
    const items = await namesOf(officer)
    expect(items.find((m) => m.person.lastName === 'Exact')).toMatchObject({ alreadyPositioned: true })
    expect(items.find((m) => m.person.lastName === 'Domaine')).toMatchObject({ alreadyPositioned: false })
  })

  it('refuses the roles that do not position (403), another structure’s offer (404), a bad id (400)', async () => {
    for (const c of [director, reception])
      expect((await c.get(`/api/employment/offers/${offerId}/matches`)).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const foreign = await buildOffer(t.db, other, (await buildEmployer(t.db, other)).id, { siteIds: [other.sites.a] })
    expect((await officer.get(`/api/employment/offers/${foreign.id}/matches`)).statusCode).toBe(404)
    const bad = await officer.get('/api/employment/offers/x/matches')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['id'])
  })

  it('reads the department from the postcode, else the commune code (Corsica as 20)', () => {
    expect(departmentOf('59140', '59183')).toBe('59')
    expect(departmentOf(null, '62193')).toBe('62')
    expect(departmentOf('20000', null)).toBe('20')
    expect(departmentOf(null, '2A004')).toBe('20')
    expect(departmentOf(null, null)).toBeNull()
  })
})
