import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { openPostgres } from '../../db/database.ts'
import type { Deps } from '../../deps.ts'
import { startRuntime } from '../../runtime.ts'
import { buildStructure, buildUser, type Fixture, TEST_PASSWORD } from '../../test/builders.ts'
import { TestClient } from '../../test/test-app.ts'
import { testDbKind } from '../../test/test-db.ts'
import { verifyAuditChain } from './audit.chain.ts'
import { dbGrantsCommand } from './audit.commands.ts'

// The application's least-privilege role, as docs/operations.md sets it up: an owner role (not a superuser) and its empty
// database, migrations through MIGRATION_DATABASE_URL (the owner), `jalon db-grants <role> --apply`, then the application
// connected as the role.
// PostgreSQL only: PGlite is one embedded superuser connection, with no roles to connect as, so there is nothing to
// test there (the configuration refuses MIGRATION_DATABASE_URL without DATABASE_URL, tested below on both).

const adminUrl = process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const urlFor = (database: string, user?: string) => {
  const u = new URL(adminUrl)
  u.pathname = `/${database}`
  if (user) {
    u.username = user
    u.password = ''
  }
  return u.toString()
}
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    await c.query(statement)
  } finally {
    await c.end()
  }
}

describe('MIGRATION_DATABASE_URL', () => {
  it('needs DATABASE_URL: PGlite has no roles', () => {
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@localhost/jalon' })).toThrow(ConfigError)
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@localhost/jalon' })).toThrow(
      /MIGRATION_DATABASE_URL : demande DATABASE_URL/,
    )
  })
})

describe.skipIf(testDbKind !== 'postgres')('the application role (PostgreSQL)', () => {
  const suffix = randomBytes(5).toString('hex')
  const role = `jalon_app_test_${suffix}`
  const ownerRole = `jalon_owner_test_${suffix}`
  const database = `jalon_test_role_${suffix}`
  let deps: Deps
  let owner: Awaited<ReturnType<typeof openPostgres>>
  let fx: Fixture
  const log: string[] = []

  beforeAll(async () => {
    await admin(`CREATE ROLE ${ownerRole} LOGIN`)
    await admin(`CREATE DATABASE ${database} OWNER ${ownerRole}`)
    await admin(`CREATE ROLE ${role} LOGIN`)
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: urlFor(database, role),
      MIGRATION_DATABASE_URL: urlFor(database, ownerRole),
      SIGNIN_PER_ADDRESS_PER_MINUTE: '10000',
    })
    deps = await startRuntime(config, (m) => log.push(m))
    owner = await openPostgres(urlFor(database, ownerRole))
    const code = await dbGrantsCommand.run({
      deps,
      values: { apply: true },
      positionals: [role],
      log: (m) => log.push(m),
    })
    expect(log.at(-1)).toMatch(/^Droits accordés au rôle/)
    expect(code).toBe(0)
    fx = await buildStructure(owner)
  })
  afterAll(async () => {
    await deps?.db.close()
    await owner?.close()
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin(`DROP ROLE IF EXISTS ${role}`)
    await admin(`DROP ROLE IF EXISTS ${ownerRole}`)
  })

  it('migrations ran through MIGRATION_DATABASE_URL: the tables belong to the owner, not to the application', async () => {
    expect(log.some((m) => m.startsWith('Migrations appliquées : 20261128T1500_foundation'))).toBe(true)
    const { rows } = await sql<{ who: string; owner: string }>`
      SELECT current_user AS who, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event') AS owner`.execute(
      deps.db.kysely,
    )
    expect(rows[0]).toEqual({ who: role, owner: ownerRole })
  })

  it('the application works as the role: sign-in, a new person file, both audited, the chain intact', async () => {
    const app = await buildApp(deps, { serveWeb: false })
    try {
      const user = await buildUser(owner, fx, { role: 'reception' })
      const client = await TestClient.create(app)
      const signin = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
      expect(signin.statusCode).toBe(200)
      const created = await client.post('/api/persons', {
        lastName: 'Benali',
        firstName: 'Yasmine',
        sex: 'F',
        birthDate: '2007-04-12',
        siteId: fx.sites.a,
        firstReception: { date: '2026-02-20', referralSource: 'school' },
      })
      expect(created.statusCode).toBe(201)
      const actions = await deps.db.kysely
        .selectFrom('audit_event')
        .select(['entity', 'action'])
        .orderBy('seq')
        .execute()
      expect(actions.map((a) => `${a.entity} ${a.action}`)).toEqual(['app_user signin.success', 'person create'])
      expect(await verifyAuditChain(deps.db.kysely)).toMatchObject({ ok: true })
    } finally {
      await app.close()
    }
  })

  it('a plain insert into a regular table succeeds, and tables created by a later migration are granted too', async () => {
    await sql`INSERT INTO structure (id, name) VALUES (${`s_${suffix}`}, 'Autre')`.execute(deps.db.kysely)
    await sql.raw('CREATE TABLE later_table (id serial PRIMARY KEY, v text)').execute(owner.kysely)
    await sql`INSERT INTO later_table (v) VALUES ('x')`.execute(deps.db.kysely)
  })

  const refused: [string, string, RegExp][] = [
    ['UPDATE on audit_event', `UPDATE audit_event SET detail = '{}'`, /permission denied/],
    ['DELETE on audit_event', 'DELETE FROM audit_event', /permission denied/],
    ['TRUNCATE on audit_event', 'TRUNCATE audit_event', /permission denied/],
    ['disabling its trigger', 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update', /must be owner/],
    ['disabling all triggers', 'ALTER TABLE audit_event DISABLE TRIGGER ALL', /must be owner/],
    ['dropping its trigger', 'DROP TRIGGER audit_event_no_update ON audit_event', /must be owner/],
    [
      'replacing the trigger function',
      `CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      /permission denied for schema public/,
    ],
    ['session_replication_role = replica', 'SET session_replication_role = replica', /permission denied/],
    ['moving the chain head', 'UPDATE audit_chain_head SET seq = 0', /permission denied/],
    ['creating a table', 'CREATE TABLE intruder (id int)', /permission denied for schema public/],
    ['dropping a table', 'DROP TABLE person', /must be owner/],
    ['becoming the owner', `SET ROLE ${ownerRole}`, /permission denied to set role/],
    ['becoming a superuser', 'SET ROLE postgres', /permission denied to set role/],
  ]
  it.each(refused)('refuses %s', async (_what, statement, error) => {
    await expect(sql.raw(statement).execute(deps.db.kysely)).rejects.toThrow(error)
  })

  it('a temporary table of the role cannot stand in for the chain head', async () => {
    await deps.db.kysely.connection().execute(async (c) => {
      await sql.raw('CREATE TEMP TABLE audit_chain_head (singleton boolean, seq bigint, hash text)').execute(c)
      await sql.raw(`INSERT INTO audit_chain_head VALUES (true, 0, repeat('0', 64))`).execute(c)
      await sql`INSERT INTO audit_event (at, actor_label, action, entity) VALUES (now(), 'x', 'test.temp', 'x')`.execute(
        c,
      )
      await sql.raw('DROP TABLE pg_temp.audit_chain_head').execute(c)
    })
    expect(await verifyAuditChain(deps.db.kysely)).toMatchObject({ ok: true })
  })

  it('jalon db-grants prints the statements, and refuses a superuser or the owner', async () => {
    const out: string[] = []
    const run = (r: string) => dbGrantsCommand.run({ deps, values: {}, positionals: [r], log: (m) => out.push(m) })
    expect(await run(role)).toBe(0)
    expect(out).toContain(`REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_event FROM ${role};`)
    expect(out).toContain(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerRole} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};`,
    )
    out.length = 0
    expect(
      await dbGrantsCommand.run({ deps, values: { apply: true }, positionals: ['postgres'], log: (m) => out.push(m) }),
    ).toBe(1)
    expect(out.join('\n')).toMatch(/superutilisateur/)
    out.length = 0
    expect(
      await dbGrantsCommand.run({ deps, values: { apply: true }, positionals: [ownerRole], log: (m) => out.push(m) }),
    ).toBe(1)
    expect(out.join('\n')).toMatch(/propriétaire des tables/)
  })
})
