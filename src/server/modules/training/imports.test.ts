import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The catalogue's imports (docs/training/catalogue.md « Imports »).
const sample = readFileSync(
  resolve(import.meta.dirname, '../../../../docs/examples/lheo/catalogue-exemple.xml'),
  'utf8',
)
let t: TestContext
let officer: TestClient
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const send = (c: TestClient, url: string, payload: string, type = 'application/xml') =>
  c.request({ method: 'POST', url, payload, headers: { 'content-type': type } })
const counts = async () => {
  const n = async (table: 'training_body' | 'training_action' | 'training_session') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('structure_id', '=', t.fx.structureId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return [await n('training_body'), await n('training_action'), await n('training_session')]
}

describe('LHEO import', () => {
  it('a dry run counts and writes nothing; the import creates; again, it updates without duplicates', async () => {
    const dry = await send(officer, '/api/training/imports/lheo?dryRun=true', sample)
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toEqual({
      dryRun: true,
      bodies: { created: 2, updated: 0 },
      actions: { created: 3, updated: 0 },
      sessions: { created: 4, updated: 0 },
    })
    expect(await counts()).toEqual([0, 0, 0])
    const first = await send(officer, '/api/training/imports/lheo', sample)
    expect(first.statusCode, first.body).toBe(200)
    expect(await counts()).toEqual([2, 3, 4])
    const again = await send(
      officer,
      '/api/training/imports/lheo',
      sample.replace('<nombre-places>12<', '<nombre-places>14<'),
    )
    expect(again.json()).toMatchObject({
      bodies: { created: 0, updated: 2 },
      actions: { created: 0, updated: 3 },
      sessions: { created: 0, updated: 4 },
    })
    expect(await counts()).toEqual([2, 3, 4])
    const found = (await counsellor.get('/api/training/sessions?nsf=233&funder=regional_programme')).json()
    expect(found.map((s: { places: number }) => s.places)).toEqual([14, 10])
    const afpa = (await counsellor.get('/api/training/actions?funder=afpa')).json()
    expect(afpa.map((a: { title: string }) => a.title)).toEqual(['Employé commercial en magasin'])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'training_catalogue')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['import', 'import', 'import'])
  })

  it('a bad date: 400 naming the file, line and column, and nothing changes', async () => {
    const before = await counts()
    const bad = sample
      .replace('F-PRF-2026-0101', 'F-NEW')
      .replace('A-AFPA-2026-0201', 'A-NEW')
      .replace('<debut>20260914</debut>', '<debut>20260231</debut>')
    const lines = bad.split('\n')
    const line = lines.findIndex((l) => l.includes('20260231')) + 1
    const column = lines[line - 1]!.indexOf('20260231') + 1
    const res = await send(officer, '/api/training/imports/lheo?file=offre.xml', bad)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().fields).toEqual([
      {
        field: `offre.xml:${line}:${column}`,
        message: expect.stringContaining(`offre.xml, ligne ${line}, colonne ${column} : date invalide`),
      },
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses a DOCTYPE (XXE, entity bomb), a file over 20 MB (413), and the counsellor (403)', async () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<lheo><offres>&x;</offres></lheo>'
    const res = await send(officer, '/api/training/imports/lheo', xxe)
    expect(res.statusCode).toBe(400)
    expect(res.json().fields[0].message).toContain('DOCTYPE')
    expect(res.body).not.toContain('root:')
    const bomb = `<!DOCTYPE l [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><lheo>&c;</lheo>`
    expect((await send(officer, '/api/training/imports/lheo', bomb)).statusCode).toBe(400)
    const big = `<lheo>${' '.repeat(20 * 1024 * 1024)}</lheo>`
    expect((await send(officer, '/api/training/imports/lheo', big)).statusCode).toBe(413)
    expect((await send(counsellor, '/api/training/imports/lheo', sample)).statusCode).toBe(403)
    expect((await send(counsellor, '/api/training/imports/csv', 'a', 'text/csv')).statusCode).toBe(403)
  })

  it('parallel identical imports leave one copy', async () => {
    const file = sample.replaceAll('PRF-2026', 'PAR-2026').replaceAll('AFPA-2026', 'PAR2-2026')
    const before = await counts()
    const res = await Promise.all([1, 2, 3].map(() => send(officer, '/api/training/imports/lheo', file)))
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200])
    const after = await counts()
    // the bodies are the same SIRETs (updated), the actions and sessions are new: once
    expect(after).toEqual([before[0], before[1]! + 3, before[2]! + 4])
  })
})

describe('CSV import', () => {
  const head = 'organisme_siret;organisme_nom;action_ref;action_intitule;financeur;code_nsf;debut;fin;places'
  it('imports one line per session; an error names the line and the column, nothing written', async () => {
    const csv = `${head}\n42424242424242;Lire et écrire;CSV-1;Savoirs de base;state;415;2026-10-01;2026-12-18;10\n42424242424242;Lire et écrire;CSV-1;Savoirs de base;state;415;2027-01-04;;10\n`
    const ok = await send(officer, '/api/training/imports/csv', csv, 'text/csv')
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ bodies: { created: 1 }, actions: { created: 1 }, sessions: { created: 2 } })
    const before = await counts()
    const bad = await send(
      officer,
      '/api/training/imports/csv?file=offre.csv',
      csv.replace('CSV-1', 'CSV-2').replace(';10\n', ';dix\n'),
      'text/csv',
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('offre.csv:2:places')
    expect(await counts()).toEqual(before)
  })
})
