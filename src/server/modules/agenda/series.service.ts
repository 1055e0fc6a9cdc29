import rrulePackage from 'rrule'
import type { z } from 'zod'
import { MAX_OCCURRENCES, type seriesInputSchema } from '../../../shared/agenda/agenda.schema.ts'
import { AppError } from '../../errors.ts'
import { ensureBookableSite } from './agenda.policy.ts'
import { type AgendaCtx, createAppointment } from './appointments.service.ts'
import { ensureRoom, ensureSiteOfStructure, ensureStaff } from './checks.repository.ts'

const { RRule, Weekday } = rrulePackage as unknown as typeof import('rrule')

/**
 * A permanence: a recurring slot from an RFC 5545 rule (rrule), e.g. every Tuesday 9:00–12:00 at the Hondschoote desk
 * until June. The rule is kept (agenda_series) and its occurrences are written as appointments of the series, each one
 * then movable, bookable (persons added up to the capacity) or cancelled on its own. Occurrences are computed on
 * wall days (the rule in UTC on floating dates), so a DST change does not shift the hours.
 */
export function occurrences(input: z.output<typeof seriesInputSchema>): { rule: string; days: string[] } {
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: input.interval,
    byweekday: input.days.map((d) => Weekday.fromStr(d)),
    dtstart: new Date(`${input.firstDay}T00:00:00Z`),
    until: new Date(`${input.lastDay}T23:59:59Z`),
    wkst: RRule.MO,
  })
  const days = rule.all((_, i) => i < MAX_OCCURRENCES + 1).map((d) => d.toISOString().slice(0, 10))
  return { rule: rule.toString(), days }
}

export async function createSeries(ctx: AgendaCtx, input: z.output<typeof seriesInputSchema>) {
  const { tx, actor } = ctx
  ensureBookableSite(actor, input.siteId)
  await ensureSiteOfStructure(tx, actor.structureId, input.siteId)
  const counsellorId = input.counsellorId ?? actor.userId
  if (counsellorId !== actor.userId) await ensureStaff(tx, actor.structureId, counsellorId, 'counsellorId')
  if (input.roomId) await ensureRoom(tx, actor.structureId, input.roomId, input.siteId)
  const { rule, days } = occurrences(input)
  if (!days.length)
    throw new AppError('validation', 'Aucun jour ne tombe dans cette période.', [
      { field: 'days', message: 'Aucun jour dans la période.' },
    ])
  if (days.length > MAX_OCCURRENCES)
    throw new AppError('validation', `Au plus ${MAX_OCCURRENCES} créneaux à la fois.`, [
      { field: 'lastDay', message: `Au plus ${MAX_OCCURRENCES} créneaux.` },
    ])
  const { id } = await tx
    .insertInto('agenda_series')
    .values({
      structure_id: actor.structureId,
      rule,
      kind: input.kind,
      site_id: input.siteId,
      room_id: input.roomId,
      counsellor_id: counsellorId,
      start_time: input.start,
      end_time: input.end,
      first_day: input.firstDay,
      last_day: input.lastDay,
      title: input.title,
      capacity: input.capacity,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // each occurrence goes through the booking's checks (conflicts included: a permanence over a booked slot is refused)
  const silent = { ...ctx, audit: async () => undefined }
  for (const date of days)
    await createAppointment(
      silent,
      {
        kind: input.kind,
        date,
        start: input.start,
        end: input.end,
        place: 'site',
        siteId: input.siteId,
        roomId: input.roomId,
        videoUrl: null,
        counsellorId,
        personIds: [],
        capacity: input.capacity,
        title: input.title,
        note: null,
        allowConflicts: false,
        sendConvocation: false,
      },
      id,
    )
  await ctx.audit({
    action: 'create',
    entity: 'agenda_series',
    entityId: id,
    detail: { rule, occurrences: days.length },
  })
  return { id, rule, occurrences: days.length }
}
