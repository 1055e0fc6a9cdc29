import type { z } from 'zod'
import type {
  appointmentInputSchema,
  appointmentListQuery,
  appointmentMoveSchema,
  appointmentUpdateSchema,
} from '../../../shared/agenda/agenda.schema.ts'
import { appointmentKinds } from '../../../shared/agenda/agenda.schema.ts'
import { dayIn } from '../../../shared/dates.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Actor, Deps, Tx } from '../../deps.ts'
import { AppError, forbidden, notFound } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { canEdit, dayOnly, ensureBookableSite } from './agenda.policy.ts'
import { presentAppointments } from './appointments.present.ts'
import {
  appointmentExists,
  conflictsWithSlot,
  getAppointment,
  insertAppointment,
  leadersOf,
  listAppointments,
  lockSlotKeys,
  personsOf,
  resetReminders,
  type Slot,
  setLeaders,
  setPersons,
  updateAppointment,
} from './appointments.repository.ts'
import { ensureRoom, ensureSiteOfStructure, ensureStaff } from './checks.repository.ts'
import { sendAppointmentMessage } from './messages.service.ts'
import { reminderDueAt } from './reminders.job.ts'
import { zonedInstant } from './wall-time.ts'

export interface AgendaCtx {
  tx: Tx
  actor: Actor
  now: Date
  deps: Deps
  audit(entry: AuditEntry): Promise<void>
}

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])
const reasons = { counsellor: 'le conseiller ou un co-animateur', room: 'la salle', person: 'une personne' } as const

export async function listForActor(ctx: AgendaCtx, q: z.output<typeof appointmentListQuery>) {
  const { actor, now } = ctx
  if (dayOnly(actor)) {
    const today = dayIn(now, actor.timeZone)
    if (q.from !== today || q.to !== today) throw forbidden("L'accueil consulte les rendez-vous du jour de ses sites.")
  }
  const rows = await listAppointments(ctx.tx, actor, { ...q, includeCancelled: q.includeCancelled === 'true' })
  return presentAppointments(ctx.tx, actor, rows)
}

/** An appointment the actor may read (reception: today's only), or 404. */
export async function loadAppointment(ctx: AgendaCtx, id: string) {
  const row = await getAppointment(ctx.tx, ctx.actor, id)
  if (!row || (dayOnly(ctx.actor) && row.day !== dayIn(ctx.now, ctx.actor.timeZone))) throw notFound('Ce rendez-vous')
  return row
}

export async function readAppointment(ctx: AgendaCtx, id: string) {
  return (await presentAppointments(ctx.tx, ctx.actor, [await loadAppointment(ctx, id)]))[0]!
}

/** An appointment the actor may change, with its persons (and how many have their attendance taken). */
export async function editable(ctx: AgendaCtx, id: string) {
  const row = await loadAppointment(ctx, id)
  const coLeaderIds = (await leadersOf(ctx.tx, ctx.actor.structureId, [id])).map((l) => l.user_id)
  if (!canEdit(ctx.actor, row, coLeaderIds)) throw forbidden('Ce rendez-vous n’est pas sur l’un de vos sites.')
  if (row.cancelled_at) throw new AppError('conflict', 'Ce rendez-vous est annulé.')
  const persons = await personsOf(ctx.tx, ctx.actor.structureId, [id])
  return {
    ...row,
    co_leader_ids: coLeaderIds,
    person_ids: persons.map((p) => p.person_id),
    persons_attended: persons.filter((p) => p.attendance !== null).length,
  }
}

/** Refuses a slot that overlaps another appointment of the counsellor, the room or a person, unless told to book anyway. */
export async function checkConflicts(
  ctx: Pick<AgendaCtx, 'tx' | 'actor'>,
  slot: Slot,
  excludeId: string | null,
  allow: boolean,
) {
  await lockSlotKeys(ctx.tx, slot)
  const found = await conflictsWithSlot(ctx.tx, ctx.actor.structureId, slot, excludeId)
  if (found.length && !allow) {
    const what = [...new Set(found.map((f) => reasons[f.reason]))].join(', ')
    throw new AppError('conflict', `Ce créneau chevauche un autre rendez-vous (${what}).`, [
      { field: 'start', message: `Déjà pris à cette heure : ${what}.` },
    ])
  }
}

type Input = z.output<typeof appointmentInputSchema>

/** Co-leaders: active counsellors of the structure (of any site), other than the leader. */
async function checkCoLeaders(ctx: Pick<AgendaCtx, 'tx' | 'actor'>, counsellorId: string, ids: string[]) {
  for (const leaderId of ids) {
    if (leaderId === counsellorId) throw invalid('coLeaderIds', 'Le conseiller du rendez-vous l’anime déjà.')
    await ensureStaff(ctx.tx, ctx.actor.structureId, leaderId, 'coLeaderIds')
  }
}

/**
 * Changes the co-leaders only (a collective session's page), with the version read. A co-leader busy elsewhere at the
 * session's time is refused (409 on coLeaderIds): there is no "book anyway" on this page.
 */
export async function changeCoLeaders(ctx: AgendaCtx, id: string, coLeaderIds: string[], version: number) {
  const current = await editable(ctx, id)
  await checkCoLeaders(ctx, current.counsellor_id, coLeaderIds)
  if (coLeaderIds.length) {
    // only the co-leaders are checked here: the leader's, the room's and the persons' clashes were settled at booking
    const [first, ...others] = coLeaderIds as [string, ...string[]]
    const slot = { startsAt: current.starts_at, endsAt: current.ends_at, counsellorId: first, coLeaderIds: others }
    await lockSlotKeys(ctx.tx, { ...slot, roomId: null, personIds: [] })
    const busy = await conflictsWithSlot(ctx.tx, ctx.actor.structureId, { ...slot, roomId: null, personIds: [] }, id)
    if (busy.length)
      throw new AppError('conflict', 'Un co-animateur a déjà un rendez-vous à cette heure.', [
        { field: 'coLeaderIds', message: 'Déjà pris à cette heure : un co-animateur.' },
      ])
  }
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, version, {}),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Ce rendez-vous',
  )
  await setLeaders(ctx.tx, ctx.actor.structureId, id, coLeaderIds)
  await ctx.audit({ action: 'update', entity: 'appointment', entityId: id, detail: { coLeaderIds } })
  return readAppointment(ctx, id)
}

async function resolve(ctx: AgendaCtx, input: Input) {
  const { tx, actor } = ctx
  ensureBookableSite(actor, input.siteId)
  await ensureSiteOfStructure(tx, actor.structureId, input.siteId)
  const counsellorId = input.counsellorId ?? actor.userId
  if (counsellorId !== actor.userId) await ensureStaff(tx, actor.structureId, counsellorId, 'counsellorId')
  if (input.roomId) await ensureRoom(tx, actor.structureId, input.roomId, input.siteId)
  for (const personId of input.personIds) await loadVisiblePerson(tx, actor, personId, ctx.now)
  await checkCoLeaders(ctx, counsellorId, input.coLeaderIds ?? [])
  const startsAt = zonedInstant(input.date, input.start, actor.timeZone)
  const endsAt = zonedInstant(input.date, input.end, actor.timeZone)
  return {
    row: {
      kind: input.kind,
      starts_at: startsAt,
      ends_at: endsAt,
      day: input.date,
      place: input.place,
      site_id: input.siteId,
      room_id: input.place === 'site' ? input.roomId : null,
      video_url: input.place === 'video' ? input.videoUrl : null,
      counsellor_id: counsellorId,
      title: input.title,
      note: input.note,
      capacity: input.capacity,
    },
    slot: {
      startsAt,
      endsAt,
      counsellorId,
      roomId: input.place === 'site' ? input.roomId : null,
      personIds: input.personIds,
      coLeaderIds: input.coLeaderIds,
    },
  }
}

async function convoke(ctx: AgendaCtx, appointmentId: string, personIds: string[]) {
  const sent = []
  for (const personId of personIds) {
    const r = await sendAppointmentMessage(
      ctx.tx,
      ctx.deps,
      {
        structureId: ctx.actor.structureId,
        appointmentId,
        personId,
        purpose: 'convocation',
        sentBy: ctx.actor.userId,
        now: ctx.now,
      },
      false,
    )
    if (r) sent.push({ personId, status: r.status })
  }
  return sent
}

const auditDetail = (
  row: { kind: string; day: string; site_id: string; counsellor_id: string },
  personIds: string[],
) => ({
  kind: row.kind,
  date: row.day,
  siteId: row.site_id,
  counsellorId: row.counsellor_id,
  personIds,
})

export async function createAppointment(ctx: AgendaCtx, input: Input, seriesId: string | null = null) {
  const { row, slot } = await resolve(ctx, input)
  await checkConflicts(ctx, slot, null, input.allowConflicts)
  const id = await insertAppointment(ctx.tx, {
    ...row,
    structure_id: ctx.actor.structureId,
    series_id: seriesId,
    created_by: ctx.actor.userId,
  })
  await setPersons(
    ctx.tx,
    ctx.actor.structureId,
    id,
    input.personIds,
    reminderDueAt(row.day, ctx.actor.timeZone, ctx.now),
  )
  if (input.coLeaderIds?.length) await setLeaders(ctx.tx, ctx.actor.structureId, id, input.coLeaderIds)
  const sent = input.sendConvocation ? await convoke(ctx, id, input.personIds) : []
  await ctx.audit({
    action: 'create',
    entity: 'appointment',
    entityId: id,
    detail: {
      ...auditDetail(row, input.personIds),
      ...(input.coLeaderIds?.length ? { coLeaderIds: input.coLeaderIds } : {}),
      convocations: sent.length,
    },
  })
  return readAppointment(ctx, id)
}

export async function changeAppointment(ctx: AgendaCtx, id: string, input: z.output<typeof appointmentUpdateSchema>) {
  const current = await editable(ctx, id)
  const { row, slot } = await resolve(ctx, input)
  await checkConflicts(
    ctx,
    { ...slot, coLeaderIds: input.coLeaderIds ?? current.co_leader_ids },
    id,
    input.allowConflicts,
  )
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, input.version, row),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Ce rendez-vous',
  )
  const due = reminderDueAt(row.day, ctx.actor.timeZone, ctx.now)
  const { added, removed } = await setPersons(ctx.tx, ctx.actor.structureId, id, input.personIds, due)
  const attended = removed.filter((r) => r.attendance !== null)
  if (attended.length) throw invalid('personIds', 'La présence d’une personne retirée a déjà été notée : gardez-la.')
  if (current.starts_at.getTime() !== row.starts_at.getTime())
    await resetReminders(ctx.tx, ctx.actor.structureId, id, due)
  if (input.coLeaderIds) await setLeaders(ctx.tx, ctx.actor.structureId, id, input.coLeaderIds)
  const sent = input.sendConvocation ? await convoke(ctx, id, input.personIds) : []
  await ctx.audit({
    action: 'update',
    entity: 'appointment',
    entityId: id,
    detail: {
      ...auditDetail(row, input.personIds),
      added,
      ...(input.coLeaderIds ? { coLeaderIds: input.coLeaderIds } : {}),
      convocations: sent.length,
    },
  })
  return readAppointment(ctx, id)
}

/** A drag in the calendar: same appointment, another day or time. */
export async function moveAppointment(ctx: AgendaCtx, id: string, input: z.output<typeof appointmentMoveSchema>) {
  const current = await editable(ctx, id)
  if (current.persons_attended > 0)
    throw invalid('date', 'La présence a déjà été notée : ce rendez-vous ne se déplace plus.')
  const startsAt = zonedInstant(input.date, input.start, ctx.actor.timeZone)
  const endsAt = zonedInstant(input.date, input.end, ctx.actor.timeZone)
  const personIds = current.person_ids
  await checkConflicts(
    ctx,
    {
      startsAt,
      endsAt,
      counsellorId: current.counsellor_id,
      coLeaderIds: current.co_leader_ids,
      roomId: current.room_id,
      personIds,
    },
    id,
    input.allowConflicts,
  )
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, input.version, {
      starts_at: startsAt,
      ends_at: endsAt,
      day: input.date,
    }),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Ce rendez-vous',
  )
  await resetReminders(ctx.tx, ctx.actor.structureId, id, reminderDueAt(input.date, ctx.actor.timeZone, ctx.now))
  await ctx.audit({
    action: 'move',
    entity: 'appointment',
    entityId: id,
    detail: {
      from: { date: current.day, startsAt: current.starts_at.toISOString() },
      to: { date: input.date, start: input.start, end: input.end },
    },
  })
  return readAppointment(ctx, id)
}

export async function cancelAppointment(ctx: AgendaCtx, id: string, version: number) {
  const current = await editable(ctx, id)
  if (current.persons_attended > 0)
    throw new AppError('conflict', 'La présence a déjà été notée : ce rendez-vous a eu lieu.')
  await ensureUpdated(
    await updateAppointment(ctx.tx, ctx.actor.structureId, id, version, { cancelled_at: ctx.now }),
    () => appointmentExists(ctx.tx, ctx.actor.structureId, id),
    'Ce rendez-vous',
  )
  await ctx.audit({
    action: 'cancel',
    entity: 'appointment',
    entityId: id,
    detail: { date: current.day, kind: current.kind },
  })
  return readAppointment(ctx, id)
}

/** "Envoyer la convocation": now, to every person of the appointment (or one), by their channel. */
export async function sendConvocations(ctx: AgendaCtx, id: string, personId?: string) {
  const row = await editable(ctx, id)
  const targets = personId ? [personId] : row.person_ids
  if (personId && !row.person_ids.includes(personId)) throw notFound('Cette personne du rendez-vous')
  if (!targets.length) throw invalid('personIds', 'Aucune personne à convoquer.')
  const results = []
  for (const p of targets) {
    const r = await sendAppointmentMessage(
      ctx.tx,
      ctx.deps,
      {
        structureId: ctx.actor.structureId,
        appointmentId: id,
        personId: p,
        purpose: 'convocation',
        sentBy: ctx.actor.userId,
        now: ctx.now,
      },
      targets.length === 1,
    )
    results.push({ personId: p, status: r?.status ?? ('skipped' as const), error: r?.error ?? null })
  }
  await ctx.audit({ action: 'convocation', entity: 'appointment', entityId: id, detail: { results } })
  return { results }
}

export { appointmentKinds }
