import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../test/builders.ts'
import { createMailTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Issue 7: the administrator never learns a usable password of someone else. A new account gets no password from the
// administrator: its user receives a one-time invitation link by mail and chooses one.
let t: TestContext
let admin: TestClient
let sink: Awaited<ReturnType<typeof createMailTestContext>>['sink']
let closeAll: () => Promise<void>
beforeAll(async () => {
  ;({ t, sink, close: closeAll } = await createMailTestContext())
  admin = await t.as('admin')
})
afterAll(() => closeAll())

const DAY = 86_400_000
const CHOSEN = 'une phrase de passe bien à moi'

/** The last mail to this address, quoted-printable decoded: its subject, text and one-time link. */
function lastMail(email: string) {
  const raw = sink.messages.filter((m) => m.to.includes(email)).at(-1)?.raw ?? ''
  const text = Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8')
  const link = /(http\S+\/mot-de-passe\/nouveau\S*)#([\w-]+)/.exec(text)
  if (!link) throw new Error(`no link in the mail to ${email}`)
  return { subject: /^Subject: (.*)$/m.exec(text)?.[1]?.trim(), text, url: link[1], token: link[2]! }
}

const signIn = async (email: string, password: string) =>
  (await t.anonymous()).post('/api/auth/sign-in', { email, password })
const choose = async (token: string, newPassword = CHOSEN) =>
  (await t.anonymous()).post('/api/auth/password-reset', { token, newPassword })
const listed = async (email: string) =>
  (await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`)).json().items[0]

async function create(email: string, extra: Record<string, unknown> = {}) {
  return admin.post('/api/admin/users', {
    email,
    displayName: 'Camille Invitée',
    role: 'counsellor',
    siteIds: [t.fx.sites.a],
    ...extra,
  })
}

describe('creating a user: an invitation, never a password chosen by the administrator', () => {
  it('refuses a password in the request, naming the field, and creates nothing', async () => {
    const res = await create('imposee@test.jalon.fr', { password: 'un mot de passe solide' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual([
      {
        field: 'password',
        message: 'L’utilisateur choisira lui-même son mot de passe : il reçoit pour cela un lien par courriel.',
      },
    ])
    expect(await listed('imposee@test.jalon.fr')).toBeUndefined()
    expect((await signIn('imposee@test.jalon.fr', 'un mot de passe solide')).statusCode).toBe(401)
  })

  it('mails "Votre compte Jalon" with a one-time link valid 7 days; the response and the audit hold no password or link', async () => {
    const email = 'camille.invitee@test.jalon.fr'
    const res = await create(email)
    expect(res.statusCode).toBe(201)
    const expiresAt = new Date(t.clock.now().getTime() + 7 * DAY).toISOString()
    expect(res.json().invitation).toEqual({ sentTo: email, expiresAt, mailed: true })
    expect(res.json()).toMatchObject({ email, invitationExpiresAt: expiresAt })
    expect(Object.keys(res.json())).not.toContain('password')

    const mail = lastMail(email)
    expect(mail.subject).toBe('Votre compte Jalon')
    expect(mail.text).toContain('Bonjour Camille Invitée')
    expect(mail.text).toContain('valable 7 jours et utilisable une seule fois')
    expect(mail.url).toBe('http://localhost:3000/mot-de-passe/nouveau?invitation=1')
    expect(res.body).not.toContain(mail.token)
    const trail = await admin.get(`/api/admin/audit?entityId=${res.json().id}&pageSize=200`)
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['create'])
    expect(trail.body).not.toContain(mail.token)
    const stored = await t.db.kysely.selectFrom('password_reset').selectAll().execute()
    expect(JSON.stringify(stored)).not.toContain(mail.token)
  })

  it('the account has no usable password until its user chooses one, and costs a sign-in the same argon2 check', async () => {
    const email = 'dominique.attente@test.jalon.fr'
    const { id } = (await create(email)).json()
    for (const guess of [TEST_PASSWORD, email, 'un mot de passe solide'])
      expect((await signIn(email, guess)).statusCode).toBe(401)
    const { password_hash } = await t.db.kysely
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(password_hash).toMatch(/^\$argon2id\$/)
  })

  it('the link sets the first password once; then the user signs in and the invitation is gone', async () => {
    const email = 'alix.nouvelle@test.jalon.fr'
    await create(email)
    const { token } = lastMail(email)
    const weak = await choose(token, 'azerty123456')
    expect(weak.json().fields[0].field).toBe('newPassword')
    expect((await choose(token)).statusCode).toBe(204)
    expect((await signIn(email, CHOSEN)).json().status).toBe('signed_in')
    expect((await listed(email)).invitationExpiresAt).toBeNull()

    const again = await choose(token, 'encore une autre phrase de passe')
    expect(again.statusCode).toBe(400)
    expect(again.json().fields[0].field).toBe('token')
    expect((await signIn(email, 'encore une autre phrase de passe')).statusCode).toBe(401)
    expect((await signIn(email, CHOSEN)).json().status).toBe('signed_in')
  })

  it('an expired invitation is refused; the reset action sends a new invitation, then, once used, resets as usual', async () => {
    const email = 'sacha.retard@test.jalon.fr'
    const { id } = (await create(email)).json()
    const first = lastMail(email).token
    t.clock.advance(7 * DAY + 60_000)
    expect((await choose(first)).json().fields[0].field).toBe('token')

    admin = await t.as('admin') // the administrator's session has gone idle meanwhile
    expect(new Date((await listed(email)).invitationExpiresAt).getTime()).toBeLessThan(t.clock.now().getTime())
    const resent = await admin.post(`/api/admin/users/${id}/reset-password`)
    expect(resent.json()).toEqual({
      sentTo: email,
      expiresAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString(),
      mailed: true,
    })
    const second = lastMail(email)
    expect(second.subject).toBe('Votre compte Jalon')
    expect(second.token).not.toBe(first)
    const trail = (await admin.get(`/api/admin/audit?entityId=${id}`)).json()
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['invitation.resent', 'create'])
    expect((await choose(second.token)).statusCode).toBe(204)
    expect((await signIn(email, CHOSEN)).json().status).toBe('signed_in')

    // the account has a password of its own now: a reset is a reset (an hour, its own words)
    const reset = await admin.post(`/api/admin/users/${id}/reset-password`)
    expect(reset.json().expiresAt).toBe(new Date(t.clock.now().getTime() + 3_600_000).toISOString())
    const third = lastMail(email)
    expect(third.subject).toBe('Jalon : choisissez un nouveau mot de passe')
    expect(third.url).toBe('http://localhost:3000/mot-de-passe/nouveau')
    expect((await signIn(email, CHOSEN)).statusCode).toBe(401)
  })
})
