import type { Generated, GeneratedAlways } from 'kysely'

// The persons module's tables (persons.module.ts).

// Person file -----------------------------------------------------------------------------------------

export interface PersonTable {
  id: Generated<string>
  structure_id: string
  external_id: string | null
  last_name: string
  first_name: string
  sex: 'F' | 'M'
  birth_date: string
  phone: string | null
  email: string | null
  address: string | null
  postcode: string | null
  commune_code: string | null
  commune_name: string | null
  priority_area: 'qpv' | 'zus' | null
  site_id: string
  referent_id: string | null
  first_reception_date: string | null
  referral_source: string | null
  /** folded (lower case, no accents) "last first" for search and duplicate detection */
  search_name: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}

export interface PersonAttributeTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  attribute: string
  value: string
  level_2019: number | null
  valid_from: string
  recorded_at: Generated<Date>
  recorded_by: string | null
}

export interface StatusPeriodTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  status: 'rsa' | 'rqth' | 'long_term_unemployed' | 'justice'
  detail: string | null
  start_date: string
  end_date: string | null
  recorded_at: Generated<Date>
  recorded_by: string | null
  version: Generated<number>
}

export interface PersonNoteTable {
  id: Generated<string>
  structure_id: string
  person_id: string
  text: string
  author_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}

// Person search (20261128T1700_person_search) ---------------------------------------------------------
// Merged into PersonTable above. search_name is rewritten by the person_search_name trigger on every insert or
// name change (pass '' when inserting); phone_digits is generated from phone (digits only, +33 read as 0).
export interface PersonTable {
  phone_digits: GeneratedAlways<string | null>
}

// Exchange: import/export (20261129T1130_exchange_external_ids) ------------------------------------------
// Merged into the tables above: the old system's id of a dated attribute, a status period, a note.
export interface PersonAttributeTable {
  external_id: string | null
}
export interface StatusPeriodTable {
  external_id: string | null
}
export interface PersonNoteTable {
  external_id: string | null
}

declare module '../../db/schema.ts' {
  interface Database {
    person: PersonTable
    person_attribute: PersonAttributeTable
    status_period: StatusPeriodTable
    person_note: PersonNoteTable
  }
}
