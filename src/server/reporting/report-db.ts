import { sql } from 'kysely'
import type { Deps, Tx } from '../deps.ts'
import type { Q } from './indicator.ts'

/**
 * The planner settings of a report's transaction (`SET LOCAL`: they end with it). No JIT: at national scale it compiled
 * for 0.4–3 s per big query, queries that then ran in seconds anyway. A larger `work_mem` for the hash joins and
 * aggregates over propositions and events, which spilled to disk at the default 4 MB (docs/performance.md). A cap per
 * sort or hash node, not an allocation: a seed-scale report uses far less.
 */
export async function tuneForReport(q: Q): Promise<void> {
  await sql`SET LOCAL jit = off`.execute(q)
  await sql`SET LOCAL work_mem = '64MB'`.execute(q)
}

/**
 * Runs a report's reads where reports read (docs/operations.md, "Reports on a read replica"). With a report database of
 * its own (REPORT_DATABASE_URL, a read replica), in one read-only transaction there: one snapshot for the whole report,
 * as stale as the replica's lag. Without one, in the request's own transaction, as before (on PGlite a second
 * transaction would wait for the request's, which holds the one connection). Writes (the audit line of an export,
 * objectives, sessions) never come here: they stay in the request's transaction on the primary.
 */
export function readForReport<T>(deps: Deps, tx: Tx, read: (q: Q) => Promise<T>): Promise<T> {
  const replica = deps.reportDb
  if (!replica || replica === deps.db) return tuneForReport(tx).then(() => read(tx))
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
    .execute(async (q) => {
      await tuneForReport(q)
      return read(q)
    })
}
