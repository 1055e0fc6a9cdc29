import { type ExpressionBuilder, sql } from 'kysely'
import type { Role } from '../../../shared/auth/roles.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { forbidden, notFound } from '../../errors.ts'

/**
 * Who may see and change a person's file. Declared here, nowhere else.
 *
 * - identity: search, duplicates check, identity and contact. Reception and every front-line role need it.
 * - file: the whole accompaniment record (situations over time, events, propositions, situations, programmes, notes).
 * - write: record events, propositions, situations, programmes, notes, dated attributes.
 * - sensitive: welfare (RSA status, resources), disability (RQTH) and justice statuses, health propositions. Only
 *   those who follow the person; each read audited; left out (sensitiveHidden) for the others, who may not record them.
 * - duplicates: the check before creating a file looks across the whole structure; a match out of the actor's
 *   scope is answered with name, birth date, site and referent only (no id), so reception learns the person is
 *   followed elsewhere without reading the file.
 * - reference: the lists the person forms need (counsellors who can be referent).
 *
 * Scope of records: a director sees the whole structure; others see the people of their sites, or the people
 * they are referent of. Statisticians, partners and admins have no access to individual files here: the
 * statistician works on aggregates (reporting module), the admin manages the system, not files.
 */
export const personPolicy = {
  identity: ['director', 'counsellor', 'reception', 'training_officer', 'employment_officer', 'aid_officer'],
  create: ['counsellor', 'reception'],
  editIdentity: ['counsellor', 'reception'],
  file: ['director', 'counsellor'],
  write: ['counsellor'],
  sensitive: ['director', 'counsellor'],
  caseload: ['counsellor', 'director'],
  duplicates: ['director', 'counsellor', 'reception'],
  reference: ['director', 'counsellor', 'reception', 'training_officer', 'employment_officer', 'aid_officer'],
} as const satisfies Record<string, readonly Role[]>

const wholeStructure: readonly Role[] = ['director']

/** A where-clause for lists: the persons this actor may see. */
export function visiblePersons(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'person'>) => {
    const inStructure = eb('person.structure_id', '=', actor.structureId)
    if (wholeStructure.includes(actor.role)) return inStructure
    const bySite = actor.siteIds.length ? eb('person.site_id', 'in', actor.siteIds) : sql<boolean>`false`
    // A programme referent (e.g. the PLIE referent on another site) follows the person through an open enrolment.
    const byEnrolment = eb.exists(
      eb
        .selectFrom('enrolment')
        .select('enrolment.id')
        .whereRef('enrolment.person_id', '=', 'person.id')
        .where('enrolment.referent_id', '=', actor.userId)
        .where('enrolment.exit_date', 'is', null),
    )
    return eb.and([inStructure, eb.or([bySite, eb('person.referent_id', '=', actor.userId), byEnrolment])])
  }
}

/** The same rule as visiblePersons, for a row already loaded (the duplicates check reads out of scope). */
export function canSeePerson(
  actor: Actor,
  person: { structure_id: string; referent_id: string | null; site_id: string },
) {
  if (person.structure_id !== actor.structureId) return false
  if (wholeStructure.includes(actor.role)) return true
  return actor.siteIds.includes(person.site_id) || person.referent_id === actor.userId
}

/** Loads the person if the actor may see it; a person out of scope answers 404, so its existence does not leak. */
export async function loadVisiblePerson(tx: Tx, actor: Actor, personId: string) {
  const row = await tx
    .selectFrom('person')
    .selectAll()
    .where('id', '=', personId)
    .where(visiblePersons(actor))
    .executeTakeFirst()
  if (!row) throw notFound('Cette personne')
  return row
}

export function canSeeSensitive(actor: Actor, person: { referent_id: string | null; site_id: string }) {
  if (!(personPolicy.sensitive as readonly Role[]).includes(actor.role)) return false
  if (wholeStructure.includes(actor.role)) return true
  return person.referent_id === actor.userId || actor.siteIds.includes(person.site_id)
}

/** What the actor may do on a visible person's file (the screens offer only that). */
export function abilitiesOn(actor: Actor, person: { referent_id: string | null; site_id: string }) {
  const has = (roles: readonly Role[]) => roles.includes(actor.role)
  return {
    readFile: has(personPolicy.file),
    write: has(personPolicy.write),
    editIdentity: has(personPolicy.editIdentity),
    seeSensitive: canSeeSensitive(actor, person),
  }
}

export function requireRole(actor: Actor, roles: readonly Role[]) {
  if (!roles.includes(actor.role)) throw forbidden()
}
