import type { Generated } from 'kysely'

// Mission Locale facts (20261201T0900_ml_facts) --------------------------------------------------------------
// Per person and built year: what the year's Mission Locale indicators read (mission-locale/facts/). Written only
// by the database (its triggers and ml_facts_rebuild); values as recorded (null: no value on the day).
export interface MlFactYearTable {
  year: number
  built_at: Generated<Date>
  /** the facts' definition the year was built under (ml_facts_definition()) */
  definition: number
}
export interface MlPersonYearTable {
  person_id: string
  year: number
  structure_id: string
  site_id: string
  sex: 'F' | 'M'
  priority_area: 'qpv' | 'zus' | null
  /** full years on 31/12 */
  age: number
  /** at least one event in the year not marked absent */
  contact: boolean
  education_level: string | null
  diploma: string | null
  family_situation: string | null
  housing: string | null
  resources: string | null
  driving_licence: string | null
  /** first reception dated in the year; fr_*: age and states on its day */
  first_reception: boolean
  fr_age: number | null
  fr_education_level: string | null
  fr_diploma: string | null
  fr_mobility: string | null
  /** propositions dated in the year, whatever their structure */
  propositions: number
  /** the kinds of the situations started in the year, one per situation, sorted (null: none) */
  situation_kinds: string[] | null
}
/** a person's propositions of the year by the structure that recorded them, domain and theme */
export interface MlPersonYearThemeTable {
  year: number
  /** the propositions' structure */
  structure_id: string
  person_id: string
  domain: string
  theme: string
  n: number
}
/** entries into and exits from programmes (other than the Mission Locale) dated in the year, by age on that day */
export interface MlPersonYearProgrammeTable {
  person_id: string
  year: number
  /** the enrolment's structure */
  structure_id: string
  programme_type: string
  movement: 'entry' | 'exit'
  sex: 'F' | 'M'
  reinforced: boolean
  age: number
  n: number
}
declare module '../../db/schema.ts' {
  interface Database {
    ml_fact_year: MlFactYearTable
    ml_person_year: MlPersonYearTable
    ml_person_year_theme: MlPersonYearThemeTable
    ml_person_year_programme: MlPersonYearProgrammeTable
  }
}
