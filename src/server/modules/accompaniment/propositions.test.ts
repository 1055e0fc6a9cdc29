import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../deps.ts'
import { buildPersonRow } from '../../test/accompaniment.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { changeProposition, listPersonPropositions } from './propositions.service.ts'

let t: TestContext
let counsellor: TestClient
let personId: string
const url = () => `/api/persons/${personId}/propositions`
const fields = (res: { json(): { fields: { field: string }[] } }) => res.json().fields.map((f) => f.field)

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  personId = (await buildPersonRow(t.db, t.fx)).id
  const other = await buildStructure(t.db)
  await t.db.kysely
    .insertInto('proposition_theme')
    .values([
      {
        code: 'driving_licence',
        structure_id: t.fx.structureId,
        domain: 'professional',
        label: 'Permis de conduire',
        national_code: 'employment_access',
      },
      {
        code: 'addiction',
        structure_id: t.fx.structureId,
        domain: 'social',
        label: 'Addictions',
        national_code: 'health',
      },
      {
        code: 'elsewhere',
        structure_id: other.structureId,
        domain: 'social',
        label: 'Ailleurs',
        national_code: 'housing',
      },
    ])
    .execute()
})
afterAll(() => t.close())

const sensitiveReads = () =>
  t.db.kysely
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', 'sensitive.read')
    .where('entity_id', '=', personId)
    .execute()

describe('proposition themes', () => {
  it('lists the national themes and the structure’s own, each mapped to a national code', async () => {
    const res = await counsellor.get('/api/reference/proposition-themes')
    expect(res.statusCode).toBe(200)
    const themes = res.json() as { code: string; local: boolean; nationalCode: string; sensitive: boolean }[]
    expect(themes.map((th) => th.code)).toEqual([
      'employment_access',
      'training',
      'career_plan',
      'driving_licence',
      'housing',
      'health',
      'addiction',
      'citizenship',
      'leisure_sport_culture',
    ])
    expect(themes.find((th) => th.code === 'driving_licence')).toMatchObject({
      local: true,
      nationalCode: 'employment_access',
      sensitive: false,
    })
    // a local item mapped to health is protected as health is
    expect(themes.find((th) => th.code === 'addiction')).toMatchObject({ local: true, sensitive: true })
  })
})

describe('propositions of a person', () => {
  it('records a proposition with its domain and theme', async () => {
    const res = await counsellor.post(url(), {
      date: '2026-02-10',
      domain: 'professional',
      theme: 'employment_access',
      text: 'Candidature chez un transporteur',
      durationMinutes: 30,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      domain: 'professional',
      theme: 'employment_access',
      themeLabel: 'Accès à l’emploi',
      nationalTheme: 'employment_access',
      sensitive: false,
      outcome: 'pending',
      durationMinutes: 30,
      counsellorId: counsellor.user!.id,
      siteId: t.fx.sites.a,
      version: 1,
    })
    const local = await counsellor.post(url(), { date: '2026-02-11', domain: 'professional', theme: 'driving_licence' })
    expect(local.json()).toMatchObject({ themeLabel: 'Permis de conduire', nationalTheme: 'employment_access' })
  })

  it('refuses a theme outside the list or outside the domain, naming the field', async () => {
    const other = await counsellor.post(url(), { date: '2026-02-10', domain: 'social', theme: 'elsewhere' })
    expect(other.statusCode).toBe(400)
    expect(fields(other)).toEqual(['theme'])
    const mismatch = await counsellor.post(url(), { date: '2026-02-10', domain: 'social', theme: 'training' })
    expect(mismatch.statusCode).toBe(400)
    expect(fields(mismatch)).toEqual(['domain'])
    const outcome = await counsellor.post(url(), {
      date: '2026-02-10',
      domain: 'professional',
      theme: 'training',
      outcome: 'maybe',
    })
    expect(fields(outcome)).toEqual(['outcome'])
    const date = await counsellor.post(url(), { date: '2026-13-01', domain: 'professional', theme: 'training' })
    expect(fields(date)).toEqual(['date'])
  })

  it('updates with the version read and refuses a stale one', async () => {
    const p = (await counsellor.post(url(), { date: '2026-02-12', domain: 'professional', theme: 'training' })).json()
    const body = { date: '2026-02-12', domain: 'professional', theme: 'training', outcome: 'accepted', version: 1 }
    const ok = await counsellor.put(`${url()}/${p.id}`, body)
    expect(ok.json()).toMatchObject({ outcome: 'accepted', version: 2 })
    const stale = await counsellor.put(`${url()}/${p.id}`, { ...body, outcome: 'refused' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
  })
})

describe('health propositions', () => {
  let healthId: string
  it('are shown to the person’s counsellor, and every answer that shows one is audited', async () => {
    const before = (await sensitiveReads()).length
    const created = await counsellor.post(url(), { date: '2026-02-15', domain: 'social', theme: 'health', text: 'CMP' })
    expect(created.statusCode).toBe(201)
    expect(created.json().sensitive).toBe(true)
    healthId = created.json().id
    const createAudit = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('entity_id', '=', healthId)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow()
    expect(createAudit.detail).not.toHaveProperty('theme')
    const list = (await counsellor.get(url())).json()
    expect(list.hiddenSensitive).toBe(0)
    expect(list.items.some((p: { id: string }) => p.id === healthId)).toBe(true)
    const reads = await sensitiveReads()
    expect(reads.length).toBe(before + 2)
    expect(reads.at(-1)!.detail).toEqual({ propositionIds: [healthId] })
    // a page without a health proposition leaves no trace
    await counsellor.get(`${url()}?domain=professional`)
    expect((await sensitiveReads()).length).toBe(before + 2)
    const director = await t.as('director', { siteIds: [t.fx.sites.b] })
    expect((await director.get(url())).json().hiddenSensitive).toBe(0)
    expect((await sensitiveReads()).at(-1)!.actor_id).toBe(director.user!.id)
  })

  it('are left out, and only counted, for a role that may not see them', async () => {
    // No role that may read the file lacks the sensitive right today (person.policy.ts); the rule is checked on the
    // service with a staff member whose role is outside `sensitive`, as it would be if that role were given `file`.
    const actor: Actor = {
      userId: counsellor.user!.id,
      structureId: t.fx.structureId,
      timeZone: 'Europe/Paris',
      role: 'training_officer',
      displayName: 'Formation',
      email: 'f@test',
      siteIds: [t.fx.sites.a],
      programmeIds: [],
      sessionId: 's',
      ip: null,
    }
    const before = (await sensitiveReads()).length
    const now = t.clock.now()
    const page = await t.db.kysely.transaction().execute(async (tx) => {
      const ctx = { tx, actor, now, audit: (e: Parameters<typeof writeAudit>[3]) => writeAudit(tx, now, actor, e) }
      const listed = await listPersonPropositions(ctx, personId, { page: 1, pageSize: 50 })
      const update = changeProposition(ctx, personId, healthId, {
        date: '2026-02-15',
        domain: 'social',
        theme: 'health',
        text: null,
        outcome: 'achieved',
        durationMinutes: null,
        version: 1,
      }).catch((e) => e)
      return { listed, update: await update }
    })
    expect(page.listed.hiddenSensitive).toBe(1)
    expect(page.listed.items.some((p) => p.sensitive)).toBe(false)
    expect(page.listed.total).toBe(page.listed.items.length)
    expect(page.update.code).toBe('not_found')
    expect((await sensitiveReads()).length).toBe(before)
  })
})

describe('access to propositions', () => {
  it('refuses writes to reception and answers 404 out of scope', async () => {
    const reception = await t.as('reception')
    const body = { date: '2026-02-10', domain: 'professional', theme: 'training' }
    expect((await reception.post(url(), body)).statusCode).toBe(403)
    const other = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await other.get(url())).statusCode).toBe(404)
    expect((await other.post(url(), body)).statusCode).toBe(404)
  })
})
