import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// RFC 6238 §5.2: a one-time code is accepted once. The last accepted 30-second step is kept per user.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE app_user ADD COLUMN totp_last_step bigint')
}
