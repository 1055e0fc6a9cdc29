import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 9, sharding by structure: no foreign key relies on the person's old primary key (id) any more
// (20261201T1000, 20261201T1010), so the key built beside it, (id, structure_id), takes its place and its name.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE person DROP CONSTRAINT person_pkey;
    ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY USING INDEX person_id_structure_key;
    `,
  )
}
