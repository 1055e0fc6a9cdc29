import type { Generated } from 'kysely'

// The employment module's tables (migration 20261208T0900_employment; docs/employment/). Dates are 'yyyy-mm-dd'
// strings; numeric columns (hours) are read as numbers (db/database.ts).

export type ContractKind =
  | 'cdi'
  | 'cdd'
  | 'interim'
  | 'seasonal'
  | 'apprenticeship'
  | 'professionalisation'
  | 'subsidised_contract'
  | 'insertion_contract'
  | 'other_employment'
export type InteractionKind = 'visit' | 'call' | 'mail' | 'meeting' | 'event'
export type OfferStatus = 'draft' | 'open' | 'filled' | 'closed' | 'cancelled'
export type CandidateStatus = 'proposed' | 'sent' | 'interview' | 'hired' | 'refused' | 'withdrawn'
export type RefusalReason =
  | 'profile'
  | 'experience'
  | 'qualification'
  | 'mobility'
  | 'availability'
  | 'absent_interview'
  | 'candidate_declined'
  | 'position_filled'
  | 'other'
export type FollowUpOutcome = 'in_post' | 'ended_early' | 'changed_job' | 'unreachable'
export type OperationStatus = 'planned' | 'running' | 'closed' | 'cancelled'
export type ApplicationSource = 'network' | 'france_travail' | 'temp_agency' | 'spontaneous' | 'other'
export type ApplicationOutcome = 'hired' | 'not_retained' | 'withdrawn'
export type PoolKind = 'apprenticeship' | 'sector' | 'clause' | 'other'
export type ImmersionObjective = 'discover' | 'confirm_project' | 'recruitment'
export type ImmersionStatus = 'draft' | 'signed' | 'done' | 'cancelled'
export type ImmersionOutcome = 'contract' | 'training' | 'no_follow_up' | 'other'
export type ClauseOperationStatus = 'planned' | 'running' | 'closed'
export type ClauseCriterion =
  | 'rsa'
  | 'youth_below_bac'
  | 'long_term_job_seeker'
  | 'rqth'
  | 'senior'
  | 'insertion_pathway'
  | 'other'

export interface EmployerTable {
  structure_id: string
  id: Generated<string>
  name: string
  /** enseigne (migration 20261209T1000) */
  trade_name: string | null
  siret: string | null
  naf_code: string | null
  legal_form: string | null
  workforce_band: string | null
  address: string | null
  postcode: string | null
  commune_code: string | null
  commune_name: string | null
  phone: string | null
  email: string | null
  note: string | null
  officer_id: string | null
  active: Generated<boolean>
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface EmployerContactTable {
  structure_id: string
  id: Generated<string>
  employer_id: string
  name: string
  job_title: string | null
  phone: string | null
  email: string | null
  is_primary: Generated<boolean>
  active: Generated<boolean>
  external_id: string | null
  version: Generated<number>
}

export interface EmployerInteractionTable {
  structure_id: string
  id: Generated<string>
  employer_id: string
  date: string
  kind: InteractionKind
  officer_id: string | null
  contact_id: string | null
  subject: string
  note: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface JobProjectTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  rome_code: string
  label: string | null
  max_distance_km: number | null
  available_from: string | null
  active: Generated<boolean>
  created_by: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface JobOfferTable {
  structure_id: string
  id: Generated<string>
  employer_id: string
  title: string
  rome_code: string | null
  contract_kind: ContractKind
  duration_months: number | null
  hours_per_week: number | null
  positions: Generated<number>
  place: string | null
  postcode: string | null
  commune_code: string | null
  commune_name: string | null
  level_2019: number | null
  driving_licence_required: Generated<boolean>
  experience_months: number | null
  requirements: string | null
  description: string | null
  starts_on: string | null
  closes_on: string | null
  status: Generated<OfferStatus>
  officer_id: string | null
  contact_id: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface JobOfferSiteTable {
  structure_id: string
  offer_id: string
  site_id: string
}

export interface PlacementTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  employer_id: string
  offer_id: string | null
  operation_id: string | null
  pool_id: string | null
  contract_kind: ContractKind
  job_title: string | null
  rome_code: string | null
  start_date: string
  duration_months: number | null
  hours_per_week: number | null
  situation_id: string | null
  officer_id: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface PlacementFollowUpTable {
  structure_id: string
  id: Generated<string>
  placement_id: string
  milestone_months: number
  due_on: string
  done_on: string | null
  outcome: FollowUpOutcome | null
  note: string | null
  done_by: string | null
  version: Generated<number>
}

export interface OfferCandidateTable {
  structure_id: string
  id: Generated<string>
  offer_id: string
  person_id: string
  status: Generated<CandidateStatus>
  refusal_reason: RefusalReason | null
  note: string | null
  positioned_by: string | null
  positioned_at: Generated<Date>
  interview_on: string | null
  placement_id: string | null
  external_id: string | null
  version: Generated<number>
}

export interface OfferCandidateEventTable {
  structure_id: string
  id: Generated<string>
  candidate_id: string
  at: Generated<Date>
  actor_id: string | null
  from_status: string | null
  to_status: string
  note: string | null
}

export interface RecruitmentOperationTable {
  structure_id: string
  id: Generated<string>
  employer_id: string
  title: string
  sector: string | null
  positions: number
  profile: string | null
  method: string | null
  partners: string | null
  starts_on: string
  ends_on: string | null
  status: Generated<OperationStatus>
  officer_id: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface OperationInfoSessionTable {
  structure_id: string
  id: Generated<string>
  operation_id: string
  at: Date
  place: string | null
  capacity: number | null
  external_id: string | null
  version: Generated<number>
}

export interface OperationApplicationTable {
  structure_id: string
  id: Generated<string>
  operation_id: string
  person_id: string | null
  last_name: string | null
  first_name: string | null
  commune_code: string | null
  commune_name: string | null
  source: ApplicationSource
  received_on: string
  info_session_id: string | null
  attended: boolean | null
  test_result: 'passed' | 'failed' | null
  interviewed_on: string | null
  outcome: ApplicationOutcome | null
  placement_id: string | null
  sent_by: string | null
  external_id: string | null
  version: Generated<number>
}

export interface CandidatePoolTable {
  structure_id: string
  id: Generated<string>
  name: string
  kind: PoolKind
  sector: string | null
  eligibility: string | null
  starts_on: string
  ends_on: string | null
  officer_id: string | null
  active: Generated<boolean>
  external_id: string | null
  version: Generated<number>
}

export interface PoolInfoSessionTable {
  structure_id: string
  id: Generated<string>
  pool_id: string
  at: Date
  place: string | null
  external_id: string | null
  version: Generated<number>
}

export interface PoolMemberTable {
  structure_id: string
  id: Generated<string>
  pool_id: string
  person_id: string
  positioned_on: string
  positioned_by: string | null
  info_session_id: string | null
  interviewed_on: string | null
  joined_on: string | null
  left_on: string | null
  left_reason: string | null
  external_id: string | null
  version: Generated<number>
}

export interface ImmersionProgrammeTable {
  structure_id: string
  id: Generated<string>
  name: string
  active: Generated<boolean>
  external_id: string | null
  version: Generated<number>
}

export interface ImmersionModuleTable {
  structure_id: string
  programme_id: string
  number: number
  label: string
  objective: ImmersionObjective
}

export interface ImmersionTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  employer_id: string
  programme_id: string | null
  module_number: number | null
  pool_id: string | null
  objective: ImmersionObjective
  job_title: string
  rome_code: string | null
  activities: string | null
  skills_observed: string | null
  place: string | null
  tutor_name: string
  tutor_job_title: string | null
  tutor_phone: string | null
  tutor_email: string | null
  starts_on: string
  ends_on: string
  hours_per_week: number | null
  schedule: string | null
  prescriber_id: string | null
  status: Generated<ImmersionStatus>
  signed_on: string | null
  validated: boolean | null
  assessment: string | null
  outcome: ImmersionOutcome | null
  placement_id: string | null
  created_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

export interface ClauseOperationTable {
  structure_id: string
  id: Generated<string>
  name: string
  contracting_authority: string
  contract_ref: string | null
  site_label: string
  commune_code: string | null
  commune_name: string | null
  starts_on: string | null
  ends_on: string | null
  status: Generated<ClauseOperationStatus>
  facilitator_id: string | null
  external_id: string | null
  version: Generated<number>
}

export interface ClauseLotTable {
  structure_id: string
  id: Generated<string>
  operation_id: string
  label: string
  employer_id: string | null
  required_hours: number
  external_id: string | null
  version: Generated<number>
}

export interface ClauseParticipantTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  criterion: ClauseCriterion
  validated_on: string
  validated_by: string | null
  external_id: string | null
  version: Generated<number>
}

export interface ClauseContractTable {
  structure_id: string
  id: Generated<string>
  lot_id: string
  person_id: string
  contract_kind: ContractKind
  starts_on: string
  duration_months: number | null
  placement_id: string | null
  external_id: string | null
  version: Generated<number>
}

export interface ClauseStatementTable {
  structure_id: string
  id: Generated<string>
  file_name: string
  imported_at: Generated<Date>
  imported_by: string | null
  row_count: number
  operation_id: string | null
  employer_id: string | null
  /** the month, yyyy-mm (empty on an old statement of several months) */
  period: string | null
  /** the n-th import of that operation, company and month */
  revision: Generated<number>
}

export interface ClauseHoursTable {
  structure_id: string
  id: Generated<string>
  lot_id: string
  person_id: string
  month: string
  hours: number
  statement_id: string | null
  recorded_by: string | null
  recorded_at: Generated<Date>
  external_id: string | null
  version: Generated<number>
}

declare module '../../db/schema.ts' {
  interface Database {
    employer: EmployerTable
    employer_contact: EmployerContactTable
    employer_interaction: EmployerInteractionTable
    job_project: JobProjectTable
    job_offer: JobOfferTable
    job_offer_site: JobOfferSiteTable
    placement: PlacementTable
    placement_follow_up: PlacementFollowUpTable
    offer_candidate: OfferCandidateTable
    offer_candidate_event: OfferCandidateEventTable
    recruitment_operation: RecruitmentOperationTable
    operation_info_session: OperationInfoSessionTable
    operation_application: OperationApplicationTable
    candidate_pool: CandidatePoolTable
    pool_info_session: PoolInfoSessionTable
    pool_member: PoolMemberTable
    immersion_programme: ImmersionProgrammeTable
    immersion_module: ImmersionModuleTable
    immersion: ImmersionTable
    clause_operation: ClauseOperationTable
    clause_lot: ClauseLotTable
    clause_participant: ClauseParticipantTable
    clause_contract: ClauseContractTable
    clause_statement: ClauseStatementTable
    clause_hours: ClauseHoursTable
  }
}
