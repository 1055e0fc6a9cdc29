import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roles } from '../../shared/auth/roles.ts'
import { createTestContext, type TestClient, type TestContext } from '../test/test-app.ts'

// Walks every API route the app registers: each declares its access, an anonymous call is refused (401) and every
// role outside its list is refused (403). A new route is covered the day it is added.
let t: TestContext
const clients = new Map<string, TestClient>()
beforeAll(async () => {
  t = await createTestContext()
  for (const role of roles) clients.set(role, await t.as(role))
})
afterAll(() => t.close())

const fill = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')

describe('access to every route', () => {
  it('every route declares who may call it', () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(15)
    const undeclared = t.app.routeCatalogue.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`)
    expect(undeclared).toEqual([])
  })

  it('refuses anonymous callers on every non-public route', async () => {
    const anonymous = await t.anonymous()
    const wrong: string[] = []
    for (const r of t.app.routeCatalogue.filter((r) => r.access !== 'public')) {
      const res = await anonymous.request({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: r.method === 'GET' ? undefined : {},
      })
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url} → ${res.statusCode}`)
      else expect(res.headers['content-type']).toContain('application/problem+json')
    }
    expect(wrong).toEqual([])
  })

  it('refuses every role outside the route’s list', async () => {
    const wrong: string[] = []
    let checked = 0
    for (const r of t.app.routeCatalogue) {
      if (!Array.isArray(r.access)) continue
      for (const role of roles.filter((x) => !(r.access as readonly string[]).includes(x))) {
        const res = await clients.get(role)!.request({
          method: r.method as 'GET',
          url: fill(r.url),
          payload: r.method === 'GET' ? undefined : {},
        })
        checked++
        if (res.statusCode !== 403) wrong.push(`${role}: ${r.method} ${r.url} → ${res.statusCode}`)
      }
    }
    expect(checked).toBeGreaterThan(50)
    expect(wrong).toEqual([])
  })

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = clients.get('admin')!
    const res = await admin.request({
      method: 'POST',
      url: '/api/admin/programmes',
      payload: { code: 'CSRF', name: 'x' },
      headers: { 'x-csrf-token': 'forged' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('csrf')
  })
})
