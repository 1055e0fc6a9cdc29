import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Youth projects (CLAP) and holiday projects (docs/aids.md « Youth projects (CLAP) and holidays »).
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let counsellorB: TestClient
let clap: string
let holidays: string
const p: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  counsellorB = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  clap = (
    await buildFund(t.db, t.fx, { code: 'CLAP', kind: 'project', envelope: { year: 2026, allocatedCents: 1000_00 } })
  ).id
  holidays = (
    await buildFund(t.db, t.fx, {
      code: 'VAC',
      kind: 'holiday',
      fixedAmountCents: 180_00,
      maxAge: 25,
      purposes: ['holiday'],
    })
  ).id
  for (const name of ['a1', 'a2', 'a3', 'a4', 'a5'])
    p[name] = (await buildPerson(t.db, t.fx, { lastName: name.toUpperCase(), firstName: 'Jeune' })).id
  p.old = (await buildPerson(t.db, t.fx, { lastName: 'AINE', firstName: 'Paul', birthDate: '1990-01-01' })).id
})
afterAll(() => t.close())

const economic = (holderIds: string[], askedCents = 800_00) => ({
  fundId: clap,
  title: 'Épicerie solidaire',
  form: holderIds.length > 1 ? 'collective' : 'individual',
  nature: 'economic',
  sector: 'retail',
  holderIds,
  budgetCents: 1500_00,
  askedCents,
})
const open = async (body: object) => {
  const res = await officer.post('/api/aids/projects', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const presented = async (body: object) => {
  const pr = await open(body)
  const res = await officer.post(`/api/aids/projects/${pr.id}/presentation`, {
    version: pr.version,
    presentedOn: '2026-02-20',
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const fund = (pr: { id: string; version: number }, grantedCents: number) =>
  officer.post(`/api/aids/projects/${pr.id}/decision`, {
    version: pr.version,
    decision: 'funded',
    decidedOn: '2026-03-01',
    grantedCents,
  })

describe('youth projects', () => {
  it('accompanied → presented → funded (at most asked) → completed; read by the holders’ readers, audited', async () => {
    const pr = await open(economic([p.a1!, p.a2!]))
    expect(pr).toMatchObject({ status: 'accompanied', siteId: t.fx.sites.a, holderCount: 2, fundCode: 'CLAP' })
    const early = await officer.post(`/api/aids/projects/${pr.id}/decision`, {
      version: 1,
      decision: 'refused',
      decidedOn: '2026-03-01',
    })
    expect(early.statusCode).toBe(409)
    const shown = await presented(economic([p.a1!, p.a2!]))
    const tooMuch = await fund(shown, 900_00)
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().fields[0].field).toBe('grantedCents')
    const funded = await fund(shown, 800_00)
    expect(funded.statusCode, funded.body).toBe(200)
    expect(funded.json()).toMatchObject({ status: 'funded', decision: 'funded', grantedCents: 800_00, version: 3 })
    const url = `/api/aids/projects/${shown.id}/outcome`
    const done = await officer.post(url, {
      version: 3,
      outcome: 'completed',
      followUp: 'Ouverte en mai',
      jobsCreated: 2,
    })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'completed', jobsCreated: 2 })
    expect((await officer.post(url, { version: 4, outcome: 'abandoned' })).statusCode).toBe(409)
    const mine = await counsellor.get(`/api/persons/${p.a1}/aids/projects`)
    expect(mine.statusCode, mine.body).toBe(200)
    expect(
      mine
        .json()
        .map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([pr.id, shown.id].sort())
    expect((await counsellorB.get(`/api/aids/projects/${shown.id}`)).statusCode).toBe(404)
    expect((await counsellorB.get(`/api/persons/${p.a1}/aids/projects`)).statusCode).toBe(404)
    const all = await director.get('/api/aids/projects?year=2026&status=completed')
    expect(all.json().map((x: { id: string }) => x.id)).toEqual([shown.id])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', shown.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['complete', 'create', 'decide', 'present'])
  })

  it('the envelope of the year: two fundings at once cannot overspend, the loser 409 with what is left', async () => {
    // 800 € of the 1 000 € are committed by the test above
    const [x, y] = [await presented(economic([p.a3!], 150_00)), await presented(economic([p.a4!], 150_00))]
    const [a, b] = await Promise.all([fund(x, 150_00), fund(y, 150_00)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json().fields[0]).toMatchObject({ field: 'grantedCents', message: expect.stringContaining('50,00') })
    expect(loser.json().fields[0].message).toContain('2026 du CLAP')
  })

  it('a holder out of reach (another structure) 404; another structure’s project 404; bad input 400 by field', async () => {
    const other = await buildStructure(t.db)
    const stranger = await buildPerson(t.db, other)
    const res = await officer.post('/api/aids/projects', economic([stranger.id]))
    expect(res.statusCode).toBe(404)
    expect(res.json().fields[0].field).toBe('holderIds')
    const otherFund = await buildFund(t.db, other, { kind: 'project' })
    const { id } = await t.db.kysely
      .insertInto('aid_project')
      .values({
        structure_id: other.structureId,
        fund_id: otherFund.id,
        title: 'Ailleurs',
        form: 'individual',
        nature: 'social',
        external_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await director.get(`/api/aids/projects/${id}`)).statusCode).toBe(404)
    expect((await officer.put(`/api/aids/projects/${id}`, { ...economic([p.a1!]), version: 1 })).statusCode).toBe(404)
    expect(
      (await officer.post(`/api/aids/projects/${id}/presentation`, { version: 1, presentedOn: '2026-03-01' }))
        .statusCode,
    ).toBe(404)
    const field = async (body: object) => {
      const r = await officer.post('/api/aids/projects', { ...economic([p.a1!]), ...body })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ sector: null })).toBe('sector')
    expect(await field({ holderIds: [] })).toBe('holderIds')
    expect(await field({ askedCents: -1 })).toBe('askedCents')
    expect(await field({ fundId: holidays })).toBe('nature')
    expect(await field({ fundId: otherFund.id })).toBe('fundId')
    expect(await field({ nature: 'social', sector: null, siteId: randomUUID() })).toBe('siteId')
  })

  it('roles: only the aid officer writes; a reception desk does not read', async () => {
    expect((await counsellor.post('/api/aids/projects', economic([p.a1!]))).statusCode).toBe(403)
    expect((await director.post('/api/aids/projects', economic([p.a1!]))).statusCode).toBe(403)
    const reception = await t.as('reception')
    expect((await reception.get('/api/aids/projects')).statusCode).toBe(403)
    expect((await director.get('/api/aids/projects')).statusCode).toBe(200)
  })
})

describe('holiday aids', () => {
  const holiday = (holderIds: string[]) => ({
    fundId: holidays,
    title: 'Séjour à la mer',
    form: 'collective',
    nature: 'holiday',
    holderIds,
  })
  const aids = (pr: { id: string; version: number }) =>
    officer.post(`/api/aids/projects/${pr.id}/holiday-aids`, { version: pr.version })

  it('one request of the fixed amount per holder, once: a second call 409 naming each person', async () => {
    const pr = await open(holiday([p.a1!, p.a2!]))
    const res = await aids(pr)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().created).toHaveLength(2)
    expect(res.json().created[0]).toMatchObject({
      amountAskedCents: 180_00,
      status: 'submitted',
      askedOn: '2026-03-02',
    })
    const again = await aids(res.json().project)
    expect(again.statusCode).toBe(409)
    expect(
      again
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual([`holders.${p.a1}`, `holders.${p.a2}`].sort())
    const rows = await t.db.kysely
      .selectFrom('aid_request')
      .select(['purpose', 'project_id'])
      .where('fund_id', '=', holidays)
      .execute()
    expect(rows).toEqual([
      { purpose: 'holiday', project_id: pr.id },
      { purpose: 'holiday', project_id: pr.id },
    ])
  })

  it('two calls at once: one 201, one 409; a holder over the fund’s age 409 naming them; a CLAP project 409', async () => {
    const pr = await open(holiday([p.a3!, p.a4!]))
    const [a, b] = await Promise.all([aids(pr), aids(pr)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const count = await t.db.kysely.selectFrom('aid_request').select('id').where('project_id', '=', pr.id).execute()
    expect(count).toHaveLength(2)
    const older = await open(holiday([p.a5!, p.old!]))
    const refused = await aids(older)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().fields).toEqual([
      { field: `holders.${p.old}`, message: expect.stringContaining('Paul AINE : 36 ans') },
    ])
    const none = await t.db.kysely.selectFrom('aid_request').select('id').where('project_id', '=', older.id).execute()
    expect(none).toEqual([])
    const project = await open(economic([p.a5!]))
    expect((await aids(project)).statusCode).toBe(409)
    expect((await counsellor.post(`/api/aids/projects/${older.id}/holiday-aids`, { version: 1 })).statusCode).toBe(403)
  })
})
