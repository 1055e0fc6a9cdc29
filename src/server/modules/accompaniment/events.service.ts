import type { z } from 'zod'
import type { eventInputSchema, eventListQuery } from '../../../shared/accompaniment/accompaniment.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { notFound } from '../../errors.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import type { PersonTable } from '../persons/persons.tables.ts'
import { ensureSite, ensureStaff, invalid, type ServiceCtx } from './accompaniment.checks.ts'
import { localDay } from './dates.ts'
import {
  deleteEvent,
  type EventValues,
  findEventRow,
  getEvent,
  insertEvent,
  listEvents,
  updateEvent,
} from './events.repository.ts'

type EventInput = z.output<typeof eventInputSchema>
type Person = { id: string; site_id: PersonTable['site_id'] }
type Current = { site_id: string | null; counsellor_id: string | null }

/**
 * The values to store. A future-dated event is a planned appointment: nobody can have attended it yet.
 * An omitted site or counsellor is the person's site and the signed-in user on create, unchanged on update.
 */
async function resolve(ctx: ServiceCtx, person: Person, input: EventInput, current?: Current): Promise<EventValues> {
  const { tx, actor, now } = ctx
  if (input.date > localDay(now, actor.timeZone) && input.attendance !== null)
    throw invalid('attendance', 'Un rendez-vous à venir ne peut pas avoir de présence : laissez-la vide.')
  const siteId = input.siteId === undefined ? (current ? current.site_id : person.site_id) : input.siteId
  const counsellorId =
    input.counsellorId === undefined ? (current ? current.counsellor_id : actor.userId) : input.counsellorId
  if (siteId && siteId !== current?.site_id) await ensureSite(tx, actor.structureId, siteId, 'siteId')
  if (counsellorId && counsellorId !== current?.counsellor_id)
    await ensureStaff(tx, actor.structureId, counsellorId, 'counsellorId')
  return {
    kind: input.kind,
    date: input.date,
    site_id: siteId,
    counsellor_id: counsellorId,
    duration_minutes: input.durationMinutes,
    attendance: input.attendance,
    note: input.note,
  }
}

// The audit line says what happened, not the free text (the note stays in the file, not in the trail).
const auditDetail = (personId: string, v: EventValues) => ({
  personId,
  kind: v.kind,
  date: v.date,
  attendance: v.attendance,
  counsellorId: v.counsellor_id,
})

export async function listPersonEvents(ctx: ServiceCtx, personId: string, query: z.output<typeof eventListQuery>) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  return listEvents(ctx.tx, person.id, query, localDay(ctx.now, ctx.actor.timeZone))
}

export async function readEvent(ctx: ServiceCtx, personId: string, id: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const event = await getEvent(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone))
  if (!event) throw notFound('Cet événement')
  return event
}

export async function createEvent(ctx: ServiceCtx, personId: string, input: EventInput) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const values = await resolve(ctx, person, input)
  const id = await insertEvent(ctx.tx, ctx.actor.structureId, person.id, values)
  await ctx.audit({ action: 'create', entity: 'event', entityId: id, detail: auditDetail(person.id, values) })
  return (await getEvent(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}

export async function changeEvent(
  ctx: ServiceCtx,
  personId: string,
  id: string,
  input: EventInput & { version: number },
) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const current = await findEventRow(ctx.tx, person.id, id)
  if (!current) throw notFound('Cet événement')
  const values = await resolve(ctx, person, input, current)
  await ensureUpdated(
    await updateEvent(ctx.tx, person.id, id, input.version, values),
    async () => !!(await findEventRow(ctx.tx, person.id, id)),
    'Cet événement',
  )
  await ctx.audit({ action: 'update', entity: 'event', entityId: id, detail: auditDetail(person.id, values) })
  return (await getEvent(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}

export async function removeEvent(ctx: ServiceCtx, personId: string, id: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const deleted = await deleteEvent(ctx.tx, person.id, id)
  if (!deleted) throw notFound('Cet événement')
  await ctx.audit({
    action: 'delete',
    entity: 'event',
    entityId: id,
    detail: { personId: person.id, kind: deleted.kind, date: deleted.date },
  })
}
