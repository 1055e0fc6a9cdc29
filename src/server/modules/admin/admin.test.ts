import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let admin: TestClient
let sink: Awaited<ReturnType<typeof createMailTestContext>>['sink']
let closeAll: () => Promise<void>
beforeAll(async () => {
  ;({ t, sink, close: closeAll } = await createMailTestContext())
  admin = await t.as('admin', { siteIds: [t.fx.sites.a, t.fx.sites.b] })
})
afterAll(() => closeAll())

describe('sites', () => {
  it('creates a site with communes from the official list and refuses an unknown commune', async () => {
    const res = await admin.post('/api/admin/sites', {
      code: 'A-GS',
      name: 'Antenne Grande-Synthe',
      kind: 'antenna',
      communeCodes: ['59271', '59155'],
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().communes.map((c: { name: string }) => c.name)).toEqual(['Coudekerque-Branche', 'Grande-Synthe'])
    const bad = await admin.post('/api/admin/sites', { code: 'X', name: 'Xxx', kind: 'desk', communeCodes: ['99999'] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('communeCodes.0')
    const dup = await admin.post('/api/admin/sites', { code: 'A-GS', name: 'Autre', kind: 'desk' })
    expect(dup.statusCode).toBe(409)
  })

  it('refuses the second of two concurrent edits', async () => {
    const site = (await admin.get('/api/admin/sites')).json().find((s: { code: string }) => s.code === 'A')
    const first = await admin.put(`/api/admin/sites/${site.id}`, {
      ...site,
      name: 'Premier',
      communeCodes: [],
      version: site.version,
    })
    expect(first.statusCode).toBe(200)
    const second = await admin.put(`/api/admin/sites/${site.id}`, {
      ...site,
      name: 'Second',
      communeCodes: [],
      version: site.version,
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('version_conflict')
    expect((await admin.get('/api/admin/sites')).json().find((s: { id: string }) => s.id === site.id).name).toBe(
      'Premier',
    )
  })
})

describe('programmes', () => {
  it('creates and renames a programme, audited', async () => {
    const created = await admin.post('/api/admin/programmes', {
      code: 'CEJ',
      name: 'Contrat d’engagement jeune',
      type: 'cej',
    })
    expect(created.statusCode).toBe(201)
    const p = created.json()
    const updated = await admin.put(`/api/admin/programmes/${p.id}`, {
      code: 'CEJ',
      name: 'CEJ',
      active: false,
      version: p.version,
    })
    expect(updated.json()).toMatchObject({ name: 'CEJ', active: false, version: p.version + 1 })
    const audit = (await admin.get(`/api/admin/audit?entity=programme&entityId=${p.id}`)).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create'])
  })
})

describe('users', () => {
  it('creates a user (invited by mail: users.invitation.test.ts), lists, filters and sorts', async () => {
    const res = await admin.post('/api/admin/users', {
      email: 'Nouvelle.Conseillere@test.jalon.fr',
      displayName: 'Nouvelle Conseillère',
      role: 'counsellor',
      siteIds: [t.fx.sites.b],
      programmeIds: [t.fx.programmes.plie],
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ email: 'nouvelle.conseillere@test.jalon.fr', siteIds: [t.fx.sites.b] })
    expect(res.json().invitation).toMatchObject({ sentTo: 'nouvelle.conseillere@test.jalon.fr', mailed: true })

    const list = (
      await admin.get('/api/admin/users?q=nouvelle&role=counsellor&sort=email&order=desc&pageSize=5')
    ).json()
    expect(list.total).toBe(1)
    expect(list.items[0].displayName).toBe('Nouvelle Conseillère')
  })

  it('refuses a password chosen by the administrator, an unknown site and a taken e-mail, naming the field', async () => {
    const base = { email: 'x@test.jalon.fr', displayName: 'X Y', role: 'reception', siteIds: [t.fx.sites.a] }
    expect(
      (await admin.post('/api/admin/users', { ...base, password: 'un mot de passe solide' })).json().fields[0].field,
    ).toBe('password')
    const unknownSite = await admin.post('/api/admin/users', {
      ...base,
      siteIds: ['00000000-0000-4000-8000-000000000000'],
    })
    expect(unknownSite.json().fields[0].field).toBe('siteIds')
    const taken = await admin.post('/api/admin/users', { ...base, email: admin.user!.email })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().fields[0].field).toBe('email')
  })

  it('deactivating a user ends their sessions', async () => {
    const victim = await t.as('counsellor')
    const user = (await admin.get(`/api/admin/users?q=${encodeURIComponent(victim.user!.email)}`)).json().items[0]
    const res = await admin.put(`/api/admin/users/${user.id}`, { ...user, active: false })
    expect(res.statusCode).toBe(200)
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('an admin can end a user’s sessions, and reset a password: a one-time link goes to the user by SMTP', async () => {
    const victim = await t.as('reception')
    expect((await admin.post(`/api/admin/users/${victim.user!.id}/end-sessions`)).statusCode).toBe(204)
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401)

    const reset = await admin.post(`/api/admin/users/${victim.user!.id}/reset-password`)
    expect(reset.statusCode).toBe(200)
    expect(reset.json()).toMatchObject({ sentTo: victim.user!.email, mailed: true })
    expect(reset.json()).not.toHaveProperty('temporaryPassword')
    const mail = sink.messages.find((m) => m.to.includes(victim.user!.email))
    expect(mail?.raw.replace(/=\r?\n/g, '')).toContain('/mot-de-passe/nouveau#')
    // (the link itself: modules/auth/account-security.test.ts)
  })

  it('an admin cannot remove their own rights', async () => {
    const me = (await admin.get(`/api/admin/users?q=${encodeURIComponent(admin.user!.email)}`)).json().items[0]
    const res = await admin.put(`/api/admin/users/${me.id}`, { ...me, active: false })
    expect(res.statusCode).toBe(400)
  })
})

describe('audit trail', () => {
  it('filters by who, what and when', async () => {
    const byActor = (await admin.get(`/api/admin/audit?actorId=${admin.user!.id}&pageSize=200`)).json()
    expect(byActor.total).toBeGreaterThan(3)
    expect(byActor.items.every((e: { actorId: string }) => e.actorId === admin.user!.id)).toBe(true)
    const signins = (await admin.get('/api/admin/audit?action=signin&pageSize=200')).json()
    expect(signins.items.every((e: { action: string }) => e.action.startsWith('signin'))).toBe(true)
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10)
    expect((await admin.get(`/api/admin/audit?from=${tomorrow}`)).json().total).toBe(0)
    const bad = await admin.get('/api/admin/audit?from=01/02/2026')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('from')
  })

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(t.db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`TRUNCATE audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/)
  })

  it('a change and its audit line roll back together', async () => {
    const before = await t.db.kysely
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await admin.post('/api/admin/sites', { code: 'A', name: 'Doublon', kind: 'antenna' })
    expect(res.statusCode).toBe(409)
    const after = await t.db.kysely
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})
