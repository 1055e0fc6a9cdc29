import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { SESSION_CACHE_TTL_MS } from './session.cache.ts'

// The session and the actor's scopes are kept a few seconds in the process (session.cache.ts): what a revoked right
// may still do, and what takes effect at once.
let t: TestContext
let admin: TestClient
let onSiteB: string

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
  onSiteB = (await buildPerson(t.db, t.fx, { lastName: 'Sitebé', siteId: t.fx.sites.b })).id
})
afterAll(() => t.close())
afterEach(() => vi.restoreAllMocks())

const userOf = async (client: TestClient) =>
  (await admin.get(`/api/admin/users?q=${encodeURIComponent(client.user!.email)}`)).json().items[0]
/** the process's clock, moved past the cache's lifetime */
const pastTheCache = () => {
  const later = performance.now() + SESSION_CACHE_TTL_MS + 1
  vi.spyOn(performance, 'now').mockReturnValue(later)
}

describe('the session kept a few seconds', () => {
  it('takes a change of sites made by an administrator at the next request', async () => {
    const counsellor = await t.as('counsellor')
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(404)
    const user = await userOf(counsellor)
    const res = await admin.put(`/api/admin/users/${user.id}`, { ...user, siteIds: [t.fx.sites.a, t.fx.sites.b] })
    expect(res.statusCode).toBe(200)
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(200)
    const back = await admin.put(`/api/admin/users/${user.id}`, {
      ...(await userOf(counsellor)),
      siteIds: [t.fx.sites.a],
    })
    expect(back.statusCode).toBe(200)
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(404)
  })

  it('takes a change of role at the next request (a wrong role is refused at once)', async () => {
    const counsellor = await t.as('counsellor')
    expect((await counsellor.get('/api/persons')).statusCode).toBe(200)
    const res = await admin.put(`/api/admin/users/${(await userOf(counsellor)).id}`, {
      ...(await userOf(counsellor)),
      role: 'statistician',
    })
    expect(res.statusCode).toBe(200)
    expect((await counsellor.get('/api/persons')).statusCode).toBe(403)
  })

  it('refuses an ended session at once, even just looked up', async () => {
    const counsellor = await t.as('counsellor')
    const cookie = `jalon_session=${counsellor.cookies.get('jalon_session')}`
    const again = () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    expect((await again()).statusCode).toBe(200)
    expect((await counsellor.post('/api/auth/sign-out')).statusCode).toBe(204)
    expect((await again()).statusCode).toBe(401)
  })

  it('checks the idle and absolute lifetimes at every request', async () => {
    const counsellor = await t.as('counsellor')
    expect((await counsellor.get('/api/auth/me')).statusCode).toBe(200)
    t.clock.advance((t.deps.config.session.idleMinutes + 1) * 60_000)
    try {
      expect((await counsellor.get('/api/auth/me')).statusCode).toBe(401)
    } finally {
      t.clock.advance(-(t.deps.config.session.idleMinutes + 1) * 60_000)
    }
  })

  it('lets a change written straight to the database wait at most the cache’s lifetime', async () => {
    const counsellor = await t.as('counsellor')
    const { id } = await userOf(counsellor)
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(404)
    await t.db.kysely.insertInto('user_site').values({ user_id: id, site_id: t.fx.sites.b }).execute()
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(404) // the kept scopes
    pastTheCache()
    expect((await counsellor.get(`/api/persons/${onSiteB}`)).statusCode).toBe(200)
  })
})
