import { parse } from 'csv-parse/sync'
import { generate, generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../test/builders.ts'
import { readBundle, tableCounts, withCell, withoutFile, withoutRows } from '../../test/exchange.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { SECOND_FACTOR_REQUIRED } from './exchange.policy.ts'
import { configurationFiles } from './exchange.registry.ts'

// The API: the director, on a session that gave the second factor, imports a small bundle into their structure and
// exports it back, person files included; the admin moves the configuration only; nobody else, and every move is audited.

let t: TestContext
let director: TestClient
let admin: TestClient
let bundle: Record<string, string>
beforeAll(async () => {
  t = await createTestContext()
  director = await signInWithSecondFactor('director')
  admin = await t.as('admin')
  // the test fixture's structure already has sites A and B and programmes ML and PLIE: the example's own come along
  bundle = withoutFile(await readBundle(), 'structure.csv')
})
afterAll(() => t.close())

/** A user with TOTP enrolled, signed in with password then code: the session has given the second factor. */
async function signInWithSecondFactor(role: 'director' | 'counsellor') {
  const secret = generateSecret()
  const user = await buildUser(t.db, t.fx, { role, totpSecret: secret })
  const client = await t.anonymous()
  const res = await client.post('/api/auth/sign-in', { email: user.email, password: user.password })
  expect(res.json().status).toBe('totp_required')
  const code = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
  expect((await client.post('/api/auth/totp/verify', { code })).statusCode).toBe(200)
  client.user = user
  return client
}

const auditLines = (action: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['actor_id', 'entity_id', 'detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail })))

const personFiles = (files: Record<string, string>) =>
  Object.keys(files).filter((f) => f !== 'structure.csv' && !configurationFiles().has(f))

describe('person data: who may export and import', () => {
  it('refuses the admin, who reads no person file (403), and anonymous callers (401)', async () => {
    expect((await admin.get('/api/exchange/export')).statusCode).toBe(403)
    expect((await admin.post('/api/exchange/import', { files: bundle })).statusCode).toBe(403)
    for (const role of ['counsellor', 'statistician', 'reception'] as const) {
      const c = await t.as(role)
      expect((await c.get('/api/exchange/export')).statusCode, role).toBe(403)
      expect((await c.post('/api/exchange/import', { files: bundle })).statusCode, role).toBe(403)
    }
    const anonymous = await t.anonymous()
    expect((await anonymous.get('/api/exchange/export')).statusCode).toBe(401)
    expect((await anonymous.post('/api/exchange/import', { files: bundle })).statusCode).toBe(401)
  })

  it('refuses a director whose sign-in did not go through the second factor, says why, and audits the refusal', async () => {
    const passwordOnly = await t.as('director')
    const before = await tableCounts(t.db)
    for (const res of [
      await passwordOnly.get('/api/exchange/export'),
      await passwordOnly.post('/api/exchange/import', { files: bundle }),
    ]) {
      expect(res.statusCode).toBe(403)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().detail).toBe(SECOND_FACTOR_REQUIRED)
      expect(res.json().detail).toContain('double authentification est requise pour exporter')
    }
    expect(await tableCounts(t.db)).toEqual(before)
    const refused = await auditLines('exchange.refused')
    expect(refused.filter((r) => r.actor_id === passwordOnly.user!.id).map((r) => r.detail)).toEqual([
      { scope: 'all', operation: 'export', reason: 'second_factor_required' },
      { scope: 'all', operation: 'import', reason: 'second_factor_required' },
    ])
  })
})

describe('POST /api/exchange/import (director, second factor)', () => {
  it('refuses a bad bundle with every error located, imports nothing, and audits the refusal without the values', async () => {
    const before = await tableCounts(t.db)
    const bad = withCell(bundle, 'persons.csv', 1, 'birth_date', '31/02/2009')
    const res = await director.post('/api/exchange/import', { files: bad })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().fields).toEqual([
      {
        field: 'persons.csv:2:birth_date',
        message: 'persons.csv, ligne 2, colonne birth_date : date invalide « 31/02/2009 » (attendu AAAA-MM-JJ)',
      },
    ])
    expect(await tableCounts(t.db)).toEqual(before)
    const failed = await auditLines('exchange.import_failed')
    expect(failed).toEqual([
      {
        actor_id: director.user!.id,
        entity_id: t.fx.structureId,
        detail: {
          scope: 'all',
          dryRun: false,
          via: 'api',
          files: Object.keys(bad).sort(),
          errors: 1,
          truncated: false,
          at: [{ file: 'persons.csv', line: 2, column: 'birth_date' }],
        },
      },
    ])
    expect(JSON.stringify(failed)).not.toContain('31/02/2009')
    expect(await auditLines('exchange.import')).toEqual([])
  })

  it('checks without recording on a dry run (audited as such)', async () => {
    const before = await tableCounts(t.db)
    const res = await director.post('/api/exchange/import', { files: bundle, dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ structureId: t.fx.structureId, dryRun: true, warnings: [] })
    expect(res.json().files.find((f: { file: string }) => f.file === 'persons.csv')).toMatchObject({ inserted: 4 })
    expect(await tableCounts(t.db)).toEqual(before)
    expect((await auditLines('exchange.import')).map((r) => r.detail.dryRun)).toEqual([true])
  })

  it('answers, with the report, the warnings of a bundle the annual report would not count', async () => {
    const noMl = withoutRows(bundle, 'enrolments.csv', 'programme_code', ['ML'])
    const res = await director.post('/api/exchange/import', { files: noMl, dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json().warnings).toEqual([
      {
        field: 'persons.csv',
        message: expect.stringMatching(/^persons\.csv : 4 personnes importées, mais aucune n’a d’inscription/),
      },
    ])
    expect(res.json().warnings[0].message).toContain('programme de type mission_locale')
  })

  it('imports into the director’s structure and writes the audit line naming the files and counts', async () => {
    const res = await director.post('/api/exchange/import', { files: bundle })
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
    const line = (await auditLines('exchange.import')).at(-1)
    expect(line).toMatchObject({
      actor_id: director.user!.id,
      entity_id: t.fx.structureId,
      detail: { scope: 'all', dryRun: false, via: 'api', files: res.json().files },
    })
    expect(line!.detail.rows).toBe(res.json().files.reduce((s: number, f: { rows: number }) => s + f.rows, 0))
  })
})

describe('GET /api/exchange/export (director, second factor)', () => {
  it('gives the structure’s bundle, which the import reads back unchanged, and audits files, counts and scope', async () => {
    const res = await director.get('/api/exchange/export')
    expect(res.statusCode).toBe(200)
    const { files } = res.json() as { files: Record<string, string> }
    expect(files['structure.csv']).toBe(
      `id,name,time_zone\n${t.fx.structureId},Structure ${t.fx.structureId},Europe/Paris\n`,
    )
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
    const [line] = await auditLines('exchange.export')
    const rowsOf = (f: string) => parse(files[f]!).length - 1
    const expected = Object.keys(files)
      .filter((f) => f !== 'structure.csv')
      .map((f) => ({ file: f, rows: rowsOf(f) }))
    expect(line).toMatchObject({ actor_id: director.user!.id, entity_id: t.fx.structureId })
    expect(line!.detail).toMatchObject({ scope: 'all', via: 'api' })
    expect([...line!.detail.files].sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      expected.sort((a, b) => a.file.localeCompare(b.file)),
    )
    expect(line!.detail.files).toContainEqual({ file: 'persons.csv', rows: 4 })
    expect(line!.detail.rows).toBe(expected.reduce((s, f) => s + f.rows, 0))
    const again = await director.post('/api/exchange/import', { files })
    expect(again.statusCode).toBe(200)
    for (const f of again.json().files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
  })
})

describe('the configuration alone (admin)', () => {
  it('exports sites, programmes, users, themes, rooms, message templates, the PLIE’s, the aids’, the training and the employment configuration, and no person file', async () => {
    const res = await admin.get('/api/exchange/configuration/export')
    expect(res.statusCode).toBe(200)
    const { files } = res.json() as { files: Record<string, string> }
    expect(Object.keys(files).sort()).toEqual(
      ['structure.csv', 'programmes.csv', 'proposition_themes.csv', 'sites.csv', 'users.csv']
        .concat(['agenda_rooms.csv', 'message_templates.csv'])
        .concat(['plie_communes.csv', 'plie_organisations.csv', 'plie_funding.csv'])
        .concat(['aid_funds.csv', 'aid_envelopes.csv'])
        .concat(['training_bodies.csv', 'training_actions.csv', 'training_sessions.csv', 'prof_fund_envelopes.csv'])
        .concat(['immersion_programmes.csv', 'immersion_modules.csv'])
        .sort(),
    )
    expect(personFiles(files)).toEqual([])
    expect(files['users.csv']!.split('\n')[0]).toBe('email,display_name,role,site_codes,programme_codes')
    expect(files['users.csv']).not.toMatch(/argon2|\$/)
    const [, line] = await auditLines('exchange.export')
    expect(line).toMatchObject({ actor_id: admin.user!.id, detail: { scope: 'configuration', via: 'api' } })
    expect(line!.detail.files.map((f: { file: string }) => f.file).sort()).toEqual([...configurationFiles()].sort())
  })

  it('imports the configuration files and refuses a person file, audited, nothing kept', async () => {
    const config = Object.fromEntries(Object.entries(bundle).filter(([f]) => configurationFiles().has(f)))
    const ok = await admin.post('/api/exchange/configuration/import', { files: config })
    expect(ok.statusCode).toBe(200)
    const before = await tableCounts(t.db)
    const res = await admin.post('/api/exchange/configuration/import', {
      files: { ...config, 'persons.csv': bundle['persons.csv'] },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual([
      {
        field: 'persons.csv',
        message:
          'persons.csv : données des personnes : hors de l’import de la configuration (réservé à la direction, avec la double authentification)',
      },
    ])
    expect(await tableCounts(t.db)).toEqual(before)
    const failed = await auditLines('exchange.import_failed')
    expect(failed.at(-1)).toMatchObject({
      actor_id: admin.user!.id,
      detail: { scope: 'configuration', errors: 1, at: [{ file: 'persons.csv' }] },
    })
  })

  it('is not the director’s: the configuration routes are the admin’s', async () => {
    expect((await director.get('/api/exchange/configuration/export')).statusCode).toBe(403)
  })
})
