import type { FastifyInstance } from 'fastify'
import { generate, generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { buildUser, TEST_PASSWORD } from '../../test/builders.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'

// Sign-in throttling under attack: parallel attempts, forged client addresses, TOTP code guessing, account enumeration.
const MAX = 3
let t: TestContext
beforeAll(async () => {
  t = await createTestContext({
    config: { signin: { maxFailures: MAX, lockMinutes: 15, perAddressPerMinute: 10_000 } },
  })
})
afterAll(() => t.close())

const failures = async (userId: string, action = 'signin.failure') =>
  (
    await t.db.kysely
      .selectFrom('audit_event')
      .select(['detail', 'ip'])
      .where('entity_id', '=', userId)
      .where('action', '=', action)
      .orderBy('id')
      .execute()
  ).map((r) => ({
    reason: ((typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as { reason?: string } | null)?.reason,
    ip: r.ip,
  }))

const epoch = () => Math.floor(t.clock.now().getTime() / 1000)
/** A well-formed code that none of the accepted time steps (now, one before, one after) produces. */
async function wrongCode(secret: string) {
  const valid = await Promise.all([-30, 0, 30].map((d) => generate({ secret, epoch: epoch() + d })))
  let n = 123456
  while (valid.includes(String(n).padStart(6, '0'))) n++
  return String(n).padStart(6, '0')
}

describe('password attempts sent in parallel', () => {
  it('checks at most the allowed number of passwords, then the account is locked', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const client = await t.anonymous()
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        client.post('/api/auth/sign-in', { email: user.email, password: `wrong-password-${i}` }),
      ),
    )
    const checked = (await failures(user.id)).filter((f) => f.reason?.startsWith('wrong_password'))
    expect(checked.length).toBeLessThanOrEqual(MAX)
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(25 - MAX)
    const right = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(right.statusCode).toBe(429)
  })
})

describe('unknown and known e-mails', () => {
  it('get the same status and body after repeated failures', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'reception' })
    const client = await t.anonymous()
    const attempt = (email: string) => client.post('/api/auth/sign-in', { email, password: 'wrong-password-123' })
    const unknown = 'personne.inconnue@test.jalon.fr'
    for (let i = 0; i < MAX; i++) {
      const [known, other] = [await attempt(user.email), await attempt(unknown)]
      expect(known.statusCode).toBe(401)
      expect(other.json()).toEqual(known.json())
    }
    const known = await attempt(user.email)
    const other = await attempt(unknown)
    expect(known.statusCode).toBe(429)
    expect(other.statusCode).toBe(known.statusCode)
    expect(other.json()).toEqual(known.json())
    expect(other.json().detail).toBe('Trop de tentatives. Réessayez dans quelques minutes.')
    // the lock of an unknown e-mail ends like an account's
    t.clock.advance(16 * 60_000)
    expect((await attempt(unknown)).statusCode).toBe(401)
  })
})

describe('second factor codes', () => {
  it('are limited per account and per half-signed-in session: the session ends and the account locks', async () => {
    const secret = generateSecret()
    const admin = await buildUser(t.db, t.fx, { role: 'admin', totpSecret: secret })
    const signIn = async () => {
      const client = await t.anonymous()
      const res = await client.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
      expect(res.json().status).toBe('totp_required')
      return client
    }
    const first = await signIn()
    for (let i = 0; i < MAX - 1; i++)
      expect((await first.post('/api/auth/totp/verify', { code: await wrongCode(secret) })).statusCode).toBe(400)
    // signing in again with the right password does not give a fresh series of guesses
    const second = await signIn()
    const locked = await second.post('/api/auth/totp/verify', { code: await wrongCode(secret) })
    expect(locked.statusCode).toBe(429)
    expect(locked.headers['content-type']).toContain('application/problem+json')
    expect(locked.json().detail).toBe('Trop de codes incorrects : reconnectez-vous dans quelques minutes.')
    const right = await generate({ secret, epoch: epoch() })
    expect((await second.post('/api/auth/totp/verify', { code: right })).statusCode).toBe(401)
    expect((await first.post('/api/auth/totp/verify', { code: right })).statusCode).toBe(401)
    const again = await (await t.anonymous()).post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    expect(again.statusCode).toBe(429)
    expect((await failures(admin.id, 'signin.totp_failure')).map((f) => f.reason)).toEqual([
      ...Array(MAX - 1).fill('wrong_code'),
      'wrong_code_locked',
    ])

    t.clock.advance(16 * 60_000)
    const later = await signIn()
    const ok = await later.post('/api/auth/totp/verify', { code: await generate({ secret, epoch: epoch() }) })
    expect(ok.json().status).toBe('signed_in')
  })

  it('one session alone cannot go past the limit', async () => {
    const secret = generateSecret()
    const admin = await buildUser(t.db, t.fx, { role: 'admin', totpSecret: secret })
    const client = await t.anonymous()
    await client.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    const statuses = []
    for (let i = 0; i < MAX + 2; i++)
      statuses.push((await client.post('/api/auth/totp/verify', { code: await wrongCode(secret) })).statusCode)
    expect(statuses).toEqual([...Array(MAX - 1).fill(400), 429, 401, 401])
  })
})

describe('client address behind a proxy', () => {
  const apps: FastifyInstance[] = []
  afterAll(async () => {
    for (const app of apps) await app.close()
  })
  /** The production set-up, on the test database, with a per-address limit of 3 sign-ins a minute. */
  async function productionApp(trustedProxies: string[]) {
    const config = {
      ...t.deps.config,
      env: 'production' as const,
      trustedProxies,
      signin: { ...t.deps.config.signin, perAddressPerMinute: 3 },
    }
    const app = await buildApp({ ...t.deps, config }, { serveWeb: false })
    apps.push(app)
    return TestClient.create(app)
  }
  const forged = (client: TestClient, i: number, email: string) =>
    client.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'wrong-password-123' },
      headers: { 'x-forwarded-for': `203.0.113.${i}` },
    })

  it('ignores a forged X-Forwarded-For when no proxy is trusted: the socket address is audited and limited', async () => {
    const client = await productionApp([])
    const user = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const statuses = []
    for (let i = 1; i <= 4; i++)
      statuses.push((await forged(client, i, i === 1 ? user.email : `x${i}@a.fr`)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
    expect((await failures(user.id)).map((f) => f.ip)).toEqual(['127.0.0.1'])
  })

  it('believes the header from a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', async () => {
    const client = await productionApp(['127.0.0.1'])
    const user = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const statuses = []
    for (let i = 1; i <= 4; i++)
      statuses.push((await forged(client, i, i === 1 ? user.email : `y${i}@a.fr`)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401])
    expect((await failures(user.id)).map((f) => f.ip)).toEqual(['203.0.113.1'])
  })
})
