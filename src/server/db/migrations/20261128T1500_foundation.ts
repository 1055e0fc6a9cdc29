import type { Kysely } from 'kysely'
import { runScript } from '../script.ts'

// Shipped migrations are never edited: add a new file instead.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE EXTENSION IF NOT EXISTS citext;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TABLE structure (
      id text PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE site (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('antenna', 'desk')),
      address text,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, code)
    );
    CREATE TABLE site_commune (
      site_id uuid NOT NULL REFERENCES site(id) ON DELETE CASCADE,
      commune_code text NOT NULL,
      commune_name text NOT NULL,
      PRIMARY KEY (site_id, commune_code)
    );
    CREATE TABLE programme (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (structure_id, code)
    );
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      structure_id text NOT NULL REFERENCES structure(id),
      email citext NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL,
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      totp_secret text,
      totp_enabled boolean NOT NULL DEFAULT false,
      failed_signins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE TABLE user_site (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES site(id),
      PRIMARY KEY (user_id, site_id)
    );
    CREATE TABLE user_programme (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES programme(id),
      PRIMARY KEY (user_id, programme_id)
    );
    CREATE TABLE session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      pending_totp boolean NOT NULL DEFAULT false,
      ip text,
      user_agent text
    );
    CREATE INDEX session_user_idx ON session (user_id);
    CREATE TABLE audit_event (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      structure_id text,
      actor_id uuid,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      detail jsonb,
      ip text
    );
    CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
    CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id);
    CREATE INDEX audit_event_actor_idx ON audit_event (actor_id);
  `,
  )

  // The audit trail is append-only: the database itself refuses to change or remove a line.
  await runScript(
    db,
    `
    CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only';
    END;
    $$;
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
  `,
  )
}
