import type { Generated } from 'kysely'

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
declare module '../../db/schema.ts' {
  interface Database {
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
}
