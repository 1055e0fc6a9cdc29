import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Reception's one click "arrivé(e)" (issue 10, home page per role): when the person of an appointment came to the
// desk, and who said so. Apart from the attendance, which the counsellor takes afterwards (an arrival is not yet an
// interview, and a marked arrival must not make the counsellor's attendance click a version conflict).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE appointment_person ADD COLUMN arrived_at timestamptz;
    ALTER TABLE appointment_person ADD COLUMN arrived_by uuid REFERENCES app_user(id);
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    'ALTER TABLE appointment_person DROP COLUMN arrived_by; ALTER TABLE appointment_person DROP COLUMN arrived_at;',
  )
}
