import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The first reception's hand-off (reception.service.ts): a new file enters a service programme and gets a referent
// suggested by site and load, unless reception says otherwise. No file is created belonging to nobody.

let t: TestContext
let reception: TestClient
let light: string
let busy: string

// each newcomer a name of its own (a close spelling with the same birth date would be held as a likely duplicate)
const names = ['Arnaud', 'Bouvier', 'Chevalier', 'Delmas', 'Esnault', 'Fabre', 'Guérin', 'Hamel', 'Izard', 'Jourdan']
let n = 0
const newcomer = (over: Record<string, unknown> = {}) => ({
  lastName: names[n++ % names.length],
  firstName: 'Camille',
  sex: 'F',
  birthDate: '2006-04-12',
  siteId: t.fx.sites.a,
  firstReception: { date: '2026-03-02', referralSource: 'self' },
  ...over,
})

const enrolmentsOf = (personId: string) =>
  t.db.kysely
    .selectFrom('enrolment')
    .innerJoin('programme', 'programme.id', 'enrolment.programme_id')
    .select([
      'programme.code',
      'programme.kind',
      'enrolment.entry_date',
      'enrolment.exit_date',
      'enrolment.referent_id',
    ])
    .where('enrolment.person_id', '=', personId)
    .execute()

beforeAll(async () => {
  t = await createTestContext()
  reception = await t.as('reception')
  // two counsellors of site A: the one following fewer persons is suggested; one of site B only
  busy = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.a] })).id
  light = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.a] })).id
  await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })
  for (let i = 0; i < 3; i++) await buildPerson(t.db, t.fx, { referentId: busy })
  await buildPerson(t.db, t.fx, { referentId: light })
})
afterAll(() => t.close())

describe('GET /api/persons/reference/reception', () => {
  it('lists the service programmes, picks one by age, and suggests the least loaded counsellor of the site', async () => {
    const young = await reception.get(`/api/persons/reference/reception?siteId=${t.fx.sites.a}&birthDate=2006-04-12`)
    expect(young.statusCode).toBe(200)
    expect(young.json().programmes.map((p: { code: string }) => p.code)).toEqual(['ML', 'PLIE'])
    expect(young.json().programmeId).toBe(t.fx.programmes.ml)
    expect(young.json().referent).toMatchObject({ id: light, load: 1 })
    const adult = await reception.get(`/api/persons/reference/reception?siteId=${t.fx.sites.a}&birthDate=1980-01-01`)
    expect(adult.json().programmeId).toBe(t.fx.programmes.plie)
    const unknownAge = await reception.get(`/api/persons/reference/reception?siteId=${t.fx.sites.a}`)
    expect(unknownAge.json().programmeId).toBeNull()
  })

  it('refuses roles that do not create files, and bad input by its field', async () => {
    const statistician = await t.as('statistician')
    expect((await statistician.get(`/api/persons/reference/reception?siteId=${t.fx.sites.a}`)).statusCode).toBe(403)
    const bad = await reception.get('/api/persons/reference/reception?siteId=nope')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['siteId'])
  })

  it('suggests nobody of another structure, whatever site it is given', async () => {
    const other = await buildStructure(t.db)
    await buildUser(t.db, other, { role: 'counsellor', siteIds: [other.sites.a] })
    const res = await reception.get(`/api/persons/reference/reception?siteId=${other.sites.a}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().referent?.id).not.toBe(undefined)
    const staff = await t.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('structure_id', '=', t.fx.structureId)
      .execute()
    expect(staff.map((u) => u.id)).toContain(res.json().referent.id)
  })
})

describe('creating a file at the first reception', () => {
  it('enrols the person in the programme of their age, from the reception day, with the suggested referent', async () => {
    const res = await reception.post('/api/persons', newcomer())
    expect(res.statusCode).toBe(201)
    const person = res.json()
    expect(person.referentId).toBe(light)
    expect(await enrolmentsOf(person.id)).toEqual([
      { code: 'ML', kind: 'service', entry_date: '2026-03-02', exit_date: null, referent_id: light },
    ])
    const adult = (await reception.post('/api/persons', newcomer({ birthDate: '1979-05-01' }))).json()
    expect((await enrolmentsOf(adult.id)).map((e) => e.code)).toEqual(['PLIE'])
  })

  it('tells the referent a file was given to them, in their notifications only', async () => {
    const person = (await reception.post('/api/persons', newcomer())).json()
    const told = await t.db.kysely
      .selectFrom('notification')
      .select(['recipient_id', 'text', 'link'])
      .where('link', '=', `/personnes/${person.id}`)
      .execute()
    expect(told).toEqual([
      {
        recipient_id: person.referentId,
        text: expect.stringMatching(/^Nouveau dossier confié : [A-ZÉ]+ Camille, premier accueil le 02\/03\/2026\.$/),
        link: `/personnes/${person.id}`,
      },
    ])
    // a counsellor creating a file they follow is not told about it
    const counsellor = await t.as('counsellor')
    const own = (await counsellor.post('/api/persons', newcomer())).json()
    expect(own.referentId).toBe(counsellor.user!.id)
    expect(
      await t.db.kysely.selectFrom('notification').select('id').where('link', '=', `/personnes/${own.id}`).execute(),
    ).toEqual([])
  })

  it('keeps what reception chose: a programme, a referent, or “to assign” (the file still enters the programme)', async () => {
    const chosen = (
      await reception.post('/api/persons', newcomer({ programmeId: t.fx.programmes.plie, referentId: busy }))
    ).json()
    expect(chosen.referentId).toBe(busy)
    expect(await enrolmentsOf(chosen.id)).toMatchObject([{ code: 'PLIE', referent_id: busy }])
    const toAssign = (await reception.post('/api/persons', newcomer({ referentId: null }))).json()
    expect(toAssign.referentId).toBeNull()
    expect(await enrolmentsOf(toAssign.id)).toMatchObject([{ code: 'ML', exit_date: null }])
  })

  it('asks for the programme when the rule cannot tell, and refuses a scheme or another structure’s', async () => {
    const second = await t.db.kysely
      .insertInto('programme')
      .values({
        structure_id: t.fx.structureId,
        code: 'ML2',
        name: 'Mission Locale (antenne rurale)',
        type: 'mission_locale',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const asked = await reception.post('/api/persons', newcomer())
    expect(asked.statusCode).toBe(400)
    expect(asked.json().fields.map((f: { field: string }) => f.field)).toEqual(['programmeId'])
    const civis = await t.db.kysely
      .insertInto('programme')
      .values({ structure_id: t.fx.structureId, code: 'CIVIS', name: 'CIVIS', kind: 'scheme' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const scheme = await reception.post('/api/persons', newcomer({ programmeId: civis.id }))
    expect(scheme.json().fields.map((f: { field: string }) => f.field)).toEqual(['programmeId'])
    const other = await buildStructure(t.db)
    const foreign = await reception.post('/api/persons', newcomer({ programmeId: other.programmes.ml }))
    expect(foreign.statusCode).toBe(400)
    await t.db.kysely.updateTable('programme').set({ active: false }).where('id', '=', second.id).execute()
  })

  it('leaves no file without a service programme: every person created through the API has an open enrolment', async () => {
    for (const birthDate of ['2008-01-01', '2001-06-30', '1990-02-02'])
      expect((await reception.post('/api/persons', newcomer({ birthDate }))).statusCode).toBe(201)
    const orphans = await t.db.kysely
      .selectFrom('person')
      .select('person.id')
      .where('person.structure_id', '=', t.fx.structureId)
      .where('person.first_reception_date', '=', '2026-03-02')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('enrolment')
              .innerJoin('programme', 'programme.id', 'enrolment.programme_id')
              .whereRef('enrolment.person_id', '=', 'person.id')
              .where('programme.kind', '=', 'service')
              .where('enrolment.exit_date', 'is', null),
          ),
        ),
      )
      .execute()
    expect(orphans).toEqual([])
  })
})
