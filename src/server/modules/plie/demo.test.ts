import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Organisation, PartnerPerson } from '../../../shared/plie/organisations.schema.ts'
import { loadDemo } from '../../demo/demo.ts'
import { DEMO_PASSWORD, demoSites } from '../../demo/demo-organisation.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'
import { serverModules } from '../modules.ts'
import { DEMO_PARTNER_ORGANISATION, demoOrganisations, loadPlieDemo } from './plie.demo.ts'

// The PLIE's part of the day's demo (plie.demo.ts), loaded after the persons' and the accompaniment's as `jalon demo`
// does. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
const signIn = async (email: string) => {
  const client = await TestClient.create(t.app)
  const res = await client.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD })
  expect(res.statusCode, res.body).toBe(200)
  return client
}
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now(), { modules: ['persons', 'accompaniment', 'plie'], facts: false })
})
afterAll(() => t.close())

const q = () => t.db.kysely

describe('PLIE demo', () => {
  it('runs after the accompaniment (the PLIE enrolments) and the agenda', () => {
    const order = (name: string) => serverModules.find((m) => m.name === name)?.demo?.order ?? Number.NaN
    expect(serverModules.find((m) => m.name === 'plie')?.demo?.load).toBe(loadPlieDemo)
    expect(order('plie')).toBeGreaterThan(order('accompaniment'))
    expect(order('plie')).toBeGreaterThan(order('agenda'))
  })

  it('makes the demo territory’s communes the member communes, with their official names', async () => {
    const rows = await q().selectFrom('plie_commune').selectAll().where('structure_id', '=', 'demo').execute()
    expect(rows).toHaveLength(new Set(demoSites.flatMap((s) => s.communes)).size)
    expect(rows.find((r) => r.commune_code === '59183')?.commune_name).toBe('Dunkerque')
  })

  it('sets up the hosts and partners the director reads, the partner account linked to one partner', async () => {
    const director = await signIn('direction@demo.jalon.fr')
    const res = await director.get('/api/plie/organisations')
    expect(res.statusCode, res.body).toBe(200)
    const list = res.json() as Organisation[]
    const kinds = demoOrganisations.map((o) => list.find((l) => l.name === o.name)?.kind)
    expect(kinds).toEqual(['aci', 'aci', 'ei', 'etti', 'employer_relations', 'employer_relations', 'employer'])
    const club = list.find((o) => o.name === DEMO_PARTNER_ORGANISATION)!
    expect(club.userIds).toHaveLength(1)
    expect(list.filter((o) => o.userIds.length > 0)).toHaveLength(1)
    expect(list.reduce((n, o) => n + o.stepsHosted, 0)).toBeGreaterThanOrEqual(6)
  })

  it('gives every open PLIE enrolment of the demo persons its pathway and referent', async () => {
    const enrolments = await q()
      .selectFrom('enrolment as e')
      .innerJoin('programme as p', 'p.id', 'e.programme_id')
      .select('e.id')
      .where('e.structure_id', '=', 'demo')
      .where('p.type', '=', 'plie')
      .where('e.exit_date', 'is', null)
      .execute()
    const pathways = await q()
      .selectFrom('plie_pathway')
      .select('enrolment_id')
      .where('structure_id', '=', 'demo')
      .execute()
    expect(enrolments.length).toBeGreaterThanOrEqual(20)
    expect(pathways.map((p) => p.enrolment_id).sort()).toEqual(enrolments.map((e) => e.id).sort())
    const referents = await q()
      .selectFrom('plie_referent')
      .select('enrolment_id')
      .where('structure_id', '=', 'demo')
      .execute()
    expect(referents.length).toBe(pathways.length)
  })

  it('shows the PLIE referent a pathway with its steps at their hosts', async () => {
    const referent = await signIn('referent.plie@demo.jalon.fr')
    const step = await q()
      .selectFrom('plie_step')
      .select(['person_id'])
      .where('structure_id', '=', 'demo')
      .orderBy('person_id')
      .executeTakeFirstOrThrow()
    const res = await referent.get(`/api/persons/${step.person_id}/plie`)
    expect(res.statusCode, res.body).toBe(200)
    expect(JSON.stringify(res.json())).toContain('organisationName')
  })

  it('lets the partner see only the people with a step at its club', async () => {
    const partner = await signIn('partenaire@demo.jalon.fr')
    const res = await partner.get('/api/plie/partner/people')
    expect(res.statusCode, res.body).toBe(200)
    const people = res.json() as PartnerPerson[]
    expect(people.length).toBeGreaterThanOrEqual(1)
    for (const p of people) {
      expect(p.steps.length).toBeGreaterThan(0)
      expect(p.steps.every((s) => s.organisationName === DEMO_PARTNER_ORGANISATION)).toBe(true)
    }
    expect((await partner.get('/api/plie/organisations')).statusCode).toBe(403)
  })

  it('leaves proposals waiting for the next committee of Grande-Synthe', async () => {
    const referent = await signIn('referent.plie@demo.jalon.fr')
    const res = await referent.get('/api/plie/proposals')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as { items: { status: string; siteName?: string }[] }
    expect(body.items.filter((p) => p.status === 'pending')).toHaveLength(3)
    const committees = await q()
      .selectFrom('plie_committee')
      .select(['date', 'status'])
      .where('structure_id', '=', 'demo')
      .execute()
    expect(committees).toEqual([{ date: '2026-03-05', status: 'planned' }])
  })
})
