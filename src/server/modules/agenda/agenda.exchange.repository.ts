import type { Tx } from '../../deps.ts'
import { setLeaders } from './appointments.repository.ts'

// The SQL the agenda's bundle files need beyond the exchange's generic upsert: a session's co-leaders.

/**
 * Sets the co-leaders of the appointments of these external ids to the users given (a bundle's list replaces the
 * stored one); returns the external ids whose list changed. Two reads for the batch, then one write per change.
 */
export async function replaceLeaders(tx: Tx, structureId: string, wanted: Map<string, string[]>) {
  const changed = new Set<string>()
  const keys = [...wanted.keys()]
  if (!keys.length) return changed
  const appointments = await tx
    .selectFrom('appointment')
    .select(['id', 'external_id'])
    .where('structure_id', '=', structureId)
    .where('external_id', 'in', keys)
    .execute()
  const current = await tx
    .selectFrom('appointment_leader')
    .select(['appointment_id', 'user_id'])
    .where('structure_id', '=', structureId)
    .where(
      'appointment_id',
      'in',
      appointments.map((a) => a.id),
    )
    .execute()
  for (const a of appointments) {
    const now = current
      .filter((l) => l.appointment_id === a.id)
      .map((l) => l.user_id)
      .sort()
    const next = [...new Set(wanted.get(a.external_id!) ?? [])].sort()
    if (now.join('|') === next.join('|')) continue
    await setLeaders(tx, structureId, a.id, next)
    changed.add(a.external_id!)
  }
  return changed
}
