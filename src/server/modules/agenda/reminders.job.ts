import { sql } from 'kysely'
import { addDays } from '../../../shared/dates.ts'
import type { Deps } from '../../deps.ts'
import { sendAppointmentMessage } from './messages.service.ts'
import { zonedInstant } from './wall-time.ts'

/** Reminders go the day before at 10:00, the structure's time. */
export const REMINDER_TIME = '10:00'

/**
 * When the reminder of an appointment on `day` is due: the day before at REMINDER_TIME; null when that moment has
 * passed at booking (a late booking's convocation is its last word, no reminder an hour later).
 */
export function reminderDueAt(day: string, timeZone: string, now: Date): Date | null {
  const due = zonedInstant(addDays(day, -1), REMINDER_TIME, timeZone)
  return due > now ? due : null
}

/**
 * Sends the reminders due at `now`, a batch at a time, and returns how many persons were handled. The rows are
 * claimed with FOR UPDATE SKIP LOCKED inside one transaction that also marks them reminded: two servers running the
 * job at once take different rows, and a row is never reminded twice (the second sees it locked, then reminded).
 * A person without consent or address is marked too (nothing to send; the file shows no message).
 */
export async function sendDueReminders(deps: Pick<Deps, 'db' | 'mailer' | 'config'>, now: Date, batch = 50) {
  return deps.db.kysely.transaction().execute(async (tx) => {
    const due = await sql<{ structure_id: string; appointment_id: string; person_id: string }>`
      SELECT ap.structure_id, ap.appointment_id, ap.person_id
      FROM appointment_person ap
      JOIN appointment a ON a.structure_id = ap.structure_id AND a.id = ap.appointment_id
      WHERE ap.reminded_at IS NULL AND ap.reminder_due_at <= ${now} AND ap.attendance IS NULL
        AND a.cancelled_at IS NULL AND a.starts_at > ${now}
      ORDER BY ap.reminder_due_at
      LIMIT ${batch}
      FOR UPDATE OF ap SKIP LOCKED`.execute(tx)
    for (const r of due.rows) {
      await sendAppointmentMessage(
        tx,
        deps,
        {
          structureId: r.structure_id,
          appointmentId: r.appointment_id,
          personId: r.person_id,
          purpose: 'reminder',
          sentBy: null,
          now,
        },
        false,
      )
      await tx
        .updateTable('appointment_person')
        .set({ reminded_at: now })
        .where('structure_id', '=', r.structure_id)
        .where('appointment_id', '=', r.appointment_id)
        .where('person_id', '=', r.person_id)
        .execute()
    }
    return due.rows.length
  })
}

/** The scheduler inside the server: a plain interval, one run at a time, stopped when the app closes. */
export function scheduleReminders(
  deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'clock' | 'log'>,
  seconds: number,
): { stop(): void } {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sendDueReminders(deps, deps.clock.now())
      .catch((error) => deps.log?.error({ err: error }, 'agenda : envoi des rappels en échec'))
      .finally(() => {
        running = false
      })
  }, seconds * 1000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
