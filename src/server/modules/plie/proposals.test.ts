import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// PLIE proposals and eligibility (docs/plie.md, « Entry »). The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let admin: TestClient

const MEMBER = '69123'
const setCommunes = async (codes: string[]) => {
  await t.db.kysely.deleteFrom('plie_commune').where('structure_id', '=', t.fx.structureId).execute()
  if (codes.length)
    await t.db.kysely
      .insertInto('plie_commune')
      .values(codes.map((c) => ({ structure_id: t.fx.structureId, commune_code: c, commune_name: `Commune ${c}` })))
      .execute()
}
const rsaPerson = (extra: Parameters<typeof buildPerson>[2] = {}) =>
  buildPerson(t.db, t.fx, {
    communeCode: MEMBER,
    statuses: [{ status: 'rsa', startDate: '2025-01-01' }],
    ...extra,
  })
const propose = (personId: string, body: Record<string, unknown> = {}, as = counsellor) =>
  as.post(`/api/persons/${personId}/plie/proposals`, { siteId: t.fx.sites.a, motivation: 'Motivée', ...body })

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  admin = await t.as('admin')
  await setCommunes([MEMBER, '69266'])
})
afterAll(() => t.close())

describe('eligibility', () => {
  it('names the rules that hold and those missing; the RSA read is audited', async () => {
    const p = await rsaPerson()
    const r = await counsellor.get(`/api/persons/${p.id}/plie/eligibility`)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({
      on: '2026-03-02',
      eligible: true,
      configured: true,
      commune: { ok: true, code: MEMBER },
      publics: { rsa: true, civis_youth: false, priority_area: false },
      sensitiveHidden: false,
    })
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'sensitive.read')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.detail)).toContain('statuses.rsa')
  })

  it('reads a CEJ open on the day, a priority area; an ended status no more; another commune fails', async () => {
    const cej = await buildSchemeProgramme(t.db, t.fx, 'CEJ')
    const young = await buildPerson(t.db, t.fx, { communeCode: MEMBER })
    await buildEnrolmentRow(t.db, t.fx, young.id, { programme_id: cej, entry_date: '2026-01-05' })
    expect((await counsellor.get(`/api/persons/${young.id}/plie/eligibility`)).json()).toMatchObject({
      eligible: true,
      publics: { civis_youth: true },
    })
    const ended = await buildPerson(t.db, t.fx, {
      communeCode: MEMBER,
      statuses: [{ status: 'rsa', startDate: '2024-01-01', endDate: '2025-12-31' }],
    })
    const e = (await counsellor.get(`/api/persons/${ended.id}/plie/eligibility`)).json()
    expect(e).toMatchObject({ eligible: false, publics: { rsa: false } })
    expect(e.reasons[0]).toContain('Aucun public cible')
    const qpvElsewhere = await buildPerson(t.db, t.fx, { communeCode: '75056', priorityArea: 'qpv' })
    expect((await director.get(`/api/persons/${qpvElsewhere.id}/plie/eligibility`)).json()).toMatchObject({
      eligible: false,
      commune: { ok: false, code: '75056' },
      publics: { priority_area: true },
    })
  })

  it('with no member commune configured, says so', async () => {
    await setCommunes([])
    const p = await rsaPerson()
    const r = (await counsellor.get(`/api/persons/${p.id}/plie/eligibility`)).json()
    expect(r).toMatchObject({ eligible: false, configured: false })
    expect(r.reasons[0]).toContain('ne sont pas configurées')
    await setCommunes([MEMBER, '69266'])
  })

  it('refuses the wrong role (403), a person of another site (404), a bad id (400)', async () => {
    const p = await rsaPerson()
    expect((await admin.get(`/api/persons/${p.id}/plie/eligibility`)).statusCode).toBe(403)
    expect((await (await t.as('reception')).get(`/api/persons/${p.id}/plie/eligibility`)).statusCode).toBe(403)
    expect((await otherSite.get(`/api/persons/${p.id}/plie/eligibility`)).statusCode).toBe(404)
    const bad = await counsellor.get('/api/persons/nope/plie/eligibility')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('personId')
  })
})

describe('proposals', () => {
  it('stores the eligibility found; a second proposal while one waits is 409', async () => {
    const p = await rsaPerson()
    const r = await propose(p.id)
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({
      personId: p.id,
      siteId: t.fx.sites.a,
      status: 'pending',
      proposedOn: '2026-03-02',
      overridden: false,
      notice: null,
      eligibility: { eligible: true, publics: { rsa: true } },
      committeeId: null,
    })
    const row = await t.db.kysely
      .selectFrom('plie_proposal')
      .select('eligibility')
      .where('id', '=', r.json().id)
      .executeTakeFirstOrThrow()
    expect(row.eligibility).toMatchObject({ eligible: true, publics: { rsa: true } })
    const again = await propose(p.id)
    expect(again.statusCode).toBe(409)
    expect(again.json().fields[0].field).toBe('personId')
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', r.json().id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['plie.proposal.create'])
  })

  it('an ineligible person: 400 naming override; with override and a motivation, proposed and told so', async () => {
    const p = await buildPerson(t.db, t.fx, { communeCode: '75056' })
    const refused = await propose(p.id)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields[0].field).toBe('override')
    const noMotive = await propose(p.id, { override: true, motivation: null })
    expect(noMotive.statusCode).toBe(400)
    expect(noMotive.json().fields[0].field).toBe('motivation')
    const r = await propose(p.id, { override: true, motivation: 'Sortie de détention, relogé hors PLIE' })
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({ overridden: true, eligibility: { eligible: false } })
    expect(r.json().notice).toContain('dérogation')
  })

  it('refuses a person with an open PLIE pathway (409)', async () => {
    const p = await rsaPerson()
    await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: t.fx.programmes.plie, entry_date: '2025-06-01' })
    const r = await propose(p.id)
    expect(r.statusCode).toBe(409)
    expect(r.json().detail ?? r.json().title).toBeTruthy()
    // once exited, a re-entry may be proposed
    const q = await rsaPerson()
    await buildEnrolmentRow(t.db, t.fx, q.id, {
      programme_id: t.fx.programmes.plie,
      entry_date: '2024-06-01',
      exit_date: '2025-06-01',
    })
    expect((await propose(q.id)).statusCode).toBe(201)
  })

  it('access: wrong role 403, another site’s person 404, unknown site 400, bad input 400 naming the field', async () => {
    const p = await rsaPerson()
    expect((await propose(p.id, {}, director)).statusCode).toBe(403)
    expect((await propose(p.id, {}, admin)).statusCode).toBe(403)
    expect((await propose(p.id, {}, otherSite)).statusCode).toBe(404)
    const site = await propose(p.id, { siteId: '00000000-0000-4000-8000-000000000000' })
    expect(site.statusCode).toBe(400)
    expect(site.json().fields[0].field).toBe('siteId')
    const bad = await propose(p.id, { siteId: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('siteId')
    const long = await propose(p.id, { motivation: 'x'.repeat(2001) })
    expect(long.json().fields[0].field).toBe('motivation')
  })

  it('two proposals of the same person at once: one 201, one 409', async () => {
    const p = await rsaPerson()
    const colleague = await t.as('counsellor')
    const [a, b] = await Promise.all([propose(p.id), propose(p.id, {}, colleague)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
  })
})

describe('lists and withdrawal', () => {
  it('RSA and RQTH are left out for a committee officer who does not follow the person; shown and audited otherwise', async () => {
    const both = await t.as('counsellor', { siteIds: [t.fx.sites.a, t.fx.sites.b] })
    const p = await rsaPerson({ siteId: t.fx.sites.b, lastName: 'Autresite' })
    const pr = (await propose(p.id, {}, both)).json()
    expect(pr.eligibility.publics.rsa).toBe(true)
    const officer = (await counsellor.get('/api/plie/proposals'))
      .json()
      .items.find((i: { id: string }) => i.id === pr.id)
    // not even « false »: RSA and RQTH are absent from what the officer reads
    expect(officer.eligibility).toMatchObject({ eligible: true })
    expect(Object.keys(officer.eligibility.publics)).not.toContain('rsa')
    expect(Object.keys(officer.eligibility.publics)).not.toContain('disabled_worker')
    const seen = (await director.get('/api/plie/proposals')).json().items.find((i: { id: string }) => i.id === pr.id)
    expect(seen.eligibility.publics.rsa).toBe(true)
    const lines = await t.db.kysely
      .selectFrom('audit_event')
      .select('actor_id')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'sensitive.read')
      .execute()
    expect(lines.map((l) => l.actor_id).sort()).toEqual([both.user!.id, director.user!.id].sort())
  })

  it('lists by site and status, scoped to the actor’s sites; the person’s own list', async () => {
    const a = await rsaPerson({ lastName: 'Listea' })
    const b = await rsaPerson({ lastName: 'Listeb', siteId: t.fx.sites.b })
    const pa = (await propose(a.id)).json()
    const director2 = director
    const pb = await propose(b.id, { siteId: t.fx.sites.b }, otherSite)
    expect(pb.statusCode, pb.body).toBe(201)
    const mine = (await counsellor.get('/api/plie/proposals?status=pending')).json().items
    expect(mine.some((i: { id: string }) => i.id === pa.id)).toBe(true)
    expect(mine.some((i: { id: string }) => i.id === pb.json().id)).toBe(false)
    expect(mine.every((i: { status: string }) => i.status === 'pending')).toBe(true)
    const all = (await director2.get(`/api/plie/proposals?siteId=${t.fx.sites.b}`)).json().items
    expect(all.map((i: { id: string }) => i.id)).toContain(pb.json().id)
    expect(all.every((i: { siteId: string }) => i.siteId === t.fx.sites.b)).toBe(true)
    expect((await counsellor.get('/api/plie/proposals?status=open')).json().fields[0].field).toBe('status')
    expect((await admin.get('/api/plie/proposals')).statusCode).toBe(403)
    const own = await counsellor.get(`/api/persons/${a.id}/plie/proposals`)
    expect(own.statusCode).toBe(200)
    expect(own.json().items).toHaveLength(1)
    expect((await otherSite.get(`/api/persons/${a.id}/plie/proposals`)).statusCode).toBe(404)
    expect((await admin.get(`/api/persons/${a.id}/plie/proposals`)).statusCode).toBe(403)
  })

  it('withdraws with the version read: stale 409, another site 404, twice 409; then a new proposal is possible', async () => {
    const p = await rsaPerson()
    const pr = (await propose(p.id)).json()
    expect((await otherSite.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version })).statusCode).toBe(
      404,
    )
    expect((await director.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version })).statusCode).toBe(403)
    expect(
      (await counsellor.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: 0 })).json().fields[0].field,
    ).toBe('version')
    expect(
      (await counsellor.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version + 1 })).statusCode,
    ).toBe(409)
    const ok = await counsellor.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'withdrawn', version: pr.version + 1 })
    expect(
      (await counsellor.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version + 1 })).statusCode,
    ).toBe(409)
    expect((await propose(p.id)).statusCode).toBe(201)
  })
})
