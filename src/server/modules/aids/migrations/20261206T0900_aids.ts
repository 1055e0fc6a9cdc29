import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Financial aids (issue 12, docs/aids.md): the funds the admin configures (FIPJ, FDAJ, CIVIS/CEJ allowance, CLAP,
// holidays…) and their yearly envelopes per funder; a person's requests, each on a track (emergency within 48 hours,
// ordinary, reinforced), its decision (by an officer or a commission) and its payments; the commissions; the reinforced
// aid's contract; the monthly payment runs of the allowance; the youth projects (CLAP, holiday projects) and their
// holders; the indirect aids (actions a fund pays for, without a person).
// Amounts are integer cents. A payment is never changed: it is cancelled by a counter-entry (negative, with a reason).
// Keys follow issue 9: person data is (id, structure_id) and points to the person by (structure_id, person_id).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE aid_fund (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('individual', 'allowance', 'project', 'holiday')),
      funder text NOT NULL,
      decided_by text NOT NULL DEFAULT 'officer' CHECK (decided_by IN ('officer', 'commission')),
      programme_types jsonb NOT NULL DEFAULT '[]'::jsonb,
      min_age integer CHECK (min_age BETWEEN 0 AND 120),
      max_age integer CHECK (max_age BETWEEN 0 AND 120),
      communes jsonb NOT NULL DEFAULT '[]'::jsonb,
      purposes jsonb NOT NULL DEFAULT '[]'::jsonb,
      tracks jsonb NOT NULL DEFAULT '["ordinary"]'::jsonb,
      payment_modes jsonb NOT NULL DEFAULT '["transfer"]'::jsonb,
      documents jsonb NOT NULL DEFAULT '[]'::jsonb,
      ceiling_request_cents bigint CHECK (ceiling_request_cents > 0),
      ceiling_person_year_cents bigint CHECK (ceiling_person_year_cents > 0),
      ceiling_month_cents bigint CHECK (ceiling_month_cents > 0),
      fixed_amount_cents bigint CHECK (fixed_amount_cents > 0),
      opens_on date,
      closes_on date,
      active boolean NOT NULL DEFAULT true,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_fund_code_key UNIQUE (structure_id, code),
      CONSTRAINT aid_fund_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT aid_fund_period_check CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on),
      CONSTRAINT aid_fund_ages_check CHECK (max_age IS NULL OR min_age IS NULL OR max_age >= min_age)
    );

    -- what a funder gives a fund for a year (committed and paid are computed from the decisions and payments)
    CREATE TABLE aid_envelope (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      fund_id uuid NOT NULL,
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      funder text NOT NULL,
      allocated_cents bigint NOT NULL CHECK (allocated_cents >= 0),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_envelope_funder_key UNIQUE (structure_id, fund_id, year, funder),
      CONSTRAINT aid_envelope_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id)
    );

    CREATE TABLE aid_commission (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      fund_id uuid NOT NULL,
      date date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
      note text,
      external_id text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_commission_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id)
    );
    CREATE INDEX aid_commission_date_idx ON aid_commission (structure_id, date);

    -- who sat: a user of the structure, or someone from outside named as written (the département's officer)
    CREATE TABLE aid_commission_member (
      structure_id text NOT NULL,
      commission_id uuid NOT NULL,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 999),
      user_id uuid REFERENCES app_user(id),
      name text NOT NULL,
      organisation text,
      present boolean NOT NULL DEFAULT true,
      PRIMARY KEY (structure_id, commission_id, position),
      FOREIGN KEY (structure_id, commission_id) REFERENCES aid_commission (structure_id, id) ON DELETE CASCADE
    );

    -- a youth project (CLAP) or a holiday project: presented to a committee, funded or not, followed up
    CREATE TABLE aid_project (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      fund_id uuid NOT NULL,
      title text NOT NULL,
      form text NOT NULL CHECK (form IN ('individual', 'collective')),
      nature text NOT NULL CHECK (nature IN ('economic', 'social', 'cultural', 'sport', 'holiday', 'other')),
      sector text,
      site_id uuid REFERENCES site(id),
      followed_by uuid REFERENCES app_user(id),
      budget_cents bigint CHECK (budget_cents >= 0),
      asked_cents bigint CHECK (asked_cents >= 0),
      commission_id uuid,
      presented_on date,
      decision text CHECK (decision IN ('funded', 'refused', 'deferred')),
      decided_on date,
      granted_cents bigint CHECK (granted_cents >= 0),
      jobs_created integer CHECK (jobs_created BETWEEN 0 AND 10000),
      follow_up text,
      status text NOT NULL DEFAULT 'accompanied'
        CHECK (status IN ('accompanied', 'presented', 'funded', 'refused', 'abandoned', 'completed')),
      external_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_project_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT aid_project_granted_check CHECK (decision = 'funded' OR granted_cents IS NULL),
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id),
      FOREIGN KEY (structure_id, commission_id) REFERENCES aid_commission (structure_id, id)
    );

    CREATE TABLE aid_project_holder (
      structure_id text NOT NULL,
      project_id uuid NOT NULL,
      person_id uuid NOT NULL,
      PRIMARY KEY (project_id, structure_id, person_id),
      FOREIGN KEY (structure_id, project_id) REFERENCES aid_project (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE
    );
    CREATE INDEX aid_project_holder_person_idx ON aid_project_holder (structure_id, person_id);

    CREATE TABLE aid_request (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      fund_id uuid NOT NULL,
      track text NOT NULL DEFAULT 'ordinary' CHECK (track IN ('emergency', 'ordinary', 'reinforced')),
      purpose text NOT NULL,
      month date,
      project_id uuid,
      site_id uuid NOT NULL REFERENCES site(id),
      amount_asked_cents bigint NOT NULL CHECK (amount_asked_cents > 0),
      argument text,
      documents jsonb NOT NULL DEFAULT '[]'::jsonb,
      asked_on date NOT NULL,
      asked_at timestamptz NOT NULL DEFAULT now(),
      asked_by uuid REFERENCES app_user(id),
      due_at timestamptz,
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'complete', 'granted', 'partly_granted', 'refused', 'redirected', 'cancelled')),
      commission_id uuid,
      decided_on date,
      decided_at timestamptz,
      decided_by uuid REFERENCES app_user(id),
      amount_granted_cents bigint CHECK (amount_granted_cents >= 0),
      refusal_criterion text,
      redirected_fund_id uuid,
      decision_reason text,
      proof_received_on date,
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_request_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT aid_request_granted_check
        CHECK ((status IN ('granted', 'partly_granted')) = (amount_granted_cents IS NOT NULL)),
      CONSTRAINT aid_request_refusal_check CHECK (status = 'refused' OR refusal_criterion IS NULL),
      CONSTRAINT aid_request_redirect_check CHECK ((status = 'redirected') = (redirected_fund_id IS NOT NULL)),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id) ON DELETE CASCADE,
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id),
      FOREIGN KEY (structure_id, redirected_fund_id) REFERENCES aid_fund (structure_id, id),
      FOREIGN KEY (structure_id, project_id) REFERENCES aid_project (structure_id, id),
      FOREIGN KEY (structure_id, commission_id) REFERENCES aid_commission (structure_id, id)
    );
    CREATE INDEX aid_request_person_idx ON aid_request (structure_id, person_id);
    CREATE INDEX aid_request_fund_idx ON aid_request (structure_id, fund_id, asked_on);
    CREATE INDEX aid_request_open_idx ON aid_request (structure_id, site_id) WHERE status IN ('submitted', 'complete');

    -- the reinforced aid’s contract, signed by the young person and the referent (its instalments are aid_payment rows)
    CREATE TABLE aid_contract (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      starts_on date NOT NULL,
      months integer NOT NULL CHECK (months BETWEEN 1 AND 24),
      monthly_cents bigint NOT NULL CHECK (monthly_cents > 0),
      commitments text NOT NULL,
      signed_on date,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_contract_request_key UNIQUE (structure_id, request_id),
      FOREIGN KEY (structure_id, request_id) REFERENCES aid_request (structure_id, id) ON DELETE CASCADE
    );

    -- one run per fund and month, a second one for the same month is refused by this key
    CREATE TABLE aid_payment_run (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      fund_id uuid NOT NULL,
      month date NOT NULL,
      payments integer NOT NULL CHECK (payments >= 0),
      total_cents bigint NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_payment_run_month_key UNIQUE (structure_id, fund_id, month),
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id)
    );

    -- a payment: paid (paid_on) or scheduled (due_on, not yet paid), cancelled only by a counter-entry
    CREATE TABLE aid_payment (
      structure_id text NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
      mode text NOT NULL
        CHECK (mode IN ('transfer', 'cheque', 'third_party', 'meal_vouchers', 'transport_vouchers', 'cash')),
      payee text,
      due_on date,
      paid_on date,
      run_id uuid,
      cancels_id uuid,
      reason text,
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      external_id text,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_payment_external_id_key UNIQUE (structure_id, external_id),
      CONSTRAINT aid_payment_cancels_key UNIQUE (structure_id, cancels_id),
      CONSTRAINT aid_payment_sign_check CHECK ((cancels_id IS NULL) = (amount_cents > 0)),
      CONSTRAINT aid_payment_reason_check CHECK (cancels_id IS NULL OR reason IS NOT NULL),
      CONSTRAINT aid_payment_date_check CHECK (paid_on IS NOT NULL OR due_on IS NOT NULL),
      FOREIGN KEY (structure_id, request_id) REFERENCES aid_request (structure_id, id),
      FOREIGN KEY (structure_id, run_id) REFERENCES aid_payment_run (structure_id, id),
      FOREIGN KEY (structure_id, cancels_id) REFERENCES aid_payment (structure_id, id)
    );
    CREATE INDEX aid_payment_request_idx ON aid_payment (structure_id, request_id);
    CREATE INDEX aid_payment_due_idx ON aid_payment (structure_id, due_on) WHERE paid_on IS NULL;

    -- an indirect aid: an action a fund pays for (a training for identified jobs), with no person's request
    CREATE TABLE aid_indirect (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      fund_id uuid NOT NULL,
      spent_on date NOT NULL,
      label text NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      participants integer CHECK (participants >= 0),
      external_id text,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT aid_indirect_external_id_key UNIQUE (structure_id, external_id),
      FOREIGN KEY (structure_id, fund_id) REFERENCES aid_fund (structure_id, id)
    );
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE aid_indirect, aid_payment, aid_payment_run, aid_contract, aid_request, aid_project_holder, aid_project,
       aid_commission_member, aid_commission, aid_envelope, aid_fund;`,
  )
}
