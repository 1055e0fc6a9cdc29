import { type Insertable, sql } from 'kysely'
import type { Actor, Tx } from '../../deps.ts'
import { visibleAppointments } from './agenda.policy.ts'
import type { AppointmentTable } from './agenda.tables.ts'

// All the SQL of appointments and their persons.

export interface ListFilter {
  from: string
  to: string
  counsellorId?: string
  siteId?: string
  roomId?: string
  personId?: string
  includeCancelled: boolean
}

function baseQuery(tx: Tx) {
  return tx
    .selectFrom('appointment')
    .innerJoin('site as s', 's.id', 'appointment.site_id')
    .innerJoin('app_user as u', 'u.id', 'appointment.counsellor_id')
    .leftJoin('agenda_room as r', (j) =>
      j.onRef('r.structure_id', '=', 'appointment.structure_id').onRef('r.id', '=', 'appointment.room_id'),
    )
    .selectAll('appointment')
    .select(['s.name as site_name', 'u.display_name as counsellor_name', 'r.name as room_name'])
}
export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

/** The appointments the actor may read that start on a day of [from, to], by start. */
export function listAppointments(tx: Tx, actor: Actor, f: ListFilter) {
  let q = baseQuery(tx)
    .where(visibleAppointments(actor))
    .where('appointment.day', '>=', f.from)
    .where('appointment.day', '<=', f.to)
  // a counsellor's agenda: what they lead, and what they co-lead
  if (f.counsellorId)
    q = q.where((eb) =>
      eb.or([
        eb('appointment.counsellor_id', '=', f.counsellorId!),
        eb.exists(
          eb
            .selectFrom('appointment_leader as al')
            .select('al.user_id')
            .whereRef('al.structure_id', '=', 'appointment.structure_id')
            .whereRef('al.appointment_id', '=', 'appointment.id')
            .where('al.user_id', '=', f.counsellorId!),
        ),
      ]),
    )
  if (f.siteId) q = q.where('appointment.site_id', '=', f.siteId)
  if (f.roomId) q = q.where('appointment.room_id', '=', f.roomId)
  if (f.personId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('appointment_person as ap')
          .select('ap.person_id')
          .whereRef('ap.structure_id', '=', 'appointment.structure_id')
          .whereRef('ap.appointment_id', '=', 'appointment.id')
          .where('ap.person_id', '=', f.personId!),
      ),
    )
  if (!f.includeCancelled) q = q.where('appointment.cancelled_at', 'is', null)
  return q.orderBy('appointment.starts_at').orderBy('appointment.id').limit(2000).execute()
}

export function getAppointment(tx: Tx, actor: Actor, id: string) {
  return baseQuery(tx).where(visibleAppointments(actor)).where('appointment.id', '=', id).executeTakeFirst()
}

/** The persons of these appointments, with their names, in name order. */
export function personsOf(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([])
  return tx
    .selectFrom('appointment_person as ap')
    .innerJoin('person as p', 'p.id', 'ap.person_id')
    .where('ap.structure_id', '=', structureId)
    .where('ap.appointment_id', 'in', ids)
    .select([
      'ap.appointment_id',
      'ap.person_id',
      'p.last_name',
      'p.first_name',
      'ap.attendance',
      'ap.event_id',
      'ap.arrived_at',
      'ap.version',
    ])
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute()
}

export interface Slot {
  startsAt: Date
  endsAt: Date
  counsellorId: string
  /** the session's co-leaders: busy like the leader (appointment_leader) */
  coLeaderIds?: string[]
  roomId: string | null
  personIds: string[]
}

/** Whether appointments a and b share a leader: the counsellor of one is the counsellor or a co-leader of the other. */
const shareLeader = sql`(a.counsellor_id = b.counsellor_id
  OR EXISTS (SELECT 1 FROM appointment_leader l WHERE l.structure_id = a.structure_id AND l.appointment_id = b.id
             AND l.user_id = a.counsellor_id)
  OR EXISTS (SELECT 1 FROM appointment_leader l WHERE l.structure_id = a.structure_id AND l.appointment_id = a.id
             AND l.user_id = b.counsellor_id)
  OR EXISTS (SELECT 1 FROM appointment_leader la JOIN appointment_leader lb
               ON lb.structure_id = la.structure_id AND lb.user_id = la.user_id AND lb.appointment_id = b.id
             WHERE la.structure_id = a.structure_id AND la.appointment_id = a.id))`

/**
 * Appointments (not cancelled) overlapping these ones or a candidate slot with the same counsellor, the same room or a
 * same person: [appointment id (or 'new'), other id, reason]. Touching ends (10:00–11:00 then 11:00–12:00) do not overlap.
 */
export async function conflictsOf(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return []
  const rows = await sql<{ id: string; other_id: string; reason: 'counsellor' | 'room' | 'person' }>`
    SELECT a.id, b.id AS other_id,
      CASE WHEN ${shareLeader} THEN 'counsellor'
           WHEN a.room_id = b.room_id THEN 'room' ELSE 'person' END AS reason
    FROM appointment a
    JOIN appointment b ON b.structure_id = a.structure_id AND b.id <> a.id AND b.cancelled_at IS NULL
      AND b.starts_at < a.ends_at AND b.ends_at > a.starts_at
    WHERE a.structure_id = ${structureId} AND a.id IN (${sql.join(ids)}) AND a.cancelled_at IS NULL
      AND (${shareLeader} OR a.room_id = b.room_id OR EXISTS (
        SELECT 1 FROM appointment_person pa
        JOIN appointment_person pb ON pb.structure_id = pa.structure_id AND pb.person_id = pa.person_id
        WHERE pa.structure_id = a.structure_id AND pa.appointment_id = a.id AND pb.appointment_id = b.id))
    ORDER BY a.id, b.starts_at`.execute(tx)
  return rows.rows
}

export async function conflictsWithSlot(tx: Tx, structureId: string, slot: Slot, excludeId: string | null) {
  const persons = slot.personIds.length
    ? sql`OR EXISTS (SELECT 1 FROM appointment_person pb WHERE pb.structure_id = b.structure_id
            AND pb.appointment_id = b.id AND pb.person_id IN (${sql.join(slot.personIds)}))`
    : sql``
  // the slot's leaders (its counsellor and co-leaders) are busy where any of them leads or co-leads
  const leaders = sql.join([slot.counsellorId, ...(slot.coLeaderIds ?? [])])
  const busyLeader = sql`(b.counsellor_id IN (${leaders}) OR EXISTS (SELECT 1 FROM appointment_leader l
    WHERE l.structure_id = b.structure_id AND l.appointment_id = b.id AND l.user_id IN (${leaders})))`
  const rows = await sql<{ id: string; reason: 'counsellor' | 'room' | 'person' }>`
    SELECT b.id, CASE WHEN ${busyLeader} THEN 'counsellor'
                      WHEN b.room_id = ${slot.roomId}::uuid THEN 'room' ELSE 'person' END AS reason
    FROM appointment b
    WHERE b.structure_id = ${structureId} AND b.cancelled_at IS NULL
      AND b.starts_at < ${slot.endsAt} AND b.ends_at > ${slot.startsAt}
      ${excludeId ? sql`AND b.id <> ${excludeId}` : sql``}
      AND (${busyLeader} OR b.room_id = ${slot.roomId}::uuid ${persons})
    ORDER BY b.starts_at`.execute(tx)
  return rows.rows
}

/**
 * Serialises the bookings that could conflict: one transaction-scoped advisory lock per counsellor, room and person,
 * taken in one order (no deadlock), held until commit; the conflict check then sees every booking committed before.
 */
export async function lockSlotKeys(tx: Tx, slot: Slot) {
  const keys = [
    slot.counsellorId,
    ...(slot.coLeaderIds ?? []),
    ...(slot.roomId ? [slot.roomId] : []),
    ...slot.personIds,
  ].sort()
  for (const key of keys) await sql`SELECT pg_advisory_xact_lock(hashtext(${`agenda:${key}`}))`.execute(tx)
}

export async function insertAppointment(tx: Tx, row: Insertable<AppointmentTable>) {
  const { id } = await tx.insertInto('appointment').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export function updateAppointment(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  values: Partial<Insertable<AppointmentTable>>,
) {
  return tx
    .updateTable('appointment')
    .set({ ...values, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function appointmentExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('appointment')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}

/** The co-leaders of these appointments, with their names, by name. */
export function leadersOf(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([])
  return tx
    .selectFrom('appointment_leader as al')
    .innerJoin('app_user as u', 'u.id', 'al.user_id')
    .where('al.structure_id', '=', structureId)
    .where('al.appointment_id', 'in', ids)
    .select(['al.appointment_id', 'al.user_id', 'u.display_name'])
    .orderBy('u.display_name')
    .orderBy('al.user_id')
    .execute()
}

/** Sets the appointment's co-leaders to these users. */
export async function setLeaders(tx: Tx, structureId: string, appointmentId: string, userIds: string[]) {
  await tx
    .deleteFrom('appointment_leader')
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .execute()
  if (userIds.length)
    await tx
      .insertInto('appointment_leader')
      .values(userIds.map((user_id) => ({ structure_id: structureId, appointment_id: appointmentId, user_id })))
      .execute()
}

/** Sets the appointment's persons: adds the new ones, removes those gone (with no attendance taken). */
export async function setPersons(
  tx: Tx,
  structureId: string,
  appointmentId: string,
  personIds: string[],
  reminderDueAt: Date | null,
) {
  const current = await tx
    .selectFrom('appointment_person')
    .select(['person_id', 'attendance'])
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .execute()
  const gone = current.filter((c) => !personIds.includes(c.person_id))
  const added = personIds.filter((p) => !current.some((c) => c.person_id === p))
  if (gone.length)
    await tx
      .deleteFrom('appointment_person')
      .where('structure_id', '=', structureId)
      .where('appointment_id', '=', appointmentId)
      .where(
        'person_id',
        'in',
        gone.map((g) => g.person_id),
      )
      .execute()
  if (added.length)
    await tx
      .insertInto('appointment_person')
      .values(
        added.map((person_id) => ({
          structure_id: structureId,
          appointment_id: appointmentId,
          person_id,
          reminder_due_at: reminderDueAt,
        })),
      )
      .execute()
  return { added, removed: gone }
}

/** After a move: a reminder is due again for the new time (the one sent was about the old one). */
export function resetReminders(tx: Tx, structureId: string, appointmentId: string, reminderDueAt: Date | null) {
  return tx
    .updateTable('appointment_person')
    .set({ reminder_due_at: reminderDueAt, reminded_at: null })
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .where('attendance', 'is', null)
    .execute()
}

export function findAppointmentPerson(tx: Tx, structureId: string, appointmentId: string, personId: string) {
  return tx
    .selectFrom('appointment_person')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

export function setAttendance(
  tx: Tx,
  structureId: string,
  appointmentId: string,
  personId: string,
  version: number,
  values: { attendance: 'present' | 'excused' | 'absent'; event_id: string },
) {
  return tx
    .updateTable('appointment_person')
    .set({ ...values, reminded_at: sql`coalesce(reminded_at, now())`, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

/** Reception's undo: clears the arrival recorded at `at` (compare and set: a second undo finds nothing). */
export function clearArrival(tx: Tx, structureId: string, appointmentId: string, personId: string, at: Date) {
  return tx
    .updateTable('appointment_person')
    .set({ arrived_at: null, arrived_by: null })
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .where('person_id', '=', personId)
    .where('arrived_at', '=', at)
    .returning('person_id')
    .executeTakeFirst()
}

/** Reception's "arrivé(e)", once: nothing is updated when an arrival is already recorded (the caller says 409). */
export function setArrival(tx: Tx, structureId: string, appointmentId: string, personId: string, at: Date, by: string) {
  return tx
    .updateTable('appointment_person')
    .set({ arrived_at: at, arrived_by: by })
    .where('structure_id', '=', structureId)
    .where('appointment_id', '=', appointmentId)
    .where('person_id', '=', personId)
    .where('arrived_at', 'is', null)
    .returning('arrived_at')
    .executeTakeFirst()
}
