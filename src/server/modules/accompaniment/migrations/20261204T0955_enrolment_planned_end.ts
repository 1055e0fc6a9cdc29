import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 10, "end of CEJ": a CEJ lasts 6 to 12 months and may be extended up to 18 (décret 2022-199). The lists
// compute its planned end from the entry date (12 months); a counsellor who extends or shortens it records the planned
// end here, and the lists take it instead (persons/list-filters.ts). Any programme may carry one; only the CEJ's is
// read today. Null: not recorded.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `ALTER TABLE enrolment ADD COLUMN planned_end_date date
       CONSTRAINT enrolment_planned_end_after_entry CHECK (planned_end_date >= entry_date);`,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE enrolment DROP COLUMN planned_end_date;')
}
