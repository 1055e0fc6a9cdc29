import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

// Every dated attribute: [first date, first value, date of change, value after the change]
const timeline = {
  family_situation: ['2024-01-10', 'single', '2025-06-01', 'cohabiting'],
  housing: ['2024-01-10', 'with_parents', '2025-09-15', 'own'],
  resources: ['2024-01-10', 'none', '2025-03-01', 'salary'],
  education_level: ['2024-01-10', 'V', '2025-07-01', 'IV'],
  diploma: ['2024-01-10', 'none', '2025-07-01', 'cap_bep'],
  driving_licence: ['2024-01-10', 'none', '2025-02-01', 'in_progress'],
  mobility: ['2024-03-05', 'public_transport', '2025-11-20', 'car'],
} as const

describe('dated attributes', () => {
  let id: string
  beforeAll(async () => {
    const attributes = Object.entries(timeline).flatMap(([attribute, [d1, v1, d2, v2]]) => [
      { attribute: attribute as keyof typeof timeline, value: v1, validFrom: d1 },
      { attribute: attribute as keyof typeof timeline, value: v2, validFrom: d2 },
    ])
    id = (await buildPerson(t.db, t.fx, { birthDate: '2004-02-02', attributes })).id
  })
  const stateOn = async (on?: string) => {
    const res = await counsellor.get(`/api/persons/${id}/attributes${on ? `?on=${on}` : ''}`)
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  it('tells the state of every attribute before, on and after its change', async () => {
    for (const [attribute, [d1, v1, d2, v2]] of Object.entries(timeline)) {
      expect((await stateOn(dayBefore(d1))).state[attribute], `${attribute} before`).toBeNull()
      expect((await stateOn(d1)).state[attribute], `${attribute} from`).toMatchObject({ value: v1, validFrom: d1 })
      expect((await stateOn(dayBefore(d2))).state[attribute].value, `${attribute} eve`).toBe(v1)
      expect((await stateOn(d2)).state[attribute], `${attribute} change`).toMatchObject({ value: v2, validFrom: d2 })
      expect((await stateOn()).state[attribute].value, `${attribute} today`).toBe(v2)
    }
    const today = await stateOn()
    expect(today.on).toBe('2026-03-02')
    expect(today.state.education_level).toMatchObject({ value: 'IV', level1969: 'IV', level2019: 4 })
    expect(today.history).toHaveLength(14)
    expect(today.history[0]).toMatchObject({ attribute: 'diploma', value: 'cap_bep', validFrom: '2025-07-01' })
    // The file's summary shows the same state of today.
    expect((await counsellor.get(`/api/persons/${id}`)).json().stateToday).toEqual(today.state)
  })

  it('stores both education levels from either nomenclature', async () => {
    const post = (body: object) => counsellor.post(`/api/persons/${id}/attributes`, body)
    const from1969 = await post({ attribute: 'education_level', value: 'III', validFrom: '2025-12-01' })
    expect(from1969.statusCode).toBe(201)
    expect(from1969.json()).toMatchObject({
      value: 'III',
      level1969: 'III',
      level2019: 5,
      recordedByName: 'Utilisateur counsellor',
    })
    const from2019 = await post({ attribute: 'education_level', level2019: 8, validFrom: '2026-01-15' })
    expect(from2019.json()).toMatchObject({ value: 'I', level2019: 8 })
    expect((await stateOn('2025-12-31')).state.education_level).toMatchObject({ value: 'III', level2019: 5 })
    const mismatch = await post({ attribute: 'education_level', value: 'IV', level2019: 6, validFrom: '2026-02-01' })
    expect(mismatch.statusCode).toBe(400)
    expect(mismatch.json().fields).toMatchObject([{ field: 'level2019' }])
    const wrongValue = await post({ attribute: 'housing', value: 'V', validFrom: '2026-02-01' })
    expect(wrongValue.json().fields).toMatchObject([{ field: 'value', message: 'Valeur inconnue pour « Logement ».' }])
  })

  it('refuses a second entry on the same date, a future date and a date before birth', async () => {
    const post = (body: object) => counsellor.post(`/api/persons/${id}/attributes`, body)
    const again = await post({ attribute: 'housing', value: 'hostel', validFrom: '2025-09-15' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'validFrom' }] })
    expect(again.json().detail).toContain('15/09/2025')
    expect(
      (await post({ attribute: 'housing', value: 'hostel', validFrom: '2026-03-03' })).json().fields,
    ).toMatchObject([{ field: 'validFrom' }])
    expect((await post({ attribute: 'housing', value: 'hostel', validFrom: '2004-01-01' })).statusCode).toBe(400)
  })

  it('deletes a mistaken entry, with a trace, and the earlier value is back in force', async () => {
    const res = await counsellor.post(`/api/persons/${id}/attributes`, {
      attribute: 'housing',
      value: 'hostel',
      validFrom: '2026-02-01',
    })
    expect((await stateOn()).state.housing.value).toBe('hostel')
    const other = await buildPerson(t.db, t.fx)
    expect((await counsellor.delete(`/api/persons/${other.id}/attributes/${res.json().id}`)).statusCode).toBe(404)
    expect((await counsellor.delete(`/api/persons/${id}/attributes/${res.json().id}`)).statusCode).toBe(204)
    expect((await stateOn()).state.housing.value).toBe('own')
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'attribute.delete')
      .executeTakeFirstOrThrow()
    expect(audit.detail).toEqual({ attributeId: res.json().id, attribute: 'housing', validFrom: '2026-02-01' })
    expect((await counsellor.delete(`/api/persons/${id}/attributes/${res.json().id}`)).statusCode).toBe(404)
  })

  it('leaves the history to those who follow the file', async () => {
    const reception = await t.as('reception')
    expect((await reception.get(`/api/persons/${id}/attributes`)).statusCode).toBe(403)
    expect((await reception.post(`/api/persons/${id}/attributes`, {})).statusCode).toBe(403)
    const elsewhere = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await elsewhere.get(`/api/persons/${id}/attributes`)).statusCode).toBe(404)
  })
})

describe('status periods', () => {
  let id: string
  let ltu: string
  beforeAll(async () => {
    const p = await buildPerson(t.db, t.fx, {
      birthDate: '1990-05-05',
      statuses: [
        { status: 'rsa', startDate: '2024-05-01', endDate: '2025-04-30' },
        { status: 'long_term_unemployed', startDate: '2025-01-01' },
        { status: 'justice', startDate: '2025-06-01', endDate: '2025-12-31', detail: 'SPIP' },
      ],
    })
    id = p.id
    ltu = p.statusIds[1]!
  })
  const activeOn = async (on: string) =>
    (await counsellor.get(`/api/persons/${id}/statuses?on=${on}`))
      .json()
      .items.map((s: { status: string }) => s.status)
      .sort()

  it('tells the statuses active on a date, before, on and after each start and end', async () => {
    expect(await activeOn('2024-04-30')).toEqual([])
    expect(await activeOn('2024-05-01')).toEqual(['rsa'])
    expect(await activeOn('2025-01-01')).toEqual(['long_term_unemployed', 'rsa'])
    expect(await activeOn('2025-04-30')).toEqual(['long_term_unemployed', 'rsa'])
    expect(await activeOn('2025-05-01')).toEqual(['long_term_unemployed'])
    expect(await activeOn('2025-06-01')).toEqual(['justice', 'long_term_unemployed'])
    expect(await activeOn('2026-01-01')).toEqual(['long_term_unemployed'])
    const all = (await counsellor.get(`/api/persons/${id}/statuses`)).json()
    expect(all).toMatchObject({ on: null, sensitiveHidden: false })
    expect(all.items.map((s: { status: string }) => s.status)).toEqual(['justice', 'long_term_unemployed', 'rsa'])
  })

  it('opens a period, refusing one that overlaps the same status', async () => {
    const post = (body: object) => counsellor.post(`/api/persons/${id}/statuses`, body)
    const overlap = await post({ status: 'rsa', startDate: '2025-03-01' })
    expect(overlap.statusCode).toBe(409)
    expect(overlap.json().detail).toContain('01/05/2024')
    const res = await post({ status: 'rsa', startDate: '2026-01-01', detail: 'CAF 59' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ status: 'rsa', startDate: '2026-01-01', endDate: null, version: 1 })
    expect(await activeOn('2026-03-02')).toEqual(['long_term_unemployed', 'rsa'])
    const backwards = await post({ status: 'rqth', startDate: '2025-01-01', endDate: '2024-01-01' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().fields).toMatchObject([{ field: 'endDate' }])
  })

  it('closes a period with the version read; a stale version is refused', async () => {
    const close = (version: number) =>
      counsellor.put(`/api/persons/${id}/statuses/${ltu}`, {
        detail: null,
        startDate: '2025-01-01',
        endDate: '2026-02-28',
        version,
      })
    const res = await close(1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ endDate: '2026-02-28', version: 2 })
    expect((await close(1)).json().code).toBe('version_conflict')
    expect(await activeOn('2026-03-01')).toEqual(['rsa'])
    expect(await activeOn('2026-02-28')).toEqual(['long_term_unemployed', 'rsa'])
  })
})
