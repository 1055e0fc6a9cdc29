import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let counsellor: TestClient
let director: TestClient
let ids: Record<string, string>

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  director = await t.as('director')
  const p = (spec: Parameters<typeof buildPerson>[2]) => buildPerson(t.db, t.fx, spec).then((r) => r.id)
  ids = {
    lefevre: await p({ lastName: 'Lefèvre', firstName: 'Marie', birthDate: '2005-06-15', phone: '06 12 34 56 78' }),
    dupond: await p({ lastName: 'Dupond', firstName: 'Jean', birthDate: '2004-01-20', phone: '+33 7 11 22 33 44' }),
    dupont: await p({ lastName: 'Dupont', firstName: 'Marc', birthDate: '2003-11-02' }),
    nguyen: await p({ lastName: 'Nguyen', firstName: 'Anh', birthDate: '2005-06-15', firstReceptionDate: null }),
    martin: await p({ lastName: 'Martin', firstName: 'Lucas', birthDate: '2006-03-03', siteId: t.fx.sites.b }),
  }
})
afterAll(() => t.close())

const names = (res: { json(): { items: { lastName: string }[] } }) => res.json().items.map((i) => i.lastName)

describe('GET /api/persons', () => {
  it('finds a name whatever the accents, the case and the order of the words', async () => {
    for (const q of ['Lefevre', 'LEFÈVRE', 'lefevre marie', 'Marie Lefevre', 'lef']) {
      const res = await counsellor.get(`/api/persons?q=${encodeURIComponent(q)}`)
      expect(res.statusCode, q).toBe(200)
      expect(names(res), q).toContain('Lefèvre')
    }
  })

  it('tolerates a spelling mistake and puts the exact name first', async () => {
    const typo = await counsellor.get('/api/persons?q=Lefebvre')
    expect(names(typo)).toEqual(['Lefèvre'])
    const dupont = await counsellor.get('/api/persons?q=Dupont')
    expect(names(dupont)).toEqual(['Dupont', 'Dupond'])
    const dupond = await counsellor.get('/api/persons?q=Dupond')
    expect(names(dupond)).toEqual(['Dupond', 'Dupont'])
    expect(names(await counsellor.get('/api/persons?q=Durand'))).toEqual([])
  })

  it('answers summaries with the age of today, the site and the referent', async () => {
    const res = await counsellor.get('/api/persons?q=Lefevre')
    expect(res.json()).toMatchObject({ total: 1, page: 1, pageSize: 25 })
    expect(res.json().items[0]).toEqual({
      id: ids.lefevre,
      lastName: 'Lefèvre',
      firstName: 'Marie',
      sex: 'F',
      birthDate: '2005-06-15',
      age: 20, // the test clock says 2026-03-02
      siteId: t.fx.sites.a,
      siteName: 'Site A',
      referentId: null,
      referentName: null,
      firstReceptionDate: '2025-09-01',
      priorityArea: null,
    })
  })

  it('matches phone numbers on their digits, +33 read as 0, and a part of the number', async () => {
    const find = async (phone: string) => names(await counsellor.get(`/api/persons?phone=${encodeURIComponent(phone)}`))
    expect(await find('0612345678')).toEqual(['Lefèvre'])
    expect(await find('+33 6 12 34 56 78')).toEqual(['Lefèvre'])
    expect(await find('07.11.22.33.44')).toEqual(['Dupond'])
    expect(await find('0033 7 11')).toEqual(['Dupond'])
    expect(await find('5678')).toEqual(['Lefèvre'])
  })

  it('filters by birth date, and combines filters', async () => {
    expect(names(await counsellor.get('/api/persons?birthDate=2005-06-15'))).toEqual(['Lefèvre', 'Nguyen'])
    expect(names(await counsellor.get('/api/persons?birthDate=2005-06-15&q=nguyen'))).toEqual(['Nguyen'])
    expect(names(await counsellor.get('/api/persons?birthDate=2005-06-16'))).toEqual([])
  })

  it('sees only the persons of the actor’s sites; a director sees the structure', async () => {
    expect(names(await counsellor.get('/api/persons?q=Martin'))).toEqual([])
    expect(names(await director.get('/api/persons?q=Martin'))).toEqual(['Martin'])
    expect((await director.get(`/api/persons?siteId=${t.fx.sites.b}`)).json().total).toBe(1)
    const referent = await t.as('counsellor', { siteIds: [] })
    expect((await referent.get('/api/persons')).json().total).toBe(0)
    await t.db.kysely
      .updateTable('person')
      .set({ referent_id: referent.user!.id })
      .where('id', '=', ids.martin)
      .execute()
    expect(names(await referent.get('/api/persons'))).toEqual(['Martin'])
    expect(names(await referent.get(`/api/persons?referentId=${referent.user!.id}`))).toEqual(['Martin'])
  })

  it('sorts and pages', async () => {
    const byName = await counsellor.get('/api/persons?sort=name')
    expect(names(byName)).toEqual(['Dupond', 'Dupont', 'Lefèvre', 'Nguyen'])
    expect(names(await counsellor.get('/api/persons?sort=birthDate&order=desc'))).toEqual([
      'Lefèvre',
      'Nguyen',
      'Dupond',
      'Dupont',
    ])
    const firstReception = await counsellor.get('/api/persons?sort=firstReception&order=desc')
    expect(names(firstReception).at(-1)).toBe('Nguyen') // no first reception: last
    const page2 = await counsellor.get('/api/persons?sort=name&page=2&pageSize=3')
    expect(page2.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(names(page2)).toEqual(['Nguyen'])
  })

  it('refuses a malformed filter, naming it', async () => {
    const res = await counsellor.get('/api/persons?birthDate=2005-02-30&phone=ab')
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['birthDate', 'phone'])
  })

  it('is refused to those who have no access to person files', async () => {
    for (const role of ['statistician', 'partner', 'admin'] as const)
      expect((await (await t.as(role)).get('/api/persons')).statusCode, role).toBe(403)
    const reception = await t.as('reception')
    expect(names(await reception.get('/api/persons?q=lefevre'))).toEqual(['Lefèvre'])
  })
})
