import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// An employer's trade name (enseigne, docs/employment/employers.md): the name over the shop door, apart from the
// registered name (raison sociale). The SIRENE import fills it from enseigne1Etablissement, the list's search matches it.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE employer ADD COLUMN trade_name text;')
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'ALTER TABLE employer DROP COLUMN trade_name;')
}
