import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The structure's time zone (issue 8): "today" and the calendar day of an instant are the structure's, and a Mission
// Locale overseas (Cayenne, Saint-Denis de La Réunion, Nouméa) is not in Europe/Paris. Existing structures keep the
// zone they were implicitly in. The check makes PostgreSQL itself refuse a name it does not know: timezone() raises
// on an unknown zone (a check constraint cannot read pg_timezone_names); the API checks the same list first and
// answers 400 naming the field. `version`: the admin edits the structure like any other row (db/versioning.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE structure ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris'
      CONSTRAINT structure_time_zone_known
      CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$'
        AND timezone(time_zone, timestamptz '2000-01-01 00:00:00+00') IS NOT NULL);
    ALTER TABLE structure ADD COLUMN version integer NOT NULL DEFAULT 1;
    `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE structure DROP COLUMN version; ALTER TABLE structure DROP COLUMN time_zone;')
}
