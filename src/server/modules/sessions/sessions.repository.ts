import { sessionKinds } from '../../../shared/sessions/sessions.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { visibleAppointments } from '../agenda/index.ts'

// The SQL of the sessions' list: the group appointments (workshop, information session) the actor may read, not
// cancelled, upcoming (from now, soonest first) or past (latest first). The same row as the agenda's own reads.

export const LIST_LIMIT = 200

export function listSessions(tx: Tx, actor: Actor, period: 'upcoming' | 'past', now: Date) {
  let q = tx
    .selectFrom('appointment')
    .innerJoin('site as s', 's.id', 'appointment.site_id')
    .innerJoin('app_user as u', 'u.id', 'appointment.counsellor_id')
    .leftJoin('agenda_room as r', (j) =>
      j.onRef('r.structure_id', '=', 'appointment.structure_id').onRef('r.id', '=', 'appointment.room_id'),
    )
    .selectAll('appointment')
    .select(['s.name as site_name', 'u.display_name as counsellor_name', 'r.name as room_name'])
    .where(visibleAppointments(actor))
    .where('appointment.kind', 'in', [...sessionKinds])
    .where('appointment.cancelled_at', 'is', null)
  q =
    period === 'upcoming'
      ? q.where('appointment.ends_at', '>=', now).orderBy('appointment.starts_at', 'asc')
      : q.where('appointment.ends_at', '<', now).orderBy('appointment.starts_at', 'desc')
  return q
    .orderBy('appointment.id')
    .limit(LIST_LIMIT + 1)
    .execute()
}
