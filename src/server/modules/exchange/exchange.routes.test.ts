import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBundle, tableCounts, withCell, withoutFile } from '../../test/exchange.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The API: an administrator imports a small bundle into their structure and exports it back; nobody else may.

let t: TestContext
let admin: TestClient
let bundle: Record<string, string>
beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
  // the test fixture's structure already has sites A and B and programmes ML and PLIE: the example's own come along
  bundle = withoutFile(await readBundle(), 'structure.csv')
})
afterAll(() => t.close())

describe('POST /api/exchange/import', () => {
  it('is for administrators only', async () => {
    for (const role of ['director', 'counsellor', 'statistician'] as const) {
      const res = await (await t.as(role)).post('/api/exchange/import', { files: bundle })
      expect(res.statusCode, role).toBe(403)
    }
    expect((await (await t.anonymous()).post('/api/exchange/import', { files: bundle })).statusCode).toBe(401)
  })

  it('refuses a bad bundle with every error located, and imports nothing', async () => {
    const before = await tableCounts(t.db)
    const bad = withCell(bundle, 'persons.csv', 1, 'birth_date', '31/02/2009')
    const res = await admin.post('/api/exchange/import', { files: bad })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().fields).toEqual([
      {
        field: 'persons.csv:2:birth_date',
        message: 'persons.csv, ligne 2, colonne birth_date : date invalide « 31/02/2009 » (attendu AAAA-MM-JJ)',
      },
    ])
    expect(await tableCounts(t.db)).toEqual(before)
  })

  it('checks without recording on a dry run', async () => {
    const before = await tableCounts(t.db)
    const res = await admin.post('/api/exchange/import', { files: bundle, dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ structureId: t.fx.structureId, dryRun: true })
    expect(res.json().files.find((f: { file: string }) => f.file === 'persons.csv')).toMatchObject({ inserted: 4 })
    expect(await tableCounts(t.db)).toEqual(before)
  })

  it('imports into the administrator’s structure and writes the audit line', async () => {
    const res = await admin.post('/api/exchange/import', { files: bundle })
    expect(res.statusCode).toBe(200)
    expect(res.json().files.find((f: { file: string }) => f.file === 'events.csv')).toEqual({
      file: 'events.csv',
      rows: 6,
      inserted: 6,
      updated: 0,
      unchanged: 0,
    })
    const persons = await t.db.kysely
      .selectFrom('person')
      .select('structure_id')
      .where('external_id', 'like', 'P3-%')
      .execute()
    expect(persons.map((p) => p.structure_id)).toEqual([t.fx.structureId, t.fx.structureId, t.fx.structureId])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('action', '=', 'exchange.import')
      .execute()
    expect(audit).toEqual([{ action: 'exchange.import', actor_id: admin.user!.id }])
  })
})

describe('GET /api/exchange/export', () => {
  it('is for administrators only', async () => {
    expect((await (await t.as('director')).get('/api/exchange/export')).statusCode).toBe(403)
  })

  it('gives the structure’s bundle, which the import reads back unchanged', async () => {
    const res = await admin.get('/api/exchange/export')
    expect(res.statusCode).toBe(200)
    const { files } = res.json() as { files: Record<string, string> }
    expect(files['structure.csv']).toBe(`id,name\n${t.fx.structureId},Structure ${t.fx.structureId}\n`)
    expect(files['persons.csv']).toContain('P3-000101,Lefebvre,Léa,F,1991-04-12')
    // the fixture's sites A and B travel under their codes, alongside the example's
    expect(files['sites.csv']!.split('\n').map((l) => l.split(',')[0])).toEqual([
      'code',
      'A',
      'A-DK-CTR',
      'A-GS',
      'B',
      'P-HOND',
      '',
    ])
    const again = await admin.post('/api/exchange/import', { files })
    expect(again.statusCode).toBe(200)
    for (const f of again.json().files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'exchange.export')
      .execute()
    expect(audit).toHaveLength(1)
  })
})
