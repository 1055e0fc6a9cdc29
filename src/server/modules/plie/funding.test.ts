import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildParticipant } from '../../test/plie-report.builders.ts'
import { runIndicator } from '../../test/reporting.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The PLIE's funding operations per year and funder (docs/plie.md « Funding »).
let t: TestContext
let director: TestClient
let counsellor: TestClient
let partner: TestClient

beforeAll(async () => {
  t = await createTestContext()
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  partner = await t.as('partner')
})
afterAll(() => t.close())

const esf = { year: 2009, funder: 'esf', operation: 'Accompagnement renforcé', programmedCents: 100_000_00 }
const figures = (r: IndicatorResult) => Object.fromEntries(r.figures.map((f) => [f.key, f.value]))

describe('funding', () => {
  it('recorded, listed by year, changed with its version, deleted; the same operation twice 409 on operation', async () => {
    const res = await director.post('/api/plie/funding', esf)
    expect(res.statusCode, res.body).toBe(201)
    const op = res.json()
    expect(op).toMatchObject({ ...esf, realisedCents: null, funderLabel: expect.stringContaining('FSE'), version: 1 })
    const twice = await director.post('/api/plie/funding', { ...esf, programmedCents: 5 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('operation')
    const list = await counsellor.get('/api/plie/funding?year=2009')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().map((f: { id: string }) => f.id)).toEqual([op.id])
    expect((await director.get('/api/plie/funding?year=2010')).json()).toEqual([])
    const url = `/api/plie/funding/${op.id}`
    const changed = await director.put(url, { ...esf, realisedCents: 80_000_00, version: op.version })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ realisedCents: 80_000_00, version: 2 })
    expect((await director.put(url, { ...esf, version: 1 })).statusCode).toBe(409)
    expect((await director.delete(`${url}?version=1`)).statusCode).toBe(409)
    expect((await director.delete(`${url}?version=2`)).statusCode).toBe(204)
    expect((await director.get('/api/plie/funding?year=2009')).json()).toEqual([])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'plie_funding')
      .where('entity_id', '=', op.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update'])
  })

  it('the same operation sent twice at once: one 201, one 409 on operation, one row', async () => {
    const op = { ...esf, year: 2011, operation: 'Envoyée deux fois' }
    const [a, b] = await Promise.all([director.post('/api/plie/funding', op), director.post('/api/plie/funding', op)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json().fields.map((f: { field: string }) => f.field)).toEqual(['operation'])
    expect((await director.get('/api/plie/funding?year=2011')).json()).toHaveLength(1)
  })

  it('bad input 400 by field', async () => {
    const field = async (body: object) => {
      const r = await director.post('/api/plie/funding', { ...esf, operation: 'Autre', ...body })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ programmedCents: -1 })).toBe('programmedCents')
    expect(await field({ programmedCents: 12.5 })).toBe('programmedCents')
    expect(await field({ realisedCents: -100 })).toBe('realisedCents')
    expect(await field({ funder: 'bank' })).toBe('funder')
    expect(await field({ year: 1989 })).toBe('year')
    expect(await field({ year: 2101 })).toBe('year')
    expect(await field({ operation: '' })).toBe('operation')
    const q = await director.get('/api/plie/funding?year=20')
    expect(q.statusCode).toBe(400)
    expect(q.json().fields[0].field).toBe('year')
  })

  it('access: a counsellor cannot write, a partner cannot read; another structure’s operation is 404', async () => {
    expect((await counsellor.post('/api/plie/funding', esf)).statusCode).toBe(403)
    expect((await partner.get('/api/plie/funding?year=2009')).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const { id } = await t.db.kysely
      .insertInto('plie_funding')
      .values({
        structure_id: other.structureId,
        year: 2009,
        funder: 'esf',
        operation: 'Ailleurs',
        programmed_cents: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await counsellor.put(`/api/plie/funding/${id}`, { ...esf, version: 1 })).statusCode).toBe(403)
    expect((await director.put(`/api/plie/funding/${id}`, { ...esf, version: 1 })).statusCode).toBe(404)
    expect((await director.delete(`/api/plie/funding/${id}?version=1`)).statusCode).toBe(404)
    expect((await director.get('/api/plie/funding?year=2009')).json()).not.toContainEqual(
      expect.objectContaining({ id }),
    )
  })

  it('plie.funding’s per-participant figure follows what was recorded', async () => {
    await buildParticipant(t.db, t.fx, { pathways: [{ entry: '2009-02-01' }] })
    await buildParticipant(t.db, t.fx, { pathways: [{ entry: '2009-03-01' }] })
    const before = figures(await runIndicator(t.db, t.fx, 'plie.funding'))
    const op = { year: 2009, funder: 'departement', operation: 'Ingénierie', programmedCents: 3_000_00 }
    const res = await director.post('/api/plie/funding', { ...op, realisedCents: 2_000_00 })
    expect(res.statusCode, res.body).toBe(201)
    const after = figures(await runIndicator(t.db, t.fx, 'plie.funding'))
    expect(after.participants).toBe(2)
    expect(Number(after.perParticipant) - Number(before.perParticipant ?? 0)).toBeCloseTo(1000, 2)
  })
})
