import { createHash, randomBytes } from 'node:crypto'
import { appointmentKinds } from '../../../shared/agenda/agenda.schema.ts'
import { addDays, dayIn } from '../../../shared/dates.ts'
import type { Deps, Tx } from '../../deps.ts'
import { notFound } from '../../errors.ts'
import type { AgendaCtx } from './appointments.service.ts'
import { feed } from './ics.ts'
import { placeOf } from './messages.service.ts'

/**
 * Each counsellor's agenda as a private iCal feed: a URL holding a random token (32 bytes), of which the database keeps
 * only the SHA-256, so the URL is shown once, when made; "regenerate" replaces it, "revoke" deletes it. The feed goes
 * to calendars outside Jalon (a phone), so it carries no sensitive field: the kind, the place, and each person's first
 * name only — never a last name, a birth date, a phone, a note (docs/agenda.md).
 */
const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const FEED_PAST_DAYS = 31
const FEED_FUTURE_DAYS = 92

export async function feedState(ctx: Pick<AgendaCtx, 'tx' | 'actor'>) {
  const row = await ctx.tx
    .selectFrom('agenda_feed')
    .select('created_at')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst()
  return { active: !!row, createdAt: row?.created_at.toISOString() ?? null }
}

export async function regenerateFeed(ctx: AgendaCtx) {
  const token = randomBytes(32).toString('base64url')
  await ctx.tx
    .insertInto('agenda_feed')
    .values({
      structure_id: ctx.actor.structureId,
      user_id: ctx.actor.userId,
      token_hash: hash(token),
      created_at: ctx.now,
    })
    .onConflict((oc) =>
      oc.columns(['structure_id', 'user_id']).doUpdateSet({ token_hash: hash(token), created_at: ctx.now }),
    )
    .execute()
  await ctx.audit({ action: 'feed.regenerate', entity: 'agenda_feed', entityId: ctx.actor.userId })
  return { url: `${ctx.deps.config.publicUrl}/api/agenda/feed/${token}.ics`, createdAt: ctx.now.toISOString() }
}

export async function revokeFeed(ctx: AgendaCtx) {
  await ctx.tx
    .deleteFrom('agenda_feed')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('user_id', '=', ctx.actor.userId)
    .execute()
  await ctx.audit({ action: 'feed.revoke', entity: 'agenda_feed', entityId: ctx.actor.userId })
}

/** The calendar behind a token (public route: the token is the credential); an unknown or revoked one is 404. */
export async function feedCalendar(tx: Tx, deps: Pick<Deps, 'clock'>, token: string) {
  const owner = await tx
    .selectFrom('agenda_feed as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .innerJoin('structure as st', 'st.id', 'f.structure_id')
    .where('f.token_hash', '=', hash(token))
    .where('u.active', '=', true)
    .select(['f.structure_id', 'f.user_id', 'u.display_name', 'st.time_zone', 'st.name as structure_name'])
    .executeTakeFirst()
  if (!owner) throw notFound('Ce calendrier')
  const today = dayIn(deps.clock.now(), owner.time_zone)
  const rows = await tx
    .selectFrom('appointment as a')
    .innerJoin('site as s', 's.id', 'a.site_id')
    .leftJoin('agenda_room as r', (j) =>
      j.onRef('r.structure_id', '=', 'a.structure_id').onRef('r.id', '=', 'a.room_id'),
    )
    .where('a.structure_id', '=', owner.structure_id)
    // what they lead and what they co-lead
    .where((eb) =>
      eb.or([
        eb('a.counsellor_id', '=', owner.user_id),
        eb.exists(
          eb
            .selectFrom('appointment_leader as al')
            .select('al.user_id')
            .whereRef('al.structure_id', '=', 'a.structure_id')
            .whereRef('al.appointment_id', '=', 'a.id')
            .where('al.user_id', '=', owner.user_id),
        ),
      ]),
    )
    .where('a.day', '>=', addDays(today, -FEED_PAST_DAYS))
    .where('a.day', '<=', addDays(today, FEED_FUTURE_DAYS))
    .select([
      'a.id',
      'a.kind',
      'a.starts_at',
      'a.ends_at',
      'a.place',
      'a.video_url',
      'a.cancelled_at',
      'a.title',
      's.name as site_name',
      's.address as site_address',
      'r.name as room_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('appointment_person as ap')
        .innerJoin('person as p', 'p.id', 'ap.person_id')
        .whereRef('ap.structure_id', '=', 'a.structure_id')
        .whereRef('ap.appointment_id', '=', 'a.id')
        .select((e) => e.fn.agg<string>('string_agg', [e.ref('p.first_name'), e.val(', ')]).as('names'))
        .as('first_names'),
    )
    .orderBy('a.starts_at')
    .execute()
  return feed(
    `Agenda Jalon — ${owner.display_name}`,
    rows.map((r) => {
      const kind = appointmentKinds.labels[r.kind as keyof typeof appointmentKinds.labels]
      return {
        id: r.id,
        start: r.starts_at,
        end: r.ends_at,
        summary: [r.title ?? kind, r.first_names].filter(Boolean).join(' — '),
        location: placeOf(r),
        cancelled: r.cancelled_at !== null,
      }
    }),
  )
}
