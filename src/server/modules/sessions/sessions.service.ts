import type { z } from 'zod'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import { dayIn } from '../../../shared/dates.ts'
import {
  type coLeadersSchema,
  type registrationSchema,
  type Session,
  sessionKinds,
  type sessionListQuery,
} from '../../../shared/sessions/sessions.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import {
  type AgendaCtx,
  appointmentExists,
  changeCoLeaders,
  dayOnly,
  editable,
  loadAppointment,
  presentAppointments,
  readAppointment,
  reminderDueAt,
  setPersons,
  updateAppointment,
} from '../agenda/index.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { LIST_LIMIT, listSessions } from './sessions.repository.ts'

// Collective sessions over the agenda (docs/agenda.md, « Séances collectives »): the list, registration within the
// capacity, unregistration before attendance. Attendance and convocations are the agenda's own routes.

const isSession = (kind: string) => (sessionKinds as readonly string[]).includes(kind)
const withCounts = (a: Appointment): Session => ({
  ...a,
  registered: a.persons.length,
  placesLeft: Math.max(0, a.capacity - a.persons.length),
})

export async function listForActor(ctx: AgendaCtx, q: z.output<typeof sessionListQuery>) {
  const rows = await listSessions(ctx.tx, ctx.actor, q.period, ctx.now)
  const truncated = rows.length > LIST_LIMIT
  let items = (await presentAppointments(ctx.tx, ctx.actor, rows.slice(0, LIST_LIMIT))).map(withCounts)
  // reception reads the day's appointments only (the agenda's rule)
  if (dayOnly(ctx.actor)) items = items.filter((s) => s.date === dayIn(ctx.now, ctx.actor.timeZone))
  if (q.open === 'true') items = items.filter((s) => s.placesLeft > 0 && s.canEdit)
  return { items, truncated }
}

/** A session the actor may read (the agenda's scope: another site's is 404, an appointment that is no session too). */
export async function loadSession(ctx: AgendaCtx, id: string) {
  const row = await loadAppointment(ctx, id)
  if (!isSession(row.kind)) throw notFound('Cette séance')
  return row
}

export async function readSession(ctx: AgendaCtx, id: string) {
  await loadSession(ctx, id)
  return withCounts(await readAppointment(ctx, id))
}

async function editableSession(ctx: AgendaCtx, id: string) {
  const row = await editable(ctx, id)
  if (!isSession(row.kind)) throw notFound('Cette séance')
  return row
}

/**
 * Registers a person whose file the actor sees, within the capacity. The session's version is bumped: of two
 * registrations read at the same version only the first passes (409), so the last place is never taken twice.
 */
export async function registerPerson(ctx: AgendaCtx, id: string, input: z.output<typeof registrationSchema>) {
  const row = await editableSession(ctx, id)
  if (row.person_ids.includes(input.personId))
    throw new AppError('conflict', 'Cette personne est déjà inscrite à la séance.', [
      { field: 'personId', message: 'Déjà inscrite.' },
    ])
  await loadVisiblePerson(ctx.tx, ctx.actor, input.personId, ctx.now)
  if (row.person_ids.length >= row.capacity)
    throw new AppError('conflict', `La séance est complète (${row.capacity} places).`, [
      { field: 'personId', message: 'Plus de place dans cette séance.' },
    ])
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, input.version, {}),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Cette séance',
  )
  const due = reminderDueAt(row.day, ctx.actor.timeZone, ctx.now)
  await setPersons(ctx.tx, ctx.actor.structureId, id, [...row.person_ids, input.personId], due)
  await ctx.audit({ action: 'register', entity: 'appointment', entityId: id, detail: { personId: input.personId } })
  return readSession(ctx, id)
}

/** Names the session's co-leaders (they see it and take attendance as its leader does). */
export async function setSessionCoLeaders(ctx: AgendaCtx, id: string, input: z.output<typeof coLeadersSchema>) {
  await editableSession(ctx, id)
  await changeCoLeaders(ctx, id, input.coLeaderIds, input.version)
  return readSession(ctx, id)
}

/** Takes a person off a session, as long as their attendance has not been taken. */
export async function unregisterPerson(ctx: AgendaCtx, id: string, personId: string, version: number) {
  const row = await editableSession(ctx, id)
  if (!row.person_ids.includes(personId)) throw notFound('Cette personne de la séance')
  const session = await readAppointment(ctx, id)
  if (session.persons.find((p) => p.personId === personId)?.attendance)
    throw new AppError('conflict', 'La présence de cette personne a déjà été notée : elle reste inscrite.')
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, version, {}),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Cette séance',
  )
  const due = reminderDueAt(row.day, ctx.actor.timeZone, ctx.now)
  await setPersons(
    ctx.tx,
    ctx.actor.structureId,
    id,
    row.person_ids.filter((p) => p !== personId),
    due,
  )
  await ctx.audit({ action: 'unregister', entity: 'appointment', entityId: id, detail: { personId } })
  return readSession(ctx, id)
}
