import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The search lists a structure's persons in name order (the default without a name typed) and counts them up to a
// cap (search.repository.ts): read in this index's order, the first thousand are found without sorting the whole
// structure (issue 9).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, 'CREATE INDEX person_structure_name_idx ON person (structure_id, search_name, id);')
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'DROP INDEX person_structure_name_idx;')
}
