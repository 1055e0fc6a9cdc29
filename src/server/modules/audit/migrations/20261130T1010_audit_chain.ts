import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 7: a tamper-evident audit trail. Each audit_event row gets a sequence number and is chained to the previous one:
//   hash = hex(sha256(prev_hash || content)), content = the row's fields as length-prefixed text (audit_chain_field).
// The chain is computed by a BEFORE INSERT trigger, so every insert path is chained (writeAudit, the demo loader, a
// future one) and the application role cannot choose seq, prev_hash or hash. The one-row audit_chain_head is updated in
// the inserting transaction: its row lock orders concurrent writers, and it records the last line (a deleted tail shows).
// The trigger function is SECURITY DEFINER with a pinned search_path (pg_temp last, so a temporary table of the
// application role cannot stand in for audit_chain_head): the application role needs no right on audit_chain_head.
// `jalon audit verify` recomputes the chain in Node (modules/audit/audit.chain.ts), from the same text rendering.
// Existing rows are chained here in their id order. Uses only core functions (sha256 exists since PostgreSQL 11 and in
// PGlite; pgcrypto is not needed).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE audit_event ADD COLUMN seq bigint;
    ALTER TABLE audit_event ADD COLUMN prev_hash text;
    ALTER TABLE audit_event ADD COLUMN hash text;
    CREATE TABLE audit_chain_head (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    CREATE FUNCTION audit_chain_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v END
    $$;
    CREATE FUNCTION audit_chain_hash(
      prev_hash text, seq bigint, id bigint, at timestamptz, structure_id text, actor_id uuid, actor_label text,
      action text, entity text, entity_id text, detail jsonb, ip text
    ) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(prev_hash
        || audit_chain_field(seq::text) || '|' || audit_chain_field(id::text)
        || '|' || audit_chain_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || '|' || audit_chain_field(structure_id) || '|' || audit_chain_field(actor_id::text)
        || '|' || audit_chain_field(actor_label) || '|' || audit_chain_field(action)
        || '|' || audit_chain_field(entity) || '|' || audit_chain_field(entity_id)
        || '|' || audit_chain_field(detail::text) || '|' || audit_chain_field(ip), 'UTF8')), 'hex')
    $$;
    `,
  )

  // Existing lines, chained in their current order (the append-only trigger is lifted inside this migration's
  // transaction only).
  await runScript(
    db,
    `
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
    DO $$
    DECLARE
      r record;
      n bigint := 0;
      prev text := repeat('0', 64);
      h text;
    BEGIN
      FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
        n := n + 1;
        h := audit_chain_hash(prev, n, r.id, r.at, r.structure_id, r.actor_id, r.actor_label, r.action, r.entity,
          r.entity_id, r.detail, r.ip);
        UPDATE audit_event SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
        prev := h;
      END LOOP;
      INSERT INTO audit_chain_head (singleton, seq, hash) VALUES (true, n, prev);
    END;
    $$;
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;
    ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
    ALTER TABLE audit_event ALTER COLUMN prev_hash SET NOT NULL;
    ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL;
    CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (seq);
    `,
  )

  await runScript(
    db,
    `
    CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public, pg_temp AS $$
    DECLARE
      head audit_chain_head%ROWTYPE;
    BEGIN
      SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
      NEW.seq := head.seq + 1;
      NEW.prev_hash := head.hash;
      NEW.hash := audit_chain_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.at, NEW.structure_id, NEW.actor_id,
        NEW.actor_label, NEW.action, NEW.entity, NEW.entity_id, NEW.detail, NEW.ip);
      UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE singleton;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
    `,
  )
}
