import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let reception: TestClient
let counsellor: TestClient
let referentId: string

beforeAll(async () => {
  t = await createTestContext()
  reception = await t.as('reception')
  counsellor = await t.as('counsellor')
  referentId = (await buildUser(t.db, t.fx, { role: 'counsellor', email: 'ref@test.jalon.fr' })).id
})
afterAll(() => t.close())

// a number and an address of their own for each file but the first (the same ones would be a likely duplicate)
let files = 0
const newFile = (over: Record<string, unknown> = {}) => ({
  lastName: 'Benali',
  firstName: 'Yasmine',
  sex: 'F',
  birthDate: '2007-04-12',
  phone: files === 0 ? '06 11 22 33 44' : `06 11 22 ${String(10 + files).padStart(2, '0')} 44`,
  email: `yasmine${files++ || ''}@example.org`,
  address: '3 rue des Dunes',
  postcode: '59140',
  communeCode: '59183',
  priorityArea: 'qpv',
  siteId: t.fx.sites.a,
  referentId,
  firstReception: { date: '2026-02-20', referralSource: 'school' },
  situation: {
    attributes: [
      { attribute: 'housing', value: 'with_parents' },
      { attribute: 'education_level', level2019: 3 },
      { attribute: 'driving_licence', value: 'none' },
    ],
    statuses: [{ status: 'long_term_unemployed', startDate: '2025-12-01' }],
  },
  ...over,
})
const fieldsOf = (res: { json(): { fields: { field: string }[] } }) =>
  res
    .json()
    .fields.map((f) => f.field)
    .sort()
const audits = (action: string, entityId: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['actor_id', 'detail'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute()

describe('POST /api/persons', () => {
  it('creates the file at first reception: person, first reception event, dated situation at entry, audit', async () => {
    const res = await reception.post('/api/persons', newFile())
    expect(res.statusCode).toBe(201)
    const file = res.json()
    expect(file).toMatchObject({
      lastName: 'Benali',
      age: 18,
      communeCode: '59183',
      communeName: 'Dunkerque',
      siteName: 'Site A',
      referentId,
      referentName: 'Utilisateur counsellor',
      firstReceptionDate: '2026-02-20',
      referralSource: 'school',
      version: 1,
      today: '2026-03-02',
      sensitiveHidden: true,
      can: { readFile: false, write: false, editIdentity: true, seeSensitive: false },
    })
    expect(file.stateToday.housing).toMatchObject({ value: 'with_parents', validFrom: '2026-02-20', level2019: null })
    expect(file.stateToday.education_level).toMatchObject({ value: 'V', level1969: 'V', level2019: 3 })
    expect(file.stateToday.family_situation).toBeNull()
    expect(file.statuses).toMatchObject([
      { status: 'long_term_unemployed', startDate: '2025-12-01', endDate: null, sensitive: false },
    ])

    const k = t.db.kysely
    const events = await k.selectFrom('event').selectAll().where('person_id', '=', file.id).execute()
    expect(events).toMatchObject([
      { kind: 'first_reception', date: '2026-02-20', site_id: t.fx.sites.a, counsellor_id: reception.user!.id },
    ])
    const attributes = await k
      .selectFrom('person_attribute')
      .select(['attribute', 'valid_from', 'recorded_by'])
      .where('person_id', '=', file.id)
      .orderBy('attribute')
      .execute()
    expect(attributes.map((a) => [a.attribute, a.valid_from])).toEqual([
      ['driving_licence', '2026-02-20'],
      ['education_level', '2026-02-20'],
      ['housing', '2026-02-20'],
    ])
    const person = await k.selectFrom('person').selectAll().where('id', '=', file.id).executeTakeFirstOrThrow()
    expect(person.search_name).toBe('benali yasmine')
    expect(person.phone_digits).toBe('0611223344')
    expect(Object.keys(person).some((c) => c.includes('age'))).toBe(false)
    const [audit] = await audits('create', file.id)
    expect(audit!.actor_id).toBe(reception.user!.id)
    expect(audit!.detail).toMatchObject({
      statuses: ['long_term_unemployed'],
      attributes: ['housing', 'education_level', 'driving_licence'],
    })
  })

  it('refuses a likely duplicate with 409 and the list, unless the user confirms', async () => {
    const res = await reception.post('/api/persons', newFile({ lastName: 'BENALI', firstName: 'Yasmíne' }))
    expect(res.statusCode).toBe(409)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe('conflict')
    expect(res.json().fields).toHaveLength(1)
    expect(res.json().fields[0].field).toBe('duplicates.0')
    expect(res.json().fields[0].message).toContain('Benali Yasmine, né(e) le 12/04/2007, suivi(e) sur Site A')
    const confirmed = await reception.post('/api/persons', newFile({ lastName: 'BENALI', confirmNotDuplicate: true }))
    expect(confirmed.statusCode).toBe(201)
    const [audit] = await audits('create', confirmed.json().id)
    expect((audit!.detail as { confirmedNotDuplicateOf: string[] }).confirmedNotDuplicateOf).toHaveLength(1)
  })

  it('records the first reception where it took place', async () => {
    const res = await reception.post(
      '/api/persons',
      newFile({
        lastName: 'Kaya',
        firstReception: { date: '2026-01-05', siteId: t.fx.sites.b, referralSource: 'self' },
      }),
    )
    expect(res.statusCode).toBe(201)
    const event = await t.db.kysely
      .selectFrom('event')
      .select(['site_id', 'date'])
      .where('person_id', '=', res.json().id)
      .executeTakeFirstOrThrow()
    expect(event).toEqual({ site_id: t.fx.sites.b, date: '2026-01-05' })
  })

  it('names every field at fault (problem+json)', async () => {
    const shape = await reception.post(
      '/api/persons',
      newFile({
        sex: 'X',
        phone: '12',
        email: 'pas-une-adresse',
        postcode: '591',
        firstReception: { date: '2026-02-20', referralSource: 'bouche-à-oreille' },
        situation: {
          attributes: [
            { attribute: 'housing', value: 'castle' },
            { attribute: 'education_level', value: 'IV', level2019: 6 },
          ],
          statuses: [],
        },
      }),
    )
    expect(shape.statusCode).toBe(400)
    expect(shape.headers['content-type']).toContain('application/problem+json')
    expect(fieldsOf(shape)).toEqual([
      'email',
      'firstReception.referralSource',
      'phone',
      'postcode',
      'sex',
      'situation.attributes.0.value',
      'situation.attributes.1.level2019',
    ])
    const other = await buildUser(t.db, t.fx, { role: 'reception' })
    const rules = await reception.post(
      '/api/persons',
      newFile({ birthDate: '2027-01-01', communeCode: '99999', siteId: t.fx.sites.b, referentId: other.id }),
    )
    expect(rules.statusCode).toBe(400)
    expect(fieldsOf(rules)).toEqual(['birthDate', 'communeCode', 'firstReception.date', 'referentId', 'siteId'])
  })

  it('lets only those who follow the person record a sensitive status', async () => {
    const withRqth = (lastName: string) =>
      newFile({ lastName, situation: { attributes: [], statuses: [{ status: 'rqth', detail: 'valable 2030' }] } })
    const refused = await reception.post('/api/persons', withRqth('Morel'))
    expect(refused.statusCode).toBe(403)
    expect(fieldsOf(refused)).toEqual(['situation.statuses.0.status'])
    const res = await counsellor.post('/api/persons', withRqth('Morel'))
    expect(res.statusCode).toBe(201)
    expect(res.json().statuses).toMatchObject([{ status: 'rqth', sensitive: true, startDate: '2026-02-20' }])
    expect(await audits('sensitive.read', res.json().id)).toMatchObject([{ detail: { fields: ['statuses.rqth'] } }])
    const [audit] = await audits('create', res.json().id)
    expect(audit!.detail).toMatchObject({ statuses: ['sensitive'] })
  })

  it('lets only those who follow the person record the RSA and the resources', async () => {
    const withWelfare = (lastName: string) =>
      newFile({
        lastName,
        situation: {
          attributes: [
            { attribute: 'housing', value: 'own' },
            { attribute: 'resources', value: 'benefits_family' },
          ],
          statuses: [{ status: 'long_term_unemployed' }, { status: 'rsa' }],
        },
      })
    const refused = await reception.post('/api/persons', withWelfare('Lemaire'))
    expect(refused.statusCode).toBe(403)
    expect(fieldsOf(refused)).toEqual(['situation.attributes.1.attribute', 'situation.statuses.1.status'])
    const res = await counsellor.post('/api/persons', withWelfare('Lemaire'))
    expect(res.statusCode).toBe(201)
    expect(res.json().stateToday.resources).toMatchObject({ value: 'benefits_family' })
    expect(await audits('sensitive.read', res.json().id)).toMatchObject([
      { detail: { fields: ['statuses.rsa', 'attributes.resources'] } },
    ])
    const [audit] = await audits('create', res.json().id)
    expect(audit!.detail).toMatchObject({ statuses: ['long_term_unemployed', 'sensitive'] })
  })
})

describe('PUT /api/persons/:id', () => {
  it('refuses the second of two users saving the same version', async () => {
    const { id } = await buildPerson(t.db, t.fx, { lastName: 'Petit', firstName: 'Léa', phone: '0600000000' })
    const readByReception = (await reception.get(`/api/persons/${id}`)).json()
    const readByCounsellor = (await counsellor.get(`/api/persons/${id}`)).json()
    const edit = (file: Record<string, unknown>, change: Record<string, unknown>) => {
      const { lastName, firstName, sex, birthDate, phone, email, address, postcode, communeCode, priorityArea } = file
      const { siteId, referentId: referent, version } = file
      return {
        ...{ lastName, firstName, sex, birthDate, phone, email, address, postcode, communeCode, priorityArea },
        ...{ siteId, referentId: referent, version },
        ...change,
      }
    }
    const first = await reception.put(`/api/persons/${id}`, edit(readByReception, { phone: '07 00 00 00 01' }))
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ phone: '07 00 00 00 01', version: 2 })
    const second = await counsellor.put(`/api/persons/${id}`, edit(readByCounsellor, { lastName: 'Petit-Martin' }))
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('version_conflict')
    const reloaded = (await counsellor.get(`/api/persons/${id}`)).json()
    expect(reloaded).toMatchObject({ lastName: 'Petit', phone: '07 00 00 00 01', version: 2 })

    const [audit] = await audits('update', id)
    expect(audit!.detail).toEqual({ changed: ['phone'] })
    expect(JSON.stringify(audit!.detail)).not.toContain('07 00')

    // A name change refolds the search name; a transfer is allowed and answered, then the file leaves the scope.
    const renamed = await counsellor.put(
      `/api/persons/${id}`,
      edit(reloaded, { lastName: 'Pétit-Martin', siteId: t.fx.sites.b }),
    )
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ siteName: 'Site B', version: 3 })
    const row = await t.db.kysely.selectFrom('person').select('search_name').where('id', '=', id).executeTakeFirst()
    expect(row!.search_name).toBe('petit martin lea')
    expect((await counsellor.get(`/api/persons/${id}`)).statusCode).toBe(404)
    const [, transfer] = await audits('update', id)
    expect(transfer!.detail).toMatchObject({ changed: ['lastName', 'siteId'], siteId: { to: t.fx.sites.b } })
  })
})

describe('GET /api/persons/reference/counsellors', () => {
  it('lists the active counsellors of the structure with their sites', async () => {
    await buildUser(t.db, t.fx, { role: 'counsellor', email: 'gone@test.jalon.fr', active: false })
    const res = await reception.get('/api/persons/reference/counsellors')
    expect(res.statusCode).toBe(200)
    const list = res.json() as { id: string; sites: { name: string }[] }[]
    expect(list.map((c) => c.id)).toContain(referentId)
    expect(list.find((c) => c.id === referentId)!.sites).toEqual([{ id: t.fx.sites.a, code: 'A', name: 'Site A' }])
    const users = await t.db.kysely.selectFrom('app_user').select(['id', 'role', 'active']).execute()
    const counsellors = users.filter((u) => u.role === 'counsellor' && u.active).map((u) => u.id)
    expect(list.map((c) => c.id).sort()).toEqual(counsellors.sort())
  })
})
