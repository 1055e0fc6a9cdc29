import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The agenda (issue 10): rooms per site, appointments (one person or a group up to a capacity, a counsellor, a place),
// recurring slots (permanences) from an RFC 5545 rule, the persons' consent and preferred channel, the messages sent
// (convocations and reminders), the structure's message templates and each counsellor's private iCal feed.
// Every table carries structure_id and is keyed by it (the Citus-ready convention of issue 9: primary keys (id,
// structure_id), persons referred to by (structure_id, person_id)); agenda_feed is looked up by its token alone and
// stays on the coordinator (a local table, like sessions). An appointment is
// cancelled, never deleted: the file keeps it and the messages about it.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE agenda_room (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      site_id uuid NOT NULL REFERENCES site(id),
      name text NOT NULL,
      capacity integer CHECK (capacity BETWEEN 1 AND 500),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT agenda_room_name_key UNIQUE (structure_id, site_id, name)
    );

    CREATE TABLE agenda_series (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      rule text NOT NULL,
      kind text NOT NULL,
      site_id uuid NOT NULL REFERENCES site(id),
      room_id uuid,
      counsellor_id uuid NOT NULL REFERENCES app_user(id),
      start_time time NOT NULL,
      end_time time NOT NULL CHECK (end_time > start_time),
      first_day date NOT NULL,
      last_day date NOT NULL CHECK (last_day >= first_day),
      title text,
      capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, structure_id),
      FOREIGN KEY (structure_id, room_id) REFERENCES agenda_room (structure_id, id)
    );

    CREATE TABLE appointment (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('individual_interview', 'info_session', 'workshop', 'phone', 'visit', 'permanence')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      day date NOT NULL,
      place text NOT NULL CHECK (place IN ('site', 'phone', 'video')),
      site_id uuid NOT NULL REFERENCES site(id),
      room_id uuid,
      video_url text,
      counsellor_id uuid NOT NULL REFERENCES app_user(id),
      title text,
      note text,
      capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
      series_id uuid,
      cancelled_at timestamptz,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (id, structure_id),
      CONSTRAINT appointment_times_check CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours'),
      FOREIGN KEY (structure_id, room_id) REFERENCES agenda_room (structure_id, id),
      FOREIGN KEY (structure_id, series_id) REFERENCES agenda_series (structure_id, id)
    );
    CREATE INDEX appointment_counsellor_idx ON appointment (structure_id, counsellor_id, starts_at);
    CREATE INDEX appointment_site_day_idx ON appointment (structure_id, site_id, day);
    CREATE INDEX appointment_room_idx ON appointment (structure_id, room_id, starts_at) WHERE room_id IS NOT NULL;

    CREATE TABLE appointment_person (
      structure_id text NOT NULL,
      appointment_id uuid NOT NULL,
      person_id uuid NOT NULL,
      attendance text CHECK (attendance IN ('present', 'excused', 'absent')),
      event_id uuid,
      reminder_due_at timestamptz,
      reminded_at timestamptz,
      added_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (structure_id, appointment_id, person_id),
      FOREIGN KEY (structure_id, appointment_id) REFERENCES appointment (structure_id, id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id)
    );
    CREATE INDEX appointment_person_person_idx ON appointment_person (structure_id, person_id);
    CREATE INDEX appointment_person_reminder_idx ON appointment_person (reminder_due_at) WHERE reminded_at IS NULL;

    CREATE TABLE agenda_contact (
      structure_id text NOT NULL REFERENCES structure(id),
      person_id uuid NOT NULL,
      consent boolean NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recorded_at timestamptz NOT NULL,
      recorded_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (structure_id, person_id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id)
    );

    CREATE TABLE agenda_message (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      appointment_id uuid,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      purpose text NOT NULL CHECK (purpose IN ('convocation', 'reminder')),
      recipient text NOT NULL,
      subject text,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('sent', 'failed')),
      error text,
      provider_ref text,
      sent_at timestamptz NOT NULL,
      sent_by uuid REFERENCES app_user(id),
      PRIMARY KEY (id, structure_id),
      FOREIGN KEY (structure_id, appointment_id) REFERENCES appointment (structure_id, id),
      FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id)
    );
    CREATE INDEX agenda_message_person_idx ON agenda_message (structure_id, person_id, sent_at);

    CREATE TABLE agenda_template (
      structure_id text NOT NULL REFERENCES structure(id),
      key text NOT NULL CHECK (key IN ('convocation_email', 'reminder_email', 'convocation_sms', 'reminder_sms')),
      subject text,
      body text NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (structure_id, key)
    );

    CREATE TABLE agenda_feed (
      structure_id text NOT NULL REFERENCES structure(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (structure_id, user_id),
      CONSTRAINT agenda_feed_token_key UNIQUE (token_hash)
    );
    `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE agenda_feed; DROP TABLE agenda_template; DROP TABLE agenda_message; DROP TABLE agenda_contact;
     DROP TABLE appointment_person; DROP TABLE appointment; DROP TABLE agenda_series; DROP TABLE agenda_room;`,
  )
}
