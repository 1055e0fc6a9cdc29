import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test/test-app.ts'

// API answers hold personal data or tell who may see what: no browser or proxy may keep them, errors included.
// Files of the web app keep their own caching.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  // stands for a static file of the web app (the tests build the app without dist/web)
  t.app.get('/assets/app-1234.js', (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/javascript').send('//'),
  )
})
afterAll(() => t.close())

describe('Cache-Control', () => {
  it('is no-store on every API answer: success, 400, 401, 403, 404, CSRF refusal, malformed address', async () => {
    const anonymous = await t.anonymous()
    const counsellor = await t.as('counsellor')
    const answers = {
      success: await anonymous.get('/api/auth/csrf'),
      signedIn: await counsellor.get('/api/auth/me'),
      validation: await anonymous.post('/api/auth/sign-in', { email: 'pas une adresse', password: '' }),
      unauthenticated: await anonymous.get('/api/auth/me'),
      forbidden: await counsellor.get('/api/admin/users'),
      notFoundRecord: await counsellor.get('/api/persons/6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23'),
      noRoute: await counsellor.get('/api/nowhere'),
      csrf: await counsellor.request({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { 'x-csrf-token': 'forged' },
      }),
      badUrl: await counsellor.get('/api/persons/%E0%A4%A'),
      tooLong: await counsellor.get(`/api/persons/${'a'.repeat(500)}`),
    }
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.statusCode]))
    expect(statuses).toEqual({
      success: 200,
      signedIn: 200,
      validation: 400,
      unauthenticated: 401,
      forbidden: 403,
      notFoundRecord: 404,
      noRoute: 404,
      csrf: 403,
      badUrl: 400,
      tooLong: 414,
    })
    const headers = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.headers['cache-control']]))
    expect(headers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, 'no-store'])))
  })

  it('leaves the web app’s files to their own caching', async () => {
    const res = await (await t.anonymous()).get('/assets/app-1234.js')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })
})
