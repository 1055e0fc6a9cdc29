import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { canEdit } from './agenda.policy.ts'
import { type AppointmentRow, conflictsOf, leadersOf, personsOf } from './appointments.repository.ts'
import { wallOf } from './wall-time.ts'

/** Appointments as the API answers them: wall times in the structure's zone, persons, conflicts, what the reader may do. */
export async function presentAppointments(tx: Tx, actor: Actor, rows: AppointmentRow[]): Promise<Appointment[]> {
  const ids = rows.map((r) => r.id)
  const [persons, conflicts, leaders] = await Promise.all([
    personsOf(tx, actor.structureId, ids),
    conflictsOf(tx, actor.structureId, ids),
    leadersOf(tx, actor.structureId, ids),
  ])
  return rows.map((r) => {
    const coLeaders = leaders.filter((l) => l.appointment_id === r.id)
    const start = wallOf(r.starts_at, actor.timeZone)
    const end = wallOf(r.ends_at, actor.timeZone)
    return {
      id: r.id,
      kind: r.kind as Appointment['kind'],
      date: r.day,
      start: start.time,
      // an appointment ending at midnight ends at 24:00 of its day
      end: end.date > start.date && end.time === '00:00' ? '24:00' : end.time,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      place: r.place,
      siteId: r.site_id,
      siteName: r.site_name,
      roomId: r.room_id,
      roomName: r.room_name,
      videoUrl: r.video_url,
      counsellorId: r.counsellor_id,
      counsellorName: r.counsellor_name,
      coLeaders: coLeaders.map((l) => ({ id: l.user_id, name: l.display_name })),
      title: r.title,
      note: r.note,
      capacity: r.capacity,
      seriesId: r.series_id,
      cancelled: r.cancelled_at !== null,
      persons: persons
        .filter((p) => p.appointment_id === r.id)
        .map((p) => ({
          personId: p.person_id,
          lastName: p.last_name,
          firstName: p.first_name,
          attendance: p.attendance,
          eventId: p.event_id,
          arrivedAt: p.arrived_at ? p.arrived_at.toISOString() : null,
          arrivedTime: p.arrived_at ? wallOf(p.arrived_at, actor.timeZone).time : null,
          version: p.version,
        })),
      conflicts: conflicts.filter((c) => c.id === r.id).map((c) => ({ id: c.other_id, reason: c.reason })),
      canEdit: canEdit(
        actor,
        r,
        coLeaders.map((l) => l.user_id),
      ),
      version: r.version,
    }
  })
}
