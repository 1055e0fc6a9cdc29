import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import {
  buildApplication,
  buildEmployer,
  buildOperation,
  buildOperationSession,
} from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { loadOperationsDemo } from './employment-demo.operations.ts'

// Recruitment operations (docs/employment/operations.md): the funnel counted from the rows, the steps' order, the demo.
// A session's bulk actions and changes, access and input: operations-sessions.test.ts.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let employerId: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  employerId = (await buildEmployer(t.db, t.fx)).id
  // the structure's territory: site A covers Dunkerque and Grande-Synthe
  await t.db.kysely
    .insertInto('site_commune')
    .values([
      { site_id: t.fx.sites.a, commune_code: '59183', commune_name: 'Dunkerque' },
      { site_id: t.fx.sites.a, commune_code: '59271', commune_name: 'Grande-Synthe' },
    ])
    .execute()
})
afterAll(() => t.close())

const base = '/api/employment/operations'
const operationBody = (extra: object = {}) => ({
  employerId,
  title: 'Centre d’appels',
  positions: 40,
  startsOn: '2026-03-01',
  ...extra,
})
const newSession = (operationId: string, capacity: number | null = null) =>
  buildOperationSession(t.db, t.fx, operationId, capacity)

describe('the funnel', () => {
  it('counts each stage, the sources and the local share from the application rows', async () => {
    const op = await buildOperation(t.db, t.fx, employerId)
    const session = await newSession(op.id)
    const insider = await buildPerson(t.db, t.fx, { communeCode: '59271' })
    type Spec = Parameters<typeof buildApplication>[3] & { tested?: boolean }
    const specs: Spec[] = [
      { source: 'network', communeCode: '59183' },
      { source: 'network', communeCode: '59183', infoSessionId: session.id, attended: false },
      { source: 'france_travail', communeCode: '59340', infoSessionId: session.id, attended: true },
      {
        source: 'france_travail',
        communeCode: '59183',
        infoSessionId: session.id,
        attended: true,
        interviewedOn: '2026-03-12',
        tested: true,
      },
      {
        source: 'temp_agency',
        communeCode: '62193',
        infoSessionId: session.id,
        attended: true,
        interviewedOn: '2026-03-12',
        outcome: 'hired',
        tested: true,
      },
      { source: 'spontaneous', communeCode: null, interviewedOn: '2026-03-12', outcome: 'not_retained' },
      { source: 'network', personId: insider.id, communeCode: null, outcome: 'withdrawn' },
    ]
    for (const { tested, ...spec } of specs) {
      const a = await buildApplication(t.db, t.fx, op.id, spec)
      if (spec.communeCode === null)
        await t.db.kysely
          .updateTable('operation_application')
          .set({ commune_code: null })
          .where('id', '=', a.id)
          .execute()
      if (tested)
        await t.db.kysely
          .updateTable('operation_application')
          .set({ test_result: 'passed' })
          .where('id', '=', a.id)
          .execute()
    }
    const territory = ['59183', '59271']
    const communeOf = (s: Spec) => s.communeCode ?? (s.personId ? '59271' : null)
    const known = specs.filter((s) => communeOf(s) !== null)
    const local = known.filter((s) => territory.includes(communeOf(s)!)).length
    const res = await director.get(`${base}/${op.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const f = res.json().funnel
    expect(f).toMatchObject({
      applications: specs.length,
      invited: specs.filter((s) => s.infoSessionId).length,
      attended: specs.filter((s) => s.attended).length,
      tested: specs.filter((s) => s.tested).length,
      interviewed: specs.filter((s) => s.interviewedOn).length,
      hired: specs.filter((s) => s.outcome === 'hired').length,
      local,
      withCommune: known.length,
      localPercent: Math.round((local / known.length) * 10_000) / 100,
    })
    for (const source of ['network', 'france_travail', 'temp_agency', 'spontaneous', 'other'])
      expect(f.bySource[source]).toBe(specs.filter((s) => s.source === source).length)
    expect(res.json().sessions[0]).toMatchObject({ invited: 4, attended: 3 })
    const list = (await officer.get(base)).json()
    expect(list.find((o: { id: string }) => o.id === op.id).funnel).toEqual(f)
    const interviewed = (await officer.get(`${base}/${op.id}/applications?stage=interviewed`)).json()
    expect(interviewed).toHaveLength(specs.filter((s) => s.interviewedOn).length)
    const mine = (await officer.get(`${base}/${op.id}/applications?source=network`)).json()
    expect(mine.find((a: { person: unknown }) => a.person)).toMatchObject({ communeCode: '59271', local: true })
  })
})

describe('an operation and its applications', () => {
  it('is created, changed with its version (409 when stale), audited', async () => {
    const res = await officer.post(base, operationBody())
    expect(res.statusCode, res.body).toBe(201)
    const op = res.json()
    expect(op).toMatchObject({ title: 'Centre d’appels', positions: 40, status: 'running', version: 1 })
    expect(op.funnel.applications).toBe(0)
    const changed = await officer.put(`${base}/${op.id}`, operationBody({ positions: 45, version: 1 }))
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ positions: 45, version: 2 })
    expect((await officer.put(`${base}/${op.id}`, operationBody({ version: 1 }))).statusCode).toBe(409)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'recruitment_operation')
      .where('entity_id', '=', op.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })

  it('moves an application through the funnel in order; the hire is recorded once', async () => {
    const op = (await officer.post(base, operationBody())).json()
    const session = (await officer.post(`${base}/${op.id}/sessions`, { at: '2026-03-10T09:00:00+01:00' })).json()
    const created = await officer.post(`${base}/${op.id}/applications`, {
      lastName: 'Martin',
      firstName: 'Léa',
      communeCode: '59183',
      source: 'france_travail',
      receivedOn: '2026-03-02',
    })
    expect(created.statusCode, created.body).toBe(201)
    let a = created.json()
    expect(a).toMatchObject({ person: null, lastName: 'Martin', local: true, version: 1 })
    const step = async (body: object, status = 200) => {
      const r = await officer.post(`${base}/applications/${a.id}/steps`, { version: a.version, ...body })
      expect(r.statusCode, r.body).toBe(status)
      if (status === 200) a = r.json()
      return r.json()
    }
    // hired without an interview, present without an invitation
    expect((await step({ step: 'outcome', outcome: 'hired' }, 409)).fields[0].field).toBe('interviewedOn')
    expect((await step({ step: 'attendance', attended: true }, 409)).fields[0].field).toBe('infoSessionId')
    await step({ step: 'invite', infoSessionId: session.id })
    await step({ step: 'attendance', attended: false })
    // absent at the session: no test, no interview
    expect((await step({ step: 'interview', interviewedOn: '2026-03-12' }, 409)).fields[0].field).toBe('attended')
    expect((await step({ step: 'test', testResult: 'passed' }, 409)).fields[0].field).toBe('attended')
    await step({ step: 'attendance', attended: true })
    await step({ step: 'test', testResult: 'passed' })
    expect((await step({ step: 'interview', interviewedOn: '2026-03-01' }, 400)).fields[0].field).toBe('interviewedOn')
    await step({ step: 'interview', interviewedOn: '2026-03-12' })
    const stale = await officer.post(`${base}/applications/${a.id}/steps`, {
      step: 'outcome',
      outcome: 'hired',
      version: a.version - 1,
    })
    expect(stale.statusCode).toBe(409)
    await step({ step: 'outcome', outcome: 'hired' })
    expect(a).toMatchObject({ outcome: 'hired', attended: true, testResult: 'passed', interviewedOn: '2026-03-12' })
    expect((await step({ step: 'outcome', outcome: 'hired' }, 409)).fields[0].field).toBe('outcome')
    expect((await step({ step: 'outcome', outcome: 'withdrawn' }, 409)).fields[0].field).toBe('outcome')
    const f = (await officer.get(`${base}/${op.id}`)).json().funnel
    expect(f).toMatchObject({ applications: 1, invited: 1, attended: 1, tested: 1, interviewed: 1, hired: 1 })
    const missing = await officer.post(`${base}/applications/${crypto.randomUUID()}/steps`, {
      step: 'interview',
      interviewedOn: '2026-03-12',
      version: 1,
    })
    expect(missing.statusCode).toBe(404)
  })

  it('the hire of a person of the files makes a placement and a situation, once even in parallel', async () => {
    const op = await buildOperation(t.db, t.fx, employerId, { title: 'Téléconseiller' })
    const person = await buildPerson(t.db, t.fx)
    const a = await buildApplication(t.db, t.fx, op.id, { personId: person.id, interviewedOn: '2026-03-12' })
    const url = `${base}/applications/${a.id}/steps`
    const hire = { step: 'outcome', outcome: 'hired', version: a.version }
    const noContract = await officer.post(url, hire)
    expect(noContract.statusCode).toBe(400)
    expect(noContract.json().fields[0].field).toBe('contractKind')
    const noLength = await officer.post(url, { ...hire, contractKind: 'cdd', startDate: '2026-04-01' })
    expect(noLength.json().fields[0].field).toBe('durationMonths')
    const body = { ...hire, contractKind: 'cdd', startDate: '2026-04-01', durationMonths: 6, hoursPerWeek: 35 }
    const results = await Promise.all([officer.post(url, body), officer.post(url, body)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const done = results.find((r) => r.statusCode === 200)!.json()
    expect(done.outcome).toBe('hired')
    const placements = await t.db.kysely
      .selectFrom('placement')
      .select(['id', 'operation_id', 'employer_id', 'situation_id', 'job_title'])
      .where('person_id', '=', person.id)
      .execute()
    expect(placements).toHaveLength(1)
    expect(placements[0]).toMatchObject({ id: done.placementId, operation_id: op.id, employer_id: employerId })
    expect(placements[0]!.job_title).toBe('Téléconseiller')
    expect(placements[0]!.situation_id).not.toBeNull()
  })

  it('a counsellor adds one of their people, once; sees only their people’s applications; no outside applicant', async () => {
    const op = (await officer.post(base, operationBody())).json()
    const mine = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.a })
    const other = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
    const body = { personId: mine.id, source: 'network', receivedOn: '2026-03-02' }
    const ok = await counsellor.post(`${base}/${op.id}/applications`, body)
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().person).toMatchObject({ id: mine.id })
    const twice = await counsellor.post(`${base}/${op.id}/applications`, body)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('personId')
    expect((await counsellor.post(`${base}/${op.id}/applications`, { ...body, personId: other.id })).statusCode).toBe(
      404,
    )
    const outsider = await counsellor.post(`${base}/${op.id}/applications`, {
      lastName: 'Durand',
      source: 'network',
      receivedOn: '2026-03-02',
    })
    expect(outsider.statusCode).toBe(400)
    expect(outsider.json().fields[0].field).toBe('personId')
    await officer.post(`${base}/${op.id}/applications`, { ...body, personId: other.id })
    await officer.post(`${base}/${op.id}/applications`, {
      lastName: 'Durand',
      source: 'other',
      receivedOn: '2026-03-02',
    })
    expect((await officer.get(`${base}/${op.id}/applications`)).json()).toHaveLength(3)
    const seen = (await counsellor.get(`${base}/${op.id}/applications`)).json()
    expect(seen.map((a: { person: { id: string } }) => a.person.id)).toEqual([mine.id])
    expect((await counsellor.get(`${base}/${op.id}`)).json().funnel.applications).toBe(3)
    const step = { step: 'outcome', outcome: 'withdrawn', version: 1 }
    expect((await counsellor.post(`${base}/applications/${ok.json().id}/steps`, step)).statusCode).toBe(403)
  })
})

describe('the applications as a file', () => {
  it('CSV for French Excel: headings, `;`, dd/mm/yyyy, the session’s hour; the list’s scope and filters; audited', async () => {
    const op = await buildOperation(t.db, t.fx, employerId, { title: 'Caristes' })
    const session = await newSession(op.id)
    const mine = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.a, lastName: 'Aubert', firstName: 'Inès' })
    await buildApplication(t.db, t.fx, op.id, { personId: mine.id, infoSessionId: session.id, attended: true })
    await buildApplication(t.db, t.fx, op.id, { source: 'temp_agency', interviewedOn: '2026-03-12', outcome: 'hired' })
    const res = await officer.get(`${base}/${op.id}/applications/export`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="candidatures_operation_\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Nom;Prénom;Personne suivie;Commune;Candidature locale;Envoyée par;Reçue le;Information collective;Présent(e);Tests;Entretien le;Issue',
    )
    expect(lines).toHaveLength(3)
    const aubert = lines.find((l) => l.startsWith('Aubert;'))!.split(';')
    expect(aubert.slice(0, 3)).toEqual(['Aubert', 'Inès', 'Oui'])
    expect(aubert[7]).toBe('10/03/2026 09:00') // 08:00 UTC, in Paris
    expect(aubert[8]).toBe('Oui')
    const hired = lines.find((l) => l.includes('Recruté(e)'))!.split(';')
    expect(hired[5]).toBe('Agence d’intérim')
    expect(hired[10]).toBe('12/03/2026')
    // the list's filters; a counsellor exports only her people's applications
    expect(
      (await officer.get(`${base}/${op.id}/applications/export?outcome=hired`)).body.trim().split('\r\n'),
    ).toHaveLength(2)
    const seen = (await counsellor.get(`${base}/${op.id}/applications/export`)).body.trim().split('\r\n')
    expect(seen).toHaveLength(2)
    expect(seen[1]).toMatch(/^Aubert;/)
    const xlsx = await director.get(`${base}/${op.id}/applications/export?format=xlsx`)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'list.export')
      .execute()
    expect(audit.some((a) => JSON.stringify(a.detail).includes(op.id))).toBe(true)
    const bad = await officer.get(`${base}/${op.id}/applications/export?format=pdf`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('format')
  })

  it('another structure’s operation 404; reception 403', async () => {
    const other = await buildStructure(t.db)
    const op = await buildOperation(t.db, other, (await buildEmployer(t.db, other)).id)
    expect((await officer.get(`${base}/${op.id}/applications/export`)).statusCode).toBe(404)
    const reception = await t.as('reception')
    const mine = await buildOperation(t.db, t.fx, employerId)
    expect((await reception.get(`${base}/${mine.id}/applications/export`)).statusCode).toBe(403)
  })
})

describe('the demo', () => {
  it('writes three operations (the large one with 120 applications over the funnel) and a pool of 25', async () => {
    const demo = await buildStructure(t.db)
    for (const i of [3, 5, 7]) {
      const e = await buildEmployer(t.db, demo)
      await t.db.kysely
        .updateTable('employer')
        .set({ external_id: `demo-employer-${i}` })
        .where('id', '=', e.id)
        .execute()
    }
    const personIds: string[] = []
    for (let i = 0; i < 60; i++) personIds.push((await buildPerson(t.db, demo)).id)
    const ctx = {
      structureId: demo.structureId,
      siteIds: new Map<string, string>(),
      programmeIds: new Map<string, string>(),
      userIds: new Map<string, string>(),
      now: t.clock.now(),
      personIds,
      bulk: undefined as never,
    }
    await t.db.kysely.transaction().execute((tx) => loadOperationsDemo(tx, ctx))
    const ops = await t.db.kysely
      .selectFrom('recruitment_operation as o')
      .select((eb) => [
        'o.external_id',
        eb
          .selectFrom('operation_application as a')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('a.operation_id', '=', 'o.id')
          .as('applications'),
      ])
      .where('o.structure_id', '=', demo.structureId)
      .orderBy('o.external_id')
      .execute()
    expect(ops.map((o) => [o.external_id, Number(o.applications)])).toEqual([
      ['demo-operation-1', 120],
      ['demo-operation-2', 25],
      ['demo-operation-3', 20],
    ])
    const stages = await t.db.kysely
      .selectFrom('operation_application')
      .select((eb) => [
        eb.fn.count('info_session_id').as('invited'),
        eb.fn.count('interviewed_on').as('interviewed'),
        eb.fn.countAll().filterWhere('outcome', '=', 'hired').as('hired'),
      ])
      .where('structure_id', '=', demo.structureId)
      .executeTakeFirstOrThrow()
    expect(Number(stages.invited)).toBeGreaterThan(Number(stages.interviewed))
    expect(Number(stages.interviewed)).toBeGreaterThan(Number(stages.hired))
    expect(Number(stages.hired)).toBeGreaterThan(0)
    const members = await t.db.kysely
      .selectFrom('pool_member')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('structure_id', '=', demo.structureId)
      .executeTakeFirstOrThrow()
    expect(Number(members.n)).toBe(25)
  })
})
