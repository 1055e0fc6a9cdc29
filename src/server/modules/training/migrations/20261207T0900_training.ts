import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Training (issue 13, docs/training/): the catalogue (training bodies, their actions and sessions with the
// information session), the prescriptions a counsellor files for a person on a session and their answers (the
// department's, then the training body's: attendance at the information session, positioning, entry, exit and
// result), the partner accounts of the training bodies, and the professionalisation fund (yearly envelopes, the
// training plans of employees in subsidised contracts and their co-funders).
// Amounts are integer cents. Keys follow issue 9: person data is (id, structure_id).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE training_body (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      siret text CHECK (siret ~ '^[0-9]{14}$'),
      address text,
      commune_code text,
      contact_name text,
      contact_email text,
      contact_phone text,
      active boolean NOT NULL DEFAULT true,
      lheo_id text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT training_body_siret_key UNIQUE (structure_id, siret),
      CONSTRAINT training_body_lheo_id_key UNIQUE (structure_id, lheo_id),
      CONSTRAINT training_body_external_id_key UNIQUE (structure_id, external_id)
    );

    -- a training body's partner account: sees the body's actions, sessions and the people prescribed to them
    CREATE TABLE training_body_user (
      structure_id text NOT NULL,
      body_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(id),
      PRIMARY KEY (structure_id, body_id, user_id),
      FOREIGN KEY (structure_id, body_id) REFERENCES training_body (structure_id, id)
    );
    CREATE INDEX training_body_user_user_idx ON training_body_user (user_id);

    CREATE TABLE training_action (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL,
      code text,
      title text NOT NULL,
      funder text NOT NULL
        CHECK (funder IN ('regional_programme', 'afpa', 'state', 'france_travail', 'agefiph', 'opco', 'other')),
      nsf_code text,
      formacode text,
      situation_kind text NOT NULL DEFAULT 'qualifying_training'
        CHECK (situation_kind IN ('qualifying_training', 'pre_qualifying_training', 'orientation_training',
          'basic_skills_training')),
      level_2019 integer CHECK (level_2019 BETWEEN 1 AND 8),
      public text,
      prerequisites text,
      objective text,
      duration_hours integer CHECK (duration_hours BETWEEN 0 AND 10000),
      places integer CHECK (places BETWEEN 0 AND 10000),
      active boolean NOT NULL DEFAULT true,
      lheo_id text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT training_action_lheo_id_key UNIQUE (structure_id, lheo_id),
      CONSTRAINT training_action_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, body_id) REFERENCES training_body (structure_id, id)
    );
    CREATE INDEX training_action_body_idx ON training_action (structure_id, body_id);

    -- a session of an action: dates, place, places, the information session (RIC) the prescribed are convened to
    CREATE TABLE training_session (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      action_id uuid NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      place text,
      commune_code text,
      places integer NOT NULL CHECK (places BETWEEN 0 AND 10000),
      info_session_at timestamptz,
      info_session_place text,
      applications_close_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
      lheo_id text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT training_session_lheo_id_key UNIQUE (structure_id, lheo_id),
      CONSTRAINT training_session_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT training_session_dates_check CHECK (ends_on IS NULL OR ends_on >= starts_on),
      FOREIGN KEY (structure_id, action_id) REFERENCES training_action (structure_id, id)
    );
    CREATE INDEX training_session_action_idx ON training_session (structure_id, action_id);
    CREATE INDEX training_session_starts_idx ON training_session (structure_id, starts_on);

    -- a counsellor's request of a place for a person on a session, and every answer to it (docs/training/,
    -- « The prescription »): submitted → (more_info → submitted) → validated | refused, validated → accepted |
    -- waiting_list | not_accepted (the body, after the information session), waiting_list → accepted | not_accepted,
    -- accepted → entered (the person's training situation) → exited, cancelled before the entry
    CREATE TABLE training_prescription (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      session_id uuid NOT NULL,
      prescriber_id uuid REFERENCES app_user(id),
      site_id uuid REFERENCES site(id),
      argument text NOT NULL,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'more_info', 'validated', 'refused',
        'accepted', 'waiting_list', 'not_accepted', 'entered', 'exited', 'cancelled')),
      filed_at timestamptz NOT NULL DEFAULT now(),
      answer_due_on date,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      department_note text,
      convened_at timestamptz,
      info_attendance text CHECK (info_attendance IN ('present', 'absent', 'excused')),
      test_result text,
      outcome_reason text,
      answered_at timestamptz,
      entry_date date,
      situation_id uuid,
      hours_attended integer CHECK (hours_attended BETWEEN 0 AND 10000),
      exit_date date,
      exit_kind text CHECK (exit_kind IN ('completed', 'dropped_out', 'excluded', 'other')),
      qualification_obtained boolean,
      result_note text,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT training_prescription_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT training_prescription_exit_check CHECK (exit_date IS NULL OR (entry_date IS NOT NULL AND exit_date >= entry_date)),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, session_id) REFERENCES training_session (structure_id, id),
      FOREIGN KEY (structure_id, situation_id) REFERENCES situation (structure_id, id)
    );
    CREATE INDEX training_prescription_person_idx ON training_prescription (structure_id, person_id);
    CREATE INDEX training_prescription_session_idx ON training_prescription (structure_id, session_id);
    CREATE INDEX training_prescription_open_idx ON training_prescription (structure_id, status)
      WHERE status IN ('submitted', 'more_info', 'validated', 'waiting_list');
    CREATE INDEX training_prescription_entry_idx ON training_prescription (structure_id, entry_date);

    -- what happened to a prescription, who did it and when: the counsellor's history of answers
    CREATE TABLE training_prescription_event (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      prescription_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      from_status text,
      to_status text NOT NULL,
      note text,
      PRIMARY KEY (id, structure_id),
      FOREIGN KEY (structure_id, prescription_id) REFERENCES training_prescription (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX training_prescription_event_idx ON training_prescription_event (structure_id, prescription_id, at);

    -- the professionalisation fund: what a funder gives it for a year (committed is computed from the plans)
    CREATE TABLE prof_fund_envelope (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      funder text NOT NULL,
      allocated_cents bigint NOT NULL CHECK (allocated_cents >= 0),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT prof_fund_envelope_year_key UNIQUE (structure_id, year, funder),
      CONSTRAINT prof_fund_envelope_external_id_key UNIQUE (structure_id, external_id)
    );

    -- a training plan for an employee in a subsidised contract: the employer, the training, hours and cost, what the
    -- fund pays and what co-funders pay, validated (or refused) by the fund's committee on a date
    CREATE TABLE prof_plan (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      employer_name text NOT NULL,
      employer_siret text CHECK (employer_siret ~ '^[0-9]{14}$'),
      contract_kind text NOT NULL CHECK (contract_kind IN ('cae', 'ca', 'cui_cae', 'cui_cie', 'pec', 'aci', 'other')),
      contract_start date,
      contract_end date,
      training_title text NOT NULL,
      body_id uuid,
      body_name text,
      hours integer NOT NULL CHECK (hours BETWEEN 1 AND 10000),
      total_cost_cents bigint NOT NULL CHECK (total_cost_cents >= 0),
      fund_cents bigint NOT NULL CHECK (fund_cents >= 0),
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'validated', 'refused', 'cancelled')),
      committee_date date,
      decision_note text,
      decided_by uuid REFERENCES app_user(id),
      reimbursed_cents bigint CHECK (reimbursed_cents >= 0),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT prof_plan_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT prof_plan_fund_check CHECK (fund_cents <= total_cost_cents),
      CONSTRAINT prof_plan_decision_check CHECK (status IN ('submitted', 'cancelled') OR committee_date IS NOT NULL),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, body_id) REFERENCES training_body (structure_id, id)
    );
    CREATE INDEX prof_plan_person_idx ON prof_plan (structure_id, person_id);
    CREATE INDEX prof_plan_committee_idx ON prof_plan (structure_id, committee_date);

    -- a co-funder's share of a plan (an OPCO, a CCAS, the AFPA, the employer's own funds, the employee…)
    CREATE TABLE prof_plan_cofunding (
      structure_id text NOT NULL,
      plan_id uuid NOT NULL,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 99),
      cofunder text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('opco', 'ccas', 'afpa', 'employer', 'region', 'agefiph', 'employee', 'other')),
      amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
      PRIMARY KEY (structure_id, plan_id, position),
      FOREIGN KEY (structure_id, plan_id) REFERENCES prof_plan (structure_id, id) ON DELETE CASCADE
    );
    `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    DROP TABLE prof_plan_cofunding;
    DROP TABLE prof_plan;
    DROP TABLE prof_fund_envelope;
    DROP TABLE training_prescription_event;
    DROP TABLE training_prescription;
    DROP TABLE training_session;
    DROP TABLE training_action;
    DROP TABLE training_body_user;
    DROP TABLE training_body;
    `,
  )
}
