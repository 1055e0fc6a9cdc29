import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 9, sharding by structure (persons' 20261201T1000_person_keys_by_structure says why, and why id comes first):
// events, propositions, situations and enrolments get primary keys (id, structure_id) and point to their person by
// (structure_id, person_id), co-located with it on Citus. Their keys to sites, users and programmes stay as they are:
// those are reference tables, copied to every node.
const byStructure = (table: string) => `
    ALTER TABLE ${table}
      DROP CONSTRAINT ${table}_person_id_fkey,
      DROP CONSTRAINT ${table}_pkey,
      ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id, structure_id),
      ADD CONSTRAINT ${table}_person_id_fkey FOREIGN KEY (structure_id, person_id)
        REFERENCES person (structure_id, id) ON DELETE CASCADE;`

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, ['event', 'proposition', 'situation', 'enrolment'].map(byStructure).join('\n'))
}
