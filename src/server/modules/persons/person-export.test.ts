import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The person search's filters (programme, turning 26, end of CEJ) and its export: the same scope as the search
// (another site's persons never appear), every match (not the screen's first 1 000), refused to reception.
let t: TestContext
let me: TestClient
let cej: string

beforeAll(async () => {
  t = await createTestContext()
  me = await t.as('counsellor') // site A
  const colleague = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })).id
  cej = await buildSchemeProgramme(t.db, t.fx, 'CEJ')
  await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Anna', birthDate: '2000-05-10' })
  const leo = await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léo', birthDate: '2006-01-01' })
  await buildEnrolmentRow(t.db, t.fx, leo.id, { programme_id: cej, entry_date: '2025-06-01' })
  await buildPerson(t.db, t.fx, { lastName: 'Petit', firstName: 'Zoé', birthDate: '2003-03-03' })
  // site B, a colleague's: out of my scope
  await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Hors', siteId: t.fx.sites.b, referentId: colleague })
})
afterAll(() => t.close())

const found = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/persons?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { firstName: string }[]).map((p) => p.firstName)
}

const csvLines = (payload: Buffer) => payload.subarray(3).toString('utf8').trimEnd().split('\r\n')

describe('person search filters', () => {
  it('narrows the search by programme, age-out date and end of CEJ', async () => {
    expect(await found(me, 'q=martin')).toEqual(['Anna', 'Léo'])
    expect(await found(me, `programmeId=${cej}`)).toEqual(['Léo'])
    expect(await found(me, 'ageOutBefore=2026-06-30')).toEqual(['Anna'])
    expect(await found(me, 'q=martin&cejEndBefore=2026-06-30')).toEqual(['Léo'])
    expect(await found(me, 'cejEndBefore=2026-05-01')).toEqual([])
  })
})

describe('person search export', () => {
  it('exports what the search finds, in the searcher’s scope only, and audits it', async () => {
    const res = await me.get('/api/persons/export?format=csv&q=martin')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="personnes_2026-03-02.csv"')
    const lines = csvLines(res.rawPayload)
    expect(lines[0]).toBe(
      'Nom;Prénom;Sexe;Date de naissance;Âge;Site;Référent;Premier accueil;Quartier prioritaire;26 ans le;Fin prévue du CEJ',
    )
    expect(lines.slice(1).map((l) => l.split(';')[1])).toEqual(['Anna', 'Léo'])
    expect(lines[2]).toContain(';01/01/2032;31/05/2026')
    expect(res.rawPayload.toString('utf8')).not.toContain('Hors')
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['detail', 'actor_id'])
      .where('action', '=', 'list.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(me.user!.id)
    expect(audit.detail).toMatchObject({ list: 'persons', format: 'csv', rows: 2, filters: { q: 'martin' } })
  })

  it('gives the whole structure to a director, the filtered list as a workbook', async () => {
    const director = await t.as('director')
    const all = await director.get('/api/persons/export?format=csv')
    expect(csvLines(all.rawPayload)).toHaveLength(5)
    const xlsx = await director.get(`/api/persons/export?format=xlsx&siteId=${t.fx.sites.b}`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
  })

  it('refuses reception, the officers and the statistician (they search one person, they export no list)', async () => {
    for (const role of ['reception', 'training_officer', 'statistician'] as const) {
      const other = await t.as(role)
      expect((await other.get('/api/persons/export?format=csv')).statusCode, role).toBe(403)
    }
    expect((await (await t.anonymous()).get('/api/persons/export?format=csv')).statusCode).toBe(401)
  })
})
