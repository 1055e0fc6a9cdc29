import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// Indirect aids: actions a fund pays for without a person's request (docs/aids.md « Indirect aids »).
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let fipj: string

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  fipj = (await buildFund(t.db, t.fx, { code: 'FIPJ' })).id
})
afterAll(() => t.close())

const action = () => ({
  fundId: fipj,
  spentOn: '2026-02-10',
  label: 'Formation CACES',
  amountCents: 2400_00,
  participants: 8,
})

describe('indirect aids', () => {
  it('recorded, listed per year with the total, changed with its version, deleted; audited', async () => {
    const res = await officer.post('/api/aids/indirect', action())
    expect(res.statusCode, res.body).toBe(201)
    const aid = res.json()
    expect(aid).toMatchObject({ ...action(), fundCode: 'FIPJ', version: 1 })
    await officer.post('/api/aids/indirect', {
      ...action(),
      label: 'Atelier CV',
      amountCents: 100_00,
      participants: null,
    })
    const list = await director.get(`/api/aids/indirect?year=2026&fundId=${fipj}`)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toMatchObject({ totalCents: 2500_00 })
    expect(list.json().items).toHaveLength(2)
    expect((await officer.get('/api/aids/indirect?year=2025')).json()).toEqual({ items: [], totalCents: 0 })
    const url = `/api/aids/indirect/${aid.id}`
    const changed = await officer.put(url, { ...action(), amountCents: 2000_00, version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ amountCents: 2000_00, version: 2 })
    expect((await officer.put(url, { ...action(), version: 1 })).statusCode).toBe(409)
    expect((await officer.delete(`${url}?version=1`)).statusCode).toBe(409)
    expect((await officer.delete(`${url}?version=2`)).statusCode).toBe(204)
    expect((await officer.get(`/api/aids/indirect?year=2026&fundId=${fipj}`)).json().totalCents).toBe(100_00)
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', aid.id).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update'])
  })

  it('two changes at once: one 200, one 409', async () => {
    const aid = (await officer.post('/api/aids/indirect', { ...action(), label: 'Deux bureaux' })).json()
    const url = `/api/aids/indirect/${aid.id}`
    const [a, b] = await Promise.all([
      officer.put(url, { ...action(), amountCents: 1_00, version: 1 }),
      officer.put(url, { ...action(), amountCents: 2_00, version: 1 }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
  })

  it('bad input 400 by field', async () => {
    const field = async (body: object) => {
      const r = await officer.post('/api/aids/indirect', { ...action(), ...body })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ amountCents: 0 })).toBe('amountCents')
    expect(await field({ amountCents: 1.5 })).toBe('amountCents')
    expect(await field({ label: '' })).toBe('label')
    expect(await field({ spentOn: '2026-02-30' })).toBe('spentOn')
    expect(await field({ spentOn: '2026-12-01' })).toBe('spentOn')
    expect(await field({ participants: -1 })).toBe('participants')
    expect(await field({ fundId: '00000000-0000-4000-8000-000000000000' })).toBe('fundId')
    const q = await officer.get('/api/aids/indirect?year=26')
    expect(q.statusCode).toBe(400)
    expect(q.json().fields[0].field).toBe('year')
  })

  it('roles: the aid officer writes, the director reads, a counsellor neither; another structure’s 404', async () => {
    expect((await counsellor.get('/api/aids/indirect?year=2026')).statusCode).toBe(403)
    expect((await counsellor.post('/api/aids/indirect', action())).statusCode).toBe(403)
    expect((await director.post('/api/aids/indirect', action())).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const theirs = await buildFund(t.db, other)
    const { id } = await t.db.kysely
      .insertInto('aid_indirect')
      .values({
        structure_id: other.structureId,
        fund_id: theirs.id,
        spent_on: '2026-01-05',
        label: 'Ailleurs',
        amount_cents: 1,
        participants: null,
        external_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await officer.put(`/api/aids/indirect/${id}`, { ...action(), version: 1 })).statusCode).toBe(404)
    expect((await officer.delete(`/api/aids/indirect/${id}?version=1`)).statusCode).toBe(404)
    expect((await officer.post('/api/aids/indirect', { ...action(), fundId: theirs.id })).statusCode).toBe(400)
    expect((await director.get('/api/aids/indirect?year=2026')).json().items).not.toContainEqual(
      expect.objectContaining({ id }),
    )
  })
})
