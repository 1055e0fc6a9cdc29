import type { Deps, Tx } from '../deps.ts'
import type { Q } from './indicator.ts'

/**
 * Runs a report's reads where reports read (docs/operations.md, "Reports on a read replica"). With a report database of
 * its own (REPORT_DATABASE_URL, a read replica), in one read-only transaction there: one snapshot for the whole report,
 * as stale as the replica's lag. Without one, in the request's own transaction, as before (on PGlite a second
 * transaction would wait for the request's, which holds the one connection). Writes (the audit line of an export,
 * objectives, sessions) never come here: they stay in the request's transaction on the primary.
 */
export function readForReport<T>(deps: Deps, tx: Tx, read: (q: Q) => Promise<T>): Promise<T> {
  const replica = deps.reportDb
  if (!replica || replica === deps.db) return read(tx)
  return readOnReportDb(deps, read)
}

/**
 * The same outside a request (`jalon report`): one repeatable-read, read-only transaction on the report database,
 * the replica's or the primary's.
 */
export function readOnReportDb<T>(deps: Deps, read: (q: Q) => Promise<T>): Promise<T> {
  return (deps.reportDb ?? deps.db).kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(read)
}
