import type { Kysely } from 'kysely'
import { runScript } from '../script.ts'

// The person file: one person, every programme, and a history that is added to, never overwritten.
// Every table carries structure_id so data can be split by structure (row-level access, sharding).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE programme ADD COLUMN kind text NOT NULL DEFAULT 'service' CHECK (kind IN ('service', 'scheme'));
    ALTER TABLE programme ADD COLUMN contact_days integer;
    ALTER TABLE programme ADD COLUMN contact_days_during_step integer;

    CREATE FUNCTION jalon_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

    CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      external_id text,
      last_name text NOT NULL,
      first_name text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('F', 'M')),
      birth_date date NOT NULL,
      phone text,
      email text,
      address text,
      postcode text,
      commune_code text,
      commune_name text,
      priority_area text CHECK (priority_area IN ('qpv', 'zus')),
      site_id uuid NOT NULL REFERENCES site(id),
      referent_id uuid REFERENCES app_user(id),
      first_reception_date date,
      referral_source text,
      search_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, external_id)
    );
    CREATE INDEX person_structure_site_idx ON person (structure_id, site_id);
    CREATE INDEX person_referent_idx ON person (referent_id);
    CREATE INDEX person_birth_date_idx ON person (structure_id, birth_date);
    CREATE INDEX person_search_trgm_idx ON person USING gin (search_name gin_trgm_ops);
    CREATE INDEX person_first_reception_idx ON person (structure_id, first_reception_date);

    CREATE TABLE person_attribute (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      attribute text NOT NULL,
      value text NOT NULL,
      level_2019 smallint CHECK (level_2019 BETWEEN 1 AND 8),
      valid_from date NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by uuid REFERENCES app_user(id),
      UNIQUE (person_id, attribute, valid_from)
    );
    CREATE INDEX person_attribute_lookup_idx ON person_attribute (person_id, attribute, valid_from DESC);
    CREATE INDEX person_attribute_structure_idx ON person_attribute (structure_id, attribute, valid_from);

    CREATE TABLE status_period (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('rsa', 'rqth', 'long_term_unemployed', 'justice')),
      detail text,
      start_date date NOT NULL,
      end_date date,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      CHECK (end_date IS NULL OR end_date >= start_date)
    );
    CREATE INDEX status_period_person_idx ON status_period (person_id, status);

    CREATE TABLE event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      external_id text,
      kind text NOT NULL,
      date date NOT NULL,
      site_id uuid REFERENCES site(id),
      counsellor_id uuid REFERENCES app_user(id),
      duration_minutes integer CHECK (duration_minutes >= 0),
      attendance text CHECK (attendance IN ('present', 'excused', 'absent')),
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, external_id)
    );
    CREATE INDEX event_person_date_idx ON event (person_id, date DESC);
    CREATE INDEX event_structure_date_idx ON event (structure_id, date);

    CREATE TABLE proposition_theme (
      code text NOT NULL,
      structure_id text REFERENCES structure(id),
      domain text NOT NULL CHECK (domain IN ('professional', 'social', 'social_life')),
      label text NOT NULL,
      national_code text NOT NULL,
      sensitive boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true
    );
    CREATE UNIQUE INDEX proposition_theme_code_idx ON proposition_theme (coalesce(structure_id, ''), code);

    CREATE TABLE proposition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      external_id text,
      date date NOT NULL,
      domain text NOT NULL,
      theme text NOT NULL,
      text text,
      outcome text NOT NULL DEFAULT 'pending',
      duration_minutes integer CHECK (duration_minutes >= 0),
      counsellor_id uuid REFERENCES app_user(id),
      site_id uuid REFERENCES site(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, external_id)
    );
    CREATE INDEX proposition_person_idx ON proposition (person_id, date DESC);
    CREATE INDEX proposition_structure_date_idx ON proposition (structure_id, date);

    CREATE TABLE situation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      external_id text,
      kind text NOT NULL,
      start_date date NOT NULL,
      planned_end_date date,
      end_date date,
      organisation_name text,
      hours_per_week numeric(5, 2) CHECK (hours_per_week >= 0 AND hours_per_week <= 80),
      counsellor_id uuid REFERENCES app_user(id),
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (end_date IS NULL OR end_date >= start_date),
      CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
      UNIQUE (structure_id, external_id)
    );
    CREATE INDEX situation_person_idx ON situation (person_id, start_date DESC);
    CREATE INDEX situation_structure_start_idx ON situation (structure_id, start_date);

    CREATE TABLE enrolment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES programme(id),
      external_id text,
      entry_date date NOT NULL,
      exit_date date,
      exit_reason text,
      reinforced boolean NOT NULL DEFAULT false,
      referent_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (exit_date IS NULL OR exit_date >= entry_date),
      UNIQUE (structure_id, external_id)
    );
    CREATE INDEX enrolment_person_idx ON enrolment (person_id);
    CREATE INDEX enrolment_programme_idx ON enrolment (structure_id, programme_id, entry_date);

    CREATE TABLE person_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      text text NOT NULL,
      author_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE INDEX person_note_person_idx ON person_note (person_id, created_at DESC);

    INSERT INTO proposition_theme (code, structure_id, domain, label, national_code, sensitive) VALUES
      ('employment_access', NULL, 'professional', 'Accès à l’emploi', 'employment_access', false),
      ('training', NULL, 'professional', 'Formation', 'training', false),
      ('career_plan', NULL, 'professional', 'Projet professionnel', 'career_plan', false),
      ('housing', NULL, 'social', 'Logement', 'housing', false),
      ('health', NULL, 'social', 'Santé', 'health', true),
      ('citizenship', NULL, 'social_life', 'Citoyenneté', 'citizenship', false),
      ('leisure_sport_culture', NULL, 'social_life', 'Loisirs, sport, culture', 'leisure_sport_culture', false);
  `,
  )
}
