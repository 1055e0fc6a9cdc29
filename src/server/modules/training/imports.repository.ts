import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The catalogue imports' SQL (docs/training/catalogue.md « Imports »): one import at a time, the lookups by the
// funder's id (lheo_id) and the update an import makes; the values written come from catalogue.repository.ts.

/** One import at a time per structure: two identical files sent together leave one copy. */
export const lockImports = (tx: Tx, structureId: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtext(${`training-import:${structureId}`}))`.execute(tx)

export const bodyByKey = (tx: Tx, structureId: string, lheoId: string, siret: string | null) =>
  tx
    .selectFrom('training_body')
    .select(['id', 'version'])
    .where('structure_id', '=', structureId)
    .where((eb) => (siret ? eb.or([eb('lheo_id', '=', lheoId), eb('siret', '=', siret)]) : eb('lheo_id', '=', lheoId)))
    .orderBy(sql`lheo_id = ${lheoId}`, 'desc')
    .executeTakeFirst()

export const byLheoId = (tx: Tx, table: 'training_action' | 'training_session', structureId: string, lheoId: string) =>
  tx
    .selectFrom(table)
    .select(['id', 'version'])
    .where('structure_id', '=', structureId)
    .where('lheo_id', '=', lheoId)
    .executeTakeFirst()

/** An import's update: the funder's values replace ours, the row keeps its id and bumps its version. */
export async function importUpdate(
  tx: Tx,
  table: 'training_body' | 'training_action' | 'training_session',
  structureId: string,
  id: string,
  values: Record<string, unknown>,
  lheoId: string,
) {
  await tx
    .updateTable(table)
    .set({ ...values, lheo_id: lheoId, version: sql`version + 1` } as never)
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .execute()
}
