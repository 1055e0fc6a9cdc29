import type { Generated } from 'kysely'

// The PLIE's tables (migration 20261205T0900_plie; docs/plie.md). A pathway is the person's enrolment in the PLIE
// programme: these tables keep what only the PLIE needs beside it.

export type PlieOrganisationKind =
  | 'aci'
  | 'ei'
  | 'ai'
  | 'etti'
  | 'employer_relations'
  | 'training_body'
  | 'employer'
  | 'other'
export type PlieFunder = 'esf' | 'state_urban_policy' | 'state' | 'departement' | 'region' | 'communes' | 'other'

/** the communes whose residents the PLIE may take in (eligibility) */
export interface PlieCommuneTable {
  structure_id: string
  commune_code: string
  commune_name: string
}
/** a host of steps or a partner credited with exits: work-integration structures, employer-relations partners… */
export interface PlieOrganisationTable {
  structure_id: string
  id: Generated<string>
  kind: PlieOrganisationKind
  name: string
  /** the agreement (conventionnement) it works under, as written */
  agreement: string | null
  /** insertion places it offers */
  places: number | null
  active: Generated<boolean>
  external_id: string | null
  version: Generated<number>
}
/** a partner account and the organisation whose people and steps it sees */
export interface PlieOrganisationUserTable {
  structure_id: string
  organisation_id: string
  user_id: string
}
export interface PlieProposalTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  proposed_on: string
  proposed_by: string | null
  site_id: string
  motivation: string | null
  status: Generated<'pending' | 'accepted' | 'refused' | 'deferred' | 'withdrawn'>
  /** the eligibility found on the proposal's day (shared/plie/eligibility.ts): each rule, held or missing */
  eligibility: Record<string, unknown>
  external_id: string | null
  created_at: Generated<Date>
  version: Generated<number>
}
export interface PlieCommitteeTable {
  structure_id: string
  id: Generated<string>
  site_id: string
  date: string
  status: Generated<'planned' | 'held'>
  note: string | null
  external_id: string | null
  created_by: string | null
  created_at: Generated<Date>
  version: Generated<number>
}
export interface PlieCommitteeMemberTable {
  structure_id: string
  committee_id: string
  position: number
  /** a user of the structure; null: someone from outside, named as written */
  user_id: string | null
  name: string
  organisation: string | null
  present: Generated<boolean>
}
export interface PlieCommitteeCaseTable {
  structure_id: string
  id: Generated<string>
  committee_id: string
  position: number
  person_id: string
  /** 'entry': a proposal to decide; 'review': an open pathway reviewed */
  kind: 'entry' | 'review'
  proposal_id: string | null
  enrolment_id: string | null
  /** null until the committee decides */
  decision: 'accepted' | 'refused' | 'deferred' | null
  refusal_reason: string | null
  minute: string | null
  /** the referent an accepted entry gets */
  referent_id: string | null
  decided_by: string | null
  version: Generated<number>
}
/** beside the PLIE enrolment: the way in, the exit's proof and the partner credited */
export interface PliePathwayTable {
  structure_id: string
  enrolment_id: string
  person_id: string
  committee_case_id: string | null
  /** the situation that proves a positive exit (a CDI, a CDD over 6 months…) */
  exit_situation_id: string | null
  /** the employer-relations partner credited with the exit */
  partner_id: string | null
  version: Generated<number>
}
export interface PlieReferentTable {
  structure_id: string
  enrolment_id: string
  from_date: string
  referent_id: string
  recorded_by: string | null
}
/** a step: a situation of the person file done within the pathway, at a host organisation */
export interface PlieStepTable {
  structure_id: string
  situation_id: string
  enrolment_id: string
  person_id: string
  organisation_id: string | null
  /** the person who follows the step at the host, as written */
  step_referent: string | null
  version: Generated<number>
}
export interface PlieFundingTable {
  structure_id: string
  id: Generated<string>
  year: number
  funder: PlieFunder
  operation: string
  /** integer cents (bigint, read as a number: db/database.ts) */
  programmed_cents: number
  realised_cents: number | null
  version: Generated<number>
}
export interface EsfAnswerTable {
  structure_id: string
  enrolment_id: string
  moment: 'entry' | 'exit' | 'six_months'
  question: string
  answer: string
  answered_on: string
  recorded_by: string | null
  recorded_at: Generated<Date>
}

declare module '../../db/schema.ts' {
  interface Database {
    plie_commune: PlieCommuneTable
    plie_organisation: PlieOrganisationTable
    plie_organisation_user: PlieOrganisationUserTable
    plie_proposal: PlieProposalTable
    plie_committee: PlieCommitteeTable
    plie_committee_member: PlieCommitteeMemberTable
    plie_committee_case: PlieCommitteeCaseTable
    plie_pathway: PliePathwayTable
    plie_referent: PlieReferentTable
    plie_step: PlieStepTable
    plie_funding: PlieFundingTable
    esf_answer: EsfAnswerTable
  }
}
