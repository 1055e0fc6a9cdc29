import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 9: the Mission Locale's per-person, per-year facts. For each year whose facts are built (ml_fact_year), one
// row per person in that year's Mission Locale population (an enrolment open during the year in a programme of type
// mission_locale: accompaniment's enrolment-open.ts) with what the year's indicators read of them — the person's
// columns the report groups by, contact, the state of each dated attribute on 31/12, the first reception and the
// states on its day, the kinds of the situations started in the year — and, beside it, the person's propositions of
// the year per domain and theme, and the entries into and exits from programmes dated in the year. Facts, not
// definitions: values are stored as recorded (no 'unknown', no level grouping, no age band, no situation group); the
// indicators keep their definitions in TypeScript and read these rows instead of the raw ones for a built calendar
// year (docs/ARCHITECTURE.md, docs/indicators.md).
//
// Kept in step on write, in the writing transaction: statement-level triggers with transition tables on every source
// table recompute the facts of the persons a statement touched, for every built year (three statements a year). A
// writer locks those persons' rows (FOR NO KEY UPDATE) before recomputing, so two transactions writing about the same
// person recompute one after the other, the second seeing the first's rows (writers run in READ COMMITTED). A rebuild
// (ml_facts_rebuild) locks the source tables in SHARE mode: it waits for writers in flight and holds new ones until
// it commits. A bulk load may set `jalon.facts_deferred = on` for its transaction (set_config(…, true)) and rebuild the
// built years at its end (registry.ts withFactsDeferred): the triggers then skip.
//
// Once shipped, this file is never edited: a change of what the facts hold is a new migration (CREATE OR REPLACE
// FUNCTION, then `jalon facts rebuild`).

/**
 * The Mission Locale population of the year from `from` to `to`: the persons with an enrolment open during it in a
 * programme of type mission_locale (accompaniment's enrolment-open.ts), among some persons when `among` says so.
 */
const population = (from: string, to: string, among = '') => `
      SELECT en.person_id FROM enrolment en JOIN programme pg ON pg.id = en.programme_id
      WHERE pg.type = 'mission_locale' AND en.entry_date <= ${to} AND (en.exit_date IS NULL OR en.exit_date >= ${from})
        ${among}`

/**
 * The computation of one year's facts for everyone ('all': a rebuild) or for some persons (a trigger's refresh: 'few'
 * or 'many'). Propositions and programme movements are kept by the structure that recorded them (the report counts
 * a structure's rows of its own persons); a person's situations, events and dated attributes whatever their structure
 * (the application records a person's rows in the person's structure).
 * Each part is one aggregate grouped by person, joined by hash in a rebuild: the planner's estimates hold (a part
 * grouped twice, a freshly filled table or the year in the join keys had it guess 200 groups and nest the joins, 100 s
 * instead of 0.4 s for the 2009 data set). A rebuild is planned for its year (plan_cache_mode: after five calls
 * PL/pgSQL would keep a generic plan, made for no year), reads whole tables (no index scan: at national scale the
 * planner walked 8 million dated attributes in index order, 24 s of random reads instead of a 1 s pass), sorts and
 * hashes in memory (work_mem) and inserts in key order. A refresh of a few persons (one request's write) keeps one
 * generic plan per session, by index, without planning again (a write costs 1–3 ms more, not 15–20); a refresh of
 * many (an import's batch) is planned for its list (a generic plan reads a long list item by item for every row).
 * Neither a rebuild nor a refresh of many nests its joins: the planner takes a list of persons, or their semi-join
 * with the population, for a handful of rows and rescans whole aggregates for each (0.7 s instead of 0.05 s for a
 * thousand persons).
 */
function fill(name: string, scope: 'all' | 'few' | 'many'): string {
  const persons = scope !== 'all'
  const only = (col: string) => (persons ? `AND ${col} = ANY(p_persons)` : '')
  const settings = {
    all: `SET plan_cache_mode = force_custom_plan SET work_mem = '256MB' SET jit = off SET enable_indexscan = off
      SET enable_nestloop = off`,
    few: 'SET plan_cache_mode = force_generic_plan',
    many: 'SET plan_cache_mode = force_custom_plan SET jit = off SET enable_nestloop = off',
  }[scope]
  const inPopulation = (col: string) => `${col} IN (${population('y_from', 'y_to', only('en.person_id'))})`
  // the latest value on or before `day` of each attribute, one column each, in one aggregate: the max of the day and
  // the value written together (ISO days sort as text; one row per person, attribute and day)
  const latest = (a: string) =>
    `substr(max(to_char(pa.valid_from, 'YYYY-MM-DD') || pa.value) FILTER (WHERE pa.attribute = '${a}'), 11) AS ${a}`
  const states = (attributes: string[], from: string, day: string) => `
      SELECT pa.person_id, ${attributes.map(latest).join(', ')}
      FROM ${from}
      WHERE pa.attribute IN (${attributes.map((a) => `'${a}'`).join(', ')}) AND pa.valid_from <= ${day}
        ${only('pa.person_id')}
      GROUP BY pa.person_id`
  return `
  CREATE FUNCTION ${name}(p_year smallint${persons ? ', p_persons uuid[]' : ''}) RETURNS void LANGUAGE plpgsql
  ${settings} AS $$
  DECLARE
    y_from date := make_date(p_year, 1, 1);
    y_to date := make_date(p_year, 12, 31);
  BEGIN
    INSERT INTO ml_person_year_theme (year, structure_id, person_id, domain, theme, n)
    SELECT p_year, pr.structure_id, pr.person_id, pr.domain, pr.theme, count(*)
    FROM proposition pr
    WHERE pr.date BETWEEN y_from AND y_to ${only('pr.person_id')} AND ${inPopulation('pr.person_id')}
    GROUP BY pr.structure_id, pr.person_id, pr.domain, pr.theme
    ORDER BY pr.structure_id, pr.person_id, pr.domain, pr.theme;

    INSERT INTO ml_person_year_programme (year, structure_id, person_id, programme_type, movement, sex, reinforced,
      age, n)
    SELECT p_year, en.structure_id, en.person_id, pg.type, m.movement, p.sex, en.reinforced,
      extract(year FROM age(m.day, p.birth_date))::smallint, count(*)
    FROM enrolment en
    JOIN programme pg ON pg.id = en.programme_id
    JOIN person p ON p.id = en.person_id
    CROSS JOIN LATERAL (VALUES ('entry', en.entry_date), ('exit', en.exit_date)) AS m(movement, day)
    WHERE m.day BETWEEN y_from AND y_to AND pg.type <> 'mission_locale' ${only('en.person_id')}
      AND ${inPopulation('en.person_id')}
    GROUP BY 2, 3, 4, 5, 6, 7, 8
    ORDER BY 2, 3;

    INSERT INTO ml_person_year (person_id, year, structure_id, site_id, sex, priority_area, age, contact,
      education_level, diploma, family_situation, housing, resources, driving_licence,
      first_reception, fr_age, fr_education_level, fr_diploma, fr_mobility, propositions, situation_kinds)
    SELECT p.id, p_year, p.structure_id, p.site_id, p.sex, p.priority_area,
      extract(year FROM age(y_to, p.birth_date))::smallint,
      c.person_id IS NOT NULL,
      es.education_level, es.diploma, es.family_situation, es.housing, es.resources, es.driving_licence,
      coalesce(p.first_reception_date BETWEEN y_from AND y_to, false),
      CASE WHEN p.first_reception_date BETWEEN y_from AND y_to
        THEN extract(year FROM age(p.first_reception_date, p.birth_date))::smallint END,
      fs.education_level, fs.diploma, fs.mobility,
      coalesce(pr.n, 0),
      si.kinds
    FROM person p
    LEFT JOIN (${states(
      ['education_level', 'diploma', 'family_situation', 'housing', 'resources', 'driving_licence'],
      'person_attribute pa',
      'y_to',
    )}) es ON es.person_id = p.id
    LEFT JOIN (${states(
      ['education_level', 'diploma', 'mobility'],
      'person_attribute pa JOIN person r ON r.id = pa.person_id AND r.first_reception_date BETWEEN y_from AND y_to',
      'r.first_reception_date',
    )}) fs ON fs.person_id = p.id
    LEFT JOIN (
      SELECT ev.person_id FROM event ev
      WHERE ev.date BETWEEN y_from AND y_to AND ev.attendance IS DISTINCT FROM 'absent' ${only('ev.person_id')}
      GROUP BY ev.person_id
    ) c ON c.person_id = p.id
    LEFT JOIN (
      SELECT pr.person_id, count(*)::int AS n FROM proposition pr
      WHERE pr.date BETWEEN y_from AND y_to ${only('pr.person_id')}
      GROUP BY pr.person_id
    ) pr ON pr.person_id = p.id
    LEFT JOIN (
      SELECT s.person_id, array_agg(s.kind ORDER BY s.kind) AS kinds FROM situation s
      WHERE s.start_date BETWEEN y_from AND y_to ${only('s.person_id')}
      GROUP BY s.person_id
    ) si ON si.person_id = p.id
    WHERE true ${only('p.id')} AND ${inPopulation('p.id')}
    ORDER BY p.structure_id, p.id;
  END $$`
}

/**
 * A trigger function for a source table: the persons its statement touched (new rows, old rows, or both for an
 * update) and the built years each row bears on (`years`, an array computed from the row `x` and `built`), their
 * facts recomputed. For an update, only rows whose `watched` columns changed count: a note edited leaves the facts
 * alone. An event, a proposition or a situation bears on its own year; a dated attribute on the years from its own.
 */
function onWrite(table: string, watched: string[], years: string): string {
  const changed = `(${watched.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${watched.map((c) => `n.${c}`).join(', ')})`
  const cols = ['person_id', ...watched.filter((c) => c !== 'person_id')].join(', ')
  const touched = (rows: string) => `
      SELECT array_agg(DISTINCT x.person_id), array_agg(DISTINCT y) INTO persons, affected
      FROM ${rows} CROSS JOIN LATERAL unnest(${years}) AS y WHERE y = ANY(built);`
  return `
  CREATE FUNCTION ml_facts_on_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    built smallint[] := ml_facts_built_years();
    persons uuid[];
    affected smallint[];
  BEGIN
    IF built IS NULL THEN RETURN NULL; END IF;
    IF TG_OP = 'INSERT' THEN ${touched('new_rows x')}
    ELSIF TG_OP = 'DELETE' THEN ${touched('old_rows x')}
    ELSE ${touched(`(
        SELECT ${cols.replace(/(\w+)/g, 'o.$1')} FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed}
        UNION ALL
        SELECT ${cols.replace(/(\w+)/g, 'n.$1')} FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed}
      ) x`)}
    END IF;
    PERFORM ml_facts_refresh(persons, affected);
    RETURN NULL;
  END $$`
}

/** The three statement-level triggers of a table (a trigger with transition tables takes one event). */
const triggersOn = (table: string) => `
  CREATE TRIGGER ml_facts_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_${table}();
  CREATE TRIGGER ml_facts_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_${table}();
  CREATE TRIGGER ml_facts_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_${table}();`

/** the row's own year */
const yearOf = (col: string) => `ARRAY[extract(year FROM x.${col})::smallint]`

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE ml_fact_year (
      year smallint PRIMARY KEY,
      built_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ml_person_year (
      year smallint NOT NULL,
      person_id uuid NOT NULL,
      structure_id text NOT NULL,
      site_id uuid NOT NULL,
      sex text NOT NULL,
      priority_area text,
      age smallint NOT NULL,
      contact boolean NOT NULL,
      education_level text,
      diploma text,
      family_situation text,
      housing text,
      resources text,
      driving_licence text,
      first_reception boolean NOT NULL,
      fr_age smallint,
      fr_education_level text,
      fr_diploma text,
      fr_mobility text,
      propositions integer NOT NULL,
      situation_kinds text[],
      PRIMARY KEY (year, structure_id, person_id)
    );
    CREATE INDEX ml_person_year_person_idx ON ml_person_year (person_id);

    CREATE TABLE ml_person_year_theme (
      year smallint NOT NULL,
      structure_id text NOT NULL,
      person_id uuid NOT NULL,
      domain text NOT NULL,
      theme text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (year, structure_id, person_id, domain, theme)
    );
    CREATE INDEX ml_person_year_theme_person_idx ON ml_person_year_theme (person_id);

    CREATE TABLE ml_person_year_programme (
      year smallint NOT NULL,
      structure_id text NOT NULL,
      person_id uuid NOT NULL,
      programme_type text NOT NULL,
      movement text NOT NULL CHECK (movement IN ('entry', 'exit')),
      sex text NOT NULL,
      reinforced boolean NOT NULL,
      age smallint NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (year, structure_id, person_id, programme_type, movement, reinforced, age)
    );
    CREATE INDEX ml_person_year_programme_person_idx ON ml_person_year_programme (person_id);

    ${fill('ml_facts_fill_all', 'all')};
    ${fill('ml_facts_fill_persons', 'few')};
    ${fill('ml_facts_fill_many', 'many')};

    CREATE FUNCTION ml_facts_built_years() RETURNS smallint[] LANGUAGE sql STABLE AS
      $$ SELECT CASE WHEN current_setting('jalon.facts_deferred', true) = 'on' THEN NULL
                     ELSE (SELECT array_agg(year ORDER BY year) FROM ml_fact_year) END $$;

    CREATE FUNCTION ml_facts_refresh(p_persons uuid[], p_years smallint[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      y smallint;
      members uuid[];
    BEGIN
      IF p_persons IS NULL OR p_years IS NULL THEN RETURN; END IF;
      PERFORM 1 FROM person WHERE id = ANY(p_persons) ORDER BY id FOR NO KEY UPDATE;
      DELETE FROM ml_person_year_theme WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      DELETE FROM ml_person_year_programme WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      DELETE FROM ml_person_year WHERE person_id = ANY(p_persons) AND year = ANY(p_years);
      FOREACH y IN ARRAY p_years LOOP
        -- only the year's population has facts (an import's persons before their enrolments have none)
        SELECT array_agg(DISTINCT m.person_id) INTO members FROM (${population(
          'make_date(y, 1, 1)',
          'make_date(y, 12, 31)',
          'AND en.person_id = ANY(p_persons)',
        )}) m;
        CONTINUE WHEN members IS NULL;
        IF cardinality(members) <= 50 THEN PERFORM ml_facts_fill_persons(y, members);
        ELSE PERFORM ml_facts_fill_many(y, members);
        END IF;
      END LOOP;
    END $$;

    CREATE FUNCTION ml_facts_rebuild(p_year smallint) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      LOCK TABLE person, person_attribute, event, enrolment, programme, proposition, situation IN SHARE MODE;
      DELETE FROM ml_person_year_theme WHERE year = p_year;
      DELETE FROM ml_person_year_programme WHERE year = p_year;
      DELETE FROM ml_person_year WHERE year = p_year;
      PERFORM ml_facts_fill_all(p_year);
      INSERT INTO ml_fact_year (year, built_at) VALUES (p_year, now())
        ON CONFLICT (year) DO UPDATE SET built_at = excluded.built_at;
    END $$;

    CREATE FUNCTION ml_facts_drop(p_year smallint) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM ml_fact_year WHERE year = p_year;
      DELETE FROM ml_person_year_theme WHERE year = p_year;
      DELETE FROM ml_person_year_programme WHERE year = p_year;
      DELETE FROM ml_person_year WHERE year = p_year;
    END $$;

    ${onWrite('event', ['person_id', 'date', 'attendance'], yearOf('date'))};
    ${onWrite('proposition', ['person_id', 'date', 'structure_id', 'domain', 'theme'], yearOf('date'))};
    ${onWrite('situation', ['person_id', 'start_date', 'structure_id', 'kind'], yearOf('start_date'))};
    ${onWrite(
      'person_attribute',
      ['person_id', 'attribute', 'value', 'valid_from'],
      `ARRAY(SELECT b FROM unnest(built) AS b WHERE b >= extract(year FROM x.valid_from))`,
    )};
    ${onWrite('enrolment', ['person_id', 'programme_id', 'structure_id', 'entry_date', 'exit_date', 'reinforced'], 'built')};
    ${triggersOn('event')}
    ${triggersOn('proposition')}
    ${triggersOn('situation')}
    ${triggersOn('person_attribute')}
    ${triggersOn('enrolment')}

    CREATE FUNCTION ml_facts_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      built smallint[] := ml_facts_built_years();
      persons uuid[];
    BEGIN
      IF built IS NULL THEN RETURN NULL; END IF;
      IF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.id) INTO persons FROM old_rows o;
      ELSE
        SELECT array_agg(n.id) INTO persons FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.structure_id, o.site_id, o.sex, o.priority_area, o.birth_date, o.first_reception_date)
          IS DISTINCT FROM (n.structure_id, n.site_id, n.sex, n.priority_area, n.birth_date, n.first_reception_date);
      END IF;
      PERFORM ml_facts_refresh(persons, built);
      RETURN NULL;
    END $$;
    CREATE TRIGGER ml_facts_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_person();
    CREATE TRIGGER ml_facts_delete AFTER DELETE ON person REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_person();

    CREATE FUNCTION ml_facts_on_programme() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      built smallint[] := ml_facts_built_years();
      persons uuid[];
    BEGIN
      IF built IS NULL THEN RETURN NULL; END IF;
      SELECT array_agg(DISTINCT en.person_id) INTO persons
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN enrolment en ON en.programme_id = n.id
      WHERE o.type IS DISTINCT FROM n.type;
      PERFORM ml_facts_refresh(persons, built);
      RETURN NULL;
    END $$;
    CREATE TRIGGER ml_facts_update AFTER UPDATE ON programme REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ml_facts_on_programme();
  `,
  )
}
