import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The agenda in the exchange bundle (issue 10, docs/import-format.md): every row of a bundle carries the old system's
// id (or, for a row entered in Jalon, its uuid), so that the same bundle imported twice updates rather than
// duplicates. Rooms, permanences, appointments and messages gain external_id; a person's place in an appointment
// (appointment_person, keyed by the pair) gains an id of its own too, which the bundle's rows are matched by.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE agenda_room ADD COLUMN external_id text;
    ALTER TABLE agenda_room ADD CONSTRAINT agenda_room_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE agenda_series ADD COLUMN external_id text;
    ALTER TABLE agenda_series ADD CONSTRAINT agenda_series_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE appointment ADD COLUMN external_id text;
    ALTER TABLE appointment ADD CONSTRAINT appointment_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE appointment_person ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
    ALTER TABLE appointment_person ADD CONSTRAINT appointment_person_structure_id_key UNIQUE (structure_id, id);
    ALTER TABLE appointment_person ADD COLUMN external_id text;
    ALTER TABLE appointment_person ADD CONSTRAINT appointment_person_structure_external_id_key UNIQUE (structure_id, external_id);
    ALTER TABLE agenda_message ADD COLUMN external_id text;
    ALTER TABLE agenda_message ADD CONSTRAINT agenda_message_structure_external_id_key UNIQUE (structure_id, external_id);
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `ALTER TABLE agenda_message DROP COLUMN external_id;
     ALTER TABLE appointment_person DROP COLUMN external_id; ALTER TABLE appointment_person DROP COLUMN id;
     ALTER TABLE appointment DROP COLUMN external_id; ALTER TABLE agenda_series DROP COLUMN external_id;
     ALTER TABLE agenda_room DROP COLUMN external_id;`,
  )
}
