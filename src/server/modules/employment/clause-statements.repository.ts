import type { Insertable } from 'kysely'
import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { ClauseStatementTable } from './employment.tables.ts'

// The companies' monthly statements' SQL (docs/employment/clauses.md « Relevés »): a statement is one version of an
// operation's company and month; the operation lists the latest version of each, with how many there were.

/** One statement import at a time per structure: two files of the same month sent together apply one after the other. */
export const lockStatements = (tx: Tx, sid: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtext(${`clause-statement:${sid}`}))`.execute(tx)

/** A new version of the operation's company and month (under lockStatements: its revision is the next one). */
export const insertStatement = (tx: Tx, values: Insertable<ClauseStatementTable>) =>
  tx
    .insertInto('clause_statement')
    .values({
      ...values,
      revision: sql<number>`(SELECT coalesce(max(revision), 0) + 1 FROM clause_statement
        WHERE structure_id = ${values.structure_id} AND operation_id = ${values.operation_id ?? null}
        AND employer_id IS NOT DISTINCT FROM ${values.employer_id ?? null}::uuid AND period = ${values.period ?? null})`,
    })
    .returning(['id', 'revision'])
    .executeTakeFirstOrThrow()

interface StatementRow {
  id: string
  file_name: string
  imported_at: Date | string
  row_count: number
  period: string | null
  employer_id: string | null
  employer_name: string | null
  display_name: string | null
  versions: string | number
  months: string | null
  hours: string | number | null
}

/**
 * The operation's statements, one line per company and month: its latest version (an old statement of several months,
 * without a period, is a line of its own), the months and hours it still holds, newest month first.
 */
export async function statementRows(tx: Tx, sid: string, operationId: string) {
  const { rows } = await sql<StatementRow>`
    WITH v AS (
      SELECT s.*,
        row_number() OVER (PARTITION BY s.employer_id, coalesce(s.period, s.id::text)
          ORDER BY s.revision DESC, s.imported_at DESC, s.id DESC) AS rank,
        count(*) OVER (PARTITION BY s.employer_id, coalesce(s.period, s.id::text)) AS versions
      FROM clause_statement s
      WHERE s.structure_id = ${sid} AND s.operation_id = ${operationId}
    )
    SELECT v.id, v.file_name, v.imported_at, v.row_count, v.period, v.employer_id, e.name AS employer_name,
      u.display_name, v.versions,
      (SELECT string_agg(DISTINCT to_char(h.month, 'YYYY-MM-DD'), ',') FROM clause_hours h
        WHERE h.structure_id = v.structure_id AND h.statement_id = v.id) AS months,
      (SELECT coalesce(sum(h.hours), 0) FROM clause_hours h
        WHERE h.structure_id = v.structure_id AND h.statement_id = v.id) AS hours
    FROM v
    LEFT JOIN employer e ON e.structure_id = v.structure_id AND e.id = v.employer_id
    LEFT JOIN app_user u ON u.id = v.imported_by
    WHERE v.rank = 1
    ORDER BY v.period DESC NULLS LAST, e.name NULLS LAST, v.imported_at DESC, v.id`.execute(tx)
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    importedAt: new Date(r.imported_at).toISOString(),
    importedBy: r.display_name,
    rowCount: r.row_count,
    period: r.period,
    employerId: r.employer_id,
    employerName: r.employer_name,
    versions: Number(r.versions),
    hours: Number(r.hours ?? 0),
    months: r.period ? [`${r.period}-01`] : (r.months ?? '').split(',').filter(Boolean).sort(),
  }))
}
