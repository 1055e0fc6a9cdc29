import { sql } from 'kysely'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import { addDays, dayIn } from '../../../shared/dates.ts'
import type { Actor, Tx } from '../../deps.ts'
import { presentAppointments } from './appointments.present.ts'
import { listAppointments } from './appointments.repository.ts'

// Reads for other modules (index.ts): the home pages, the person file's summary, the interview screen.

/** The person's next appointment (not cancelled, not started at `now`) the actor may see, or null. */
export async function nextAppointmentOf(
  tx: Tx,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<Appointment | null> {
  const rows = await listAppointments(tx, actor, {
    from: addDays(dayIn(now, actor.timeZone), -1),
    to: '2100-12-31',
    personId,
    includeCancelled: false,
  })
  const next = rows.find((r) => r.starts_at > now)
  return next ? (await presentAppointments(tx, actor, [next]))[0]! : null
}

/** The appointments of a day at a site (reception's expected arrivals), as the actor may read them. */
export async function todayBySite(tx: Tx, actor: Actor, siteId: string, day: string): Promise<Appointment[]> {
  return presentAppointments(
    tx,
    actor,
    await listAppointments(tx, actor, { from: day, to: day, siteId, includeCancelled: false }),
  )
}

/**
 * The interview screen opened from an appointment (`?rdv=`): the event its attendance wrote, if any, so the interview
 * completes that event instead of adding a second one; `link` records the event the interview saved as the
 * appointment's (present), when the attendance was not taken first.
 */
export async function appointmentOfInterview(
  tx: Tx,
  structureId: string,
  appointmentId: string,
  personId: string,
  link?: { eventId: string },
) {
  if (link)
    await tx
      .updateTable('appointment_person')
      .set({ event_id: link.eventId, attendance: 'present', version: sql`version + 1` })
      .where('structure_id', '=', structureId)
      .where('appointment_id', '=', appointmentId)
      .where('person_id', '=', personId)
      .execute()
  return tx
    .selectFrom('appointment_person as ap')
    .innerJoin('appointment as a', (j) =>
      j.onRef('a.structure_id', '=', 'ap.structure_id').onRef('a.id', '=', 'ap.appointment_id'),
    )
    .where('ap.structure_id', '=', structureId)
    .where('ap.appointment_id', '=', appointmentId)
    .where('ap.person_id', '=', personId)
    .select(['a.id', 'a.kind', 'a.day', 'a.site_id', 'a.counsellor_id', 'ap.attendance', 'ap.event_id'])
    .executeTakeFirst()
}
