import { dayIn } from '../../../shared/dates.ts'
import { AppError, notFound } from '../../errors.ts'
import { clearArrival, findAppointmentPerson, personsOf, setArrival } from './appointments.repository.ts'
import { type AgendaCtx, loadAppointment, readAppointment } from './appointments.service.ts'
import { wallOf } from './wall-time.ts'

const hhmm = (at: Date, timeZone: string) => wallOf(at, timeZone).time.replace(':', 'h')

/**
 * Reception's one click "arrivé(e)" (the home page's expected arrivals): the person of one of today's appointments, on
 * a site of the reader's, came to the desk. Recorded once — a second click (a colleague, a double click) is a 409 that
 * says when — and apart from the attendance the counsellor takes afterwards. Gives back the appointment and what the
 * caller needs to tell the counsellor (the home module notifies: the agenda knows nothing of notifications).
 */
/** Today's appointment of one of reception's sites, and its person; else 404 (another site) or 400 (another day). */
async function todaysAppointmentPerson(ctx: AgendaCtx, id: string, personId: string, dayMessage: string) {
  const { actor, tx } = ctx
  const row = await loadAppointment(ctx, id)
  if (!actor.siteIds.includes(row.site_id)) throw notFound('Ce rendez-vous')
  if (row.day !== dayIn(ctx.now, actor.timeZone))
    throw new AppError('validation', dayMessage, [
      { field: 'appointmentId', message: 'Ce rendez-vous n’est pas aujourd’hui.' },
    ])
  const current = await findAppointmentPerson(tx, actor.structureId, id, personId)
  if (!current) throw notFound('Cette personne du rendez-vous')
  return { row, current }
}

async function arrivalOutcome(
  ctx: AgendaCtx,
  id: string,
  personId: string,
  row: Awaited<ReturnType<typeof loadAppointment>>,
) {
  const person = (await personsOf(ctx.tx, ctx.actor.structureId, [id])).find((p) => p.person_id === personId)!
  return {
    appointment: await readAppointment(ctx, id),
    counsellorId: row.counsellor_id,
    person: { id: personId, lastName: person.last_name, firstName: person.first_name },
    start: wallOf(row.starts_at, ctx.actor.timeZone).time,
    siteName: row.site_name,
  }
}

export async function markArrival(ctx: AgendaCtx, id: string, personId: string) {
  const { actor, tx } = ctx
  const { row } = await todaysAppointmentPerson(ctx, id, personId, 'Une arrivée se signale le jour du rendez-vous.')
  if (row.cancelled_at) throw new AppError('conflict', 'Ce rendez-vous est annulé.')
  const done = await setArrival(tx, actor.structureId, id, personId, ctx.now, actor.userId)
  if (!done) {
    const again = await findAppointmentPerson(tx, actor.structureId, id, personId)
    const at = again?.arrived_at ? ` à ${hhmm(again.arrived_at, actor.timeZone)}` : ''
    throw new AppError('conflict', `L’arrivée de cette personne est déjà signalée${at}.`)
  }
  await ctx.audit({ action: 'arrival', entity: 'appointment', entityId: id, detail: { personId } })
  return arrivalOutcome(ctx, id, personId, row)
}

/**
 * Reception clicked « Arrivé(e) » on the wrong line: the arrival is undone, the same day only (the day of the
 * appointment, when it was marked), by reception of the appointment's site — the one who clicked or a colleague.
 * Gives back, besides the appointment, when the arrival had been marked, so that the caller withdraws the
 * counsellor's notification of that moment (or tells her it was a mistake, if she has read it). Nothing to undo, or
 * undone meanwhile by a colleague: 409.
 */
export async function undoArrival(ctx: AgendaCtx, id: string, personId: string) {
  const { actor, tx } = ctx
  const { row, current } = await todaysAppointmentPerson(ctx, id, personId, 'Une arrivée ne s’annule que le jour même.')
  const arrivedAt = current.arrived_at
  if (!arrivedAt || !(await clearArrival(tx, actor.structureId, id, personId, arrivedAt)))
    throw new AppError('conflict', 'Aucune arrivée n’est signalée pour cette personne.')
  await ctx.audit({ action: 'arrival.undo', entity: 'appointment', entityId: id, detail: { personId } })
  return { ...(await arrivalOutcome(ctx, id, personId, row)), arrivedAt }
}
