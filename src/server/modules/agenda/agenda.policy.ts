import { type ExpressionBuilder, sql } from 'kysely'
import { can, capabilities, type Role } from '../../../shared/auth/roles.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../deps.ts'
import { forbidden } from '../../errors.ts'
import { personPolicy } from '../persons/person.policy.ts'

/**
 * Who may use the agenda. Declared here, nowhere else; the role lists are capabilities of src/shared/auth/roles.ts.
 *
 * - read: the calendar views. The director sees the structure's appointments; a counsellor those of their sites and
 *   their own (wherever they are); reception the appointments of their sites on the day only (who is expected today).
 * - book: create, change, move (drag), cancel, take attendance, send a convocation; only on appointments the reader
 *   sees and on a site of theirs (a counsellor books for their sites), and only with persons whose file they see.
 * - rooms and message templates: the admin, who reads no person file; every agenda reader lists the rooms.
 * - the person file's "Rendez-vous" tab: the file's readers (persons policy); consent and channel: its writers.
 * - the private iCal feed: whoever books (the counsellor's own agenda).
 * Out of scope answers 404 (an appointment of another site does not tell it exists).
 */
export const agendaPolicy = {
  read: capabilities.agenda,
  book: capabilities.agendaBook,
  rooms: 'authenticated',
  manage: capabilities.administration,
  personTab: personPolicy.file,
  contact: personPolicy.write,
  feed: capabilities.agendaBook,
  feedRead: 'public',
} as const

const wholeStructure = (actor: Actor) => can(actor.role, 'personsWholeStructure')
/** reception reads the day's appointments only */
export const dayOnly = (actor: Actor) => !can(actor.role, 'agendaBook') && !wholeStructure(actor)

/** A where-clause: the appointments this actor may read (the day restriction of reception is the service's). */
export function visibleAppointments(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'appointment'>) => {
    const inStructure = eb('appointment.structure_id', '=', actor.structureId)
    if (wholeStructure(actor)) return inStructure
    const bySite = actor.siteIds.length ? eb('appointment.site_id', 'in', actor.siteIds) : sql<boolean>`false`
    // a co-leader sees what they lead, wherever it is
    const coLeads = eb.exists(
      eb
        .selectFrom('appointment_leader as al')
        .select('al.user_id')
        .whereRef('al.structure_id', '=', 'appointment.structure_id')
        .whereRef('al.appointment_id', '=', 'appointment.id')
        .where('al.user_id', '=', actor.userId),
    )
    return eb.and([inStructure, eb.or([bySite, eb('appointment.counsellor_id', '=', actor.userId), coLeads])])
  }
}

/** May this actor change this appointment (book, move, cancel, attendance)? A co-leader may, as the leader. */
export function canEdit(actor: Actor, a: { site_id: string; counsellor_id: string }, coLeaderIds: string[] = []) {
  if (!can(actor.role, 'agendaBook')) return false
  return actor.siteIds.includes(a.site_id) || a.counsellor_id === actor.userId || coLeaderIds.includes(actor.userId)
}

/** A new or moved appointment goes on one of the booker's sites. */
export function ensureBookableSite(actor: Actor, siteId: string) {
  if (!actor.siteIds.includes(siteId)) throw forbidden('Vous ne pouvez prendre de rendez-vous que sur vos sites.')
}

export const hasRole = (actor: Actor, roles: readonly Role[]) => roles.includes(actor.role)
