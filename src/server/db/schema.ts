import type { Generated, GeneratedAlways, Insertable, Selectable } from 'kysely'
import type { ProgrammeType } from '../../shared/admin/admin.schema.ts'

// Table types, one interface per table. A feature module adds its tables here in a block of its own.

export interface StructureTable {
  id: string
  name: string
  created_at: Generated<Date>
  /** IANA zone of the structure's calendar days ("today", the day of an instant) */
  time_zone: Generated<string>
  version: Generated<number>
}

export interface SiteTable {
  id: Generated<string>
  structure_id: string
  code: string
  name: string
  kind: 'antenna' | 'desk'
  address: string | null
  active: Generated<boolean>
  version: Generated<number>
}

export interface SiteCommuneTable {
  site_id: string
  commune_code: string
  commune_name: string
}

export interface ProgrammeTable {
  id: Generated<string>
  structure_id: string
  code: string
  name: string
  active: Generated<boolean>
  version: Generated<number>
  /** 'service': a department that follows people (ML, PLIE), scopes users; 'scheme': an enrolment (CIVIS, CEJ…) */
  kind: Generated<'service' | 'scheme'>
  /**
   * What the programme is, whatever its code (src/shared/admin/admin.schema.ts programmeTypes): the report finds its
   * populations by it. Omitted on insert: guessed once from the code by the programme_type trigger.
   */
  type: Generated<ProgrammeType>
  /** the contact rule for the caseload alert: days without contact, and during a step */
  contact_days: number | null
  contact_days_during_step: number | null
}

export interface AppUserTable {
  id: Generated<string>
  structure_id: string
  email: string
  display_name: string
  role: string
  password_hash: string
  active: Generated<boolean>
  /** AES-256-GCM sealed ('totp1:<key id>:…', modules/auth/totp-crypto.ts); a value without prefix is a clear legacy one */
  totp_secret: string | null
  totp_enabled: Generated<boolean>
  /** the last accepted TOTP time step: a code is never accepted twice */
  totp_last_step: number | null
  password_changed_at: Generated<Date>
  created_at: Generated<Date>
  version: Generated<number>
}

export interface UserSiteTable {
  user_id: string
  site_id: string
}

export interface UserProgrammeTable {
  user_id: string
  programme_id: string
}

export interface SessionTable {
  id: string
  user_id: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  /** signed in with a password, second factor still to give */
  pending_totp: Generated<boolean>
  ip: string | null
  user_agent: string | null
  /** when this session's sign-in gave the second factor (NULL: password only); person-data exchange needs it */
  second_factor_at: Date | null
}

export interface AuditEventTable {
  id: Generated<number>
  at: Date
  structure_id: string | null
  actor_id: string | null
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  detail: unknown
  ip: string | null
  /** the chain (migration 20261130T1010): set by the audit_event_chain trigger, whatever the insert says */
  seq: Generated<number>
  prev_hash: Generated<string>
  hash: Generated<string>
}

/** one row: the last line of the audit chain (modules/audit/audit.chain.ts) */
export interface AuditChainHeadTable {
  singleton: Generated<boolean>
  seq: number
  hash: string
}

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

export interface Database {
  structure: StructureTable
  site: SiteTable
  site_commune: SiteCommuneTable
  programme: ProgrammeTable
  app_user: AppUserTable
  user_site: UserSiteTable
  user_programme: UserProgrammeTable
  session: SessionTable
  audit_event: AuditEventTable
  audit_chain_head: AuditChainHeadTable
  person: PersonTable
  person_attribute: PersonAttributeTable
  status_period: StatusPeriodTable
  event: EventTable
  proposition_theme: PropositionThemeTable
  proposition: PropositionTable
  situation: SituationTable
  enrolment: EnrolmentTable
  person_note: PersonNoteTable
}

export type AppUserRow = Selectable<AppUserTable>
export type NewAuditEvent = Insertable<AuditEventTable>

// Objectives (20261129T0900_objectives) -------------------------------------------------------------------
// Funder agreements and their yearly objectives per indicator (reporting module). Merged into Database.
export interface FunderAgreementTable {
  id: Generated<string>
  structure_id: string
  name: string
  funder: string
  period_start: string
  period_end: string
  created_at: Generated<Date>
  version: Generated<number>
}

export interface ObjectiveTable {
  id: Generated<string>
  structure_id: string
  agreement_id: string
  indicator_id: string
  /** a figure of the indicator's result; null: its headline value */
  sub_key: string | null
  year: number
  target: number
  created_at: Generated<Date>
  version: Generated<number>
}

export interface Database {
  funder_agreement: FunderAgreementTable
  objective: ObjectiveTable
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

// Sign-in hardening (20261130T1000_auth_hardening) -------------------------------------------------------------
// Failure counters and the temporary lock per e-mail (known or not), keyed by the SHA-256 of the lowercased e-mail.
export interface SigninThrottleTable {
  key: string
  failures: Generated<number>
  totp_failures: Generated<number>
  locked_until: Date | null
  last_failure_at: Date
}
/** One-time password reset links: the table keeps only the token's SHA-256. */
export interface PasswordResetTable {
  id: string
  user_id: string
  created_by: string | null
  created_at: Date
  expires_at: Date
  used_at: Date | null
}
export interface Database {
  signin_throttle: SigninThrottleTable
  password_reset: PasswordResetTable
}

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
export interface Database {
  ml_fact_year: MlFactYearTable
  ml_person_year: MlPersonYearTable
  ml_person_year_theme: MlPersonYearThemeTable
  ml_person_year_programme: MlPersonYearProgrammeTable
}

// Agenda (20261202T0900_agenda, modules/agenda) ------------------------------------------------------------------
// Appointments and their persons, rooms, permanences, consent, messages, templates, iCal feeds.
export interface AgendaRoomTable {
  structure_id: string
  id: Generated<string>
  site_id: string
  name: string
  capacity: number | null
  active: Generated<boolean>
  version: Generated<number>
  /** the old system's id (20261204T0930_agenda_exchange_keys) */
  external_id: string | null
}
export interface AgendaSeriesTable {
  structure_id: string
  id: Generated<string>
  /** RRULE text (RFC 5545), read with the rrule package */
  rule: string
  kind: string
  site_id: string
  room_id: string | null
  counsellor_id: string
  /** 'HH:MM:SS', the structure's wall time */
  start_time: string
  end_time: string
  first_day: string
  last_day: string
  title: string | null
  capacity: Generated<number>
  created_by: string | null
  created_at: Generated<Date>
  external_id: string | null
}
export interface AppointmentTable {
  structure_id: string
  id: Generated<string>
  kind: string
  starts_at: Date
  ends_at: Date
  /** the day of starts_at in the structure's time zone */
  day: string
  place: 'site' | 'phone' | 'video'
  site_id: string
  room_id: string | null
  video_url: string | null
  counsellor_id: string
  title: string | null
  note: string | null
  capacity: Generated<number>
  series_id: string | null
  cancelled_at: Date | null
  created_by: string | null
  created_at: Generated<Date>
  version: Generated<number>
  external_id: string | null
}
export interface AppointmentPersonTable {
  structure_id: string
  appointment_id: string
  person_id: string
  attendance: 'present' | 'excused' | 'absent' | null
  /** the accompaniment event that records the attendance (written through the accompaniment's index.ts) */
  event_id: string | null
  reminder_due_at: Date | null
  reminded_at: Date | null
  /** reception's "arrivé(e)" (20261203T0900_appointment_arrival): when, and who clicked */
  arrived_at: Date | null
  arrived_by: string | null
  added_at: Generated<Date>
  version: Generated<number>
  /** the row's own id and the old system's (20261204T0930_agenda_exchange_keys: the exchange bundle's key) */
  id: Generated<string>
  external_id: string | null
}
/** an appointment's co-leaders (20261204T0940_appointment_leaders): the counsellor column stays its leader */
export interface AppointmentLeaderTable {
  structure_id: string
  appointment_id: string
  user_id: string
  added_at: Generated<Date>
}
export interface AgendaContactTable {
  structure_id: string
  person_id: string
  consent: boolean
  channel: 'email' | 'sms'
  recorded_at: Date
  recorded_by: string | null
  version: Generated<number>
}
export interface AgendaMessageTable {
  structure_id: string
  id: Generated<string>
  person_id: string
  appointment_id: string | null
  channel: 'email' | 'sms'
  purpose: 'convocation' | 'reminder'
  recipient: string
  subject: string | null
  body: string
  status: 'sent' | 'failed'
  error: string | null
  provider_ref: string | null
  sent_at: Date
  sent_by: string | null
  external_id: string | null
  /** the provider's last delivery report of an SMS (20261204T0931_sms_delivery) */
  delivery_status: DeliveryStatus | null
  delivery_at: Date | null
}
export type DeliveryStatus =
  | 'sent'
  | 'accepted'
  | 'delivered'
  | 'soft_bounce'
  | 'hard_bounce'
  | 'rejected'
  | 'blacklisted'
  | 'skipped'
export interface AgendaTemplateTable {
  structure_id: string
  key: 'convocation_email' | 'reminder_email' | 'convocation_sms' | 'reminder_sms'
  subject: string | null
  body: string
  updated_at: Date
  updated_by: string | null
  version: Generated<number>
}
export interface AgendaFeedTable {
  structure_id: string
  user_id: string
  /** SHA-256 of the feed's token (the URL holds the token) */
  token_hash: string
  created_at: Date
}
export interface Database {
  agenda_room: AgendaRoomTable
  agenda_series: AgendaSeriesTable
  appointment: AppointmentTable
  appointment_person: AppointmentPersonTable
  appointment_leader: AppointmentLeaderTable
  agenda_contact: AgendaContactTable
  agenda_message: AgendaMessageTable
  agenda_template: AgendaTemplateTable
  agenda_feed: AgendaFeedTable
}

// Notifications (20261203T0910_notifications, modules/notifications) ---------------------------------------------
export interface NotificationTable {
  structure_id: string
  id: Generated<string>
  recipient_id: string
  text: string
  /** a path of the web app */
  link: string | null
  created_at: Date
  read_at: Date | null
}
export interface Database {
  notification: NotificationTable
}

// Home pages (20261203T0920_home, modules/home) -------------------------------------------------------------------
/** a site's yearly objective on one of the key figures (shared/home/key-figures.ts) */
export interface SiteObjectiveTable {
  id: Generated<string>
  structure_id: string
  site_id: string
  year: number
  figure: string
  target: number
  updated_at: Date
  updated_by: string | null
  version: Generated<number>
}
/** when the user last marked the changes on their files as seen */
export interface HomeSeenTable {
  user_id: string
  structure_id: string
  changes_seen_at: Date
}
export interface Database {
  site_objective: SiteObjectiveTable
  home_seen: HomeSeenTable
}
