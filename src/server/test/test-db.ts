import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { inject } from 'vitest'
import { type Db, openPglite, openPostgres } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { loadDemo } from '../demo/demo.ts'
import type { Summary } from '../demo/year2009/index.ts'
import { type Baseline, baselineOf, resetTo, writeMark } from './pglite-reuse.ts'
import { adminUrl, type TestRun } from './test-run.ts'

// Each test file gets a database of its own: an in-memory PGlite, or a fresh PostgreSQL database dropped afterwards.
// JALON_TEST_DB is set per Vitest project (vitest.config.ts). A run migrates once: the first file that asks for a data set
// builds its template (a PostgreSQL TEMPLATE database, a PGlite data-folder dump) and every file clones it. The 2009 data
// set is loaded once per run and database kind, whatever the number of files that read it.
export const testDbKind = (process.env.JALON_TEST_DB ?? 'pglite') as 'pglite' | 'postgres'

/** 'empty': migrated, no row. 'demo2009': the demo organisation with the 2009 data set, as loaded on 2026-03-02. */
export type Dataset = 'empty' | 'demo2009'
export const DEMO_2009_LOADED_AT = new Date('2026-03-02T09:00:00Z')

export interface TestDb extends Db {
  /** the 2009 data set's summary (dataset 'demo2009') */
  year2009?: Summary
  drop(): Promise<void>
}

/** Fills a migrated, empty database with a data set; returns what the test may need to know of it. */
async function fill(db: Db, dataset: Dataset): Promise<Summary | undefined> {
  if (dataset === 'empty') return undefined
  return (await loadDemo(db, DEMO_2009_LOADED_AT, { year2009: true })).year2009
}

function currentRun(): TestRun | undefined {
  try {
    return inject('jalonTestRun')
  } catch {
    return undefined // outside a Vitest run with the global setup: no templates, every database built from scratch
  }
}

export async function createTestDb(opts: { dataset?: Dataset } = {}): Promise<TestDb> {
  const dataset = opts.dataset ?? 'empty'
  const run = currentRun()
  return testDbKind === 'pglite' ? pgliteDb(dataset, run) : postgresDb(dataset, run)
}

/**
 * A test database is thrown away at the end of its file: it need not survive a crash. Without flushing to disk, nor
 * whole pages in the WAL, nor a WAL a replica could read, PGlite spends a fifth less processor time on the same
 * statements (the demo's load: 19.4 → 16.3 s); PostgreSQL does not wait for each commit's flush.
 */
const DISPOSABLE = [
  'fsync=off',
  'full_page_writes=off',
  'synchronous_commit=off',
  'wal_level=minimal',
  'max_wal_senders=0',
  // the dumps keep two WAL segments instead of five (with the CHECKPOINT before a dump: 2009's 315 → 248 MB, its
  // load 5–8 → 4–5 s of processor time)
  'min_wal_size=32MB',
]
/** PostgreSQL's defaults again, for a folder that must behave as a server's (the dumps carry DISPOSABLE in their conf) */
const DURABLE = ['fsync=on', 'full_page_writes=on', 'synchronous_commit=on', 'wal_level=replica', 'max_wal_senders=10']

// ---- PGlite: a dump of the data folder, written once per run, loaded by each file ----

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function pgliteDb(dataset: Dataset, run: TestRun | undefined): Promise<TestDb> {
  if (!run) {
    const db = await openPglite(undefined, undefined, { settings: DISPOSABLE })
    await migrate(db)
    const year2009 = await fill(db, dataset)
    return { ...db, year2009, drop: () => db.close() }
  }
  const dump = await pgliteDump(dataset, run)
  const year2009 = JSON.parse(readFileSync(`${dump}.json`, 'utf8')) ?? undefined
  const load = () => openPglite(undefined, undefined, { loadDataDir: dumpFile(dump), settings: DISPOSABLE })
  if (dataset !== 'empty') return unwrittenOrClosed(REUSE ? (idle2009.pop() ?? (await load())) : await load(), year2009)
  // the empty database of a file that ended, reset (pglite-reuse.ts); else the dump loaded again
  const reused = idle.pop()
  const db = reused?.db ?? (await load())
  const baseline = reused?.baseline ?? (await baselineOf(db))
  let closed = false
  const close = async () => {
    closed = true
    await db.close()
  }
  return {
    ...db,
    year2009,
    close, // a file that closes its database itself gives nothing back
    drop: async () => {
      if (closed) return
      closed = true
      if (REUSE && idle.length < 2 && (await resetTo(db, baseline))) idle.push({ db, baseline })
      else await db.close()
    },
  }
}

/**
 * A 2009 database is too large to reset (pglite-reuse.ts copies every row back: 250 MB here), but most files only read
 * it: one that took no transaction id is given, as it is, to the next file of the worker that asks for the data set,
 * instead of loading the dump again (4–8 s of processor time and 600 MB of fresh memory each). One that wrote is closed.
 * A sequence advanced by a bare nextval() takes no transaction id: no 2009 file does that.
 */
async function unwrittenOrClosed(db: Db, year2009: Summary | undefined): Promise<TestDb> {
  const xid = await writeMark(db)
  let closed = false
  const close = async () => {
    closed = true
    await db.close()
  }
  return {
    ...db,
    year2009,
    close,
    drop: async () => {
      if (closed) return
      closed = true
      const unwritten = await sql`DISCARD ALL`
        .execute(db.kysely)
        .then(async () => (await writeMark(db)) === xid)
        .catch(() => false)
      if (REUSE && idle2009.length === 0 && unwritten) idle2009.push(db)
      else await db.close()
    },
  }
}
/** This worker's 2009 database that a file gave back unwritten (isolate: false keeps it between files). */
const idle2009: Db[] = []

/** JALON_TEST_PGLITE_REUSE=0: every file loads the dump (to rule the reuse out when a file seems to see another's rows) */
const REUSE = process.env.JALON_TEST_PGLITE_REUSE !== '0'
/** This worker's empty PGlite databases that files gave back, reset, for the next files (isolate: false keeps them). */
const idle: { db: Db; baseline: Baseline }[] = []

/**
 * The dump as PGlite reads it (`await loadDataDir.arrayBuffer()`), without a Blob: Node's Blob hands its bytes back
 * through a stream of small chunks joined again, a second of processor time for the 40 MB dump, paid by every file.
 */
function dumpFile(path: string): Blob {
  const bytes = readFileSync(path) // a file this size has an ArrayBuffer of its own: no copy
  const whole = bytes.byteOffset === 0 && bytes.length === bytes.buffer.byteLength
  const buffer = whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
  return { type: '', arrayBuffer: async () => buffer } as Blob
}

/** The run's dump of a PGlite database holding `dataset`: the first file that asks builds it, the others wait for it. */
async function pgliteDump(dataset: Dataset, run: TestRun): Promise<string> {
  const dump = join(run.dir, `pglite-${dataset}.tar`)
  // mkdir is atomic: the first file of the run builds the dump, the others wait for it to appear
  if (!existsSync(dump)) {
    let builder = false
    try {
      mkdirSync(`${dump}.lock`)
      builder = true
    } catch {}
    if (builder) {
      // a data set starts from the run's migrated empty database (one initdb and migration per run, not per data set)
      const db =
        dataset === 'empty'
          ? await openPglite(undefined, undefined, { settings: DISPOSABLE })
          : await openPglite(undefined, undefined, {
              loadDataDir: dumpFile(await pgliteDump('empty', run)),
              settings: DISPOSABLE,
            })
      if (dataset === 'empty') await migrate(db)
      const year2009 = await fill(db, dataset)
      writeFileSync(`${dump}.json`, JSON.stringify(year2009 ?? null))
      await sql`CHECKPOINT`.execute(db.kysely) // the dump then holds no WAL to replay, and fewer segments
      writeFileSync(`${dump}.tmp`, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()))
      renameSync(`${dump}.tmp`, dump)
      await db.close()
    } else while (!existsSync(dump)) await sleep(200)
  }
  return dump
}

/**
 * Writes a closed, migrated, empty PGlite database into the folder `dataDir` (created), from the run's dump: what a
 * server's data folder holds after its first start, in a second instead of an initdb and every migration (10–20 s of
 * processor time). For the tests of what happens on disk (the folder lock, the first start's templates).
 */
export async function migratedPgliteFolder(dataDir: string): Promise<void> {
  const run = currentRun()
  if (!run) {
    const db = await openPglite(dataDir)
    await migrate(db)
    await db.close()
    return
  }
  const dump = await pgliteDump('empty', run)
  const db = await openPglite(dataDir, undefined, { loadDataDir: dumpFile(dump), settings: DURABLE })
  await db.close()
}

// ---- PostgreSQL: CREATE DATABASE … TEMPLATE, the template built once per run under an advisory lock ----

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    return await work(c)
  } finally {
    await c.end()
  }
}

const urlOf = (name: string) => {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  url.searchParams.set('options', '-c synchronous_commit=off') // DISPOSABLE's part a session may set
  return url.toString()
}

/** CREATE DATABASE, retried while another file's clone of the same template holds it for a moment. */
async function createDatabase(c: pg.Client, name: string, template?: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
      await sleep(100 + Math.random() * 200)
    }
  }
}

async function postgresTemplate(run: TestRun, dataset: Dataset): Promise<{ name: string; year2009?: Summary }> {
  const name = `jalon_tpl_${run.id}_${dataset}`
  const summaryFile = join(run.dir, `postgres-${dataset}.json`)
  return withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (!exists.rowCount) {
        // a data set starts from the run's migrated empty template (migrated once per run, not per data set)
        await createDatabase(c, name, dataset === 'empty' ? undefined : (await postgresTemplate(run, 'empty')).name)
        const db = await openPostgres(urlOf(name))
        try {
          if (dataset === 'empty') await migrate(db)
          writeFileSync(summaryFile, JSON.stringify((await fill(db, dataset)) ?? null))
        } finally {
          await db.close()
        }
        await c.query(`ALTER DATABASE ${name} IS_TEMPLATE true`)
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
    }
    return { name, year2009: JSON.parse(readFileSync(summaryFile, 'utf8')) ?? undefined }
  })
}

async function postgresDb(dataset: Dataset, run: TestRun | undefined): Promise<TestDb> {
  // under a run, the name carries its id: the run's teardown drops whatever a file left (global-setup.ts)
  const name = `jalon_test_${run ? `${run.id}_` : ''}${randomBytes(6).toString('hex')}`
  let year2009: Summary | undefined
  if (run) {
    const template = await postgresTemplate(run, dataset)
    year2009 = template.year2009
    await withAdmin((c) => createDatabase(c, name, template.name))
  } else await withAdmin((c) => createDatabase(c, name))
  const db = await openPostgres(urlOf(name))
  if (!run) {
    await migrate(db)
    year2009 = await fill(db, dataset)
  }
  return {
    ...db,
    year2009,
    drop: async () => {
      await db.close()
      const dropping = withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      // A DROP DATABASE waits for a checkpoint: seconds on a busy server. Under a run, the file goes on while the
      // server drops it; the teardown drops any the workers left unfinished.
      if (run) dropping.catch(() => undefined)
      else await dropping
    },
  }
}
