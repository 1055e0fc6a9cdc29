import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL of the employment files beyond the exchange's generic upsert (employment-offers.exchange.ts): the sites an
// offer is broadcast to, the history of a person's positioning on an offer.

/**
 * Sets each offer's sites to the file's list (offers by external id → site ids). An offer whose list is unchanged is
 * not touched; returns the external ids of the offers whose list changed (the import counts them as updated).
 */
export async function replaceOfferSites(tx: Tx, structureId: string, wanted: Map<string, string[]>) {
  const changed = new Set<string>()
  const keys = [...wanted.keys()]
  if (!keys.length) return changed
  const offers = await tx
    .selectFrom('job_offer')
    .select(['id', 'external_id'])
    .where('structure_id', '=', structureId)
    .where('external_id', 'in', keys)
    .execute()
  if (!offers.length) return changed
  const current = await tx
    .selectFrom('job_offer_site')
    .select(['offer_id', 'site_id'])
    .where('structure_id', '=', structureId)
    .where(
      'offer_id',
      'in',
      offers.map((o) => o.id),
    )
    .execute()
  for (const o of offers) {
    const now = current
      .filter((c) => c.offer_id === o.id)
      .map((c) => c.site_id)
      .sort()
    const next = [...new Set(wanted.get(o.external_id!) ?? [])].sort()
    if (now.join('|') === next.join('|')) continue
    await tx.deleteFrom('job_offer_site').where('structure_id', '=', structureId).where('offer_id', '=', o.id).execute()
    if (next.length)
      await tx
        .insertInto('job_offer_site')
        .values(next.map((site_id) => ({ structure_id: structureId, offer_id: o.id, site_id })))
        .execute()
    changed.add(o.external_id!)
  }
  return changed
}

export interface CandidateEventRow {
  candidate_id: string
  at: string
  actor_id: string | null
  from_status: string | null
  to_status: string
  note: string | null
}

/**
 * Writes a positioning's history: an event is the one of its positioning at the same instant (to the millisecond, as
 * the export writes it) with the same new status. A known event whose actor, former status or note differ is updated;
 * an unknown one is added; an event of the database absent from the file stays (an import never deletes).
 */
export async function upsertCandidateEvents(tx: Tx, structureId: string, rows: CandidateEventRow[]) {
  if (!rows.length) return { inserted: 0, updated: 0 }
  const incoming = sql`SELECT r.candidate_id::uuid AS candidate_id, r.at::timestamptz AS at,
      r.actor_id::uuid AS actor_id, r.from_status, r.to_status, r.note
    FROM json_to_recordset(CAST(${JSON.stringify(rows)} AS json))
      AS r(candidate_id text, at text, actor_id text, from_status text, to_status text, note text)`
  const same = sql`e.structure_id = ${structureId} AND e.candidate_id = i.candidate_id
    AND e.to_status = i.to_status AND date_trunc('milliseconds', e.at) = date_trunc('milliseconds', i.at)`
  const { rows: updated } = await sql<{ id: string }>`
    UPDATE offer_candidate_event e
    SET actor_id = i.actor_id, from_status = i.from_status, note = i.note
    FROM (${incoming}) AS i
    WHERE ${same} AND (e.actor_id, e.from_status, e.note) IS DISTINCT FROM (i.actor_id, i.from_status, i.note)
    RETURNING e.id`.execute(tx)
  const { rows: inserted } = await sql<{ id: string }>`
    INSERT INTO offer_candidate_event (structure_id, candidate_id, at, actor_id, from_status, to_status, note)
    SELECT ${structureId}, i.candidate_id, i.at, i.actor_id, i.from_status, i.to_status, i.note
    FROM (${incoming}) AS i
    WHERE NOT EXISTS (SELECT 1 FROM offer_candidate_event e WHERE ${same})
    RETURNING id`.execute(tx)
  return { inserted: inserted.length, updated: updated.length }
}
