import { sql } from 'kysely'
import type { StructureSettings, StructureSettingsInput } from '../../../shared/admin/structure.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Tx } from '../../deps.ts'

export async function getStructureSettings(tx: Tx, structureId: string): Promise<StructureSettings> {
  return tx
    .selectFrom('structure')
    .select(['id', 'name', 'time_zone as timeZone', 'version'])
    .where('id', '=', structureId)
    .executeTakeFirstOrThrow()
}

/** Whether PostgreSQL knows the zone (its list may lag or lead the runtime's by a tzdata release). */
export async function isTimeZoneKnownToDatabase(tx: Tx, name: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 AS one FROM pg_timezone_names WHERE name = ${name}`.execute(tx)
  return rows.length > 0
}

export async function updateStructureSettings(tx: Tx, structureId: string, input: Required<StructureSettingsInput>) {
  await ensureUpdated(
    await tx
      .updateTable('structure')
      .set({ name: input.name, time_zone: input.timeZone, version: input.version + 1 })
      .where('id', '=', structureId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst(),
    async () => !!(await tx.selectFrom('structure').select('id').where('id', '=', structureId).executeTakeFirst()),
    'La structure',
  )
}
