import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// In-app notifications (issue 10): a line of text for one user, a link into the app, read or not. Written by other
// modules through notifications/index.ts (reception's "arrivé(e)" tells the counsellor). The text names persons, so
// the table is keyed by structure like the person file (docs/operations.md, Citus).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE notification (
      structure_id text NOT NULL REFERENCES structure(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      recipient_id uuid NOT NULL REFERENCES app_user(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      link text CHECK (link LIKE '/%' AND length(link) <= 500),
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      PRIMARY KEY (id, structure_id)
    );
    CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC);
    CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'DROP TABLE notification;')
}
