import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Import/export (jalon import, jalon export): every row of a bundle carries the old system's id, so that the same
// bundle imported twice updates rather than duplicates. Dated attributes, statuses and notes lacked the column.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE person_attribute ADD COLUMN external_id text;
    ALTER TABLE person_attribute ADD CONSTRAINT person_attribute_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE status_period ADD COLUMN external_id text;
    ALTER TABLE status_period ADD CONSTRAINT status_period_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE person_note ADD COLUMN external_id text;
    ALTER TABLE person_note ADD CONSTRAINT person_note_structure_external_id_key UNIQUE (structure_id, external_id);
  `,
  )
}
