import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { generate, generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Role } from '../../shared/auth/roles.ts'
import type { AnnualReport, IndicatorComparison } from '../../shared/reporting/reporting.schema.ts'
import { buildApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { openPostgres } from '../db/database.ts'
import type { Database } from '../db/schema.ts'
import { loadDemo } from '../demo/demo.ts'
import { DEMO_PASSWORD, DEMO_STRUCTURE } from '../demo/demo-organisation.ts'
import type { Deps } from '../deps.ts'
import { closeDeps, startRuntime } from '../runtime.ts'
import { buildStructure, buildUser, type Fixture, TEST_PASSWORD } from '../test/builders.ts'
import { findPgBin, type ReplicaPair, startReplicaPair } from '../test/pg-replica.ts'
import { buildYouth, runIndicator } from '../test/reporting.builders.ts'
import { TestClient } from '../test/test-app.ts'
import { testDbKind } from '../test/test-db.ts'
import { buildAnnualReport } from './report/build.ts'
import { reportCommand } from './report.command.ts'

// Reports on a read replica (REPORT_DATABASE_URL, docs/operations.md): a primary and its streaming replica started for
// this file; the server writes to the primary and computes reports and indicators on the replica. Pausing the replica's
// replay shows where the reads go: a row written meanwhile on the primary is not counted until the replay resumes.
const bin = testDbKind === 'postgres' ? findPgBin() : undefined
const title = 'reports on a read replica'
if (testDbKind === 'postgres' && !bin)
  console.warn(
    `${title} : ignoré, programmes PostgreSQL introuvables (initdb, pg_ctl, pg_basebackup : JALON_PG_BIN, pg_config --bindir, /usr/lib/postgresql/<version>/bin)`,
  )

const year = 'from=2009-01-01&to=2009-12-31'
let pair: ReplicaPair | undefined
let deps: Deps | undefined
let app: FastifyInstance | undefined
let fx: Fixture
let director: TestClient
let admin: TestClient

/** a client signed in as a new user of that role in the fixture's structure (the admin with the second factor) */
async function signIn(role: Role): Promise<TestClient> {
  const totpSecret = role === 'admin' ? generateSecret() : undefined
  const user = await buildUser(deps!.db, fx, { role, totpSecret })
  const client = await TestClient.create(app!)
  const res = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
  expect(res.statusCode).toBe(200)
  if (totpSecret) {
    const code = await generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) })
    expect((await client.post('/api/auth/totp/verify', { code })).statusCode).toBe(200)
  }
  return client
}

const youthInContact = async (client: TestClient) => {
  const res = await client.get(`/api/indicators/ml.youth_in_contact?${year}`)
  expect(res.statusCode).toBe(200)
  return (res.json() as IndicatorComparison).results[0].value
}
const annualReport = async (client: TestClient, query = year) => {
  const res = await client.get(`/api/reports/annual?${query}`)
  expect(res.statusCode).toBe(200)
  return res.json() as AnnualReport
}

/** `jalon report` on the test's dependencies (its JSON on standard output, its progress on standard error) */
async function reportCommandOutput(): Promise<AnnualReport> {
  const out: string[] = []
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    const values = { from: '2009-01-01', to: '2009-12-31', format: 'json', public: false, structure: fx.structureId }
    expect(await reportCommand.run({ deps: deps!, values, positionals: [], log: () => {} })).toBe(0)
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
  return JSON.parse(out.join(''))
}

describe.skipIf(!bin)(title, () => {
  beforeAll(async () => {
    pair = await startReplicaPair(bin!)
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: pair.primaryUrl,
      REPORT_DATABASE_URL: pair.replicaUrl,
      SIGNIN_PER_ADDRESS_PER_MINUTE: '10000',
    })
    // migrates the primary only: the replica replays it
    deps = await startRuntime(config, () => {})
    await loadDemo(deps.db, new Date(), { year2009: false })
    fx = await buildStructure(deps.db)
    for (let i = 0; i < 3; i++) await buildYouth(deps.db, fx, { events: ['2009-04-01'] })
    await pair.caughtUp()
    app = await buildApp(deps, { serveWeb: false })
    director = await signIn('director')
    admin = await signIn('admin')
  })
  afterAll(async () => {
    try {
      await app?.close()
      if (deps) await closeDeps(deps)
    } finally {
      await pair?.stop() // the clusters and their folder go, whatever failed before
    }
  })

  it('opens the report database read-only on the replica, apart from the primary', async () => {
    expect(deps!.reportDb).toBeDefined()
    expect(deps!.reportDb).not.toBe(deps!.db)
    const inRecovery = async (q: Kysely<Database>) =>
      (await sql<{ r: boolean }>`SELECT pg_is_in_recovery() AS r`.execute(q)).rows[0].r
    expect(await inRecovery(deps!.reportDb!.kysely)).toBe(true)
    expect(await inRecovery(deps!.db.kysely)).toBe(false)
  })

  it('computes the whole annual report on the replica, equal to the primary’s', async () => {
    const demoDirector = await TestClient.create(app!)
    const users = await deps!.db.kysely
      .selectFrom('app_user')
      .select('email')
      .where('structure_id', '=', DEMO_STRUCTURE.id)
      .where('role', '=', 'director')
      .execute()
    expect(
      (await demoDirector.post('/api/auth/sign-in', { email: users[0].email, password: DEMO_PASSWORD })).statusCode,
    ).toBe(200)
    const thisYear = new Date().getFullYear()
    const period = { from: `${thisYear - 1}-01-01`, to: `${thisYear}-12-31` }
    const fromReplica = await annualReport(demoDirector, `from=${period.from}&to=${period.to}`)
    const onPrimary = await buildAnnualReport(deps!.db.kysely, {
      structureId: DEMO_STRUCTURE.id,
      period,
      now: new Date(),
    })
    expect(fromReplica.indicators['ml.youth_in_contact'].value).toBeGreaterThan(0)
    expect(fromReplica.indicators).toEqual(onPrimary.indicators)
    expect(fromReplica.sections).toEqual(onPrimary.sections)
  })

  it('reads indicators and reports (API and jalon report) on the replica: a row written while replay is paused counts only after', async () => {
    expect(await youthInContact(director)).toBe(3)
    await pair!.pauseReplay(true)
    try {
      await buildYouth(deps!.db, fx, { events: ['2009-05-01'] })
      expect((await runIndicator(deps!.db, fx, 'ml.youth_in_contact')).value).toBe(4)
      expect(await youthInContact(director)).toBe(3)
      const audited = () =>
        deps!.db.kysely
          .selectFrom('audit_event')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('action', '=', 'report.annual')
          .executeTakeFirstOrThrow()
      const before = (await audited()).n
      expect((await annualReport(director)).indicators['ml.youth_in_contact'].value).toBe(3)
      // the export's audit line is written on the primary, in the request's transaction, replay paused or not
      expect((await audited()).n).toBe(before + 1)
      expect((await reportCommandOutput()).indicators['ml.youth_in_contact'].value).toBe(3)
    } finally {
      await pair!.pauseReplay(false)
    }
    await pair!.caughtUp()
    expect(await youthInContact(director)).toBe(4)
    expect((await annualReport(director)).indicators['ml.youth_in_contact'].value).toBe(4)
    expect((await reportCommandOutput()).indicators['ml.youth_in_contact'].value).toBe(4)
  })

  it('refuses a write through the report database, replica or not', async () => {
    const write = (db: NonNullable<Deps['reportDb']>) =>
      db.kysely.insertInto('structure').values({ id: 'ecriture', name: 'Écriture refusée' }).execute()
    await expect(write(deps!.reportDb!)).rejects.toThrow(/read-only transaction/)
    // the same URL opened read-only on the primary (a REPORT_DATABASE_URL set to it by mistake) refuses too
    const primaryReadOnly = await openPostgres(pair!.primaryUrl, { readOnly: true })
    try {
      await expect(write(primaryReadOnly)).rejects.toThrow(/read-only transaction/)
    } finally {
      await primaryReadOnly.close()
    }
  })

  it('writes objectives on the primary; the report shows them once the replica has replayed them', async () => {
    const agreement = await admin.post('/api/agreements', {
      name: 'Convention 2009',
      funder: 'État',
      periodStart: '2009-01-01',
      periodEnd: '2009-12-31',
    })
    expect(agreement.statusCode).toBe(201)
    const objective = await admin.post('/api/objectives', {
      agreementId: agreement.json().id,
      indicatorId: 'ml.youth_in_contact',
      year: 2009,
      target: 8,
    })
    expect(objective.statusCode).toBe(201)
    expect((await admin.put(`/api/objectives/${objective.json().id}`, { target: 10, version: 1 })).statusCode).toBe(200)
    await pair!.caughtUp()
    const report = await annualReport(director)
    expect(report.indicators['ml.youth_in_contact'].objectives).toEqual([
      expect.objectContaining({ target: 10, result: 4, funder: 'État' }),
    ])
  })
})
