import { dayIn } from '../../../shared/dates.ts'
import { AppError, notFound } from '../../errors.ts'
import { findAppointmentPerson, personsOf, setArrival } from './appointments.repository.ts'
import { type AgendaCtx, loadAppointment, readAppointment } from './appointments.service.ts'
import { wallOf } from './wall-time.ts'

const hhmm = (at: Date, timeZone: string) => wallOf(at, timeZone).time.replace(':', 'h')

/**
 * Reception's one click "arrivé(e)" (the home page's expected arrivals): the person of one of today's appointments, on
 * a site of the reader's, came to the desk. Recorded once — a second click (a colleague, a double click) is a 409 that
 * says when — and apart from the attendance the counsellor takes afterwards. Gives back the appointment and what the
 * caller needs to tell the counsellor (the home module notifies: the agenda knows nothing of notifications).
 */
export async function markArrival(ctx: AgendaCtx, id: string, personId: string) {
  const { actor, tx } = ctx
  const row = await loadAppointment(ctx, id)
  if (!actor.siteIds.includes(row.site_id)) throw notFound('Ce rendez-vous')
  if (row.day !== dayIn(ctx.now, actor.timeZone))
    throw new AppError('validation', 'Une arrivée se signale le jour du rendez-vous.', [
      { field: 'appointmentId', message: 'Ce rendez-vous n’est pas aujourd’hui.' },
    ])
  if (row.cancelled_at) throw new AppError('conflict', 'Ce rendez-vous est annulé.')
  const current = await findAppointmentPerson(tx, actor.structureId, id, personId)
  if (!current) throw notFound('Cette personne du rendez-vous')
  const done = await setArrival(tx, actor.structureId, id, personId, ctx.now, actor.userId)
  if (!done) {
    const again = await findAppointmentPerson(tx, actor.structureId, id, personId)
    const at = again?.arrived_at ? ` à ${hhmm(again.arrived_at, actor.timeZone)}` : ''
    throw new AppError('conflict', `L’arrivée de cette personne est déjà signalée${at}.`)
  }
  await ctx.audit({ action: 'arrival', entity: 'appointment', entityId: id, detail: { personId } })
  const person = (await personsOf(tx, actor.structureId, [id])).find((p) => p.person_id === personId)!
  return {
    appointment: await readAppointment(ctx, id),
    counsellorId: row.counsellor_id,
    person: { id: personId, lastName: person.last_name, firstName: person.first_name },
    start: wallOf(row.starts_at, actor.timeZone).time,
    siteName: row.site_name,
  }
}
