import type { Tx } from '../../deps.ts'

/**
 * The event that records a person's attendance at an appointment of the agenda (present, absent or excused), written
 * here because the events are this module's table: the agenda calls it through index.ts. The first call inserts the
 * event, later ones (attendance corrected, the appointment moved before it was taken) update that same event, so an
 * appointment never counts twice. An absence is an event marked `absent`: the caseload's last contact skips it and the
 * report counts it as a missed contact, as it does for any absence recorded in the file.
 */
export interface AppointmentAttendance {
  structureId: string
  personId: string
  /** the event written for this appointment before, if any */
  eventId: string | null
  kind: string
  date: string
  siteId: string
  counsellorId: string
  durationMinutes: number
  attendance: 'present' | 'excused' | 'absent'
}

export async function recordAppointmentAttendance(tx: Tx, a: AppointmentAttendance): Promise<string> {
  const values = {
    kind: a.kind,
    date: a.date,
    site_id: a.siteId,
    counsellor_id: a.counsellorId,
    duration_minutes: a.durationMinutes,
    attendance: a.attendance,
  }
  if (a.eventId) {
    const updated = await tx
      .updateTable('event')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', a.eventId)
      .where('person_id', '=', a.personId)
      .returning('id')
      .executeTakeFirst()
    if (updated) return updated.id
  }
  const { id } = await tx
    .insertInto('event')
    .values({ structure_id: a.structureId, person_id: a.personId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
