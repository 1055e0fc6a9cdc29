import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The home pages (issue 10): each site's yearly objective on a few key figures (the director's home compares the year
// to date with them; the funders' objectives stay the reporting's, per agreement), and when each user last marked the
// changes on their files as seen (the counsellor's "recent changes").
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE site_objective (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      site_id uuid NOT NULL REFERENCES site(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      figure text NOT NULL,
      target integer NOT NULL CHECK (target BETWEEN 0 AND 1000000),
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, year, site_id, figure)
    );

    CREATE TABLE home_seen (
      user_id uuid PRIMARY KEY REFERENCES app_user(id),
      structure_id text NOT NULL REFERENCES structure(id),
      changes_seen_at timestamptz NOT NULL
    );
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'DROP TABLE home_seen; DROP TABLE site_objective;')
}
