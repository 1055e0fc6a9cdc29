import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, TEST_PASSWORD } from '../../test/builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext({ config: { signin: { maxFailures: 3, lockMinutes: 15, perAddressPerMinute: 10_000 } } })
})
afterAll(() => t.close())

const auditActions = async (entityId: string) =>
  (
    await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action)

describe('sign-in', () => {
  it('signs in, regenerates the session id, and audits success and failure', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const client = await t.anonymous()
    client.cookies.set('jalon_session', 'fixed-by-an-attacker')
    const bad = await client.post('/api/auth/sign-in', { email: user.email, password: 'wrong-password-123' })
    expect(bad.statusCode).toBe(401)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().detail).toBe('Adresse e-mail ou mot de passe incorrect.')
    const ok = await client.post('/api/auth/sign-in', { email: user.email.toUpperCase(), password: TEST_PASSWORD })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().status).toBe('signed_in')
    const cookie = ok.cookies.find((c) => c.name === 'jalon_session')!
    expect(cookie.value).not.toBe('fixed-by-an-attacker')
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const me = await client.get('/api/auth/me')
    expect(me.json()).toMatchObject({ email: user.email, role: 'counsellor' })
    expect(await auditActions(user.id)).toEqual(['signin.failure', 'signin.success'])
  })

  it('answers an unknown e-mail like a wrong password, and audits it', async () => {
    const client = await t.anonymous()
    const res = await client.post('/api/auth/sign-in', { email: 'nobody@test.jalon.fr', password: 'whatever-password' })
    expect(res.statusCode).toBe(401)
    expect(res.json().detail).toBe('Adresse e-mail ou mot de passe incorrect.')
    const row = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('actor_label', '=', 'nobody@test.jalon.fr')
      .executeTakeFirstOrThrow()
    expect(row.action).toBe('signin.failure')
  })

  it('locks an account for a while after repeated failures, then lets it in again', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const client = await t.anonymous()
    for (let i = 0; i < 3; i++)
      await client.post('/api/auth/sign-in', { email: user.email, password: 'wrong-password-123' })
    const locked = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(locked.statusCode).toBe(429)
    t.clock.advance(16 * 60_000)
    const again = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(again.statusCode).toBe(200)
  })

  it('refuses a deactivated user', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'counsellor', active: false })
    const res = await (await t.anonymous()).post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(res.statusCode).toBe(401)
  })

  it('names the fields at fault', async () => {
    const res = await (await t.anonymous()).post('/api/auth/sign-in', { email: 'pas-un-email', password: '' })
    expect(res.statusCode).toBe(400)
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['email', 'password'])
  })
})

describe('sessions', () => {
  it('expires after the idle timeout and after the absolute lifetime', async () => {
    const client = await t.as('counsellor')
    t.clock.advance((t.deps.config.session.idleMinutes - 1) * 60_000)
    expect((await client.get('/api/auth/me')).statusCode).toBe(200)
    t.clock.advance((t.deps.config.session.idleMinutes + 1) * 60_000)
    expect((await client.get('/api/auth/me')).statusCode).toBe(401)

    const busy = await t.as('counsellor')
    const steps = Math.ceil((t.deps.config.session.maxHours * 60) / 20) + 1
    let lastOk = 0
    for (let i = 0; i < steps; i++) {
      t.clock.advance(20 * 60_000)
      if ((await busy.get('/api/auth/me')).statusCode === 200) lastOk = i
    }
    expect(lastOk).toBeLessThan(steps - 1)
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('signs out', async () => {
    const client = await t.as('reception')
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204)
    expect((await client.get('/api/auth/me')).statusCode).toBe(401)
  })
})

describe('two-factor authentication', () => {
  it('is mandatory for an admin: enrolment at first sign-in, then a code at each sign-in', async () => {
    const admin = await buildUser(t.db, t.fx, { role: 'admin' })
    const client = await t.anonymous()
    const first = await client.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    expect(first.json().status).toBe('totp_enrolment_required')
    expect((await client.get('/api/admin/users')).statusCode).toBe(401)
    const { secret, uri } = (await client.post('/api/auth/totp/enrol')).json()
    expect(uri).toContain('otpauth://totp/')
    const epoch = Math.floor(t.clock.now().getTime() / 1000)
    const wrong = await client.post('/api/auth/totp/verify', { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().fields[0].field).toBe('code')
    const ok = await client.post('/api/auth/totp/verify', { code: await generate({ secret, epoch }) })
    expect(ok.json().status).toBe('signed_in')
    expect((await client.get('/api/admin/users')).statusCode).toBe(200)

    const again = await t.anonymous()
    const second = await again.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    expect(second.json().status).toBe('totp_required')
  })

  it('can be required for every role by configuration', async () => {
    const strict = await createTestContext({ config: { totpRequiredForAll: true } })
    try {
      const user = await buildUser(strict.db, strict.fx, { role: 'reception' })
      const res = await (await strict.anonymous()).post('/api/auth/sign-in', {
        email: user.email,
        password: TEST_PASSWORD,
      })
      expect(res.json().status).toBe('totp_enrolment_required')
    } finally {
      await strict.close()
    }
  })

  it('lets any user turn it on from their profile', async () => {
    const client = await t.as('counsellor')
    const { secret } = (await client.post('/api/auth/totp/enrol')).json()
    const code = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
    expect((await client.post('/api/auth/totp/confirm', { code })).statusCode).toBe(204)
    expect((await client.get('/api/auth/me')).json().totpEnabled).toBe(true)
  })
})

describe('passwords', () => {
  it('refuses short and common passwords, and changes a good one', async () => {
    const client = await t.as('counsellor')
    const common = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'qwerty123456',
    })
    expect(common.statusCode).toBe(400)
    expect(common.json().fields[0].field).toBe('newPassword')
    const short = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'court' })
    expect(short.statusCode).toBe(400)
    const ok = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'un mot de passe bien long',
    })
    expect(ok.statusCode).toBe(204)
    const row = await t.db.kysely
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', client.user!.id)
      .executeTakeFirstOrThrow()
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true)
  })
})

describe('one-time codes', () => {
  it('refuses a code that was already used', async () => {
    const admin = await buildUser(t.db, t.fx, { role: 'admin' })
    const client = await t.anonymous()
    await client.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    const { secret } = (await client.post('/api/auth/totp/enrol')).json()
    const code = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
    expect((await client.post('/api/auth/totp/verify', { code })).json().status).toBe('signed_in')
    const other = await t.anonymous()
    await other.post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD })
    const replay = await other.post('/api/auth/totp/verify', { code })
    expect(replay.statusCode).toBe(400)
    t.clock.advance(30_000)
    const fresh = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
    expect((await other.post('/api/auth/totp/verify', { code: fresh })).json().status).toBe('signed_in')
  })
})
