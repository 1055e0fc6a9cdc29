import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Who sees a person (persons/person.policy.ts) includes the referent of an enrolment open today. Without an index by
// referent, every search of a counsellor read the whole enrolment table to find theirs (a sequential scan, 1.5 M rows
// at national scale: issue 9). The index holds the enrolments that have a referent, with the days that say whether
// one is open (enrolment-open.ts), so the rule is answered from the index alone. It cannot hold only the open ones:
// "open" depends on today, and a partial index's predicate is fixed.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `CREATE INDEX enrolment_referent_idx ON enrolment (referent_id, person_id) INCLUDE (entry_date, exit_date)
       WHERE referent_id IS NOT NULL;`,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'DROP INDEX enrolment_referent_idx;')
}
