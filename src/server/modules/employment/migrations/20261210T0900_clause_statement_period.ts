import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// A company's statement is for one operation, one company and one month (docs/employment/clauses.md « Relevés »): the
// columns say so, and its revision (1, 2… : the n-th import of that company's month), so that a statement replaced for the
// same month stays listed, as the latest version of that month.
// Existing statements are filled from the hours that still point to them: the operation of their lots, the company and
// the month when there is only one (else left empty: such an old statement is listed as it was).

/** Fills the new columns of the statements without them that still have hours, and numbers each month's versions. */
export const BACKFILL = `
    UPDATE clause_statement s SET
      operation_id = f.operation_id,
      employer_id = CASE WHEN f.employers = 1 AND f.without = 0 THEN f.employer_id END,
      period = CASE WHEN f.months = 1 THEN f.period END
    FROM (
      SELECT h.structure_id, h.statement_id,
        min(l.operation_id::text)::uuid AS operation_id,
        min(l.employer_id::text)::uuid AS employer_id,
        count(DISTINCT l.employer_id) AS employers,
        count(*) FILTER (WHERE l.employer_id IS NULL) AS without,
        count(DISTINCT h.month) AS months,
        to_char(min(h.month), 'YYYY-MM') AS period
      FROM clause_hours h
      JOIN clause_lot l ON l.structure_id = h.structure_id AND l.id = h.lot_id
      WHERE h.statement_id IS NOT NULL
      GROUP BY h.structure_id, h.statement_id
      HAVING count(DISTINCT l.operation_id) = 1
    ) f
    WHERE s.structure_id = f.structure_id AND s.id = f.statement_id AND s.operation_id IS NULL;
    UPDATE clause_statement s SET revision = r.n
    FROM (
      SELECT structure_id, id,
        row_number() OVER (PARTITION BY structure_id, operation_id, employer_id, period ORDER BY revision, imported_at, id) AS n
      FROM clause_statement WHERE period IS NOT NULL
    ) r
    WHERE s.structure_id = r.structure_id AND s.id = r.id AND s.revision <> r.n;`

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE clause_statement
      ADD COLUMN operation_id uuid,
      ADD COLUMN employer_id uuid,
      ADD COLUMN period text CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      ADD FOREIGN KEY (structure_id, operation_id) REFERENCES clause_operation (structure_id, id) ON DELETE CASCADE,
      ADD FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id);
    ${BACKFILL}
    CREATE INDEX clause_statement_period_idx ON clause_statement (structure_id, operation_id, employer_id, period);
    `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    DROP INDEX clause_statement_period_idx;
    ALTER TABLE clause_statement DROP COLUMN revision, DROP COLUMN period, DROP COLUMN employer_id, DROP COLUMN operation_id;
    `,
  )
}
