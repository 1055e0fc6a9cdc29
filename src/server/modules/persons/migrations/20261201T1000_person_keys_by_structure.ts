import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 9, sharding by structure: the schema distributes on Citus by structure_id (docs/operations.md, "National
// deployment on Citus"), which asks every key of a distributed table to hold structure_id, and every foreign key
// between two of them to join on it. The person file's tables get primary keys (id, structure_id), the same-day
// attribute's unique key gains structure_id, and each points to its person by (structure_id, person_id).
//
// Why (id, structure_id) and not (structure_id, id): PostgreSQL reads a btree by its leading column, so with structure_id
// first every lookup by id alone (a file opened by its id, the facts' triggers) would scan the table; with id first it
// stays one index probe, and a foreign key may name the columns in any order.
//
// The person's own key is built here beside the old one (its children must stop relying on the old one first: the
// accompaniment's tables do in 20261201T1010, then 20261201T1020 makes it the primary key). Each table is altered in
// one statement: one pass over its rows for its new keys, then the check of its foreign key.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE UNIQUE INDEX person_id_structure_key ON person (id, structure_id);
    ALTER TABLE person_attribute
      DROP CONSTRAINT person_attribute_person_id_fkey,
      DROP CONSTRAINT person_attribute_pkey,
      DROP CONSTRAINT person_attribute_person_id_attribute_valid_from_key,
      ADD CONSTRAINT person_attribute_pkey PRIMARY KEY (id, structure_id),
      ADD CONSTRAINT person_attribute_person_id_attribute_valid_from_key
        UNIQUE (structure_id, person_id, attribute, valid_from),
      ADD CONSTRAINT person_attribute_person_id_fkey FOREIGN KEY (structure_id, person_id)
        REFERENCES person (structure_id, id) ON DELETE CASCADE;
    ALTER TABLE status_period
      DROP CONSTRAINT status_period_person_id_fkey,
      DROP CONSTRAINT status_period_pkey,
      ADD CONSTRAINT status_period_pkey PRIMARY KEY (id, structure_id),
      ADD CONSTRAINT status_period_person_id_fkey FOREIGN KEY (structure_id, person_id)
        REFERENCES person (structure_id, id) ON DELETE CASCADE;
    ALTER TABLE person_note
      DROP CONSTRAINT person_note_person_id_fkey,
      DROP CONSTRAINT person_note_pkey,
      ADD CONSTRAINT person_note_pkey PRIMARY KEY (id, structure_id),
      ADD CONSTRAINT person_note_person_id_fkey FOREIGN KEY (structure_id, person_id)
        REFERENCES person (structure_id, id) ON DELETE CASCADE;
    `,
  )
}
