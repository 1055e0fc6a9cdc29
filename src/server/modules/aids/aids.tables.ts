import type { Generated } from 'kysely'

// The financial aids' tables (migration 20261206T0900_aids; docs/aids.md). Amounts are integer cents (bigint, read as
// a number: db/database.ts); dates are 'yyyy-mm-dd' strings; the lists a fund configures are jsonb arrays of codes.

export type AidFundKind = 'individual' | 'allowance' | 'project' | 'holiday'
export type AidTrack = 'emergency' | 'ordinary' | 'reinforced'
export type AidRequestStatus =
  | 'submitted'
  | 'complete'
  | 'granted'
  | 'partly_granted'
  | 'refused'
  | 'redirected'
  | 'cancelled'
export type AidPaymentMode = 'transfer' | 'cheque' | 'third_party' | 'meal_vouchers' | 'transport_vouchers' | 'cash'
export type AidProjectNature = 'economic' | 'social' | 'cultural' | 'sport' | 'holiday' | 'other'
export type AidProjectStatus = 'accompanied' | 'presented' | 'funded' | 'refused' | 'abandoned' | 'completed'

/** a fund: who may ask, for what, up to how much, decided by whom, paid how (the admin's configuration) */
export interface AidFundTable {
  structure_id: string
  id: Generated<string>
  /** short code the officers use: FIPJ, FDAJ, CIVIS… */
  code: string
  name: string
  /** individual aids; the CIVIS/CEJ allowance (monthly, paid in runs); youth projects (CLAP); holidays (fixed amount) */
  kind: AidFundKind
  funder: string
  /** who decides an ordinary request (an emergency: an officer; a reinforced aid: a commission) */
  decided_by: Generated<'officer' | 'commission'>
  /** programme types whose enrolled persons may ask; empty: anyone */
  programme_types: Generated<string[]>
  min_age: number | null
  max_age: number | null
  /** commune codes of residence; empty: anywhere */
  communes: Generated<string[]>
  /** purpose codes (shared/aids/aids.nomenclature.ts) */
  purposes: Generated<string[]>
  tracks: Generated<AidTrack[]>
  payment_modes: Generated<AidPaymentMode[]>
  /** the documents a complete request carries (labels) */
  documents: Generated<string[]>
  ceiling_request_cents: number | null
  ceiling_person_year_cents: number | null
  /** the allowance's monthly ceiling per person */
  ceiling_month_cents: number | null
  /** a holiday aid's amount per young person */
  fixed_amount_cents: number | null
  opens_on: string | null
  closes_on: string | null
  active: Generated<boolean>
  external_id: string | null
  version: Generated<number>
}
/** what a funder allocates to a fund for a year (committed and paid are computed) */
export interface AidEnvelopeTable {
  structure_id: string
  id: Generated<string>
  fund_id: string
  year: number
  funder: string
  allocated_cents: number
  external_id: string | null
  version: Generated<number>
}
export interface AidCommissionTable {
  structure_id: string
  id: Generated<string>
  fund_id: string
  date: string
  status: Generated<'planned' | 'held'>
  note: string | null
  external_id: string | null
  created_by: string | null
  created_at: Generated<Date>
  version: Generated<number>
}
export interface AidCommissionMemberTable {
  structure_id: string
  commission_id: string
  position: number
  user_id: string | null
  name: string
  organisation: string | null
  present: Generated<boolean>
}
/** a youth project (CLAP) or a holiday project */
export interface AidProjectTable {
  structure_id: string
  id: Generated<string>
  fund_id: string
  title: string
  form: 'individual' | 'collective'
  nature: AidProjectNature
  /** an economic project's sector (retail, craft, health…) */
  sector: string | null
  site_id: string | null
  followed_by: string | null
  budget_cents: number | null
  asked_cents: number | null
  commission_id: string | null
  presented_on: string | null
  decision: 'funded' | 'refused' | 'deferred' | null
  decided_on: string | null
  granted_cents: number | null
  jobs_created: number | null
  follow_up: string | null
  status: Generated<AidProjectStatus>
  external_id: string | null
  created_at: Generated<Date>
  version: Generated<number>
}
export interface AidProjectHolderTable {
  structure_id: string
  project_id: string
  person_id: string
}
export interface AidRequestTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  fund_id: string
  track: Generated<AidTrack>
  purpose: string
  /** the allowance's month (its first day) */
  month: string | null
  project_id: string | null
  site_id: string
  amount_asked_cents: number
  argument: string | null
  /** the required documents received */
  documents: Generated<string[]>
  asked_on: string
  asked_at: Generated<Date>
  asked_by: string | null
  /** the emergency track's deadline: asked_at + 48 hours */
  due_at: Date | null
  status: Generated<AidRequestStatus>
  commission_id: string | null
  decided_on: string | null
  decided_at: Date | null
  decided_by: string | null
  amount_granted_cents: number | null
  refusal_criterion: string | null
  redirected_fund_id: string | null
  decision_reason: string | null
  proof_received_on: string | null
  external_id: string | null
  version: Generated<number>
}
/** the reinforced aid's contract; its instalments are scheduled payments */
export interface AidContractTable {
  structure_id: string
  id: Generated<string>
  request_id: string
  starts_on: string
  months: number
  monthly_cents: number
  commitments: string
  signed_on: string | null
  version: Generated<number>
}
export interface AidPaymentRunTable {
  structure_id: string
  id: Generated<string>
  fund_id: string
  /** the month paid (its first day): one run per fund and month */
  month: string
  payments: number
  total_cents: number
  created_by: string | null
  created_at: Generated<Date>
}
/** a payment, or a scheduled instalment (paid_on null), or a counter-entry (negative, cancels_id and reason) */
export interface AidPaymentTable {
  structure_id: string
  id: Generated<string>
  request_id: string
  amount_cents: number
  mode: AidPaymentMode
  payee: string | null
  due_on: string | null
  paid_on: string | null
  run_id: string | null
  cancels_id: string | null
  reason: string | null
  recorded_by: string | null
  recorded_at: Generated<Date>
  external_id: string | null
}
/** an action a fund pays for without a person's request (FIPJ indirect aids) */
export interface AidIndirectTable {
  structure_id: string
  id: Generated<string>
  fund_id: string
  spent_on: string
  label: string
  amount_cents: number
  participants: number | null
  external_id: string | null
  version: Generated<number>
}

declare module '../../db/schema.ts' {
  interface Database {
    aid_fund: AidFundTable
    aid_envelope: AidEnvelopeTable
    aid_commission: AidCommissionTable
    aid_commission_member: AidCommissionMemberTable
    aid_project: AidProjectTable
    aid_project_holder: AidProjectHolderTable
    aid_request: AidRequestTable
    aid_contract: AidContractTable
    aid_payment_run: AidPaymentRunTable
    aid_payment: AidPaymentTable
    aid_indirect: AidIndirectTable
  }
}
