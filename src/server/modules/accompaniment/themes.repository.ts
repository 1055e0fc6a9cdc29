import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

/** National proposition themes and the structure's own (which may replace a national one). */
export async function loadThemeKeys(tx: Tx, structureId: string) {
  const rows = await tx
    .selectFrom('proposition_theme')
    .select(['code', 'domain', 'structure_id'])
    .where((eb) => eb.or([eb('structure_id', 'is', null), eb('structure_id', '=', structureId)]))
    .orderBy(sql`structure_id IS NOT NULL`)
    .execute()
  return new Map(rows.map((r) => [r.code, { id: r.code, info: { domain: r.domain } }]))
}
