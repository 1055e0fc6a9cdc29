import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Exporting or importing person data needs a session whose sign-in went through the second factor: the session
// remembers when it did (NULL: password only). Set by verifySecondFactor (modules/auth/auth.service.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE session ADD COLUMN second_factor_at timestamptz')
}
