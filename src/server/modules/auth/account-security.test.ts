import { randomBytes } from 'node:crypto'
import { generate, generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ConfigError, developmentTotpKey, loadConfig } from '../../config.ts'
import { buildUser, TEST_PASSWORD } from '../../test/builders.ts'
import { createMailTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { rotateTotpKeyCommand } from './auth.commands.ts'
import { keyId } from './totp-crypto.ts'

// Password reset by link, TOTP secrets sealed at rest (and their key rotation), password changes.
let t: TestContext
let admin: TestClient
let sink: Awaited<ReturnType<typeof createMailTestContext>>['sink']
let closeAll: () => Promise<void>
beforeAll(async () => {
  ;({ t, sink, close: closeAll } = await createMailTestContext())
  admin = await t.as('admin')
})
afterAll(() => closeAll())

const epoch = () => Math.floor(t.clock.now().getTime() / 1000)
const storedSecret = async (userId: string) =>
  (await t.db.kysely.selectFrom('app_user').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow())
    .totp_secret
const signIn = async (email: string, password: string) =>
  (await t.anonymous()).post('/api/auth/sign-in', { email, password })

/** The reset link of the last mail sent to this address (quoted-printable decoded). */
function lastLink(email: string) {
  const mail = sink.messages.filter((m) => m.to.includes(email)).at(-1)
  const text = (mail?.raw ?? '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
  const match = /(http\S+\/mot-de-passe\/nouveau)#([\w-]+)/.exec(text)
  if (!match) throw new Error(`no reset link in the mail to ${email}`)
  return { url: match[1], token: match[2]! }
}

describe('password reset by an administrator', () => {
  it('mails a one-time link to the user; the administrator gets no password and cannot sign in as the user', async () => {
    const victim = await t.as('director')
    const reset = await admin.post(`/api/admin/users/${victim.user!.id}/reset-password`)
    expect(reset.statusCode).toBe(200)
    expect(Object.keys(reset.json()).sort()).toEqual(['expiresAt', 'mailed', 'sentTo'])
    expect(reset.json()).toMatchObject({ sentTo: victim.user!.email, mailed: true })
    const { url, token } = lastLink(victim.user!.email)
    expect(url).toBe('http://localhost:3000/mot-de-passe/nouveau')
    expect(reset.body).not.toContain(token)
    const trail = await admin.get(`/api/admin/audit?entityId=${victim.user!.id}&pageSize=200`)
    expect(trail.body).not.toContain(token)
    // the old password no longer opens the account, and the user's sessions are over
    expect((await signIn(victim.user!.email, TEST_PASSWORD)).statusCode).toBe(401)
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401)
    const stored = await t.db.kysely.selectFrom('password_reset').select('id').execute()
    expect(JSON.stringify(stored)).not.toContain(token)
  })

  it('the link sets a new password once, with the strength rules, and ends every session', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'counsellor', email: 'claire.martin@test.jalon.fr' })
    const other = await t.anonymous()
    await other.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    await admin.post(`/api/admin/users/${user.id}/reset-password`)
    const { token } = lastLink(user.email)
    const page = await t.anonymous()
    const weak = await page.post('/api/auth/password-reset', { token, newPassword: 'azerty123456' })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().fields[0].field).toBe('newPassword')
    const ownEmail = await page.post('/api/auth/password-reset', { token, newPassword: 'Claire.Martin-2026' })
    expect(ownEmail.json().fields).toEqual([
      { field: 'newPassword', message: 'Le mot de passe ne doit pas reprendre votre adresse e-mail.' },
    ])
    const ok = await page.post('/api/auth/password-reset', { token, newPassword: 'un nouveau mot de passe sûr' })
    expect(ok.statusCode).toBe(204)
    expect((await signIn(user.email, 'un nouveau mot de passe sûr')).json().status).toBe('signed_in')
    expect((await other.get('/api/auth/me')).statusCode).toBe(401)

    const reused = await page.post('/api/auth/password-reset', { token, newPassword: 'encore un autre mot de passe' })
    expect(reused.statusCode).toBe(400)
    expect(reused.json().fields[0].field).toBe('token')
    expect((await signIn(user.email, 'encore un autre mot de passe')).statusCode).toBe(401)
  })

  it('refuses an expired link, and a link replaced by a newer one', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'reception' })
    await admin.post(`/api/admin/users/${user.id}/reset-password`)
    const expired = lastLink(user.email).token
    t.clock.advance(61 * 60_000)
    const late = await (await t.anonymous()).post('/api/auth/password-reset', {
      token: expired,
      newPassword: 'un nouveau mot de passe sûr',
    })
    expect(late.statusCode).toBe(400)
    expect(late.json().fields[0].field).toBe('token')

    admin = await t.as('admin') // the administrator's session has gone idle meanwhile
    expect((await admin.post(`/api/admin/users/${user.id}/reset-password`)).statusCode).toBe(200)
    const replaced = lastLink(user.email).token
    expect((await admin.post(`/api/admin/users/${user.id}/reset-password`)).statusCode).toBe(200)
    const page = await t.anonymous()
    const old = await page.post('/api/auth/password-reset', {
      token: replaced,
      newPassword: 'un nouveau mot de passe sûr',
    })
    expect(old.statusCode).toBe(400)
    const fresh = lastLink(user.email).token
    expect(
      (await page.post('/api/auth/password-reset', { token: fresh, newPassword: 'un nouveau mot de passe sûr' }))
        .statusCode,
    ).toBe(204)
  })
})

describe('TOTP secrets at rest', () => {
  it('are never stored in clear, and sign-in with a code still works', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'admin' })
    const client = await t.anonymous()
    await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    const { secret } = (await client.post('/api/auth/totp/enrol')).json()
    const stored = await storedSecret(user.id)
    expect(stored).toMatch(/^totp1:/)
    expect(stored).not.toContain(secret)
    const ok = await client.post('/api/auth/totp/verify', { code: await generate({ secret, epoch: epoch() }) })
    expect(ok.json().status).toBe('signed_in')
    expect(await storedSecret(user.id)).not.toContain(secret)
    const again = await signIn(user.email, TEST_PASSWORD)
    expect(again.json().status).toBe('totp_required')
  })

  it('a clear value from before encryption is sealed at its next use', async () => {
    const secret = generateSecret()
    const user = await buildUser(t.db, t.fx, { role: 'admin', totpSecret: secret })
    await t.db.kysely.updateTable('app_user').set({ totp_secret: secret }).where('id', '=', user.id).execute()
    const client = await t.anonymous()
    await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    const ok = await client.post('/api/auth/totp/verify', { code: await generate({ secret, epoch: epoch() }) })
    expect(ok.json().status).toBe('signed_in')
    expect(await storedSecret(user.id)).toMatch(/^totp1:/)
  })

  it('rotate to a new key: old values open with the old key, the command and the next use reseal them', async () => {
    const oldKey = developmentTotpKey()
    const newKey = randomBytes(32)
    const saved = t.deps.config.totpKeys
    try {
      const [a, b] = [generateSecret(), generateSecret()]
      const userA = await buildUser(t.db, t.fx, { role: 'admin', totpSecret: a })
      const userB = await buildUser(t.db, t.fx, { role: 'admin', totpSecret: b })
      t.deps.config.totpKeys = { current: newKey, old: [oldKey] }

      // next use: sealed again with the new key
      const client = await t.anonymous()
      await client.post('/api/auth/sign-in', { email: userA.email, password: TEST_PASSWORD })
      const ok = await client.post('/api/auth/totp/verify', { code: await generate({ secret: a, epoch: epoch() }) })
      expect(ok.json().status).toBe('signed_in')
      expect(await storedSecret(userA.id)).toMatch(new RegExp(`^totp1:${keyId(newKey)}:`))

      // the command: every remaining value
      const log: string[] = []
      const run = () => rotateTotpKeyCommand.run({ deps: t.deps, values: {}, positionals: [], log: (m) => log.push(m) })
      expect(await run()).toBe(0)
      expect(await storedSecret(userB.id)).toMatch(new RegExp(`^totp1:${keyId(newKey)}:`))
      expect(log[0]).toMatch(/chiffré\(s\) de nouveau/)

      // the old key can go: sign-in still works
      t.deps.config.totpKeys = { current: newKey, old: [] }
      t.clock.advance(30_000)
      const other = await t.anonymous()
      await other.post('/api/auth/sign-in', { email: userB.email, password: TEST_PASSWORD })
      const okB = await other.post('/api/auth/totp/verify', { code: await generate({ secret: b, epoch: epoch() }) })
      expect(okB.json().status).toBe('signed_in')

      // a value under a key nobody configured is reported, not lost
      const lost = await buildUser(t.db, t.fx, {
        role: 'admin',
        totpSecret: generateSecret(),
        totpKeys: { current: randomBytes(32), old: [] },
      })
      const before = await storedSecret(lost.id)
      expect(await run()).toBe(1)
      expect(await storedSecret(lost.id)).toBe(before)
      await t.db.kysely.updateTable('app_user').set({ totp_secret: null }).where('id', '=', lost.id).execute()
    } finally {
      t.deps.config.totpKeys = saved
    }
  })
})

describe('TOTP key and proxies in the configuration', () => {
  const key = Buffer.alloc(32, 1).toString('base64')
  const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://jalon.example.org' }

  it('production does not start without TOTP_ENCRYPTION_KEY, and says so in French', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError)
    expect(() => loadConfig(production)).toThrow(/TOTP_ENCRYPTION_KEY : obligatoire en production/)
    expect(() => loadConfig({ ...production, TOTP_ENCRYPTION_KEY: 'trop-courte' })).toThrow(/TOTP_ENCRYPTION_KEY/)
    const c = loadConfig({ ...production, TOTP_ENCRYPTION_KEY: key, TOTP_ENCRYPTION_KEYS_OLD: `${key}, ${key}` })
    expect(c.totpKeys.current.equals(Buffer.from(key, 'base64'))).toBe(true)
    expect(c.totpKeys.old).toHaveLength(2)
    expect(c.trustedProxies).toEqual([])
  })

  it('development uses a known key and warns', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect(loadConfig({ NODE_ENV: 'development' }).totpKeys.current.equals(developmentTotpKey())).toBe(true)
      expect(warn.mock.calls[0]?.[0]).toMatch(/TOTP_ENCRYPTION_KEY absent/)
    } finally {
      warn.mockRestore()
    }
  })

  it('TRUSTED_PROXIES takes addresses and CIDR ranges, nothing else', () => {
    expect(loadConfig({ NODE_ENV: 'test', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ])
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES/)
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/)
  })
})

describe('changing one’s password', () => {
  it('ends the other sessions and keeps the current one', async () => {
    const current = await t.as('counsellor')
    const elsewhere = await t.anonymous()
    await elsewhere.post('/api/auth/sign-in', { email: current.user!.email, password: TEST_PASSWORD })
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(200)
    const res = await current.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'une phrase de passe toute neuve',
    })
    expect(res.statusCode).toBe(204)
    expect((await current.get('/api/auth/me')).statusCode).toBe(200)
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('refuses the account’s own e-mail or its local part, naming the field in French', async () => {
    const user = await buildUser(t.db, t.fx, { role: 'reception', email: 'jean-pierre.durand@test.jalon.fr' })
    const client = await t.anonymous()
    await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    for (const newPassword of ['jean-pierre.durand@test.jalon.fr', 'JeanPierreDurand1984', 'jean-pierre.durand!']) {
      const res = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword })
      expect(res.statusCode).toBe(400)
      expect(res.json().fields).toEqual([
        { field: 'newPassword', message: 'Le mot de passe ne doit pas reprendre votre adresse e-mail.' },
      ])
    }
  })
})
