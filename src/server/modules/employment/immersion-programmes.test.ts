import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEmployer, buildImmersion, buildImmersionProgramme } from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Immersion programmes (docs/employment/immersions.md): the counts per module, the officer's changes to a programme.
// The agreement's flow, its rules and access: immersions.test.ts.

let t: TestContext
let otherCounsellor: TestClient
let officer: TestClient
let person: Awaited<ReturnType<typeof buildPerson>>
let employer: Awaited<ReturnType<typeof buildEmployer>>

const url = '/api/employment/immersions'
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)

beforeAll(async () => {
  t = await createTestContext()
  otherCounsellor = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  officer = await t.as('employment_officer')
  person = await buildPerson(t.db, t.fx, { firstName: 'Ines', lastName: 'Aubert' })
  employer = await buildEmployer(t.db, t.fx, { name: 'Boulangerie Martin' })
})
afterAll(() => t.close())

describe('programmes', () => {
  it('per module: people, validated, rate and contracts, cancelled immersions left out', async () => {
    const prog = await buildImmersionProgramme(t.db, t.fx, { name: 'Programme compté' })
    const people = await Promise.all([1, 2, 3].map(() => buildPerson(t.db, t.fx)))
    const m = { programmeId: prog.id }
    await buildImmersion(t.db, t.fx, people[0]!.id, employer.id, {
      ...m,
      moduleNumber: 2,
      status: 'done',
      validated: true,
    })
    await buildImmersion(t.db, t.fx, people[1]!.id, employer.id, {
      ...m,
      moduleNumber: 2,
      status: 'done',
      validated: false,
    })
    await buildImmersion(t.db, t.fx, people[2]!.id, employer.id, { ...m, moduleNumber: 2, status: 'cancelled' })
    await buildImmersion(t.db, t.fx, people[2]!.id, employer.id, {
      ...m,
      moduleNumber: 3,
      status: 'done',
      validated: true,
      outcome: 'contract',
    })
    const res = await officer.get(`/api/employment/immersion-programmes/${prog.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const [m1, m2, m3] = res.json().modules
    expect(m1).toMatchObject({ number: 1, people: 0, validated: 0, rate: null })
    expect(m2).toMatchObject({ number: 2, people: 2, immersions: 2, validated: 1, rate: 50, contracts: 0 })
    expect(m3).toMatchObject({ number: 3, people: 1, validated: 1, rate: 100, contracts: 1 })
    expect(res.json().people).toBe(3)
    // a counsellor of site B counts none of site A's people
    const seen = (await otherCounsellor.get(`/api/employment/immersion-programmes/${prog.id}`)).json()
    expect(seen.people).toBe(0)
    // the list filters by module
    const listed = (await officer.get(`${url}?programmeId=${prog.id}&moduleNumber=2`)).json() as {
      moduleNumber: number
    }[]
    expect(listed).toHaveLength(3)
    expect(new Set(listed.map((x) => x.moduleNumber))).toEqual(new Set([2]))
  })

  it('the officer creates and edits a programme; a module in use stays; a stale version 409', async () => {
    const created = await officer.post('/api/employment/immersion-programmes', {
      name: 'Immersions apprentissage',
      modules: [
        { number: 1, label: 'Découverte', objective: 'discover' },
        { number: 2, label: 'Recrutement', objective: 'recruitment' },
      ],
    })
    expect(created.statusCode, created.body).toBe(201)
    const p = created.json()
    expect(p.modules.map((x: { label: string }) => x.label)).toEqual(['Découverte', 'Recrutement'])
    await buildImmersion(t.db, t.fx, person.id, employer.id, {
      programmeId: p.id,
      moduleNumber: 2,
      startsOn: '2026-07-06',
      endsOn: '2026-07-10',
    })
    const drop = await officer.put(`/api/employment/immersion-programmes/${p.id}`, {
      name: 'Immersions apprentissage',
      modules: [{ number: 1, label: 'Découverte', objective: 'discover' }],
      version: 1,
    })
    expect(drop.statusCode).toBe(409)
    expect(fieldsOf(drop)).toEqual(['modules'])
    const ok = await officer.put(`/api/employment/immersion-programmes/${p.id}`, {
      name: 'Immersions alternance',
      active: false,
      modules: [{ number: 2, label: 'Embauche', objective: 'recruitment' }],
      version: 1,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ name: 'Immersions alternance', active: false, version: 2 })
    expect(ok.json().modules.map((x: { number: number }) => x.number)).toEqual([2])
    const stale = await officer.put(`/api/employment/immersion-programmes/${p.id}`, {
      name: 'x',
      modules: [{ number: 2, label: 'Embauche', objective: 'recruitment' }],
      version: 1,
    })
    expect(stale.statusCode).toBe(409)
    const dup = await officer.post('/api/employment/immersion-programmes', {
      name: 'Doublon',
      modules: [
        { number: 1, label: 'A', objective: 'discover' },
        { number: 1, label: 'B', objective: 'discover' },
      ],
    })
    expect(dup.statusCode).toBe(400)
    expect(fieldsOf(dup)).toEqual(['modules'])
  })

  it('only the employment officer changes a programme (403 to the others); a missing module field is named', async () => {
    const p = await buildImmersionProgramme(t.db, t.fx, { name: 'Programme protégé' })
    const body = { name: 'Renommé', modules: [{ number: 1, label: 'M1', objective: 'discover' }], version: p.version }
    for (const role of ['counsellor', 'director', 'reception'] as const) {
      const c = await t.as(role)
      expect((await c.put(`/api/employment/immersion-programmes/${p.id}`, body)).statusCode, role).toBe(403)
    }
    const bad = await officer.put(`/api/employment/immersion-programmes/${p.id}`, {
      ...body,
      modules: [{ number: 1, label: ' ', objective: 'discover' }],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(fieldsOf(bad)).toEqual(['modules.0.label'])
    const unchanged = (await officer.get(`/api/employment/immersion-programmes/${p.id}`)).json()
    expect(unchanged).toMatchObject({ name: 'Programme protégé', version: p.version })
  })
})
