import type { z } from 'zod'
import { type AppointmentKind, type attendanceInputSchema, eventKindOf } from '../../../shared/agenda/agenda.schema.ts'
import { dayIn } from '../../../shared/dates.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { recordAppointmentAttendance } from '../accompaniment/index.ts'
import { findAppointmentPerson, setAttendance } from './appointments.repository.ts'
import { type AgendaCtx, editable, readAppointment } from './appointments.service.ts'

/**
 * Present, absent or excused, in one click, once the appointment's day has come. The attendance becomes an event of
 * the person's follow-up through the accompaniment's public entry (index.ts): present is a contact (the interview
 * screen then completes that event), absent a missed appointment that the caseload alerts and the report count. A
 * correction updates the same event. Each person of a group slot has their own version: two counsellors ticking two
 * persons of one workshop do not collide, the same person twice is a 409.
 */
export async function markAttendance(
  ctx: AgendaCtx,
  id: string,
  personId: string,
  input: z.output<typeof attendanceInputSchema>,
) {
  const row = await editable(ctx, id)
  if (row.day > dayIn(ctx.now, ctx.actor.timeZone))
    throw new AppError('validation', 'Ce rendez-vous est à venir : la présence se note le jour venu.', [
      { field: 'attendance', message: 'Rendez-vous à venir.' },
    ])
  const current = await findAppointmentPerson(ctx.tx, ctx.actor.structureId, id, personId)
  if (!current) throw notFound('Cette personne du rendez-vous')
  const eventId = await recordAppointmentAttendance(ctx.tx, {
    structureId: ctx.actor.structureId,
    personId,
    eventId: current.event_id,
    kind: eventKindOf(row.kind as AppointmentKind),
    date: row.day,
    siteId: row.site_id,
    counsellorId: row.counsellor_id,
    durationMinutes: Math.min(1440, Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000)),
    attendance: input.attendance,
  })
  await ensureUpdated(
    await setAttendance(ctx.tx, ctx.actor.structureId, id, personId, input.version, {
      attendance: input.attendance,
      event_id: eventId,
    }),
    async () => !!(await findAppointmentPerson(ctx.tx, ctx.actor.structureId, id, personId)),
    'Cette personne du rendez-vous',
  )
  await ctx.audit({
    action: 'attendance',
    entity: 'appointment',
    entityId: id,
    detail: { personId, attendance: input.attendance, eventId },
  })
  return readAppointment(ctx, id)
}
