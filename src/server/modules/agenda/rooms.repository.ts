import type { Tx } from '../../deps.ts'

// Rooms per site, kept by the admin.

export function listRooms(tx: Tx, structureId: string) {
  return tx
    .selectFrom('agenda_room as r')
    .innerJoin('site as s', 's.id', 'r.site_id')
    .where('r.structure_id', '=', structureId)
    .selectAll('r')
    .select('s.name as site_name')
    .orderBy('s.name')
    .orderBy('r.name')
    .execute()
}

export async function insertRoom(
  tx: Tx,
  structureId: string,
  v: { site_id: string; name: string; capacity: number | null; active: boolean },
) {
  const { id } = await tx
    .insertInto('agenda_room')
    .values({ structure_id: structureId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateRoom(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: { site_id: string; name: string; capacity: number | null; active: boolean },
) {
  return tx
    .updateTable('agenda_room')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function roomExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('agenda_room')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}
