import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERSON_SEARCH_CAP } from '../../../shared/persons/person.schema.ts'
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

  it('wants every typed word to match: a first name alone is not enough', async () => {
    await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Ophélie' })
    await buildPerson(t.db, t.fx, { lastName: 'Durand', firstName: 'Ophélie' })
    const find = async (q: string) => names(await counsellor.get(`/api/persons?q=${encodeURIComponent(q)}`))
    expect(await find('Joey Ophélie')).toEqual([])
    expect(await find('Durand Ophélie')).toEqual(['Durand'])
    expect(await find('ophelie durand')).toEqual(['Durand'])
    expect((await find('Ophélie')).sort()).toEqual(['Durand', 'Martin'])
    // each word keeps its tolerance to typos and may be the start of a name
    expect(await find('Lefebvre Marie')).toEqual(['Lefèvre'])
    expect(await find('lef mar')).toEqual(['Lefèvre'])
    expect(await find('Lefebvre Jean')).toEqual([])
    // with several words each may be looser: a swapped letter in the last name, found beside the first name
    expect(await find('Dupnot Jean')).toEqual(['Dupond'])
    expect(await find('Dupnot')).toEqual([])
    // a name written with an apostrophe or a dash is one word, matched as the name is folded
    await buildPerson(t.db, t.fx, { lastName: "N'Diaye", firstName: 'Jean-Pierre' })
    expect(await find("n'diaye jean-pierre")).toEqual(["N'Diaye"])
    expect(await find('NDiaye')).toEqual(["N'Diaye"]) // without the apostrophe: close enough
  })

  it('refuses a word shorter than 2 letters, naming the field in French', async () => {
    for (const q of ['D', 'Dupont J', 'J. Dupont']) {
      const res = await counsellor.get(`/api/persons?q=${encodeURIComponent(q)}`)
      expect(res.statusCode, q).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().fields, q).toEqual([{ field: 'q', message: expect.stringContaining('au moins 2 lettres') }])
    }
    const tooMany = await counsellor.get(`/api/persons?q=${encodeURIComponent('aa bb cc dd ee ff gg hh ii')}`)
    expect(tooMany.json().fields).toEqual([{ field: 'q', message: '8 mots au plus.' }])
    expect((await counsellor.get('/api/persons?q=Du')).statusCode).toBe(200)
  })

  it('gives the count with a page past the last one', async () => {
    const res = await counsellor.get('/api/persons?q=Dupont&page=3&pageSize=1')
    expect(res.json()).toMatchObject({ items: [], total: 2, totalCapped: false, page: 3 })
  })

  it('is refused to those who have no access to person files', async () => {
    for (const role of ['statistician', 'partner', 'admin'] as const)
      expect((await (await t.as(role)).get('/api/persons')).statusCode, role).toBe(403)
    const reception = await t.as('reception')
    expect(names(await reception.get('/api/persons?q=lefevre'))).toEqual(['Lefèvre'])
  })
})

describe('GET /api/persons, past 1 000 matches', () => {
  let big: TestContext
  beforeAll(async () => {
    big = await createTestContext()
    for (let i = 0; i < PERSON_SEARCH_CAP + 5; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, PERSON_SEARCH_CAP + 5 - i) }, (_, j) =>
          buildPerson(big.db, big.fx, { lastName: `Masse${String(i + j).padStart(4, '0')}`, firstName: 'Léa' }),
        ),
      )
    await buildPerson(big.db, big.fx, { lastName: 'Rare', firstName: 'Léa' })
  })
  afterAll(() => big.close())

  it('counts up to 1 000 and says there are more; pages stay exact up to the cap', async () => {
    const director = await big.as('director')
    const first = (await director.get('/api/persons?q=Léa&sort=name&pageSize=200')).json()
    expect(first).toMatchObject({ total: PERSON_SEARCH_CAP, totalCapped: true, page: 1, pageSize: 200 })
    expect(first.items[0].lastName).toBe('Masse0000')
    const last = (await director.get('/api/persons?q=Léa&sort=name&page=5&pageSize=200')).json()
    expect(last.items).toHaveLength(200)
    expect(last.items.at(-1).lastName).toBe('Masse0999') // the 1 000th in name order
    const past = (await director.get('/api/persons?q=Léa&sort=name&page=6&pageSize=200')).json()
    expect(past).toMatchObject({ items: [], total: PERSON_SEARCH_CAP, totalCapped: true })
    // fewer matches: the exact count
    expect((await director.get('/api/persons?q=Rare L%C3%A9a')).json()).toMatchObject({ total: 1, totalCapped: false })
  })
})
