import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Employment (issue 14, docs/employment/): the employers (companies from their SIRET, their contacts and every contact
// with them), the job projects that matching reads, the offers broadcast to the sites and the people positioned on
// them, placements (a hire: the person's employment situation and its follow-up at 1, 3 and 6 months), recruitment
// operations run as a funnel, candidate pools (an apprenticeship programme, a home-care pool), work immersions
// (PMSMP) and their programmes' modules, and the procurement social clauses (operations, lots awarded to companies,
// eligible participants, contracts and the hours declared each month).
// Keys follow issue 9: (id, structure_id), foreign keys carry structure_id.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE employer (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      siret text CHECK (siret ~ '^[0-9]{14}$'),
      naf_code text CHECK (naf_code ~ '^[0-9]{2}\\.[0-9]{2}[A-Z]$'),
      legal_form text CHECK (legal_form ~ '^[0-9]{4}$'),
      workforce_band text,
      address text,
      postcode text,
      commune_code text,
      commune_name text,
      phone text,
      email text,
      note text,
      officer_id uuid REFERENCES app_user(id),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT employer_siret_key UNIQUE (structure_id, siret),
      CONSTRAINT employer_external_id_key UNIQUE (structure_id, external_id)
    );
    CREATE INDEX employer_name_idx ON employer (structure_id, name);

    CREATE TABLE employer_contact (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      employer_id uuid NOT NULL,
      name text NOT NULL,
      job_title text,
      phone text,
      email text,
      is_primary boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT employer_contact_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX employer_contact_employer_idx ON employer_contact (structure_id, employer_id);

    -- every contact with a company (visit, call, mail, meeting), by officer
    CREATE TABLE employer_interaction (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      employer_id uuid NOT NULL,
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('visit', 'call', 'mail', 'meeting', 'event')),
      officer_id uuid REFERENCES app_user(id),
      contact_id uuid,
      subject text NOT NULL,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT employer_interaction_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, contact_id) REFERENCES employer_contact (structure_id, id)
    );
    CREATE INDEX employer_interaction_employer_idx ON employer_interaction (structure_id, employer_id, date DESC);

    -- a person's job project (ROME fiche): what matching reads, with how far the person can travel and from when
    CREATE TABLE job_project (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      rome_code text NOT NULL CHECK (rome_code ~ '^[A-N][0-9]{4}$'),
      label text,
      max_distance_km integer CHECK (max_distance_km BETWEEN 0 AND 1000),
      available_from date,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT job_project_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX job_project_person_idx ON job_project (structure_id, person_id);
    CREATE INDEX job_project_rome_idx ON job_project (structure_id, rome_code) WHERE active;

    -- the shared offer form: the job, the contract, the place, the requirements, broadcast to the chosen sites
    CREATE TABLE job_offer (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      employer_id uuid NOT NULL,
      title text NOT NULL,
      rome_code text CHECK (rome_code ~ '^[A-N][0-9]{4}$'),
      contract_kind text NOT NULL CHECK (contract_kind IN ('cdi', 'cdd', 'interim', 'seasonal', 'apprenticeship',
        'professionalisation', 'subsidised_contract', 'insertion_contract', 'other_employment')),
      duration_months integer CHECK (duration_months BETWEEN 0 AND 120),
      hours_per_week numeric(5, 2) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
      positions integer NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 10000),
      place text,
      postcode text,
      commune_code text,
      commune_name text,
      level_2019 integer CHECK (level_2019 BETWEEN 1 AND 8),
      driving_licence_required boolean NOT NULL DEFAULT false,
      experience_months integer CHECK (experience_months BETWEEN 0 AND 600),
      requirements text,
      description text,
      starts_on date,
      closes_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'filled', 'closed', 'cancelled')),
      officer_id uuid REFERENCES app_user(id),
      contact_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT job_offer_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id),
      FOREIGN KEY (structure_id, contact_id) REFERENCES employer_contact (structure_id, id)
    );
    CREATE INDEX job_offer_employer_idx ON job_offer (structure_id, employer_id);
    CREATE INDEX job_offer_open_idx ON job_offer (structure_id, status, closes_on);

    -- the sites whose counsellors an offer is broadcast to
    CREATE TABLE job_offer_site (
      structure_id text NOT NULL,
      offer_id uuid NOT NULL,
      site_id uuid NOT NULL REFERENCES site(id),
      PRIMARY KEY (structure_id, offer_id, site_id),
      FOREIGN KEY (structure_id, offer_id) REFERENCES job_offer (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX job_offer_site_site_idx ON job_offer_site (structure_id, site_id);

    -- a hire: the contract with an employer, the person's employment situation it created, where it came from
    -- (an offer's candidate, a recruitment operation, a pool, an immersion, a clause) and its follow-ups
    CREATE TABLE placement (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      employer_id uuid NOT NULL,
      offer_id uuid,
      operation_id uuid,
      pool_id uuid,
      contract_kind text NOT NULL CHECK (contract_kind IN ('cdi', 'cdd', 'interim', 'seasonal', 'apprenticeship',
        'professionalisation', 'subsidised_contract', 'insertion_contract', 'other_employment')),
      job_title text,
      rome_code text CHECK (rome_code ~ '^[A-N][0-9]{4}$'),
      start_date date NOT NULL,
      duration_months integer CHECK (duration_months BETWEEN 0 AND 120),
      hours_per_week numeric(5, 2) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
      situation_id uuid,
      officer_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT placement_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id),
      FOREIGN KEY (structure_id, offer_id) REFERENCES job_offer (structure_id, id),
      FOREIGN KEY (structure_id, situation_id) REFERENCES situation (structure_id, id)
    );
    CREATE INDEX placement_person_idx ON placement (structure_id, person_id);
    CREATE INDEX placement_start_idx ON placement (structure_id, start_date);
    CREATE INDEX placement_employer_idx ON placement (structure_id, employer_id);

    -- the follow-up of a hire at 1, 3 and 6 months: due on a date, done (or not) with what was found
    CREATE TABLE placement_follow_up (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      placement_id uuid NOT NULL,
      milestone_months integer NOT NULL CHECK (milestone_months IN (1, 3, 6)),
      due_on date NOT NULL,
      done_on date,
      outcome text CHECK (outcome IN ('in_post', 'ended_early', 'changed_job', 'unreachable')),
      note text,
      done_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT placement_follow_up_milestone_key UNIQUE (structure_id, placement_id, milestone_months),
      CONSTRAINT placement_follow_up_done_check CHECK ((done_on IS NULL) = (outcome IS NULL)),
      FOREIGN KEY (structure_id, placement_id) REFERENCES placement (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX placement_follow_up_due_idx ON placement_follow_up (structure_id, due_on) WHERE done_on IS NULL;

    -- a person positioned on an offer: proposed → sent to the employer → interview → hired | refused (with a reason),
    -- withdrawn at any time before the hire
    CREATE TABLE offer_candidate (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL,
      person_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'sent', 'interview', 'hired', 'refused', 'withdrawn')),
      refusal_reason text CHECK (refusal_reason IN ('profile', 'experience', 'qualification', 'mobility',
        'availability', 'absent_interview', 'candidate_declined', 'position_filled', 'other')),
      note text,
      positioned_by uuid REFERENCES app_user(id),
      positioned_at timestamptz NOT NULL DEFAULT now(),
      interview_on date,
      placement_id uuid,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT offer_candidate_person_key UNIQUE (structure_id, offer_id, person_id),
      CONSTRAINT offer_candidate_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT offer_candidate_refusal_check CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
      FOREIGN KEY (structure_id, offer_id) REFERENCES job_offer (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, placement_id) REFERENCES placement (structure_id, id)
    );
    CREATE INDEX offer_candidate_person_idx ON offer_candidate (structure_id, person_id);

    CREATE TABLE offer_candidate_event (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      candidate_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      from_status text,
      to_status text NOT NULL,
      note text,
      PRIMARY KEY (id, structure_id),
      FOREIGN KEY (structure_id, candidate_id) REFERENCES offer_candidate (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX offer_candidate_event_idx ON offer_candidate_event (structure_id, candidate_id, at);

    -- a recruitment operation for an employer (positions, profile, dates), run as a funnel
    CREATE TABLE recruitment_operation (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      employer_id uuid NOT NULL,
      title text NOT NULL,
      sector text,
      positions integer NOT NULL CHECK (positions BETWEEN 1 AND 100000),
      profile text,
      method text,
      partners text,
      starts_on date NOT NULL,
      ends_on date,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('planned', 'running', 'closed', 'cancelled')),
      officer_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT recruitment_operation_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT recruitment_operation_dates_check CHECK (ends_on IS NULL OR ends_on >= starts_on),
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id)
    );
    CREATE INDEX recruitment_operation_dates_idx ON recruitment_operation (structure_id, starts_on);
    ALTER TABLE placement ADD FOREIGN KEY (structure_id, operation_id) REFERENCES recruitment_operation (structure_id, id);

    CREATE TABLE operation_info_session (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      operation_id uuid NOT NULL,
      at timestamptz NOT NULL,
      place text,
      capacity integer CHECK (capacity BETWEEN 1 AND 10000),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT operation_info_session_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, operation_id) REFERENCES recruitment_operation (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX operation_info_session_idx ON operation_info_session (structure_id, operation_id, at);

    -- an application to an operation, from a person of the files or an outside applicant (name and commune only), who
    -- sent it, and how far it went: invited to an information session, present, tested, interviewed, hired or not
    CREATE TABLE operation_application (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      operation_id uuid NOT NULL,
      person_id uuid,
      last_name text,
      first_name text,
      commune_code text,
      commune_name text,
      source text NOT NULL CHECK (source IN ('network', 'france_travail', 'temp_agency', 'spontaneous', 'other')),
      received_on date NOT NULL,
      info_session_id uuid,
      attended boolean,
      test_result text CHECK (test_result IN ('passed', 'failed')),
      interviewed_on date,
      outcome text CHECK (outcome IN ('hired', 'not_retained', 'withdrawn')),
      placement_id uuid,
      sent_by uuid REFERENCES app_user(id),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT operation_application_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT operation_application_who_check CHECK (person_id IS NOT NULL OR last_name IS NOT NULL),
      CONSTRAINT operation_application_attended_check CHECK (attended IS NULL OR info_session_id IS NOT NULL),
      FOREIGN KEY (structure_id, operation_id) REFERENCES recruitment_operation (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, info_session_id) REFERENCES operation_info_session (structure_id, id),
      FOREIGN KEY (structure_id, placement_id) REFERENCES placement (structure_id, id)
    );
    CREATE INDEX operation_application_operation_idx ON operation_application (structure_id, operation_id);
    CREATE INDEX operation_application_person_idx ON operation_application (structure_id, person_id);

    -- a candidate pool (an apprenticeship-promotion programme, a home-care pool): eligibility, information sessions,
    -- the people positioned (informed), interviewed, joined, and the hires made through it (placement.pool_id)
    CREATE TABLE candidate_pool (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('apprenticeship', 'sector', 'clause', 'other')),
      sector text,
      eligibility text,
      starts_on date NOT NULL,
      ends_on date,
      officer_id uuid REFERENCES app_user(id),
      active boolean NOT NULL DEFAULT true,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT candidate_pool_external_id_key UNIQUE (structure_id, external_id)
    );
    ALTER TABLE placement ADD FOREIGN KEY (structure_id, pool_id) REFERENCES candidate_pool (structure_id, id);

    CREATE TABLE pool_info_session (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      pool_id uuid NOT NULL,
      at timestamptz NOT NULL,
      place text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT pool_info_session_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, pool_id) REFERENCES candidate_pool (structure_id, id) ON DELETE CASCADE
    );

    CREATE TABLE pool_member (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      pool_id uuid NOT NULL,
      person_id uuid NOT NULL,
      positioned_on date NOT NULL,
      positioned_by uuid REFERENCES app_user(id),
      info_session_id uuid,
      interviewed_on date,
      joined_on date,
      left_on date,
      left_reason text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT pool_member_person_key UNIQUE (structure_id, pool_id, person_id),
      CONSTRAINT pool_member_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT pool_member_dates_check CHECK (joined_on IS NULL OR joined_on >= positioned_on),
      FOREIGN KEY (structure_id, pool_id) REFERENCES candidate_pool (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, info_session_id) REFERENCES pool_info_session (structure_id, id)
    );
    CREATE INDEX pool_member_person_idx ON pool_member (structure_id, person_id);

    -- a programme of immersions in modules (e.g. the CIVIS immersions' modules 1 to 3)
    CREATE TABLE immersion_programme (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT immersion_programme_external_id_key UNIQUE (structure_id, external_id)
    );

    CREATE TABLE immersion_module (
      structure_id text NOT NULL,
      programme_id uuid NOT NULL,
      number integer NOT NULL CHECK (number BETWEEN 1 AND 20),
      label text NOT NULL,
      objective text NOT NULL CHECK (objective IN ('discover', 'confirm_project', 'recruitment')),
      PRIMARY KEY (structure_id, programme_id, number),
      FOREIGN KEY (structure_id, programme_id) REFERENCES immersion_programme (structure_id, id) ON DELETE CASCADE
    );

    -- a work immersion (PMSMP): the agreement between the person, the host company and the structure (the official
    -- form's fields), its objective, tutor and dates, the assessment, and what followed (a placement or not)
    CREATE TABLE immersion (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      employer_id uuid NOT NULL,
      programme_id uuid,
      module_number integer,
      pool_id uuid,
      objective text NOT NULL CHECK (objective IN ('discover', 'confirm_project', 'recruitment')),
      job_title text NOT NULL,
      rome_code text CHECK (rome_code ~ '^[A-N][0-9]{4}$'),
      activities text,
      skills_observed text,
      place text,
      tutor_name text NOT NULL,
      tutor_job_title text,
      tutor_phone text,
      tutor_email text,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      hours_per_week numeric(5, 2) CHECK (hours_per_week > 0 AND hours_per_week <= 48),
      schedule text,
      prescriber_id uuid REFERENCES app_user(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'done', 'cancelled')),
      signed_on date,
      validated boolean,
      assessment text,
      outcome text CHECK (outcome IN ('contract', 'training', 'no_follow_up', 'other')),
      placement_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT immersion_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT immersion_dates_check CHECK (ends_on >= starts_on),
      CONSTRAINT immersion_module_check CHECK ((module_number IS NULL) OR (programme_id IS NOT NULL)),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id),
      FOREIGN KEY (structure_id, programme_id) REFERENCES immersion_programme (structure_id, id),
      FOREIGN KEY (structure_id, programme_id, module_number) REFERENCES immersion_module (structure_id, programme_id, number),
      FOREIGN KEY (structure_id, pool_id) REFERENCES candidate_pool (structure_id, id),
      FOREIGN KEY (structure_id, placement_id) REFERENCES placement (structure_id, id)
    );
    CREATE INDEX immersion_person_idx ON immersion (structure_id, person_id);
    CREATE INDEX immersion_dates_idx ON immersion (structure_id, starts_on);

    -- a procurement operation with a social clause: the contracting authority, the contract and the site (chantier)
    CREATE TABLE clause_operation (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      contracting_authority text NOT NULL,
      contract_ref text,
      site_label text NOT NULL,
      commune_code text,
      commune_name text,
      starts_on date,
      ends_on date,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('planned', 'running', 'closed')),
      facilitator_id uuid REFERENCES app_user(id),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT clause_operation_external_id_key UNIQUE (structure_id, external_id)
    );

    -- a lot of the operation, the company it was awarded to and the insertion hours it requires
    CREATE TABLE clause_lot (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      operation_id uuid NOT NULL,
      label text NOT NULL,
      employer_id uuid,
      required_hours integer NOT NULL CHECK (required_hours BETWEEN 0 AND 1000000),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT clause_lot_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, operation_id) REFERENCES clause_operation (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, employer_id) REFERENCES employer (structure_id, id)
    );
    CREATE INDEX clause_lot_operation_idx ON clause_lot (structure_id, operation_id);

    -- a person eligible to the clauses, on the criterion the facilitator checked (RSA and RQTH are sensitive)
    CREATE TABLE clause_participant (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      criterion text NOT NULL CHECK (criterion IN ('rsa', 'youth_below_bac', 'long_term_job_seeker', 'rqth',
        'senior', 'insertion_pathway', 'other')),
      validated_on date NOT NULL,
      validated_by uuid REFERENCES app_user(id),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT clause_participant_person_key UNIQUE (structure_id, person_id),
      CONSTRAINT clause_participant_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE
    );

    -- a contract signed by a participant with the company of a lot
    CREATE TABLE clause_contract (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      lot_id uuid NOT NULL,
      person_id uuid NOT NULL,
      contract_kind text NOT NULL CHECK (contract_kind IN ('cdi', 'cdd', 'interim', 'seasonal', 'apprenticeship',
        'professionalisation', 'subsidised_contract', 'insertion_contract', 'other_employment')),
      starts_on date NOT NULL,
      duration_months integer CHECK (duration_months BETWEEN 0 AND 120),
      placement_id uuid,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT clause_contract_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, lot_id) REFERENCES clause_lot (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, placement_id) REFERENCES placement (structure_id, id)
    );
    CREATE INDEX clause_contract_lot_idx ON clause_contract (structure_id, lot_id);

    -- an imported monthly statement of a company (the file, who, when, how many rows)
    CREATE TABLE clause_statement (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      file_name text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      imported_by uuid REFERENCES app_user(id),
      row_count integer NOT NULL CHECK (row_count >= 0),
      PRIMARY KEY (id, structure_id)
    );

    -- the hours a participant worked on a lot in a month (entered, or imported from the company's statement)
    CREATE TABLE clause_hours (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      lot_id uuid NOT NULL,
      person_id uuid NOT NULL,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      hours numeric(7, 2) NOT NULL CHECK (hours >= 0 AND hours <= 744),
      statement_id uuid,
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT clause_hours_month_key UNIQUE (structure_id, lot_id, person_id, month),
      CONSTRAINT clause_hours_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, lot_id) REFERENCES clause_lot (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, statement_id) REFERENCES clause_statement (structure_id, id)
    );
    CREATE INDEX clause_hours_month_idx ON clause_hours (structure_id, month);
    CREATE INDEX clause_hours_person_idx ON clause_hours (structure_id, person_id);
    `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    DROP TABLE clause_hours;
    DROP TABLE clause_statement;
    DROP TABLE clause_contract;
    DROP TABLE clause_participant;
    DROP TABLE clause_lot;
    DROP TABLE clause_operation;
    DROP TABLE immersion;
    DROP TABLE immersion_module;
    DROP TABLE immersion_programme;
    DROP TABLE pool_member;
    DROP TABLE pool_info_session;
    ALTER TABLE placement DROP COLUMN pool_id;
    DROP TABLE candidate_pool;
    DROP TABLE operation_application;
    DROP TABLE operation_info_session;
    ALTER TABLE placement DROP COLUMN operation_id;
    DROP TABLE recruitment_operation;
    DROP TABLE offer_candidate_event;
    DROP TABLE offer_candidate;
    DROP TABLE placement_follow_up;
    DROP TABLE placement;
    DROP TABLE job_offer_site;
    DROP TABLE job_offer;
    DROP TABLE job_project;
    DROP TABLE employer_interaction;
    DROP TABLE employer_contact;
    DROP TABLE employer;
    `,
  )
}
