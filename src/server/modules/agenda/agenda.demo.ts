import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'
import { recordAppointmentAttendance } from '../accompaniment/index.ts'
import { reminderDueAt } from './reminders.job.ts'
import { zonedInstant } from './wall-time.ts'

// The demo counsellor's agenda, relative to the day the demo is loaded: appointments this week and next with some of
// the persons she is referent of (their consent by e-mail when the file has an address, by SMS otherwise), two rooms
// at her antenna, and a Tuesday permanence at the Hondschoote desk. A dozen rows: it runs at every first start.

const CONSEILLER = 'conseiller@demo.jalon.fr'

/** Monday of the week of `day` */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))

const plan: {
  week: number
  weekday: number
  start: string
  end: string
  kind: string
  room?: 0 | 1
  person?: number
}[] = [
  { week: 0, weekday: 0, start: '09:30', end: '10:15', kind: 'individual_interview', room: 0, person: 0 },
  { week: 0, weekday: 1, start: '14:00', end: '14:45', kind: 'individual_interview', room: 0, person: 1 },
  { week: 0, weekday: 2, start: '10:00', end: '10:30', kind: 'phone', person: 2 },
  { week: 0, weekday: 3, start: '09:00', end: '11:00', kind: 'workshop', room: 1, person: 3 },
  { week: 0, weekday: 4, start: '11:00', end: '11:45', kind: 'individual_interview', room: 0, person: 4 },
  { week: 1, weekday: 0, start: '09:30', end: '10:15', kind: 'individual_interview', room: 0, person: 5 },
  { week: 1, weekday: 2, start: '14:00', end: '14:45', kind: 'individual_interview', room: 0, person: 0 },
  { week: 1, weekday: 3, start: '10:00', end: '12:00', kind: 'info_session', room: 1, person: 6 },
]

export async function loadAgendaDemo(tx: Tx, ctx: DemoContext) {
  const counsellorId = ctx.userIds.get(CONSEILLER)
  const antenna = ctx.siteIds.get('A-DK-CTR')
  const desk = ctx.siteIds.get('P-HOND')
  if (!counsellorId || !antenna || !desk) return
  const zone = DEFAULT_TIME_ZONE
  const today = dayIn(ctx.now, zone)
  const monday = mondayOf(today)
  const persons = await tx
    .selectFrom('person')
    .select(['id', 'email', 'phone'])
    .where('structure_id', '=', ctx.structureId)
    .where('referent_id', '=', counsellorId)
    // those the file can mail first: the demo shows convocations with their invitation
    .orderBy(sql`email IS NULL`)
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(7)
    .execute()
  if (!persons.length) return
  await tx
    .insertInto('agenda_contact')
    .values(
      persons.map((p) => ({
        structure_id: ctx.structureId,
        person_id: p.id,
        consent: true,
        channel: p.email || !p.phone ? ('email' as const) : ('sms' as const),
        recorded_at: ctx.now,
        recorded_by: counsellorId,
      })),
    )
    .execute()
  // ids made here so that each statement writes all its rows at once (a first start loads this: keep it short)
  const rooms = [randomUUID(), randomUUID()]
  await tx
    .insertInto('agenda_room')
    .values([
      { structure_id: ctx.structureId, id: rooms[0], site_id: antenna, name: 'Bureau 1', capacity: 3 },
      { structure_id: ctx.structureId, id: rooms[1], site_id: antenna, name: 'Salle collective', capacity: 16 },
    ])
    .execute()
  const booked = plan.map((a) => {
    const day = addDays(monday, a.week * 7 + a.weekday)
    const group = a.kind === 'workshop' || a.kind === 'info_session'
    const title = a.kind === 'workshop' ? 'Atelier CV et lettre de motivation' : 'Information collective CEJ'
    return {
      a,
      day,
      group,
      person: persons[(a.person ?? 0) % persons.length]!,
      row: {
        structure_id: ctx.structureId,
        id: randomUUID(),
        kind: a.kind,
        starts_at: zonedInstant(day, a.start, zone),
        ends_at: zonedInstant(day, a.end, zone),
        day,
        place: a.kind === 'phone' ? ('phone' as const) : ('site' as const),
        site_id: antenna,
        room_id: a.room === undefined ? null : rooms[a.room]!,
        counsellor_id: counsellorId,
        title: group ? title : null,
        capacity: group ? 12 : 1,
        created_by: counsellorId,
        created_at: ctx.now,
      },
    }
  })
  await tx
    .insertInto('appointment')
    .values(booked.map((b) => b.row))
    .execute()
  const attendees = []
  for (const { a, day, group, person, row } of booked) {
    // the days gone by this week: the person came (an event of her follow-up, as the one click writes it)
    const eventId =
      day < today
        ? await recordAppointmentAttendance(tx, {
            structureId: ctx.structureId,
            personId: person.id,
            eventId: null,
            kind: a.kind === 'phone' ? 'phone' : group ? a.kind : 'individual_interview',
            date: day,
            siteId: antenna,
            counsellorId,
            durationMinutes: 45,
            attendance: 'present',
          })
        : null
    attendees.push({
      structure_id: ctx.structureId,
      appointment_id: row.id,
      person_id: person.id,
      attendance: eventId ? ('present' as const) : null,
      event_id: eventId,
      reminder_due_at: eventId ? null : reminderDueAt(day, zone, ctx.now),
    })
  }
  await tx.insertInto('appointment_person').values(attendees).execute()
  // the Tuesday permanence at the desk, this week and the next two
  const tuesday = addDays(monday, 1)
  const { id: seriesId } = await tx
    .insertInto('agenda_series')
    .values({
      structure_id: ctx.structureId,
      rule: `DTSTART:${tuesday.replaceAll('-', '')}T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3`,
      kind: 'permanence',
      site_id: desk,
      counsellor_id: counsellorId,
      start_time: '09:00',
      end_time: '12:00',
      first_day: tuesday,
      last_day: addDays(tuesday, 14),
      title: 'Permanence Hondschoote',
      capacity: 4,
      created_by: counsellorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('appointment')
    .values(
      [0, 7, 14].map((n) => {
        const day = addDays(tuesday, n)
        return {
          structure_id: ctx.structureId,
          kind: 'permanence',
          starts_at: zonedInstant(day, '09:00', zone),
          ends_at: zonedInstant(day, '12:00', zone),
          day,
          place: 'site' as const,
          site_id: desk,
          counsellor_id: counsellorId,
          title: 'Permanence Hondschoote',
          capacity: 4,
          series_id: seriesId,
          created_by: counsellorId,
          created_at: ctx.now,
        }
      }),
    )
    .execute()
}
