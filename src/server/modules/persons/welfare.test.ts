import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/auth/roles.ts'
import type { IndicatorComparison } from '../../../shared/reporting/reporting.schema.ts'
import { buildEnrolmentRow } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { buildYouth } from '../../test/reporting.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Welfare and disability data (the RSA status, resources such as RSA, AAH or family benefits) are sensitive like the
// RQTH: only the director and the counsellors who follow the person see them, each read is audited; reception and
// the departments' officers get them left out, on every route that answers about a person.
let t: TestContext
let person: { id: string; lastName: string; firstName: string; birthDate: string }
let resourcesId: string
let programmeReferent: TestClient

const DETAIL = 'CAF-7731 socle majoré'
/** What would give welfare data away in an answer: codes, labels, the period's detail. */
const markers = ['"rsa"', 'benefits_family', '"resources"', 'RSA', 'AAH', 'CAF-7731']

beforeAll(async () => {
  t = await createTestContext()
  person = await buildPerson(t.db, t.fx, {
    lastName: 'Vandamme',
    firstName: 'Océane',
    birthDate: '2004-03-09',
    siteId: t.fx.sites.a,
    attributes: [
      { attribute: 'resources', value: 'rsa', validFrom: '2025-01-10' },
      { attribute: 'resources', value: 'benefits_family', validFrom: '2025-09-01' },
      { attribute: 'housing', value: 'own', validFrom: '2025-01-10' },
    ],
    statuses: [
      { status: 'rsa', startDate: '2025-01-10', detail: DETAIL },
      { status: 'long_term_unemployed', startDate: '2025-02-01' },
    ],
  })
  resourcesId = (
    await t.db.kysely
      .selectFrom('person_attribute')
      .select('id')
      .where('person_id', '=', person.id)
      .where('value', '=', 'rsa')
      .executeTakeFirstOrThrow()
  ).id
  // A counsellor of another site who follows the person through an open enrolment: sees the file, not its
  // sensitive data (the same rule as the RQTH).
  programmeReferent = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  await buildEnrolmentRow(t.db, t.fx, person.id, {
    programme_id: t.fx.programmes.plie,
    entry_date: '2025-03-01',
    referent_id: programmeReferent.user!.id,
  })
})
afterAll(() => t.close())

const sensitiveReads = (actorId: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['entity_id', 'detail'])
    .where('action', '=', 'sensitive.read')
    .where('actor_id', '=', actorId)
    .orderBy('id')
    .execute()

/** Every GET route about one person or a list of persons, as the catalogue has them (tomorrow's routes too). */
function personReads() {
  const urls = t.app.routeCatalogue
    .filter((r) => r.method === 'GET')
    .map((r) => r.url)
    .filter((u) => /^\/api\/(persons|caseload)/.test(u))
    .filter((u) => !/:(?!id\b|personId\b)\w+/.test(u))
    .map((u) => u.replace(/:(id|personId)\b/g, person.id))
  const q = encodeURIComponent(`${person.lastName} ${person.firstName}`)
  return [
    ...urls.flatMap((u) => (u === '/api/persons' ? [`${u}?q=${q}`, `${u}?birthDate=${person.birthDate}`] : [u])),
    `/api/persons/${person.id}/statuses?on=2025-06-01`,
    `/api/persons/${person.id}/attributes?on=2025-06-01`,
  ]
}

/** Calls every read route and the duplicates check; answers what was answered (2xx only) to look into. */
async function walk(client: TestClient) {
  const answers: { url: string; body: string }[] = []
  for (const url of personReads()) {
    const res = await client.get(url)
    if (res.statusCode < 300) answers.push({ url, body: res.body })
  }
  const dup = await client.post('/api/persons/duplicates', {
    lastName: person.lastName,
    firstName: person.firstName,
    birthDate: person.birthDate,
  })
  if (dup.statusCode < 300) answers.push({ url: 'POST /api/persons/duplicates', body: dup.body })
  return answers
}

describe('welfare and disability data', () => {
  it('are left out for reception and every officer, on every route, with the hidden notice and no audit', async () => {
    const roles: Role[] = ['reception', 'training_officer', 'employment_officer', 'aid_officer']
    expect(personReads()).toEqual(
      expect.arrayContaining([`/api/persons/${person.id}`, `/api/persons/${person.id}/statuses`]),
    )
    for (const role of roles) {
      const reader = await t.as(role)
      const answers = await walk(reader)
      // The walk reached the file and the search: the test would see a leak there.
      expect(answers.map((a) => a.url)).toContain(`/api/persons/${person.id}`)
      expect(answers.find((a) => a.url.startsWith('/api/persons?q='))?.body, role).toContain(person.id)
      for (const { url, body } of answers)
        for (const marker of markers) expect(body, `${role} ${url} shows ${marker}`).not.toContain(marker)
      const file = (await reader.get(`/api/persons/${person.id}`)).json()
      expect(file.sensitiveHidden, role).toBe(true)
      expect(Object.keys(file.stateToday), role).not.toContain('resources')
      expect(file.stateToday.housing, role).toMatchObject({ value: 'own' })
      expect(file.statuses.map((s: { status: string }) => s.status)).toEqual(['long_term_unemployed'])
      expect(await sensitiveReads(reader.user!.id), role).toEqual([])
    }
  })

  it('are left out for a counsellor who follows the person through a programme only, who may not change them', async () => {
    const answers = await walk(programmeReferent)
    expect(answers.map((a) => a.url)).toEqual(
      expect.arrayContaining([`/api/persons/${person.id}/attributes`, `/api/persons/${person.id}/statuses`]),
    )
    for (const { url, body } of answers)
      for (const marker of markers) expect(body, `${url} shows ${marker}`).not.toContain(marker)
    const view = (await programmeReferent.get(`/api/persons/${person.id}/attributes`)).json()
    expect(view.sensitiveHidden).toBe(true)
    expect(view.history.map((e: { attribute: string }) => e.attribute)).toEqual(['housing'])
    const refusedAttribute = await programmeReferent.post(`/api/persons/${person.id}/attributes`, {
      attribute: 'resources',
      value: 'salary',
      validFrom: '2026-01-05',
    })
    expect(refusedAttribute.statusCode).toBe(403)
    expect(refusedAttribute.json().fields).toMatchObject([{ field: 'attribute' }])
    const refusedStatus = await programmeReferent.post(`/api/persons/${person.id}/statuses`, {
      status: 'rsa',
      startDate: '2026-01-05',
    })
    expect(refusedStatus.statusCode).toBe(403)
    // A hidden entry answers as absent.
    expect((await programmeReferent.delete(`/api/persons/${person.id}/attributes/${resourcesId}`)).statusCode).toBe(404)
    expect(await sensitiveReads(programmeReferent.user!.id)).toEqual([])
  })

  it('are shown to a counsellor of the site and to the director, each read audited with the fields shown', async () => {
    for (const reader of [await t.as('counsellor'), await t.as('director')]) {
      const file = (await reader.get(`/api/persons/${person.id}`)).json()
      expect(file.sensitiveHidden).toBe(false)
      expect(file.stateToday.resources).toMatchObject({ value: 'benefits_family' })
      expect(file.statuses).toEqual(
        expect.arrayContaining([expect.objectContaining({ status: 'rsa', sensitive: true, detail: DETAIL })]),
      )
      expect(await sensitiveReads(reader.user!.id)).toEqual([
        { entity_id: person.id, detail: { fields: ['statuses.rsa', 'attributes.resources'] } },
      ])
      const past = (await reader.get(`/api/persons/${person.id}/attributes?on=2025-06-01`)).json()
      expect(past.state.resources).toMatchObject({ value: 'rsa' })
      expect(past.history.filter((e: { attribute: string }) => e.attribute === 'resources')).toHaveLength(2)
      const statuses = (await reader.get(`/api/persons/${person.id}/statuses?on=2025-06-01`)).json()
      expect(statuses.items.map((s: { status: string }) => s.status).sort()).toEqual(['long_term_unemployed', 'rsa'])
      expect((await sensitiveReads(reader.user!.id)).map((r) => r.detail)).toEqual([
        { fields: ['statuses.rsa', 'attributes.resources'] },
        { fields: ['attributes.resources'] },
        { fields: ['statuses.rsa'] },
      ])
    }
  })

  it('audits a resources read only when it shows a welfare or disability benefit', async () => {
    const other = await buildPerson(t.db, t.fx, {
      attributes: [{ attribute: 'resources', value: 'salary', validFrom: '2025-05-01' }],
    })
    const counsellor = await t.as('counsellor')
    const file = (await counsellor.get(`/api/persons/${other.id}`)).json()
    expect(file.stateToday.resources).toMatchObject({ value: 'salary' })
    await counsellor.get(`/api/persons/${other.id}/attributes`)
    expect(await sensitiveReads(counsellor.user!.id)).toEqual([])
    const added = await counsellor.post(`/api/persons/${other.id}/attributes`, {
      attribute: 'resources',
      value: 'rsa',
      validFrom: '2026-02-01',
    })
    expect(added.statusCode).toBe(201)
    expect(await sensitiveReads(counsellor.user!.id)).toEqual([
      { entity_id: other.id, detail: { fields: ['attributes.resources'] } },
    ])
  })

  it('still count in the statistics', async () => {
    for (const resources of ['rsa', 'rsa', 'benefits_family', 'salary'])
      await buildYouth(t.db, t.fx, { events: ['2009-04-01'], attributes: { resources } })
    const statistician = await t.as('statistician')
    const res = await statistician.get('/api/indicators/ml.youth_in_contact?from=2009-01-01&to=2009-12-31')
    expect(res.statusCode).toBe(200)
    const table = (res.json() as IndicatorComparison).results[0]!.tables.find((x) => x.key === 'resources')!
    const count = (key: string) => table.rows.find((r) => r.key === key)?.values[0]
    expect([count('rsa'), count('benefits_family'), count('salary')]).toEqual([2, 1, 1])
  })
})
