import type { Kysely } from 'kysely'
import { runScript } from '../../db/script.ts'

// Funder agreements (CPO, protocols) and their yearly objectives, each tied to an indicator id (and optionally one
// figure of it): every report shows result, objective, gap and rate.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE funder_agreement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      name text NOT NULL,
      funder text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (period_end >= period_start)
    );
    CREATE INDEX funder_agreement_structure_idx ON funder_agreement (structure_id, period_start);

    CREATE TABLE objective (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      agreement_id uuid NOT NULL REFERENCES funder_agreement(id) ON DELETE CASCADE,
      indicator_id text NOT NULL,
      sub_key text,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      target numeric(14, 2) NOT NULL CHECK (target >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX objective_unique_idx ON objective (agreement_id, indicator_id, coalesce(sub_key, ''), year);
    CREATE INDEX objective_lookup_idx ON objective (structure_id, indicator_id, year);
  `,
  )
}
