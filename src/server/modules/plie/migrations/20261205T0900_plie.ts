import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The PLIE (issue 11, docs/plie.md): a pathway is the person's enrolment in the structure's PLIE programme (one file
// across every programme), with what only the PLIE keeps beside it:
// - its configuration: the member communes and the host organisations (work-integration structures ACI, EI, AI, ETTI,
//   employer-relations partners, training bodies, employers), with the partner accounts that see their own people;
// - the way in: a proposal (with the eligibility found on its day), a site's committee, a case per proposal or review
//   with its decision and minute; an accepted entry case opens the pathway (enrolment + plie_pathway);
// - the pathway: its referents over time, its steps (each a situation of the person file — a job, a training — with
//   the host organisation and the step's referent there), its exit (the enrolment's exit date and reason) with the
//   situation that proves a positive exit and the employer-relations partner credited;
// - the funding per year and funder, and the ESF+ answers per participant at entry, exit and six months after exit.
// Keys follow issue 9: person data (id, structure_id) and pointing to the person by (structure_id, person_id);
// configuration tables are small reference tables.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE plie_commune (
      structure_id text NOT NULL REFERENCES structure(id),
      commune_code text NOT NULL,
      commune_name text NOT NULL,
      PRIMARY KEY (structure_id, commune_code)
    );

    CREATE TABLE plie_organisation (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('aci', 'ei', 'ai', 'etti', 'employer_relations', 'training_body', 'employer', 'other')),
      name text NOT NULL,
      agreement text,
      places integer CHECK (places BETWEEN 0 AND 100000),
      active boolean NOT NULL DEFAULT true,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT plie_organisation_name_key UNIQUE (structure_id, name),
      CONSTRAINT plie_organisation_external_id_key UNIQUE (structure_id, external_id)
    );

    CREATE TABLE plie_organisation_user (
      structure_id text NOT NULL,
      organisation_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(id),
      PRIMARY KEY (structure_id, organisation_id, user_id),
      FOREIGN KEY (structure_id, organisation_id) REFERENCES plie_organisation (structure_id, id)
    );
    CREATE INDEX plie_organisation_user_user_idx ON plie_organisation_user (user_id);

    CREATE TABLE plie_proposal (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      proposed_on date NOT NULL,
      proposed_by uuid REFERENCES app_user(id),
      site_id uuid NOT NULL REFERENCES site(id),
      motivation text,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'refused', 'deferred', 'withdrawn')),
      eligibility jsonb NOT NULL,
      external_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT plie_proposal_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX plie_proposal_person_idx ON plie_proposal (structure_id, person_id);
    CREATE INDEX plie_proposal_pending_idx ON plie_proposal (structure_id, site_id) WHERE status IN ('pending', 'deferred');

    CREATE TABLE plie_committee (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      site_id uuid NOT NULL REFERENCES site(id),
      date date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
      note text,
      external_id text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT plie_committee_external_id_key UNIQUE (structure_id, external_id)
    );
    CREATE INDEX plie_committee_date_idx ON plie_committee (structure_id, date);

    -- who sat: a user of the structure, or someone from outside named as written (a partner's representative)
    CREATE TABLE plie_committee_member (
      structure_id text NOT NULL,
      committee_id uuid NOT NULL,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 999),
      user_id uuid REFERENCES app_user(id),
      name text NOT NULL,
      organisation text,
      present boolean NOT NULL DEFAULT true,
      PRIMARY KEY (structure_id, committee_id, position),
      FOREIGN KEY (structure_id, committee_id) REFERENCES plie_committee (structure_id, id) ON DELETE CASCADE
    );

    CREATE TABLE plie_committee_case (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 999),
      person_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('entry', 'review')),
      proposal_id uuid,
      enrolment_id uuid,
      decision text CHECK (decision IN ('accepted', 'refused', 'deferred')),
      refusal_reason text,
      minute text,
      referent_id uuid REFERENCES app_user(id),
      decided_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT plie_committee_case_position_key UNIQUE (structure_id, committee_id, position),
      CONSTRAINT plie_committee_case_target_check CHECK (
        (kind = 'entry' AND proposal_id IS NOT NULL) OR (kind = 'review' AND enrolment_id IS NOT NULL)),
      CONSTRAINT plie_committee_case_refusal_check CHECK (decision = 'refused' OR refusal_reason IS NULL),
      FOREIGN KEY (structure_id, committee_id) REFERENCES plie_committee (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, proposal_id) REFERENCES plie_proposal (structure_id, id),
      FOREIGN KEY (structure_id, enrolment_id) REFERENCES enrolment (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX plie_committee_case_person_idx ON plie_committee_case (structure_id, person_id);

    -- beside the enrolment in the PLIE programme: the way in, and the exit's proof and credit
    CREATE TABLE plie_pathway (
      structure_id text NOT NULL,
      enrolment_id uuid NOT NULL,
      person_id uuid NOT NULL,
      committee_case_id uuid,
      exit_situation_id uuid,
      partner_id uuid,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (enrolment_id, structure_id),
      FOREIGN KEY (structure_id, enrolment_id) REFERENCES enrolment (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, committee_case_id) REFERENCES plie_committee_case (structure_id, id),
      FOREIGN KEY (structure_id, exit_situation_id) REFERENCES situation (structure_id, id),
      FOREIGN KEY (structure_id, partner_id) REFERENCES plie_organisation (structure_id, id)
    );
    CREATE INDEX plie_pathway_person_idx ON plie_pathway (structure_id, person_id);

    -- the pathway's referents over time (the enrolment's referent_id is the current one)
    CREATE TABLE plie_referent (
      structure_id text NOT NULL,
      enrolment_id uuid NOT NULL,
      from_date date NOT NULL,
      referent_id uuid NOT NULL REFERENCES app_user(id),
      recorded_by uuid REFERENCES app_user(id),
      PRIMARY KEY (enrolment_id, structure_id, from_date),
      FOREIGN KEY (structure_id, enrolment_id) REFERENCES enrolment (structure_id, id) ON DELETE CASCADE
    );

    -- a step is a situation of the person file (its kind, dates, hours), done within the pathway at a host
    CREATE TABLE plie_step (
      structure_id text NOT NULL,
      situation_id uuid NOT NULL,
      enrolment_id uuid NOT NULL,
      person_id uuid NOT NULL,
      organisation_id uuid,
      step_referent text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (situation_id, structure_id),
      FOREIGN KEY (structure_id, situation_id) REFERENCES situation (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, enrolment_id) REFERENCES enrolment (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, organisation_id) REFERENCES plie_organisation (structure_id, id)
    );
    CREATE INDEX plie_step_enrolment_idx ON plie_step (structure_id, enrolment_id);
    CREATE INDEX plie_step_organisation_idx ON plie_step (structure_id, organisation_id);

    -- the PLIE's operations per year and funder, amounts in cents
    CREATE TABLE plie_funding (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      funder text NOT NULL CHECK (funder IN ('esf', 'state_urban_policy', 'state', 'departement', 'region', 'communes', 'other')),
      operation text NOT NULL,
      programmed_cents bigint NOT NULL CHECK (programmed_cents >= 0),
      realised_cents bigint CHECK (realised_cents >= 0),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT plie_funding_operation_key UNIQUE (structure_id, year, funder, operation)
    );

    -- what the ESF+ asks of each participant, at entry, at exit and six months after (docs/plie.md, "ESF+")
    CREATE TABLE esf_answer (
      structure_id text NOT NULL,
      enrolment_id uuid NOT NULL,
      moment text NOT NULL CHECK (moment IN ('entry', 'exit', 'six_months')),
      question text NOT NULL,
      answer text NOT NULL,
      answered_on date NOT NULL,
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (enrolment_id, structure_id, moment, question),
      FOREIGN KEY (structure_id, enrolment_id) REFERENCES enrolment (structure_id, id) ON DELETE CASCADE
    );
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE esf_answer, plie_funding, plie_step, plie_referent, plie_pathway, plie_committee_case,
       plie_committee_member, plie_committee, plie_proposal, plie_organisation_user, plie_organisation, plie_commune;`,
  )
}
