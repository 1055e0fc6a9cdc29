import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The name search always looks inside one structure (the visibility rule starts with it), but the trigram index held
// the whole network: every search read the posting lists of its trigrams for all 1.1 M persons of a national
// database, then kept the structure's (4–9 ms a search with 20 structures, growing with each one; issue 9). With
// btree_gin the structure is a key of the same GIN index, so the scan stays within the structure (0.3–0.9 ms, flat).
// It replaces the network-wide index, which nothing else reads (the duplicates check goes by birth date).
//
// btree_gin is a contrib extension, trusted since PostgreSQL 13 (the owner creates it, as citext, pg_trgm and unaccent).
// PGlite has it only when the database is opened with it (db/database.ts lists citext, pg_trgm, unaccent): there, and
// on a PostgreSQL server without contrib, nothing changes, and an embedded structure's search has no network to scan.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
        CREATE EXTENSION IF NOT EXISTS btree_gin;
        CREATE INDEX person_structure_search_trgm_idx ON person USING gin (structure_id, search_name gin_trgm_ops);
        DROP INDEX person_search_trgm_idx;
      END IF;
    END $$;
    `,
  )
}
