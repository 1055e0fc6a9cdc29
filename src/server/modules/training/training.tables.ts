import type { Generated } from 'kysely'

// The training module's tables (migration 20261207T0900_training; docs/training/). Amounts are integer cents
// (bigint, read as a number: db/database.ts); dates are 'yyyy-mm-dd' strings.

export type TrainingFunder = 'regional_programme' | 'afpa' | 'state' | 'france_travail' | 'agefiph' | 'opco' | 'other'
export type TrainingSituationKind =
  | 'qualifying_training'
  | 'pre_qualifying_training'
  | 'orientation_training'
  | 'basic_skills_training'
export type TrainingSessionStatus = 'open' | 'closed' | 'cancelled'
export type PrescriptionStatus =
  | 'submitted'
  | 'more_info'
  | 'validated'
  | 'refused'
  | 'accepted'
  | 'waiting_list'
  | 'not_accepted'
  | 'entered'
  | 'exited'
  | 'cancelled'
export type InfoAttendance = 'present' | 'absent' | 'excused'
export type TrainingExitKind = 'completed' | 'dropped_out' | 'excluded' | 'other'
export type ProfContractKind = 'cae' | 'ca' | 'cui_cae' | 'cui_cie' | 'pec' | 'aci' | 'other'
export type ProfPlanStatus = 'submitted' | 'validated' | 'refused' | 'cancelled'
export type ProfCofunderKind = 'opco' | 'ccas' | 'afpa' | 'employer' | 'region' | 'agefiph' | 'employee' | 'other'

/** a training body (organisme de formation) */
export interface TrainingBodyTable {
  structure_id: string
  id: Generated<string>
  name: string
  /** 14 digits */
  siret: string | null
  address: string | null
  commune_code: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  active: Generated<boolean>
  /** the body's id in a funder's LHEO catalogue (re-imports update it) */
  lheo_id: string | null
  external_id: string | null
  version: Generated<number>
}

/** a partner account bound to a training body */
export interface TrainingBodyUserTable {
  structure_id: string
  body_id: string
  user_id: string
}

/** a training action of the catalogue */
export interface TrainingActionTable {
  structure_id: string
  id: Generated<string>
  body_id: string
  /** the funder's or the department's number for the action */
  code: string | null
  title: string
  funder: TrainingFunder
  /** NSF speciality (3 digits, optionally a letter: 311m) */
  nsf_code: string | null
  /** Formacode (5 digits) */
  formacode: string | null
  /** the person's situation an entry creates */
  situation_kind: Generated<TrainingSituationKind>
  /** level reached, 2019 nomenclature (3 = CAP, 4 = bac…) */
  level_2019: number | null
  public: string | null
  prerequisites: string | null
  objective: string | null
  duration_hours: number | null
  /** places per session, by default */
  places: number | null
  active: Generated<boolean>
  lheo_id: string | null
  external_id: string | null
  version: Generated<number>
}

/** a session of an action, with its information session */
export interface TrainingSessionTable {
  structure_id: string
  id: Generated<string>
  action_id: string
  starts_on: string
  ends_on: string | null
  place: string | null
  commune_code: string | null
  places: number
  info_session_at: Date | null
  info_session_place: string | null
  applications_close_on: string | null
  status: Generated<TrainingSessionStatus>
  lheo_id: string | null
  external_id: string | null
  version: Generated<number>
}

/** a prescription: a counsellor's request of a place for a person on a session, and its answers */
export interface TrainingPrescriptionTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  session_id: string
  prescriber_id: string | null
  site_id: string | null
  argument: string
  status: Generated<PrescriptionStatus>
  filed_at: Generated<Date>
  /** the day the department answers by (the counsellor sees it when filing) */
  answer_due_on: string | null
  decided_by: string | null
  decided_at: Date | null
  /** what the department asks for, or why it refuses */
  department_note: string | null
  convened_at: Date | null
  info_attendance: InfoAttendance | null
  test_result: string | null
  /** why not accepted, or the waiting list's rank and note */
  outcome_reason: string | null
  answered_at: Date | null
  entry_date: string | null
  /** the person's training situation the entry created */
  situation_id: string | null
  hours_attended: number | null
  exit_date: string | null
  exit_kind: TrainingExitKind | null
  qualification_obtained: boolean | null
  result_note: string | null
  external_id: string | null
  version: Generated<number>
}

/** a prescription's history: each change of status, who and when */
export interface TrainingPrescriptionEventTable {
  structure_id: string
  id: Generated<string>
  prescription_id: string
  at: Generated<Date>
  actor_id: string | null
  from_status: PrescriptionStatus | null
  to_status: PrescriptionStatus
  note: string | null
}

/** the professionalisation fund's envelope for a year */
export interface ProfFundEnvelopeTable {
  structure_id: string
  id: Generated<string>
  year: number
  funder: string
  allocated_cents: number
  external_id: string | null
  version: Generated<number>
}

/** a training plan of an employee in a subsidised contract */
export interface ProfPlanTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  employer_name: string
  employer_siret: string | null
  contract_kind: ProfContractKind
  contract_start: string | null
  contract_end: string | null
  training_title: string
  body_id: string | null
  /** the body as written when it is not in the catalogue */
  body_name: string | null
  hours: number
  total_cost_cents: number
  /** what the fund pays */
  fund_cents: number
  status: Generated<ProfPlanStatus>
  /** the fund committee's date (validated or refused) */
  committee_date: string | null
  decision_note: string | null
  decided_by: string | null
  /** reimbursed to the employer so far */
  reimbursed_cents: number | null
  created_by: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

/** a co-funder's share of a plan */
export interface ProfPlanCofundingTable {
  structure_id: string
  plan_id: string
  position: number
  cofunder: string
  kind: ProfCofunderKind
  amount_cents: number
}

declare module '../../db/schema.ts' {
  interface Database {
    training_body: TrainingBodyTable
    training_body_user: TrainingBodyUserTable
    training_action: TrainingActionTable
    training_session: TrainingSessionTable
    training_prescription: TrainingPrescriptionTable
    training_prescription_event: TrainingPrescriptionEventTable
    prof_fund_envelope: ProfFundEnvelopeTable
    prof_plan: ProfPlanTable
    prof_plan_cofunding: ProfPlanCofundingTable
  }
}
