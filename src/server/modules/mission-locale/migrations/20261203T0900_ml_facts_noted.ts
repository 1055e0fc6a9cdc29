import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 9: an import into a built year at full speed, and the facts' definition stamped on each built year.
//
// Noted writes. The triggers of 20261201T0900_ml_facts recompute, at each statement, the facts of the persons it
// touched: an import's batch of two thousand rows paid a plan and three aggregates per file it wrote (persons,
// attributes, events, enrolments…), so a person's facts were computed once per file and the import ran at half speed.
// While a transaction's `jalon.facts_deferred` is 'note' (set_config(…, true): that transaction only), the refresh
// a trigger asks for is only noted — the persons and years, in the temporary table ml_facts_noted the writer
// created — and ml_facts_refresh_noted recomputes them at the end, a chunk of persons at a time, set-based (the plan
// made for the chunk's list, three statements per chunk: one per fact table). The triggers still decide which persons
// and years a statement bears on; every other writer keeps the immediate refresh. 'on' (a bulk load that rebuilds
// whole years at its end, registry.ts withFactsDeferred) still skips the triggers altogether.
//
// Definition stamp. What a built year holds depends on how the facts are computed (the ml_facts_fill_* functions).
// ml_facts_definition() says which computation the functions of the database do, and a rebuild records it on the
// year (ml_fact_year.definition): a year built under another one is stale — `jalon facts status` says so, the
// indicators read the raw rows for it until `jalon facts rebuild` builds it again. A migration that changes what the
// facts hold or how they are computed replaces ml_facts_definition() with the next number (facts-definition.test.ts
// fails when the computation changes and the number does not).
//
// Once shipped, this file is never edited.

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE FUNCTION ml_facts_definition() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';

    -- the years built before the stamp were built by the computation of definition 1
    ALTER TABLE ml_fact_year ADD COLUMN definition integer NOT NULL DEFAULT 1;
    ALTER TABLE ml_fact_year ALTER COLUMN definition DROP DEFAULT;

    CREATE OR REPLACE FUNCTION ml_facts_rebuild(p_year smallint) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      LOCK TABLE person, person_attribute, event, enrolment, programme, proposition, situation IN SHARE MODE;
      DELETE FROM ml_person_year_theme WHERE year = p_year;
      DELETE FROM ml_person_year_programme WHERE year = p_year;
      DELETE FROM ml_person_year WHERE year = p_year;
      PERFORM ml_facts_fill_all(p_year);
      INSERT INTO ml_fact_year (year, built_at, definition) VALUES (p_year, now(), ml_facts_definition())
        ON CONFLICT (year) DO UPDATE SET built_at = excluded.built_at, definition = excluded.definition;
    END $$;

    CREATE OR REPLACE FUNCTION ml_facts_refresh(p_persons uuid[], p_years smallint[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      y smallint;
      members uuid[];
    BEGIN
      IF p_persons IS NULL OR p_years IS NULL THEN RETURN; END IF;
      IF current_setting('jalon.facts_deferred', true) = 'note' THEN
        INSERT INTO pg_temp.ml_facts_noted (year, person_id)
        SELECT y.y, p.p FROM unnest(p_years) AS y(y) CROSS JOIN unnest(p_persons) AS p(p)
        ON CONFLICT DO NOTHING;
        RETURN;
      END IF;
      PERFORM 1 FROM person WHERE id = ANY(p_persons) ORDER BY id FOR NO KEY UPDATE;
      DELETE FROM ml_person_year_theme WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      DELETE FROM ml_person_year_programme WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      DELETE FROM ml_person_year WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      FOREACH y IN ARRAY p_years LOOP
        -- only the year's population has facts (an import's persons before their enrolments have none)
        SELECT array_agg(DISTINCT en.person_id) INTO members
        FROM enrolment en JOIN programme pg ON pg.id = en.programme_id
        WHERE pg.type = 'mission_locale' AND en.entry_date <= make_date(y, 12, 31)
          AND (en.exit_date IS NULL OR en.exit_date >= make_date(y, 1, 1)) AND en.person_id = ANY(p_persons);
        CONTINUE WHEN members IS NULL;
        IF cardinality(members) <= 50 THEN PERFORM ml_facts_fill_persons(y, members);
        ELSE PERFORM ml_facts_fill_many(y, members);
        END IF;
      END LOOP;
    END $$;

    -- Recomputes up to p_limit noted persons of one year (the earliest noted), takes them off the notes, and returns
    -- how many it took (0: nothing left). The writer calls it until 0, with the triggers' setting back to normal.
    CREATE FUNCTION ml_facts_refresh_noted(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      y smallint;
      persons uuid[];
    BEGIN
      SELECT min(year) INTO y FROM pg_temp.ml_facts_noted;
      IF y IS NULL THEN RETURN 0; END IF;
      WITH chunk AS (
        DELETE FROM pg_temp.ml_facts_noted WHERE (year, person_id) IN (
          SELECT year, person_id FROM pg_temp.ml_facts_noted WHERE year = y ORDER BY person_id LIMIT p_limit)
        RETURNING person_id)
      SELECT array_agg(person_id ORDER BY person_id) INTO persons FROM chunk;
      PERFORM ml_facts_refresh(persons, ARRAY[y]);
      RETURN cardinality(persons);
    END $$;
  `,
  )
}
