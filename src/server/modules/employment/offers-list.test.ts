import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import { buildEmployer, buildOffer } from '../../test/employment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The offers' list filtered by the server (docs/employment/offers.md « Routes »): the ROME code with the other filters,
// within what each reader may see.
let t: TestContext
let officer: TestClient
let counsellorB: TestClient
let ids: Record<'cashierA' | 'cashierB' | 'cashierClosed' | 'driver', string>

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  counsellorB = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  const e = (await buildEmployer(t.db, t.fx, { name: 'Hyper du Port' })).id
  const offer = async (romeCode: string, siteIds: string[], status: 'open' | 'closed' = 'open') =>
    (await buildOffer(t.db, t.fx, e, { romeCode, siteIds, status })).id
  ids = {
    cashierA: await offer('D1505', [t.fx.sites.a]),
    cashierB: await offer('D1505', [t.fx.sites.b]),
    cashierClosed: await offer('D1505', [t.fx.sites.b], 'closed'),
    driver: await offer('N4101', [t.fx.sites.b]),
  }
  const other = await buildStructure(t.db)
  await buildOffer(t.db, other, (await buildEmployer(t.db, other)).id, { romeCode: 'D1505', siteIds: [other.sites.a] })
})
afterAll(() => t.close())

const listed = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/employment/offers?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { id: string; romeCode: string }[]).map((o) => o.id).sort()
}

describe('the offers list by ROME code', () => {
  it('keeps the offers of that job only, the code typed in any case, with the other filters', async () => {
    expect(await listed(officer, 'romeCode=D1505')).toEqual([ids.cashierA, ids.cashierB, ids.cashierClosed].sort())
    expect(await listed(officer, 'romeCode=d1505&status=open')).toEqual([ids.cashierA, ids.cashierB].sort())
    expect(await listed(officer, `romeCode=D1505&siteId=${t.fx.sites.b}&status=open`)).toEqual([ids.cashierB])
    expect(await listed(officer, 'romeCode=N4101')).toEqual([ids.driver])
    expect(await listed(officer, 'romeCode=K2204')).toEqual([])
    // without the filter, every job
    expect(await listed(officer, 'status=open')).toEqual(expect.arrayContaining([ids.cashierA, ids.driver]))
  })

  it('a counsellor gets that job’s open offers broadcast to her sites only', async () => {
    expect(await listed(counsellorB, 'romeCode=D1505')).toEqual([ids.cashierB])
  })

  it('an unknown or malformed code answers 400 naming romeCode', async () => {
    for (const code of ['Z9999', 'D15', '<b>']) {
      const res = await officer.get(`/api/employment/offers?romeCode=${encodeURIComponent(code)}`)
      expect(res.statusCode, code).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().fields[0].field).toBe('romeCode')
    }
  })
})
