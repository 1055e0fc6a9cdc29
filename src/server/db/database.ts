import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type TransactionSettings,
} from 'kysely'
import pg from 'pg'
import { lockFolder } from './pglite-lock.ts'
import { copyTemplate } from './pglite-template.ts'
import type { Database } from './schema.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Db {
  kysely: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
  /** PGlite only: the whole data folder as a tarball (test templates, see test/test-db.ts) */
  dumpDataDir?(): Promise<Blob>
  /**
   * PGlite only: runs `COPY … FROM '/dev/blob'` reading `data` (bulk loading: demo/bulk.ts). PGlite is one
   * session, so it runs inside the transaction that holds the connection: call it only from that transaction's code.
   */
  copyFromBlob?(statement: string, data: Blob): Promise<number>
  /** PGlite only: runs `COPY … TO '/dev/blob'` and gives what it wrote (a test database's reset: test/pglite-reuse.ts) */
  copyToBlob?(statement: string): Promise<Blob>
  /** PGlite only: the folder held no database and was filled from a migrated template (pglite-template.ts) */
  fromTemplate?: boolean
}

// Both drivers must hand back the same JavaScript values: counts as numbers, dates as 'yyyy-mm-dd' strings.
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
pg.types.setTypeParser(INT8, (v) => Number(v))
pg.types.setTypeParser(NUMERIC, (v) => Number(v))
pg.types.setTypeParser(DATE, (v) => v)

/**
 * `readOnly`: every transaction of every connection is read-only (`default_transaction_read_only`), so that even a report
 * database pointing at the primary by mistake refuses writes (REPORT_DATABASE_URL, docs/operations.md).
 */
export async function openPostgres(url: string, opts: { readOnly?: boolean } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: opts.readOnly ? readOnlyUrl(url) : url, max: 10 })
  // An idle connection closed by the server (restart, failover, a dropped test database) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL : connexion inactive fermée (${error.message})`))
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { kysely, kind: 'postgres', close: () => kysely.destroy() }
}

/** The URL with `default_transaction_read_only` added to its startup options, after any it already names (merged: an
 * `options` in the URL would override pg's `options` setting). */
function readOnlyUrl(url: string): string {
  const u = new URL(url)
  const options = [u.searchParams.get('options'), '-c default_transaction_read_only=on'].filter(Boolean).join(' ')
  u.searchParams.set('options', options)
  return u.toString()
}

/**
 * dataDir undefined → in memory (tests). A folder is locked for the life of the database (pglite-lock.ts): a second process
 * gets FolderHeldError before PGlite touches a file. `template`: a migrated PGlite folder copied into `dataDir` when that
 * holds no database yet (pglite-template.ts), instead of PGlite's initdb. `settings`: lines added to its postgresql.conf.
 */
export async function openPglite(
  dataDir?: string,
  log?: (msg: string) => void,
  opts: { loadDataDir?: Blob; template?: string; sharedBuffers?: string; settings?: string[] } = {},
): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const lock = dataDir ? lockFolder(dataDir, log) : undefined
  let client: PGlite
  let fromTemplate = false
  try {
    if (dataDir && opts.template) fromTemplate = copyTemplate(opts.template, dataDir)
    client = await PGlite.create({
      dataDir,
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { citext, pg_trgm, unaccent },
      ...(opts.sharedBuffers || opts.settings
        ? {
            postgresqlconf: [
              ...(opts.sharedBuffers ? [`shared_buffers=${opts.sharedBuffers}`] : []),
              ...(opts.settings ?? []),
            ],
          }
        : {}),
      parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v },
    })
  } catch (error) {
    lock?.release()
    throw error
  }
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SerialDriver(new PGliteDriver(client)),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
  let closed = false
  return {
    kysely,
    kind: 'pglite',
    fromTemplate,
    // for a database nobody else is using (a test template once built)
    dumpDataDir: () => client.dumpDataDir('none'),
    copyFromBlob: async (statement, data) => (await client.query(statement, [], { blob: data })).affectedRows ?? 0,
    copyToBlob: async (statement) => (await client.query(statement)).blob ?? new Blob([]),
    close: async () => {
      if (closed) return
      closed = true
      try {
        await kysely.destroy()
      } finally {
        lock?.release()
      }
    },
  }
}

/**
 * kysely-pglite's driver, minus its constructor: `new KyselyPGlite(client)` starts an unawaited mkdir of the client's data
 * folder, which fails (unhandled rejection) when the folder's parent is removed right after close.
 */
class PGliteDriver implements Driver {
  constructor(private readonly client: PGlite) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const client = this.client
    return {
      // PGlite says `affectedRows`; Kysely reads `numAffectedRows` (numDeletedRows, numUpdatedRows…): without it, a
      // count of written rows was undefined on PGlite only (a deleted objective answered 404).
      executeQuery: async (q) => {
        const r = await client.query(q.sql, [...q.parameters])
        return {
          rows: r.rows,
          ...(r.affectedRows === undefined ? {} : { numAffectedRows: BigInt(r.affectedRows) }),
        } as never
      },
      streamQuery: () => {
        throw new Error('PGlite does not support streaming.')
      },
    }
  }
  async releaseConnection() {}
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('BEGIN'))
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('COMMIT'))
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'))
  }
  async destroy() {
    await this.client.close()
  }
}

/**
 * PGlite is one connection. Kysely acquires a connection for each query, or for a whole transaction; handing it out one
 * holder at a time is the single queue that keeps two requests from interleaving inside one transaction.
 * Inside a transaction, code must use the transaction object, never the root `db` (that would wait on itself).
 */
class SerialDriver implements Driver {
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#release = release
    return this.inner.acquireConnection()
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.inner.releaseConnection(connection)
    const release = this.#release
    this.#release = undefined
    release?.()
  }
  beginTransaction(c: DatabaseConnection, s: TransactionSettings) {
    return this.inner.beginTransaction(c, s)
  }
  commitTransaction(c: DatabaseConnection) {
    return this.inner.commitTransaction(c)
  }
  rollbackTransaction(c: DatabaseConnection) {
    return this.inner.rollbackTransaction(c)
  }
  async destroy() {
    await this.#queue
    await this.inner.destroy()
  }
}

export async function openDatabase(opts: {
  databaseUrl?: string
  pgliteDir?: string
  log?: (msg: string) => void
}): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.pgliteDir, opts.log)
}
