import type { z } from 'zod'
import type { firstInterviewSchema } from '../../../shared/agenda/agenda.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Deps } from '../../deps.ts'
import { AppError, forbidden } from '../../errors.ts'
import { insertAppointment, setPersons } from './appointments.repository.ts'
import { type AgendaCtx, checkConflicts } from './appointments.service.ts'
import { ensureRoom, ensureStaffOfSite } from './checks.repository.ts'
import { saveContact } from './messages.repository.ts'
import { sendAppointmentMessage } from './messages.service.ts'
import { reminderDueAt } from './reminders.job.ts'
import { zonedInstant } from './wall-time.ts'

// The first interview booked at the first reception (issue 10, docs/reception-and-interview.md): the persons module
// calls this inside the creation's transaction, so a refusal keeps nothing, the file included. It is the one booking
// reception may make (capability agendaFirstInterview): an individual interview of the new file, in the agenda of
// its referent — a counsellor of the file's site —, on that site; never a move or a cancellation.

const PREFIX = 'firstInterview'
const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])

/** Field errors of the agenda's checks named under the creation body's `firstInterview` part. */
async function underPrefix<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    const fields = e.fields.map((f) => ({ ...f, field: f.field === 'referentId' ? f.field : `${PREFIX}.${f.field}` }))
    throw new AppError(e.code, e.message, fields, e.commit)
  }
}

export interface FirstInterview {
  personId: string
  siteId: string
  /** the file's referent (chosen or suggested); null: "à désigner", nobody's agenda to book in */
  counsellorId: string | null
  interview: z.output<typeof firstInterviewSchema>
  /** what the new file holds to reach the person (a convocation needs the address of its channel) */
  reach: { email: string | null; phone: string | null }
}

/** Books the first interview; returns its appointment's id and when it is. */
export async function bookFirstInterview(ctx: Omit<AgendaCtx, 'deps'>, input: FirstInterview) {
  const { tx, actor, now } = ctx
  const { interview: v, counsellorId } = input
  if (!can(actor.role, 'agendaFirstInterview')) throw forbidden('Vous ne pouvez pas réserver de premier entretien.')
  if (!counsellorId)
    throw invalid('referentId', 'Désignez le référent : le premier entretien se réserve dans son agenda.')
  if (v.convocation === 'email' && !input.reach.email)
    throw invalid(`${PREFIX}.convocation`, 'Indiquez le courriel de la personne pour lui envoyer la convocation.')
  if (v.convocation === 'sms' && !input.reach.phone)
    throw invalid(`${PREFIX}.convocation`, 'Indiquez le téléphone de la personne pour lui envoyer la convocation.')
  if (v.date < dayIn(now, actor.timeZone))
    throw invalid(`${PREFIX}.date`, 'Le premier entretien ne peut pas être dans le passé.')
  return underPrefix(async () => {
    await ensureStaffOfSite(tx, actor.structureId, counsellorId, input.siteId)
    const roomId = v.place === 'site' ? v.roomId : null
    if (roomId) await ensureRoom(tx, actor.structureId, roomId, input.siteId)
    const startsAt = zonedInstant(v.date, v.start, actor.timeZone)
    const endsAt = zonedInstant(v.date, v.end, actor.timeZone)
    // no "book anyway" here: reception sees nobody's agenda but the day's, a clash is refused
    await checkConflicts(ctx, { startsAt, endsAt, counsellorId, roomId, personIds: [input.personId] }, null, false)
    const id = await insertAppointment(tx, {
      structure_id: actor.structureId,
      kind: 'individual_interview',
      starts_at: startsAt,
      ends_at: endsAt,
      day: v.date,
      place: v.place,
      site_id: input.siteId,
      room_id: roomId,
      video_url: v.place === 'video' ? v.videoUrl : null,
      counsellor_id: counsellorId,
      title: 'Premier entretien',
      note: null,
      capacity: 1,
      series_id: null,
      created_by: actor.userId,
    })
    await setPersons(tx, actor.structureId, id, [input.personId], reminderDueAt(v.date, actor.timeZone, now))
    await ctx.audit({
      action: 'create',
      entity: 'appointment',
      entityId: id,
      detail: {
        kind: 'individual_interview',
        date: v.date,
        siteId: input.siteId,
        counsellorId,
        personIds: [input.personId],
        firstInterview: true,
      },
    })
    if (v.convocation) {
      // asked at reception: the person's consent and channel, as the file's « Rendez-vous » tab records them
      await saveContact(tx, actor.structureId, input.personId, 0, {
        consent: true,
        channel: v.convocation,
        recorded_at: now,
        recorded_by: actor.userId,
      })
      await ctx.audit({
        action: 'update',
        entity: 'agenda_contact',
        entityId: input.personId,
        detail: { personId: input.personId, consent: true, channel: v.convocation },
      })
    }
    return { id, date: v.date, start: v.start, end: v.end, convocation: v.convocation }
  })
}

/**
 * Sends the convocation of a first interview booked with the person's consent (bookFirstInterview's `convocation`),
 * kept in the file like any other; the creation calls it last, once everything else of the file is written. A mail or
 * SMS that fails is kept as failed (the file is created; the counsellor can send it again from the agenda).
 */
export async function convokeFirstInterview(
  ctx: Pick<AgendaCtx, 'tx' | 'actor' | 'now'>,
  deps: Pick<Deps, 'mailer' | 'config'>,
  personId: string,
  appointmentId: string,
) {
  const sent = await sendAppointmentMessage(
    ctx.tx,
    deps,
    {
      structureId: ctx.actor.structureId,
      appointmentId,
      personId,
      purpose: 'convocation',
      sentBy: ctx.actor.userId,
      now: ctx.now,
    },
    true,
  )
  return sent?.status ?? null
}
