import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseloadRow } from '../../../shared/accompaniment/caseload.schema.ts'
import { DEFAULT_TIME_ZONE } from '../../../shared/dates.ts'
import { loadDemo } from '../../demo/demo.ts'
import { DEMO_PASSWORD } from '../../demo/demo-organisation.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'
import { serverModules } from '../modules.ts'
import { DEMO_PERSON_COUNT } from '../persons/persons.demo.ts'
import { loadAccompanimentDemo } from './accompaniment.demo.ts'
import { localDay } from './dates.ts'

// The demo as `jalon demo` loads it: the persons loader, then the accompaniment's (demo-accompaniment.ts).
let t: TestContext
let conseiller: TestClient
beforeAll(async () => {
  t = await createTestContext()
  await loadDemo(t.db, t.clock.now())
  conseiller = await TestClient.create(t.app)
  const res = await conseiller.post('/api/auth/sign-in', { email: 'conseiller@demo.jalon.fr', password: DEMO_PASSWORD })
  expect(res.statusCode).toBe(200)
})
afterAll(() => t.close())

const count = async (table: 'event' | 'proposition' | 'situation' | 'enrolment') =>
  (
    await t.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('structure_id', '=', 'demo')
      .executeTakeFirstOrThrow()
  ).n

describe('accompaniment demo', () => {
  it('runs after the persons loader', () => {
    const order = (name: string) => serverModules.find((m) => m.name === name)?.demo?.order ?? Number.NaN
    expect(serverModules.find((m) => m.name === 'accompaniment')?.demo?.load).toBe(loadAccompanimentDemo)
    expect(order('accompaniment')).toBeGreaterThan(order('persons'))
  })

  it('records each demo person’s first reception, as creating the file does', async () => {
    const { n } = await t.db.kysely
      .selectFrom('event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('structure_id', '=', 'demo')
      .where('kind', '=', 'first_reception')
      .executeTakeFirstOrThrow()
    expect(n).toBe(DEMO_PERSON_COUNT)
  })

  it('sets up the schemes and the contact rules', async () => {
    const programmes = await t.db.kysely
      .selectFrom('programme')
      .select(['code', 'kind', 'contact_days', 'contact_days_during_step'])
      .where('structure_id', '=', 'demo')
      .orderBy('code')
      .execute()
    expect(programmes).toEqual([
      { code: 'CEJ', kind: 'scheme', contact_days: 30, contact_days_during_step: 60 },
      { code: 'CIVIS', kind: 'scheme', contact_days: 30, contact_days_during_step: 60 },
      { code: 'ML', kind: 'service', contact_days: 90, contact_days_during_step: null },
      { code: 'PARRAINAGE', kind: 'scheme', contact_days: null, contact_days_during_step: null },
      { code: 'PLIE', kind: 'service', contact_days: 30, contact_days_during_step: 90 },
    ])
  })

  it('gives the demo counsellor a caseload with some alerts and some people followed in time', async () => {
    const res = await conseiller.get('/api/caseload?pageSize=200')
    expect(res.statusCode).toBe(200)
    const page = res.json() as { items: CaseloadRow[]; alerts: number; total: number }
    expect(page.total).toBeGreaterThanOrEqual(9)
    expect(page.alerts).toBeGreaterThanOrEqual(3)
    expect(page.total - page.alerts).toBeGreaterThanOrEqual(3)
    expect(page.items.some((r) => r.nextEvent !== null)).toBe(true)
    expect(page.items.some((r) => r.openSituations.length > 0)).toBe(true)
    expect(page.items.every((r) => r.openEnrolments.length > 0)).toBe(true)
  })

  it('writes histories: enrolments, events, situations, propositions in the 2009 proportions', async () => {
    expect(await count('enrolment')).toBeGreaterThanOrEqual(300)
    expect(await count('event')).toBeGreaterThan(2000)
    expect(await count('situation')).toBeGreaterThan(150)
    const byDomain = await t.db.kysely
      .selectFrom('proposition')
      .select(['domain', (eb) => eb.fn.countAll<number>().as('n')])
      .where('structure_id', '=', 'demo')
      .groupBy('domain')
      .execute()
    const total = byDomain.reduce((s, r) => s + r.n, 0)
    const share = (d: string) => (byDomain.find((r) => r.domain === d)?.n ?? 0) / total
    expect(total).toBeGreaterThan(1000)
    expect(share('professional')).toBeGreaterThan(0.7)
    expect(share('professional')).toBeLessThan(0.82)
    expect(share('social_life')).toBeGreaterThan(share('social'))
    const planned = await t.db.kysely
      .selectFrom('event')
      .select(['attendance'])
      .where('structure_id', '=', 'demo')
      .where('date', '>', localDay(t.clock.now(), DEFAULT_TIME_ZONE))
      .execute()
    expect(planned.length).toBeGreaterThan(50)
    expect(planned.every((e) => e.attendance === null)).toBe(true)
  })
})
