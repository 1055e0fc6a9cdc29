import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ageOn, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import { loadDemo } from '../../demo/demo.ts'
import { DEMO_PASSWORD } from '../../demo/demo-organisation.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'
import { DEMO_PERSON_COUNT } from './persons.demo.ts'

// The demo persons loader alone (the other loaders are tested with their modules).
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons'] })
})
afterAll(async () => {
  await t.close()
})

const signIn = async (email: string) => {
  const client = await TestClient.create(t.app)
  expect((await client.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD })).statusCode).toBe(200)
  return client
}
const persons = () =>
  t.db.kysely
    .selectFrom('person')
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as u', 'u.id', 'person.referent_id')
    .select([
      'person.id',
      'person.birth_date',
      'person.first_reception_date',
      'site.code',
      'u.email',
      'person.search_name',
    ])
    .where('person.structure_id', '=', 'demo')
    .execute()

describe('demo persons', () => {
  it('spreads young people and PLIE adults over the sites, received over the last two years', async () => {
    const list = await persons()
    const today = dayIn(t.clock.now(), DEFAULT_TIME_ZONE)
    expect(list).toHaveLength(DEMO_PERSON_COUNT)
    const ages = list.map((p) => ageOn(p.birth_date, p.first_reception_date!))
    expect(Math.min(...ages)).toBe(16)
    expect(ages.filter((a) => a <= 25).length).toBeGreaterThan(200)
    expect(ages.filter((a) => a >= 26).length).toBeGreaterThan(30)
    const receptions = list.map((p) => p.first_reception_date!).sort()
    expect(receptions[0]! >= `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`).toBe(true)
    expect(receptions.at(-1)! <= today).toBe(true)
    expect(new Set(list.map((p) => p.code)).size).toBeGreaterThan(15)
    expect(list.every((p) => p.search_name.length > 0)).toBe(true)
  })

  it('gives the demo counsellor about 40 persons on her sites and the PLIE referent adults on A-GS', async () => {
    const list = await persons()
    const hers = list.filter((p) => p.email === 'conseiller@demo.jalon.fr')
    expect(hers.length).toBeGreaterThanOrEqual(35)
    expect(hers.length).toBeLessThanOrEqual(45)
    expect(new Set(hers.map((p) => p.code))).toEqual(new Set(['A-DK-CTR', 'P-HOND']))
    const plie = list.filter((p) => p.email === 'referent.plie@demo.jalon.fr')
    expect(plie.length).toBeGreaterThan(10)
    expect(plie.every((p) => p.code === 'A-GS' && ageOn(p.birth_date, p.first_reception_date!) >= 26)).toBe(true)
  })

  it('writes a situation at entry with changes since, and statuses; no event (the accompaniment records them)', async () => {
    const k = t.db.kysely
    const events = await k
      .selectFrom('event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('structure_id', '=', 'demo')
      .where('kind', '=', 'first_reception')
      .executeTakeFirstOrThrow()
    expect(events.n).toBe(0) // this module writes only its own tables
    const perAttribute = await k
      .selectFrom('person_attribute')
      .select(['attribute', (eb) => eb.fn.countAll<number>().as('n')])
      .where('structure_id', '=', 'demo')
      .groupBy('attribute')
      .execute()
    expect(perAttribute).toHaveLength(7)
    for (const a of perAttribute) expect(a.n, a.attribute).toBeGreaterThanOrEqual(DEMO_PERSON_COUNT)
    expect(perAttribute.reduce((s, a) => s + a.n, 0)).toBeGreaterThan(7 * DEMO_PERSON_COUNT + 50)
    const statuses = await k
      .selectFrom('status_period')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('structure_id', '=', 'demo')
      .groupBy('status')
      .execute()
    const n = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0
    expect(n('rsa')).toBeGreaterThan(20)
    expect(n('long_term_unemployed')).toBeGreaterThan(10)
    expect(n('rqth')).toBeGreaterThanOrEqual(2)
    expect(n('justice')).toBeGreaterThanOrEqual(1)
  })

  it('lets the demo counsellor find her persons, and reception learn of a person followed elsewhere', async () => {
    const conseiller = await signIn('conseiller@demo.jalon.fr')
    const res = await conseiller.get('/api/persons?q=dupond%20marie')
    expect(res.json().items[0]).toMatchObject({
      lastName: 'Dupond',
      firstName: 'Marie',
      referentName: 'Claire Conseillère',
    })
    const file = await conseiller.get(`/api/persons/${res.json().items[0].id}`)
    expect(file.json().statuses.map((s: { status: string }) => s.status)).toContain('rqth')
    const ines = await t.db.kysely
      .selectFrom('person')
      .select('birth_date')
      .where('search_name', '=', 'lefevre ines')
      .executeTakeFirstOrThrow()
    const accueil = await signIn('accueil@demo.jalon.fr')
    const dup = await accueil.post('/api/persons/duplicates', {
      lastName: 'LEFEVRE',
      firstName: 'Ines',
      birthDate: ines.birth_date,
    })
    expect(dup.json()).toMatchObject([{ visible: false, id: null, siteName: 'Antenne Bourbourg' }])
  })
})
