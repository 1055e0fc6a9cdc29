import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// SMS delivery reports (issue 10, docs/agenda.md « Accusés de réception des SMS »): Brevo calls a webhook with what
// became of each transactional SMS; the message keeps the last status reported and when it happened. Reports name
// the message by the provider's id alone (no structure): an index on it. Statuses are Brevo's msg_status values
// that say something about delivery ('skip' written 'skipped').
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE agenda_message ADD COLUMN delivery_status text CHECK (delivery_status IN
      ('sent', 'accepted', 'delivered', 'soft_bounce', 'hard_bounce', 'rejected', 'blacklisted', 'skipped'));
    ALTER TABLE agenda_message ADD COLUMN delivery_at timestamptz;
    CREATE INDEX agenda_message_provider_ref_idx ON agenda_message (provider_ref) WHERE provider_ref IS NOT NULL;
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `DROP INDEX agenda_message_provider_ref_idx;
     ALTER TABLE agenda_message DROP COLUMN delivery_at; ALTER TABLE agenda_message DROP COLUMN delivery_status;`,
  )
}
