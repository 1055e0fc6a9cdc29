import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL of training's bundle files beyond the exchange's generic upsert (training.exchange.ts,
// training-persons.exchange.ts): a body's partner accounts, a prescription's history.

/**
 * Sets each body's partner accounts to the file's list (bodies by external id → user ids). A body whose list is
 * unchanged is not touched; returns the external ids of the bodies whose list changed (the import counts them).
 */
export async function replaceBodyAccounts(tx: Tx, structureId: string, wanted: Map<string, string[]>) {
  const changed = new Set<string>()
  const keys = [...wanted.keys()]
  if (!keys.length) return changed
  const bodies = await tx
    .selectFrom('training_body')
    .select(['id', 'external_id'])
    .where('structure_id', '=', structureId)
    .where('external_id', 'in', keys)
    .execute()
  if (!bodies.length) return changed
  const current = await tx
    .selectFrom('training_body_user')
    .select(['body_id', 'user_id'])
    .where('structure_id', '=', structureId)
    .where(
      'body_id',
      'in',
      bodies.map((b) => b.id),
    )
    .execute()
  for (const b of bodies) {
    const now = current
      .filter((c) => c.body_id === b.id)
      .map((c) => c.user_id)
      .sort()
    const next = [...new Set(wanted.get(b.external_id!) ?? [])].sort()
    if (now.join('|') === next.join('|')) continue
    await tx
      .deleteFrom('training_body_user')
      .where('structure_id', '=', structureId)
      .where('body_id', '=', b.id)
      .execute()
    if (next.length)
      await tx
        .insertInto('training_body_user')
        .values(next.map((user_id) => ({ structure_id: structureId, body_id: b.id, user_id })))
        .execute()
    changed.add(b.external_id!)
  }
  return changed
}

export interface EventRow {
  prescription_id: string
  at: string
  actor_id: string | null
  from_status: string | null
  to_status: string
  note: string | null
}

/**
 * Writes a prescription's history: an event is the one of its prescription at the same instant (to the millisecond,
 * as the export writes it) with the same new status. A known event whose actor, former status or note differ is
 * updated; an unknown one is added; an event of the database absent from the file stays (an import never deletes).
 */
export async function upsertEvents(tx: Tx, structureId: string, rows: EventRow[]) {
  if (!rows.length) return { inserted: 0, updated: 0 }
  const incoming = sql`SELECT r.prescription_id::uuid AS prescription_id, r.at::timestamptz AS at,
      r.actor_id::uuid AS actor_id, r.from_status, r.to_status, r.note
    FROM json_to_recordset(CAST(${JSON.stringify(rows)} AS json))
      AS r(prescription_id text, at text, actor_id text, from_status text, to_status text, note text)`
  const same = sql`e.structure_id = ${structureId} AND e.prescription_id = i.prescription_id
    AND e.to_status = i.to_status AND date_trunc('milliseconds', e.at) = date_trunc('milliseconds', i.at)`
  const { rows: updated } = await sql<{ id: string }>`
    UPDATE training_prescription_event e
    SET actor_id = i.actor_id, from_status = i.from_status, note = i.note
    FROM (${incoming}) AS i
    WHERE ${same} AND (e.actor_id, e.from_status, e.note) IS DISTINCT FROM (i.actor_id, i.from_status, i.note)
    RETURNING e.id`.execute(tx)
  const { rows: inserted } = await sql<{ id: string }>`
    INSERT INTO training_prescription_event (structure_id, prescription_id, at, actor_id, from_status, to_status, note)
    SELECT ${structureId}, i.prescription_id, i.at, i.actor_id, i.from_status, i.to_status, i.note
    FROM (${incoming}) AS i
    WHERE NOT EXISTS (SELECT 1 FROM training_prescription_event e WHERE ${same})
    RETURNING id`.execute(tx)
  return { inserted: inserted.length, updated: updated.length }
}
