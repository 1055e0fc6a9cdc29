import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The facilitator's home block's SQL (docs/employment/clauses.md « Home »): each operation not closed with its required hours
// and the hours done this year, and last month's statements still missing (a lot's company on an operation running
// with no statement of that month).

export async function operationsThisYear(tx: Tx, sid: string, year: string) {
  const { rows } = await sql<{ id: string; name: string; required: string; done: string }>`
    SELECT o.id, o.name,
      (SELECT coalesce(sum(l.required_hours), 0) FROM clause_lot l
        WHERE l.structure_id = o.structure_id AND l.operation_id = o.id) AS required,
      (SELECT coalesce(sum(h.hours), 0) FROM clause_hours h
        JOIN clause_lot l ON l.structure_id = h.structure_id AND l.id = h.lot_id
        WHERE l.structure_id = o.structure_id AND l.operation_id = o.id
        AND h.month >= ${`${year}-01-01`}::date AND h.month <= ${`${year}-12-01`}::date) AS done
    FROM clause_operation o
    WHERE o.structure_id = ${sid} AND o.status <> 'closed'
    ORDER BY o.name, o.id`.execute(tx)
  return rows.map((r) => ({ id: r.id, name: r.name, requiredHours: Number(r.required), doneHours: Number(r.done) }))
}

export async function missingStatements(tx: Tx, sid: string, period: string) {
  const { rows } = await sql<{ operation_id: string; operation_name: string; employer_id: string; name: string }>`
    SELECT DISTINCT o.id AS operation_id, o.name AS operation_name, e.id AS employer_id, e.name
    FROM clause_operation o
    JOIN clause_lot l ON l.structure_id = o.structure_id AND l.operation_id = o.id
    JOIN employer e ON e.structure_id = l.structure_id AND e.id = l.employer_id
    WHERE o.structure_id = ${sid} AND o.status = 'running'
    AND (o.starts_on IS NULL OR o.starts_on <= ${`${period}-01`}::date + interval '1 month' - interval '1 day')
    AND (o.ends_on IS NULL OR o.ends_on >= ${`${period}-01`}::date)
    AND NOT EXISTS (SELECT 1 FROM clause_statement s WHERE s.structure_id = o.structure_id
      AND s.operation_id = o.id AND s.employer_id = e.id AND s.period = ${period})
    ORDER BY o.name, e.name`.execute(tx)
  return rows.map((r) => ({
    operationId: r.operation_id,
    operationName: r.operation_name,
    employerId: r.employer_id,
    employerName: r.name,
  }))
}
