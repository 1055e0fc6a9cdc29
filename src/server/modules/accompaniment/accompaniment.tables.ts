import type { Generated } from 'kysely'

// The accompaniment module's tables (accompaniment.module.ts): events, propositions and their themes, situations,
// programme enrolments.

export interface EventTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  external_id: string | null
  kind: string
  date: string
  site_id: string | null
  counsellor_id: string | null
  duration_minutes: number | null
  attendance: 'present' | 'excused' | 'absent' | null
  note: string | null
  created_at: Generated<Date>
  version: Generated<number>
}

export interface PropositionThemeTable {
  code: string
  structure_id: string | null
  domain: 'professional' | 'social' | 'social_life'
  label: string
  national_code: string
  sensitive: Generated<boolean>
  active: Generated<boolean>
}

export interface PropositionTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  external_id: string | null
  date: string
  domain: string
  theme: string
  text: string | null
  outcome: Generated<string>
  duration_minutes: number | null
  counsellor_id: string | null
  site_id: string | null
  created_at: Generated<Date>
  version: Generated<number>
}

export interface SituationTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  external_id: string | null
  kind: string
  start_date: string
  planned_end_date: string | null
  end_date: string | null
  organisation_name: string | null
  hours_per_week: number | null
  counsellor_id: string | null
  note: string | null
  created_at: Generated<Date>
  version: Generated<number>
}

export interface EnrolmentTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  programme_id: string
  external_id: string | null
  entry_date: string
  exit_date: string | null
  exit_reason: string | null
  reinforced: Generated<boolean>
  referent_id: string | null
  created_at: Generated<Date>
  version: Generated<number>
  /** recorded planned end (an extended CEJ…); null: computed where needed (20261204T0955_enrolment_planned_end) */
  planned_end_date: string | null
}

declare module '../../db/schema.ts' {
  interface Database {
    event: EventTable
    proposition_theme: PropositionThemeTable
    proposition: PropositionTable
    situation: SituationTable
    enrolment: EnrolmentTable
  }
}
